import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
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
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
} from '../eventStore.js';
import { streamRange } from '../streamSlice.js';
import {
  describeActual,
  describeExpected,
  idempotencyConflict,
  prepareAppend,
  validateExpectedRevision,
  validateStreamId,
  type PreparedEvent,
} from '../validation.js';

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

interface StoredMetadata extends Omit<EventMetadata, 'eventId'> {
  readonly $correlationId: string;
  readonly $causationId: string;
}

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  readonly connectionString: string;
  readonly catalogue?: EventCatalogue;
}

/**
 * The production event store: EventStoreDB through its gRPC client. The
 * contract suite runs against it when EVENTSTORE_URL is set.
 *
 * EventStoreDB deduplicates retried appends only within a recent window and
 * only per expected revision, so the adapter makes the contract's idempotency
 * exact itself: before writing, it looks for the append's event ids at the end
 * of the stream (the last 10,000 events) and, if they are all there in order,
 * returns the original result. Event ids are unique within a stream; unlike
 * the SQLite store, uniqueness across streams is not enforced.
 */
export class EventStoreDbEventStore<E extends Event = Event> implements EventStore<E> {
  private readonly client: EventStoreDBClient;
  private readonly catalogue: EventCatalogue;
  private readonly subscriptions = new Set<Subscription<E>>();

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.catalogue = options.catalogue ?? werkbezoekCatalogue;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent<E>[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const expected = validateExpectedRevision(options);
    const prepared = prepareAppend(this.catalogue, streamId, events);
    const earlier = await this.findEarlierAppend(streamId, prepared);
    if (earlier) return earlier;
    try {
      const result = await this.client.appendToStream(
        streamId,
        prepared.map((p) =>
          jsonEvent({
            id: p.eventId,
            type: p.type,
            data: p.data as Record<string, unknown>,
            metadata: this.storedMetadata(p),
          }),
        ),
        { expectedRevision: expected },
      );
      const position = result.position
        ? packPosition(result.position)
        : await this.positionOf(streamId, result.nextExpectedRevision);
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        // A concurrent identical retry may have won the race: that is success.
        const raced = await this.findEarlierAppend(streamId, prepared);
        if (raced) return raced;
        const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : -1n;
        throw new ConcurrencyError(streamId, describeExpected(expected), describeActual(actual));
      }
      throw error;
    }
  }

  /** The original result when this append's events are already stored, in order, at the end of the stream. */
  private async findEarlierAppend(
    streamId: string,
    prepared: readonly PreparedEvent[],
  ): Promise<AppendResult | undefined> {
    const wanted = new Map(prepared.map((p, i) => [p.eventId, i]));
    const found = new Map<number, RecordedEvent<E>>();
    for await (const event of this.readStream(streamId, { direction: 'backwards', maxCount: RETRY_SCAN })) {
      const index = wanted.get(event.metadata.eventId);
      if (index !== undefined) found.set(index, event);
      if (found.size === prepared.length) break;
    }
    if (found.size === 0) return undefined;
    const first = found.get(0);
    for (let i = 0; i < prepared.length; i++) {
      const event = found.get(i);
      if (!first || event?.revision !== first.revision + BigInt(i)) {
        throw idempotencyConflict(streamId, prepared[i]!.eventId, first ? `${streamId}@${first.revision}` : streamId);
      }
    }
    const last = found.get(prepared.length - 1)!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private async positionOf(streamId: string, revision: bigint): Promise<bigint> {
    for await (const event of this.readStream(streamId, { fromRevision: revision, maxCount: 1 })) return event.position;
    throw new Error(`EventStoreDB did not return the position of ${streamId}@${revision}`);
  }

  private storedMetadata(p: PreparedEvent): StoredMetadata {
    const { eventId: _id, ...metadata } = p.metadata;
    // $correlationId and $causationId are EventStoreDB's own conventions, used by its projections.
    return { ...metadata, $correlationId: metadata.correlationId, $causationId: metadata.causationId };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    validateStreamId(streamId);
    const { backwards, from, max } = streamRange(options);
    if (max === 0) return;
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: from ?? (backwards ? END : ESDB_START),
      maxCount: max,
    });
    try {
      for await (const resolved of read) {
        const event = this.toRecorded(resolved);
        if (event) yield event;
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent<E>> {
    const after = options.fromPosition ?? START;
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (remaining <= 0) return;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: after === START ? ESDB_START : unpackPosition(after),
    });
    // The client reads $all unfiltered (server-side filters are for subscriptions): skip other types before decoding.
    const types = options.types && new Set(options.types);
    for await (const resolved of read) {
      if (types && !types.has(resolved.event?.type ?? '')) continue;
      const event = this.toRecorded(resolved);
      // readAll starts at the position itself; the interface reads after it.
      if (!event || event.position <= after) continue;
      yield event;
      if (--remaining === 0) {
        read.destroy();
        return;
      }
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription<E> {
    const after = options.fromPosition ?? START;
    const source = this.client.subscribeToAll({
      fromPosition: after === START ? ESDB_START : unpackPosition(after),
      filter: excludeSystemEvents(),
    });
    const toRecorded = (r: AllStreamResolvedEvent) => this.toRecorded(r);
    let stopped = false;
    const subscription: Subscription<E> = {
      async *[Symbol.asyncIterator]() {
        try {
          for await (const resolved of source) {
            if (stopped) return;
            const event = toRecorded(resolved);
            if (event && event.position > after) yield event;
          }
        } finally {
          await subscription.stop();
        }
      },
      stop: async () => {
        if (stopped) return;
        stopped = true;
        this.subscriptions.delete(subscription);
        await source.unsubscribe();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1000 });
    for await (const resolved of read) {
      const event = this.toRecorded(resolved);
      if (event) {
        read.destroy();
        return event.position;
      }
    }
    return START;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  /** Our event from EventStoreDB's, or undefined for system and foreign events. */
  private toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent<E> | undefined {
    const event = resolved.event;
    if (!event || !event.isJson || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
    if (!this.catalogue.get(event.type)) return undefined;
    const { $correlationId: _c, $causationId: _k, ...metadata } = event.metadata as unknown as StoredMetadata;
    const current = this.catalogue.currentVersion(event.type);
    const position =
      event.position ??
      (resolved.commitPosition !== undefined
        ? { commit: resolved.commitPosition, prepare: resolved.commitPosition }
        : undefined);
    if (!position) throw new Error(`EventStoreDB returned ${event.streamId}@${event.revision} without a position`);
    return {
      type: event.type,
      data:
        metadata.schemaVersion === current
          ? event.data
          : this.catalogue.upcast(event.type, metadata.schemaVersion, event.data),
      metadata: { ...metadata, eventId: event.id, schemaVersion: current },
      streamId: event.streamId,
      revision: event.revision,
      position: packPosition(position),
      recordedAt: event.created.toISOString(),
    } as RecordedEvent<E>;
  }
}
