import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import type { ApiContext } from '../context.js';
import { requestFingerprint } from './fingerprint.js';
import { shownValue } from './idempotencyKey.js';
import type { IdempotencyKeys } from './keyStore.js';

/** How a refusal names an operation: its name, else its root fields (most clients send anonymous mutations). */
export function operationLabel(operation: OperationDefinitionNode): string {
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  const label = operation.name?.value ?? (fields.length ? fields.join(', ') : 'an anonymous operation');
  // Stored with the key and shown in a message: a document with hundreds of fields is named in short.
  return label.length > 200 ? `${label.slice(0, 200)}…` : label;
}

function reused(key: string, label: string, first: { operation: string; firstUsedAt: string }, ttlMs: number) {
  const what =
    first.operation === label
      ? `${label} with other variables or another document`
      : `another operation (${first.operation})`;
  return new GraphQLError(
    `Idempotency-Key ${shownValue(key)} was first used at ${first.firstUsedAt} for ${what}, so this request was not run: a key belongs to one request. Send this request with a new key; to get the first request's answer, send that one again unchanged with this key (it is kept for ${Math.round(ttlMs / 3_600_000)} hours).`,
    // The draft answers a reused key with 422; like UNAUTHENTICATED's 401, an error that stops a request before it runs keeps its status.
    { extensions: { code: 'IDEMPOTENCY_KEY_REUSED', firstUsedAt: first.firstUsedAt, http: { status: 422 } } },
  );
}

/**
 * Binds a mutation's Idempotency-Key to the request before anything runs: the
 * first request with a key claims it, a retry of the same request (same
 * fingerprint) gets the same command ids (the event store then answers with
 * what the first one stored), and another request with the key is refused
 * with IDEMPOTENCY_KEY_REUSED. A retry sent while the first is still running
 * is not refused (the draft's 409): it runs with the same command ids, and
 * the event store keeps one of the two appends, so both get the one answer.
 * Queries change nothing: their key is checked, then ignored.
 */
export function idempotencyPlugin(keys: IdempotencyKeys): ApolloServerPlugin<ApiContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: async ({ contextValue, operation, operationName, document, request }) => {
          // Apollo calls this hook only once the operation is resolved.
          if (!operation) return;
          const key = contextValue.idempotencyKey;
          if (key === undefined) return;
          if (operation.operation !== OperationTypeNode.MUTATION) {
            contextValue.useCommandIds(undefined);
            return;
          }
          const label = operationLabel(operation);
          const result = await keys.claim({
            principalId: contextValue.principal.id,
            key,
            fingerprint: requestFingerprint({ document, operationName, variables: request.variables }),
            operation: label,
            now: contextValue.services.now(),
          });
          if (result.kind === 'reused') throw reused(key, label, result, keys.ttlMs);
          contextValue.useCommandIds(result.commandId);
        },
      }),
  };
}
