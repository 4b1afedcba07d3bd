import { mapExchange, stringifyDocument, type Exchange, type Operation, type OperationResult } from 'urql';

/** The header the API honours on mutations (README: "Retrying a mutation"). */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * How many intents without a definite answer the client remembers. Each is
 * a mutation whose answer never came (or said "retry"); a person rarely has
 * more than one or two, so the bound only keeps a tab open for days small.
 */
const MAX_OPEN_INTENTS = 100;

/**
 * How long a mutation may take before the client stops waiting and offers the
 * retry: well above the API's read-your-writes wait (10 s by default), so only
 * a request that hangs is cut off. The retry carries the same key; if the
 * first is still running, the API gives the retry its result.
 */
export const MUTATION_TIMEOUT_MS = 60_000;

/** JSON with every object's keys sorted: the same variables, however built, give the same text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * What makes two sends the same request, as the API compares them: the
 * document and the variables (canonical JSON). Sent again unchanged, a
 * mutation is the same intent; any change to its input is a new one.
 */
export function mutationFingerprint(document: string, variables: unknown): string {
  return `${document}\n${stableJson(variables ?? {})}`;
}

/**
 * One Idempotency-Key per user intent. A mutation's key is kept while its
 * outcome is open (sent and not answered, or answered "it may or may not have
 * happened, send it again"), so sending the same mutation with the same
 * variables again (a retry after a dropped connection, a double click,
 * "Opnieuw proberen") carries the same key and the API stores it once. A
 * definite answer (the result, or an error saying what was wrong) closes the
 * intent: the next send, even an identical one, is a new request with a new key.
 */
export class IntentKeys {
  private readonly open = new Map<string, string>();

  constructor(
    private readonly newKey: () => string = () => crypto.randomUUID(),
    private readonly limit = MAX_OPEN_INTENTS,
  ) {}

  /** The key to send this request with: the open intent's, or a new one. */
  keyFor(fingerprint: string): string {
    const existing = this.open.get(fingerprint);
    if (existing !== undefined) return existing;
    const key = this.newKey();
    this.open.set(fingerprint, key);
    // A Map iterates in insertion order: the first entry is the oldest intent.
    if (this.open.size > this.limit) this.open.delete(this.open.keys().next().value!);
    return key;
  }

  /** A definite answer to the send with `key` closes its intent; an open outcome keeps the key for the retry. */
  answered(fingerprint: string, key: string, definite: boolean): void {
    if (definite && this.open.get(fingerprint) === key) this.open.delete(fingerprint);
  }

  /** How many intents await a definite answer (for tests and diagnostics). */
  get openCount(): number {
    return this.open.size;
  }
}

interface GraphQLErrorLike {
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * Whether an answer settles what happened to the request. Open: no answer
 * (a network error, a timeout, a proxy's page instead of JSON), or only
 * errors the API marks `retryable` (storage faults, READ_MODELS_BEHIND: "the
 * change was stored", a conflict it gave up on) or answers generically
 * (INTERNAL_SERVER_ERROR: it may have failed after storing). The API asks for
 * those to be sent again with the same key. Anything else, data or an error
 * naming what was wrong, is definite.
 */
export function isDefiniteAnswer(result: Pick<OperationResult, 'data' | 'error'>): boolean {
  const error = result.error;
  if (!error) return true;
  const errors: readonly GraphQLErrorLike[] = error.graphQLErrors;
  if (errors.length === 0) return false;
  return !errors.every((e) => e.extensions?.retryable === true || e.extensions?.code === 'INTERNAL_SERVER_ERROR');
}

interface IntentContext {
  readonly fingerprint: string;
  readonly key: string;
}

const INTENT = 'idempotencyIntent';

function withKey(operation: Operation, keys: IntentKeys): Operation {
  const fingerprint = mutationFingerprint(stringifyDocument(operation.query), operation.variables);
  const key = keys.keyFor(fingerprint);
  const base = operation.context.fetchOptions;
  const resolved = (typeof base === 'function' ? base() : base) ?? {};
  const headers = Object.fromEntries(new Headers(resolved.headers).entries());
  const intent: IntentContext = { fingerprint, key };
  return {
    ...operation,
    context: {
      ...operation.context,
      [INTENT]: intent,
      fetchOptions: { ...resolved, headers: { ...headers, [IDEMPOTENCY_HEADER]: key } },
    },
  };
}

/**
 * Gives every mutation an Idempotency-Key (see IntentKeys). Place it last
 * before the fetch exchange, so every mutation that reaches the network has
 * its key and every answer from the network settles its intent.
 */
export function idempotencyExchange(keys: IntentKeys = new IntentKeys()): Exchange {
  return mapExchange({
    onOperation: (operation) => (operation.kind === 'mutation' ? withKey(operation, keys) : operation),
    onResult: (result) => {
      const intent = result.operation.context[INTENT] as IntentContext | undefined;
      if (intent) keys.answered(intent.fingerprint, intent.key, isDefiniteAnswer(result));
      return result;
    },
  });
}

/**
 * A fetch that gives up on a mutation (a request carrying an Idempotency-Key)
 * after `timeoutMs`: the page then shows it as unanswered, with its retry,
 * instead of a button busy for ever. Queries keep urql's own cancellation.
 */
export function withMutationTimeout(fetchFn: typeof fetch, timeoutMs = MUTATION_TIMEOUT_MS): typeof fetch {
  return (input, init) => {
    if (!new Headers(init?.headers).has(IDEMPOTENCY_HEADER)) return fetchFn(input, init);
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetchFn(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
