import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
  type EventData,
  type Filter,
  type Position,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
  uuidv7Time,
  werkbezoekCatalogue,
  type Event,
  type EventCatalogue,
  type EventMetadata,
  type NewEvent,
  type RecordedEvent,
} from '@werkbezoek/schema';
import {
  START,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventStoreStatus,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
} from '../eventStore.js';
import type { PersonalDataCodec } from '../privacy/personalDataCodec.js';
import { streamRange } from '../streamSlice.js';
import {
  describeActual,
  describeExpected,
  idempotencyConflict,
  prepareAppend,
  validateExpectedRevision,
  validateRecordedAt,
  validateStreamId,
  type PreparedEvent,
} from '../validation.js';
import { grpcConnection, type EsdbConnection, type EsdbSubscription } from './connection.js';

/**
 * `$all` positions in EventStoreDB are (commit, prepare) pairs ordered by
 * commit, then prepare. The interface speaks of one bigint, so the adapter
 * packs the pair losslessly into one, in the same order.
 */
const SHIFT = 64n;
const MASK = (1n << SHIFT) - 1n;
export function packPosition(p: Position): bigint {
  return (p.commit << SHIFT) | p.prepare;
}
export function unpackPosition(position: bigint): Position {
  return { commit: position >> SHIFT, prepare: position & MASK };
}

/** How far back an append looks for its own event ids, to recognise a retry. */
const RETRY_SCAN = 10_000;
/** Pages of the backwards scan for a retry: most scans end in the first. */
const SCAN_PAGES = [1, 32, 1024, RETRY_SCAN];
/** How often an `'any'` append re-reads the tail when other writers keep moving it. */
const ANY_ATTEMPTS = 20;

interface StoredMetadata extends Omit<EventMetadata, 'eventId'> {
  readonly $correlationId: string;
  readonly $causationId: string;
  /** The original time of imported history: EventStoreDB stamps its own `created` on every append. */
  readonly recordedAt?: string;
}

interface ConnectionOptions {
  readonly catalogue?: EventCatalogue;
  /** Where reconnects are reported, one line each; silent without it. */
  readonly log?: (message: string) => void;
  /** The subscription's wait before reconnecting: doubles from `initialDelayMs` up to `maxDelayMs`. */
  readonly reconnect?: { readonly initialDelayMs?: number; readonly maxDelayMs?: number };
  /**
   * How far this machine's clock may run ahead of the server's. A retry is
   * recognised by its event ids (UUID v7, which carry the time they were made):
   * an event the server created before the earliest id's time, less this
   * margin, cannot be one of them, so the backwards scan stops there.
   */
  readonly clockSkewMs?: number;
  /** Encrypts personal data as it is written and decrypts it as it is read; without it, data is stored as given. */
  readonly codec?: PersonalDataCodec | undefined;
}

export type EventStoreDbEventStoreOptions = ConnectionOptions &
  (
    | {
        /** e.g. `esdb://localhost:2113?tls=false` */
        readonly connectionString: string;
      }
    | {
        /** The calls to make instead of a new client's: a counting wrapper, or the fake in testing/. */
        readonly connection: EsdbConnection;
      }
  );

/** A decoding failure of one of our events: not the connection's fault, so never retried. */
class UndecodableEvent extends Error {}

