import type { CombinedError } from 'urql';
import type { Formatters } from '../i18n/format';

export type ErrorKind =
  'network' | 'unauthenticated' | 'forbidden' | 'notFound' | 'badInput' | 'conflict' | 'idempotencyKey' | 'other';

function code(error: CombinedError): string | undefined {
  const value = error.graphQLErrors[0]?.extensions?.code;
  return typeof value === 'string' ? value : undefined;
}

export function errorKind(error: CombinedError): ErrorKind {
  if (error.networkError && !error.graphQLErrors.length) return 'network';
  switch (code(error)) {
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'notFound';
    case 'BAD_USER_INPUT':
      return 'badInput';
    case 'CONFLICT':
      return 'conflict';
    // The client makes its keys (graphql/idempotency.ts): either answer means a bug in it, not in the person's input.
    case 'BAD_IDEMPOTENCY_KEY':
    case 'IDEMPOTENCY_KEY_REUSED':
      return 'idempotencyKey';
    default:
      return error.response && (error.response as Response).status === 401 ? 'unauthenticated' : 'other';
  }
}

/** The API's own sentence, without urql's "[GraphQL]" prefix. */
export function apiMessage(error: CombinedError): string {
  return error.graphQLErrors.map((e) => e.message).join(' ') || error.message.replace(/^\[\w+\]\s*/, '');
}

/** A sentence a person can act on, in the chosen language. */
export function describeError(error: CombinedError, f: Formatters, role?: string): string {
  switch (errorKind(error)) {
    case 'network':
      return f.t('state.error.network');
    case 'unauthenticated':
      return f.t('state.error.unauthenticated');
    case 'forbidden':
      return f.t('state.error.forbidden', { role: role ? f.t(`role.${role}` as never) : '?' });
    case 'notFound':
      return f.t('state.error.notFound');
    case 'idempotencyKey':
      return f.t('state.error.idempotencyKey', { message: apiMessage(error) });
    default:
      return f.t('state.error.generic', { message: apiMessage(error) });
  }
}

/**
 * BAD_USER_INPUT names the offending fields (dotted paths such as
 * "input.endDate" or "endDate"): each field's last segment gets the message,
 * so a form shows it beside that field.
 */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!error) return errors;
  for (const e of error.graphQLErrors) {
    if (e.extensions?.code !== 'BAD_USER_INPUT') continue;
    const fields = Array.isArray(e.extensions.fields) ? (e.extensions.fields as unknown[]) : [];
    for (const field of fields) {
      const name = String(field)
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .pop();
      if (name && !(name in errors)) errors[name] = e.message;
    }
  }
  return errors;
}
