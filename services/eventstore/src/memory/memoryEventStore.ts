import {
  ConcurrencyError,
  werkbezoekCatalogue,
  type Event,
  type EventCatalogue,
  type NewEvent,
  type RecordedEvent,
} from '@werkbezoek/schema';
import {
  ALWAYS_CONNECTED,
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
import { AppendNotifier, pollingSubscription } from '../subscription.js';
import {
  describeActual,
  describeExpected,
  idempotencyConflict,
  meetsExpectation,
  prepareAppend,
  validateExpectedRevision,
  validateRecordedAt,
  validateStreamId,
} from '../validation.js';
import { readStreamSlice } from '../streamSlice.js';
import type { PersonalDataCodec } from '../privacy/personalDataCodec.js';

export interface MemoryEventStoreOptions {
  /** Encrypts personal data as it is written and decrypts it as it is read; without it, data is stored as given. */
  readonly codec?: PersonalDataCodec | undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The events of an in-memory store, as written (at their schema version).
 * Several stores can share one, as several processes share a database file.
 */
export class MemoryStorage {
  readonly all: RecordedEvent[] = [];
  readonly streams = new Map<string, RecordedEvent[]>();
  readonly byId = new Map<string, RecordedEvent>();
  readonly notifier = new AppendNotifier();
}

/**
 * An event store in memory, for fast tests of the layers above. It validates,
 * checks revisions, deduplicates and upcasts exactly as the durable adapters do.
 */
export class MemoryEventStore<E extends Event = Event> implements EventStore<E> {
  private readonly all: RecordedEvent<E>[];
  private readonly streams: Map<string, RecordedEvent<E>[]>;
  private readonly byId: Map<string, RecordedEvent<E>>;
  private readonly notifier: AppendNotifier;
  private closed = false;
  private readonly codec: PersonalDataCodec | undefined;

  constructor(
    private readonly catalogue: EventCatalogue = werkbezoekCatalogue,
    storage: MemoryStorage = new MemoryStorage(),
    options: MemoryEventStoreOptions = {},
  ) {
    this.codec = options.codec;
    this.all = storage.all as RecordedEvent<E>[];
    this.streams = storage.streams as Map<string, RecordedEvent<E>[]>;
    this.byId = storage.byId as Map<string, RecordedEvent<E>>;
    this.notifier = storage.notifier;
  }

  /** Lifts a stored event to the current version of its type. */
  private current = (event: RecordedEvent<E>): RecordedEvent<E> => {
    const version = this.catalogue.currentVersion(event.type);
    if (event.metadata.schemaVersion === version) return event;
    return {
      ...event,
      data: this.catalogue.upcast(event.type, event.metadata.schemaVersion, event.data),
      metadata: { ...event.metadata, schemaVersion: version },
    };
  };

  /** Stored events as read: personal data opened (copies; the storage stays sealed), then lifted. */
  private async read(events: readonly RecordedEvent<E>[]): Promise<RecordedEvent<E>[]> {
    if (!this.codec) return events.map(this.current);
    const sealed = events.map((e) => ({ eventId: e.metadata.eventId, type: e.type, data: e.data }));
    await this.codec.decode(sealed);
    return events.map((e, i) => this.current(sealed[i]!.data === e.data ? e : { ...e, data: sealed[i]!.data }));
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent<E>[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = validateExpectedRevision(options);
    const importedAt = validateRecordedAt(options);
    let prepared = prepareAppend(this.catalogue, streamId, events, options);
    if (this.codec) prepared = await this.codec.encode(prepared, { stored: options?.asStored === true });
    this.assertOpen();
    const stream = this.streams.get(streamId) ?? [];

    const first = this.byId.get(prepared[0]!.eventId);
    if (first) {
      const repeats = prepared.every((p, i) => {
        const stored = this.byId.get(p.eventId);
        return stored?.streamId === streamId && stored.revision === first.revision + BigInt(i);
      });
      if (!repeats) throw idempotencyConflict(streamId, first.metadata.eventId, `${first.streamId}@${first.revision}`);
      const last = stream[Number(first.revision) + prepared.length - 1]!;
      return { nextExpectedRevision: last.revision, position: last.position };
    }
    for (const p of prepared) {
      const stored = this.byId.get(p.eventId);
      if (stored) throw idempotencyConflict(streamId, p.eventId, `${stored.streamId}@${stored.revision}`);
    }

    const actual = BigInt(stream.length) - 1n;
    if (!meetsExpectation(expected, actual)) {
      throw new ConcurrencyError(streamId, describeExpected(expected), describeActual(actual));
    }
    const recordedAt = importedAt ?? new Date().toISOString();
    for (const p of prepared) {
      const recorded = deepFreeze({
        type: p.type,
        data: p.data,
        metadata: p.metadata,
        streamId,
        revision: BigInt(stream.length),
        position: BigInt(this.all.length + 1),
        recordedAt,
      }) as RecordedEvent<E>;
      stream.push(recorded);
      this.all.push(recorded);
      this.byId.set(p.eventId, recorded);
    }
    this.streams.set(streamId, stream);
    this.notifier.notify();
    const last = stream[stream.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    this.assertOpen();
    validateStreamId(streamId);
    for (const event of readStreamSlice(this.streams.get(streamId) ?? [], options))
      yield (await this.read([event]))[0]!;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent<E>> {
    this.assertOpen();
    const types = options.types && new Set(options.types);
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    for (let i = Math.max(0, Number(options.fromPosition ?? START)); i < this.all.length && remaining > 0; i++) {
      const event = this.all[i]!;
      if (types && !types.has(event.type)) continue;
      remaining--;
      yield (await this.read([event]))[0]!;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription<E> {
    this.assertOpen();
    return pollingSubscription({
      fromPosition: options.fromPosition ?? START,
      notifier: this.notifier,
      readBatch: (after, max) => this.read(this.all.slice(Number(after), Number(after) + max)),
    });
  }

  async headPosition(): Promise<bigint> {
    return BigInt(this.all.length);
  }

  status(): EventStoreStatus {
    return ALWAYS_CONNECTED;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.notifier.notify();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('This event store is closed');
  }
}