/** An escaped regex matching exactly these event types. */
export function exactTypes(types: readonly string[]): string {
  return `^(?:${types.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}

/**
 * The production event store: EventStoreDB through its gRPC client. The
 * contract suite runs against it when EVENTSTORE_URL is set.
 *
 * Appends with an exact expectation (a revision or `'no_stream'`, as every
 * command handler sends) go straight to the server, which checks the revision
 * and recognises an exact retry itself; only when it answers
 * WrongExpectedVersion does the adapter look back from the end of the stream
 * for the append's event ids, to tell a retry (the original result) from a
 * conflict (ConcurrencyError). EventStoreDB recognises `'any'` retries only
 * among recently written events, so an `'any'` or `'stream_exists'` append
 * first reads the stream's tail, backwards and lazily: it stops at the first
 * event created before the append's event ids were made (usually the very last
 * event), then appends at the revision it found. Event ids are unique within
 * a stream; unlike the SQLite store, uniqueness across streams is not
 * enforced, and ids reused later in the same stream with an exact expected
 * revision are not looked for.
 *
 * `$all` is read and followed with a server-side filter on the catalogue's
 * event types. A subscription that loses its connection reconnects with
 * exponential backoff and resumes after the last event it yielded; `status()`
 * tells whether the server is reachable.
 */
export class EventStoreDbEventStore<E extends Event = Event> implements EventStore<E> {
  private readonly connection: EsdbConnection;
  private readonly catalogue: EventCatalogue;
  private readonly subscriptions = new Set<Subscription<E>>();
  private readonly log: (message: string) => void;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly clockSkewMs: number;
  private readonly allTypes: Filter;
  private readonly codec: PersonalDataCodec | undefined;
  private health = {
    connected: false,
    reconnects: 0,
    lastError: undefined as string | undefined,
    lastErrorAt: undefined as string | undefined,
  };

  constructor(options: EventStoreDbEventStoreOptions) {
    this.connection =
      'connection' in options
        ? options.connection
        : grpcConnection(EventStoreDBClient.connectionString(options.connectionString));
    this.catalogue = options.catalogue ?? werkbezoekCatalogue;
    this.log = options.log ?? (() => {});
    this.initialDelayMs = options.reconnect?.initialDelayMs ?? 100;
    this.maxDelayMs = options.reconnect?.maxDelayMs ?? 10_000;
    this.clockSkewMs = options.clockSkewMs ?? 10_000;
    this.allTypes = eventTypeFilter({ regex: exactTypes(this.catalogue.types) });
    this.codec = options.codec;
  }

  /**
   * Connected once the server has answered, until a call or a subscription
   * fails to reach it. `reconnects` counts the subscriptions' reconnects.
   */
  status(): EventStoreStatus {
    return { ...this.health };
  }

  private answered(): void {
    this.health.connected = true;
  }

  private failed(error: unknown): void {
    this.health.connected = false;
    this.health.lastError = error instanceof Error ? error.message : String(error);
    this.health.lastErrorAt = new Date().toISOString();
  }

  /** Runs one call, noting whether the server answered (an error it sent is an answer too). */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.answered();
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError || error instanceof StreamNotFoundError) this.answered();
      else this.failed(error);
      throw error;
    }
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent<E>[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const expected = validateExpectedRevision(options);
    const importedAt = validateRecordedAt(options);
    let prepared = prepareAppend(this.catalogue, streamId, events, options);
    // Each attempt seals with fresh IVs, so the stored bytes differ: a retry is recognised by its event ids alone.
    if (this.codec) prepared = await this.codec.encode(prepared, { stored: options?.asStored === true });
    const data = prepared.map((p) =>
      jsonEvent({
        id: p.eventId,
        type: p.type,
        data: p.data as Record<string, unknown>,
        metadata: this.storedMetadata(p, importedAt),
      }),
    );
    if (expected === 'any' || expected === 'stream_exists')
      return this.appendAtTail(streamId, prepared, data, expected);
    try {
      const result = await this.call(() =>
        this.connection.appendToStream(streamId, data, { expectedRevision: expected }),
      );
      return await this.appended(streamId, prepared, expected === 'no_stream' ? -1n : expected, result);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // The stream has moved: by this append (a retry) or by another writer (a conflict).
      const { earlier } = await this.scanTail(streamId, prepared);
      if (earlier) return earlier;
      throw new ConcurrencyError(streamId, describeExpected(expected), describeActual(actualRevision(error)));
    }
  }

  /** `'any'` and `'stream_exists'`: read the tail, then append at the revision found, so a retry is never written twice. */
  private async appendAtTail(
    streamId: string,
    prepared: readonly PreparedEvent[],
    data: EventData[],
    expected: 'any' | 'stream_exists',
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const { tail, earlier } = await this.scanTail(streamId, prepared);
      if (earlier) return earlier;
      if (expected === 'stream_exists' && tail < 0n) throw new ConcurrencyError(streamId, expected, 'no_stream');
      try {
        const result = await this.call(() =>
          this.connection.appendToStream(streamId, data, { expectedRevision: tail < 0n ? 'no_stream' : tail }),
        );
        return await this.appended(streamId, prepared, tail, result);
      } catch (error) {
        // Another writer moved the tail between the read and the append: read the new tail.
        if (!(error instanceof WrongExpectedVersionError) || attempt >= ANY_ATTEMPTS) {
          if (error instanceof WrongExpectedVersionError) {
            throw new ConcurrencyError(streamId, expected, describeActual(actualRevision(error)));
          }
          throw error;
        }
      }
    }
  }

  /**
   * The result of an append the server accepted after revision `after`. When
   * it accepted an exact retry without writing, it sends no position (or
   * another revision): the position then comes from the stored last event.
   */
  private async appended(
    streamId: string,
    prepared: readonly PreparedEvent[],
    after: bigint,
    result: EsdbAppendResult,
  ): Promise<AppendResult> {
    const last = after + BigInt(prepared.length);
    if (result.position && result.nextExpectedRevision === last) {
      return { nextExpectedRevision: last, position: packPosition(result.position) };
    }
    const read = this.connection.readStream(streamId, { direction: FORWARDS, fromRevision: last, maxCount: 1 });
    for await (const resolved of read) {
      if (sameId(resolved.event?.id, prepared[prepared.length - 1]!.eventId)) {
        return { nextExpectedRevision: last, position: this.positionOf(resolved) };
      }
    }
    const { earlier } = await this.scanTail(streamId, prepared);
    if (earlier) return earlier;
    throw new Error(
      `EventStoreDB accepted the append to ${streamId} after revision ${after}, but its events are not at revision ${last}`,
    );
  }

  /**
   * Reads the stream backwards from its end, lazily (one event first, then
   * larger pages), until it has found this append's event ids, reached an
   * event created before they were made, or read RETRY_SCAN events. Returns
   * the revision of the last event (-1n: no stream) and, if the append is
   * stored already, its original result; ids found out of order throw.
   */
  private async scanTail(
    streamId: string,
    prepared: readonly PreparedEvent[],
  ): Promise<{ tail: bigint; earlier: AppendResult | undefined }> {
    const wanted = new Map(prepared.map((p, i) => [p.eventId.toLowerCase(), i]));
    const horizon = Math.min(...prepared.map((p) => uuidv7Time(p.eventId))) - this.clockSkewMs;
    const found = new Map<number, { revision: bigint; position: bigint }>();
    let tail = -1n;
    let from: ReadRevision = END;
    let scanned = 0;
    scan: for (const page of SCAN_PAGES) {
      const maxCount = Math.min(page, RETRY_SCAN - scanned);
      if (maxCount <= 0) break;
      let read = 0;
      let before: bigint | undefined;
      const events = this.connection.readStream(streamId, { direction: BACKWARDS, fromRevision: from, maxCount });
      try {
        for await (const resolved of events) {
          read++;
          const event = resolved.event;
          if (!event) continue;
          if (scanned++ === 0) tail = event.revision;
          before = event.revision;
          const index = wanted.get(event.id.toLowerCase());
          if (index !== undefined) found.set(index, { revision: event.revision, position: this.positionOf(resolved) });
          if (found.size === prepared.length || event.created.getTime() < horizon) {
            await events.cancel();
            break scan;
          }
        }
        this.answered();
      } catch (error) {
        if (error instanceof StreamNotFoundError) {
          this.answered();
          break;
        }
        this.failed(error);
        throw error;
      }
      if (read < maxCount || before === undefined || before === 0n) break;
      from = before - 1n;
    }
    if (found.size === 0) return { tail, earlier: undefined };
    const first = found.get(0);
    for (let i = 0; i < prepared.length; i++) {
      if (!first || found.get(i)?.revision !== first.revision + BigInt(i)) {
        throw idempotencyConflict(streamId, prepared[i]!.eventId, first ? `${streamId}@${first.revision}` : streamId);
      }
    }
    const last = found.get(prepared.length - 1)!;
    return { tail, earlier: { nextExpectedRevision: last.revision, position: last.position } };
  }

  private storedMetadata(p: PreparedEvent, recordedAt: string | undefined): StoredMetadata {
    const { eventId: _id, ...metadata } = p.metadata;
    // $correlationId and $causationId are EventStoreDB's own conventions, used by its projections.
    return {
      ...metadata,
      $correlationId: metadata.correlationId,
      $causationId: metadata.causationId,
      ...(recordedAt === undefined ? {} : { recordedAt }),
    };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    validateStreamId(streamId);
    const { backwards, from, max } = streamRange(options);
    if (max === 0) return;
    const read = this.connection.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from ?? (backwards ? END : ESDB_START),
      maxCount: max,
    });
    try {
      for await (const resolved of read) {
        const event = await this.toRecorded(resolved);
        if (event) yield event;
      }
      this.answered();
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        this.answered();
        return;
      }
      if (!(error instanceof UndecodableEvent)) this.failed(error);
      throw error;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent<E>> {
    const after = options.fromPosition ?? START;
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (remaining <= 0 || options.types?.length === 0) return;
    const read = this.connection.readAll({
      fromPosition: after === START ? ESDB_START : unpackPosition(after),
      // Reading from a position includes the event there, which the interface leaves out.
      maxCount: after === START ? remaining : Math.min(remaining + 1, Number.MAX_SAFE_INTEGER),
      filter: options.types ? eventTypeFilter({ regex: exactTypes(options.types) }) : this.allTypes,
    });
    try {
      for await (const resolved of read) {
        // The position first: the event at `after` is not this read's, nor opened with its keys.
        const found = this.positionIfOurs(resolved);
        if (!found || found.position <= after) continue;
        const event = (await this.toRecorded(resolved))!;
        yield event;
        if (--remaining === 0) {
          await read.cancel();
          break;
        }
      }
      this.answered();
    } catch (error) {
      if (!(error instanceof UndecodableEvent)) this.failed(error);
      throw error;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription<E> {
    const abort = new AbortController();
    let source: EsdbSubscription | undefined;
    let started = false;
    // True while the consumer holds an event: stop() from inside its own for-await must not wait for the loop.
    let atYield = false;
    let finished: () => void = () => {};
    const done = new Promise<void>((resolve) => (finished = resolve));

    async function* run(this: EventStoreDbEventStore<E>): AsyncGenerator<RecordedEvent<E>> {
      let after = options.fromPosition ?? START;
      let delay = this.initialDelayMs;
      try {
        while (!abort.signal.aborted) {
          let lost: unknown;
          try {
            source = this.connection.subscribeToAll({
              fromPosition: after === START ? ESDB_START : unpackPosition(after),
              filter: this.allTypes,
            });
            source.on('confirmation', () => {
              this.answered();
              delay = this.initialDelayMs;
            });
            for await (const resolved of source) {
              if (abort.signal.aborted) return;
              this.answered();
              delay = this.initialDelayMs;
              // A subscription starts after its position; the check also guards a resumed one.
              const found = this.positionIfOurs(resolved);
              if (!found || found.position <= after) continue;
              const event = (await this.toRecorded(resolved))!;
              atYield = true;
              yield event;
              atYield = false;
              after = event.position;
            }
            lost = new Error('the server ended the subscription');
          } catch (error) {
            if (error instanceof UndecodableEvent) throw error;
            lost = error;
          }
          if (abort.signal.aborted) return;
          const reconnect = ++this.health.reconnects;
          this.failed(lost);
          this.log(
            `EventStoreDB subscription to $all lost (${this.health.lastError}); reconnect ${reconnect} in ${delay} ms, ` +
              `resuming after position ${after}`,
          );
          const waited = source;
          source = undefined;
          await waited?.unsubscribe().catch(() => {});
          await sleep(delay, abort.signal);
          delay = Math.min(delay * 2, this.maxDelayMs);
        }
      } finally {
        // Also when the consumer breaks out of its loop: let go of the server's stream.
        abort.abort();
        atYield = false;
        this.subscriptions.delete(subscription);
        const open = source;
        source = undefined;
        await open?.unsubscribe().catch(() => {});
        finished();
      }
    }

    const subscription: Subscription<E> = {
      [Symbol.asyncIterator]: () => {
        if (started) throw new Error('A subscription can be iterated only once; subscribe again to read again');
        started = true;
        return run.call(this);
      },
      stop: async () => {
        if (abort.signal.aborted) return;
        abort.abort();
        this.subscriptions.delete(subscription);
        await source?.unsubscribe();
        if (started && !atYield) await done;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const read = this.connection.readAllBackwards(1000);
    try {
      for await (const resolved of read) {
        const event = this.positionIfOurs(resolved);
        if (event) {
          await read.cancel();
          this.answered();
          return event.position;
        }
      }
      this.answered();
    } catch (error) {
      if (!(error instanceof UndecodableEvent)) this.failed(error);
      throw error;
    }
    return START;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.connection.dispose();
  }

  private positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): bigint {
    const event = resolved.event!;
    const position =
      event.position ??
      (resolved.commitPosition !== undefined
        ? { commit: resolved.commitPosition, prepare: resolved.commitPosition }
        : undefined);
    if (!position) throw new Error(`EventStoreDB returned ${event.streamId}@${event.revision} without a position`);
    return packPosition(position);
  }

  /** Our event's position, undefined for system and foreign events: enough to skip or count one, without its keys. */
  private positionIfOurs(resolved: ResolvedEvent | AllStreamResolvedEvent): { position: bigint } | undefined {
    const event = resolved.event;
    if (!event || !event.isJson || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
    if (!this.catalogue.get(event.type)) return undefined;
    return { position: this.positionOf(resolved) };
  }

  /** Our event from EventStoreDB's (personal data opened, then lifted), or undefined for system and foreign events. */
  private async toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): Promise<RecordedEvent<E> | undefined> {
    const event = resolved.event;
    if (!event || !event.isJson || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
    if (!this.catalogue.get(event.type)) return undefined;
    try {
      const {
        $correlationId: _c,
        $causationId: _k,
        recordedAt,
        ...metadata
      } = event.metadata as unknown as StoredMetadata;
      const current = this.catalogue.currentVersion(event.type);
      let data: unknown = event.data;
      if (this.codec?.handles(event.type)) {
        const sealed = { eventId: event.id, type: event.type, data };
        await this.codec.decode([sealed]);
        data = sealed.data;
      }
      return {
        type: event.type,
        data:
          metadata.schemaVersion === current ? data : this.catalogue.upcast(event.type, metadata.schemaVersion, data),
        metadata: { ...metadata, eventId: event.id, schemaVersion: current },
        streamId: event.streamId,
        revision: event.revision,
        position: this.positionOf(resolved),
        recordedAt: recordedAt ?? event.created.toISOString(),
      } as RecordedEvent<E>;
    } catch (error) {
      throw new UndecodableEvent(
        `Cannot read ${event.streamId}@${event.revision} (${event.type}): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

function actualRevision(error: WrongExpectedVersionError): bigint {
  return typeof error.actualVersion === 'bigint' ? error.actualVersion : -1n;
}

function sameId(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
