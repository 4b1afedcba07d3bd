import type { Event, NewEvent, RecordedEvent } from '@werkbezoek/schema';

/**
 * What an append expects of its stream, for optimistic concurrency:
 * `'no_stream'`: the stream must not exist yet; `'stream_exists'`: it must;
 * a revision: its last event must be at that revision; `'any'`: no check.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  /** Defaults to `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
  /**
   * When the events were first recorded, for importing history (the
   * `migrate:eventstore` command); an ISO 8601 instant. Without it the store
   * stamps the time of the append, as every command should let it.
   */
  readonly recordedAt?: string;
  /**
   * The events' data is as another store holds it (the `migrate:eventstore`
   * command): personal fields may be sealed already (`enc:v1:…`). Sealed
   * values are copied as they are, and validation leaves out the problems
   * they alone cause (the source validated their plaintext when it was
   * first appended). Pass it only with data read from a store opened
   * without a codec.
   */
  readonly asStored?: boolean;
}

export interface AppendResult {
  /** The revision of the stream's last event: pass it as `expectedRevision` next time. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last appended event: wait for projections to reach it. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive; defaults to the first event (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
  readonly direction?: 'forwards' | 'backwards';
}

export interface ReadAllOptions {
  /** Exclusive: events after this position, as a checkpoint means. `START` (0n) reads from the beginning. */
  readonly fromPosition?: bigint;
  /** The most events to yield (of the given types, when `types` is set). */
  readonly maxCount?: number;
  /**
   * Only events of these types; the store skips the others without decoding
   * them. Fewer than `maxCount` events means the read went to the end of the
   * log: every event up to the head before the read has been seen.
   */
  readonly types?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive: resume after this position (a checkpoint). Defaults to `START`. */
  readonly fromPosition?: bigint;
}

/**
 * A catch-up subscription to the global order: it replays the events after its
 * start position, then goes live and yields new events as they are committed,
 * until stopped. Iterate it once.
 */
export interface Subscription<E extends Event = Event> extends AsyncIterable<RecordedEvent<E>> {
  /** Ends the iteration; resolves when the subscription has let go of its resources. */
  stop(): Promise<void>;
}

/**
 * Whether a store can reach its server, for readiness checks. Embedded stores
 * are always connected; a networked one reports what its last calls and its
 * subscriptions' reconnects saw.
 */
export interface EventStoreStatus {
  readonly connected: boolean;
  /** How often subscriptions have reconnected since the store was opened. */
  readonly reconnects: number;
  /** The last connection error's message, if any. */
  readonly lastError: string | undefined;
  /** When it happened, as an ISO 8601 instant. */
  readonly lastErrorAt: string | undefined;
}

/** The status of a store that has no server to lose. */
export const ALWAYS_CONNECTED: EventStoreStatus = Object.freeze({
  connected: true,
  reconnects: 0,
  lastError: undefined,
  lastErrorAt: undefined,
});

/** The position before the first event of every store. */
export const START = 0n;

/**
 * The event store every part of Werkbezoek writes to and reads from. Three
 * adapters implement it (embedded SQLite, EventStoreDB, in-memory) and one
 * contract suite holds them to the same behaviour.
 */
export interface EventStore<E extends Event = Event> {
  /**
   * Appends events to a stream, atomically, if the stream is at the expected
   * revision; otherwise throws a ConcurrencyError and writes nothing. Events
   * are validated against the catalogue first: bad input throws a
   * ValidationError and writes nothing. Appending events whose ids are already
   * stored in this stream, in the same order, writes nothing and returns the
   * original result, so a retried command is harmless.
   */
  appendToStream(streamId: string, events: readonly NewEvent<E>[], options?: AppendOptions): Promise<AppendResult>;
  /** The events of one stream in revision order; a stream that does not exist yields nothing. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent<E>>;
  /** Every event in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent<E>>;
  subscribeToAll(options?: SubscribeOptions): Subscription<E>;
  /** The position of the last committed event; `START` when the store is empty. */
  headPosition(): Promise<bigint>;
  /** Whether the store reaches its server (for /readyz); stores without one may leave it out. */
  status?(): EventStoreStatus;
  close(): Promise<void>;
}
