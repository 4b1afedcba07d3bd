import { ReadModelsBehindError } from '@werkbezoek/projections';
import { storageFault, type StorageFaultKind } from '@werkbezoek/schema';
import { GraphQLError } from 'graphql';

/** What each storage fault means for the client, and what will make it pass. */
const faults: Record<StorageFaultKind, { code: string; problem: string; remedy: string }> = {
  FULL: {
    code: 'STORAGE_FULL',
    problem: "the platform's storage is full",
    remedy:
      'An operator must free disk space or enlarge the volume of the data directory (DATA_DIR) or the database; the platform resumes by itself once there is room, without a restart.',
  },
  READ_ONLY: {
    code: 'STORAGE_READ_ONLY',
    problem: "the platform's storage is read-only",
    remedy:
      'An operator must make the data directory (DATA_DIR) or the database writable again; reading goes on meanwhile.',
  },
  UNAVAILABLE: {
    code: 'STORAGE_UNAVAILABLE',
    problem: "the platform's storage cannot be reached for now",
    remedy: 'Try again in a moment; if it lasts, /readyz says which store is down.',
  },
};

const resend =
  'Then send the request again, with the same Idempotency-Key if it had one: a change stored in part is then completed, and nothing is stored twice.';

/**
 * The error a client gets when the storage, not the request, is at fault (a
 * full disk, a read-only database, a database out of reach), or when a write
 * was stored but the read models did not show it in time; undefined for
 * anything else. Each has its own code, so a client can tell "try again
 * later" from "your request is wrong", and a message saying what to do.
 */
export function storageError(error: unknown): GraphQLError | undefined {
  if (error instanceof ReadModelsBehindError) {
    return new GraphQLError(
      `The change was stored (position ${error.position}), but the read models did not show it within ${error.timeoutMs} ms (they stand at ${error.reached}), so it cannot be answered yet. Do not send it as a new request: reload in a moment, or send the same request again with the same Idempotency-Key to get its answer. /readyz says why the read models are behind.`,
      { extensions: { code: 'READ_MODELS_BEHIND', retryable: true, position: String(error.position) } },
    );
  }
  const fault = storageFault(error);
  if (!fault) return undefined;
  const { code, problem, remedy } = faults[fault.kind];
  return new GraphQLError(`The request could not be completed: ${problem} (${fault.message}). ${remedy} ${resend}`, {
    extensions: { code, retryable: true },
  });
}
