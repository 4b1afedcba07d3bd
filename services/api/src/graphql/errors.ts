import {
  DomainError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  ConcurrencyError,
} from '@werkbezoek/schema';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { storageError } from './storageErrors.js';

/** The one place where errors become what clients see. */
export function toGraphQLError(error: unknown): GraphQLError | undefined {
  const storage = storageError(error);
  if (storage) return storage;
  if (error instanceof ValidationError) {
    return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', fields: error.fields } });
  }
  if (error instanceof ForbiddenError) return new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN' } });
  if (error instanceof NotFoundError) return new GraphQLError(error.message, { extensions: { code: 'NOT_FOUND' } });
  if (error instanceof ConcurrencyError) {
    return new GraphQLError(`${error.message} It is safe to retry.`, {
      extensions: { code: 'CONFLICT', retryable: true },
    });
  }
  if (error instanceof IllegalStateError)
    return new GraphQLError(error.message, { extensions: { code: 'CONFLICT', retryable: false } });
  if (error instanceof DomainError) return new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
  if (error instanceof ArgumentValidationError) {
    const fields = error.extensions.validationErrors.map((v) => v.property);
    const message = error.extensions.validationErrors
      .map((v) => `${v.property}: ${Object.values(v.constraints ?? {}).join(', ')}`)
      .join('; ');
    return new GraphQLError(`Invalid input: ${message}`, { extensions: { code: 'BAD_USER_INPUT', fields } });
  }
  return undefined;
}

/** The codes of the errors clients are meant to see; any other error is answered INTERNAL_SERVER_ERROR. */
export const knownErrorCodes: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'BAD_IDEMPOTENCY_KEY',
  'IDEMPOTENCY_KEY_REUSED',
]);

function httpStatus(http: unknown): number | undefined {
  const status = (http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Apollo's formatError: domain errors keep their code and message; anything
 * unexpected becomes a generic INTERNAL_SERVER_ERROR, logged with its stack
 * here and never sent.
 */
export function formatError(log: (message: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const mapped = toGraphQLError(
      original instanceof GraphQLError && original.originalError ? original.originalError : original,
    );
    if (mapped) return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
    if (
      original instanceof GraphQLError &&
      typeof original.extensions.code === 'string' &&
      knownErrorCodes.has(original.extensions.code)
    ) {
      const { http: _h, ...extensions } = original.extensions;
      return { ...formatted, extensions };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && knownErrorCodes.has(code)) {
      // Expected errors (bad input, no access) carry no stack: it would only be noise for clients.
      const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    // Apollo refuses some malformed requests (a persisted query whose hash does not match its text, an
    // unknown persisted-query version) with an HTTP status of 4xx and no code: the client's mistake.
    const status = original instanceof GraphQLError ? httpStatus(original.extensions.http) : undefined;
    if (status !== undefined && status >= 400 && status < 500) {
      const { stacktrace: _s, http: _h, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: 'BAD_REQUEST' } };
    }
    log(`Unexpected error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
    return {
      message: 'Internal server error; it has been logged',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Runs a command whose input fields the API names differently from the
 * domain, and speaks of the API's names in validation errors.
 */
export async function inApiTerms<T>(names: Readonly<Record<string, string>>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    let message = error.message;
    for (const [domain, api] of Object.entries(names))
      message = message.replace(new RegExp(`\\b${domain}\\b(?=:| lists)`, 'g'), api);
    throw new ValidationError(
      message,
      error.fields.map((f) => f.replace(new RegExp(`^${Object.keys(names).join('|')}\\b`), (m) => names[m] ?? m)),
    );
  }
}
