import Database from 'better-sqlite3';
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
  ALWAYS_CONNECTED,
  START,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventStoreStatus,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
  type Subscription,
} from '../eventStore.js';
import type { PersonalDataCodec } from '../privacy/personalDataCodec.js';
import { streamRange } from '../streamSlice.js';
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
  type PreparedEvent,
} from '../validation.js';
import { enableWal } from './wal.js';

export interface SqliteEventStoreOptions {
  /** The database file, or ':memory:'. */
  readonly path: string;
  readonly catalogue?: EventCatalogue;
  /**
   * SQLite's `synchronous` setting in WAL mode. FULL (the default) syncs the
   * WAL on every commit: an acknowledged append survives a kill -9 and a power
   * loss. NORMAL syncs only at checkpoints: it survives a kill -9, but a power
   * loss may roll back the last acknowledged appends (never corrupt the file).
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How often a live subscription looks for appends made by other processes. */
  readonly pollIntervalMs?: number;
  readonly readBatchSize?: number;
  /** Called with every SQL statement the connection runs (better-sqlite3's `verbose`): for tests and debugging. */
  readonly trace?: (sql: string) => void;
  /** Encrypts personal data as it is written and decrypts it as it is read; without it, data is stored as given. */
  readonly codec?: PersonalDataCodec | undefined;
}

/**
 * Events per statement of readAll. A batch is read, parsed and opened in one
 * synchronous stretch, and its reader can let other work run only between
 * events: the server's long readers (the write side's context, decision
 * recovery) read the whole log after a start and look every 256 events
 * whether to yield. 1,000 events held a loaded server's event loop for
 * 50-100 ms a batch at 1.3 million events; 256 take a quarter of that.
 */
const READ_ALL_BATCH = 256;

/** The table's layout version, in `PRAGMA user_version`. */
const LAYOUT_VERSION = 1;

type Row = [
  position: number,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
];

const COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at';

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * Global order: `position` is the table's INTEGER PRIMARY KEY, assigned as the
 * largest position plus one inside a `BEGIN IMMEDIATE` transaction. SQLite
 * admits one writer at a time across all processes, so positions are handed
 * out in commit order; events are never deleted (erasure is by crypto-shredding),
 * so no position is ever reused and a rolled-back append frees its positions
 * for the next one. A reader's statement sees a snapshot of whole committed
 * appends, so it never sees position n + 1 without n: no gaps, never backwards.
 */
export class SqliteEventStore<E extends Event = Event> implements EventStore<E> {
  private readonly db: Database.Database;
  private readonly catalogue: EventCatalogue;
  private readonly notifier = new AppendNotifier();
  private readonly subscriptions = new Set<Subscription<E>>();
  private readonly currentVersions = new Map<string, number>();
  private readonly statements;
  private readonly filteredReads = new Map<string, Database.Statement>();
  private readonly codec: PersonalDataCodec | undefined;
  private readonly append: (
    streamId: string,
    prepared: readonly PreparedEvent[],
    expected: ExpectedRevision,
    importedAt: string | undefined,
  ) => AppendResult;

  constructor(private readonly options: SqliteEventStoreOptions) {
    this.catalogue = options.catalogue ?? werkbezoekCatalogue;
    this.codec = options.codec;
    this.db = new Database(options.path, options.trace ? { verbose: (sql) => options.trace!(String(sql)) } : {});
    enableWal(this.db);
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 10000');
    // 64 MiB of page cache instead of SQLite's 2 MiB: loading a stream is a few random page reads in a file
    // that grows to gigabytes, and the pages of active streams then stay in memory.
    this.db.pragma('cache_size = -65536');
    this.migrate();
    const db = this.db;
    this.statements = {
      byEventId: db.prepare<[string], { stream_id: string; revision: number; position: number }>(
        'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
      ),
      // The last entry of the stream in the (stream_id, revision) index: one descent, however long the stream.
      lastRevision: db.prepare<[string], { revision: number }>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      atRevision: db.prepare<[string, number], { position: number }>(
        'SELECT position FROM events WHERE stream_id = ? AND revision = ?',
      ),
      insert: db.prepare(
        'INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      readAll: db
        .prepare<[number, number]>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
        .raw(),
      readForwards: db
        .prepare<[string, number, number]>(
          `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
        )
        .raw(),
      readBackwards: db
        .prepare<[string, number, number]>(
          `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
        )
        .raw(),
      head: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
    const transaction = db.transaction(
      (streamId: string, prepared: readonly PreparedEvent[], expected: ExpectedRevision, importedAt?: string) =>
        this.appendInTransaction(streamId, prepared, expected, importedAt),
    );
    this.append = (streamId, prepared, expected, importedAt) =>
      transaction.immediate(streamId, prepared, expected, importedAt);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > LAYOUT_VERSION) {
      throw new Error(
        `The event store file has layout v${version}; this code knows up to v${LAYOUT_VERSION}: upgrade the software`,
      );
    }
    if (version === LAYOUT_VERSION) return;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        position       INTEGER PRIMARY KEY,
        event_id       TEXT    NOT NULL UNIQUE,
        stream_id      TEXT    NOT NULL,
        revision       INTEGER NOT NULL,
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL,
        recorded_at    TEXT    NOT NULL,
        UNIQUE (stream_id, revision)
      );
      PRAGMA user_version = ${LAYOUT_VERSION};
    `);
  }

  /**
   * Costs two index lookups whatever the stream's length: the first event id
   * in the event_id index (a retry is recognised by it), then the stream's
   * last revision. Later ids of a new append are checked by the same UNIQUE
   * index as they are inserted.
   */
  private appendInTransaction(
    streamId: string,
    prepared: readonly PreparedEvent[],
    expected: ExpectedRevision,
    importedAt: string | undefined,
  ): AppendResult {
    const { byEventId, lastRevision, atRevision, insert } = this.statements;

    const first = byEventId.get(prepared[0]!.eventId);
    if (first) {
      prepared.forEach((p, i) => {
        const stored = i === 0 ? first : byEventId.get(p.eventId);
        if (stored?.stream_id !== streamId || stored.revision !== first.revision + i) {
          throw idempotencyConflict(
            streamId,
            first === stored ? p.eventId : prepared[0]!.eventId,
            `${first.stream_id}@${first.revision}`,
          );
        }
      });
      const lastRev = first.revision + prepared.length - 1;
      return { nextExpectedRevision: BigInt(lastRev), position: BigInt(atRevision.get(streamId, lastRev)!.position) };
    }

    const current = lastRevision.get(streamId)?.revision;
    const actual = current === undefined ? -1n : BigInt(current);
    if (!meetsExpectation(expected, actual)) {
      throw new ConcurrencyError(streamId, describeExpected(expected), describeActual(actual));
    }
    const recordedAt = importedAt ?? new Date().toISOString();
    let revision = Number(actual);
    let position = 0;
    for (const p of prepared) {
      const { eventId: _id, schemaVersion: _v, ...metadata } = p.metadata;
      try {
        const info = insert.run(
          p.eventId,
          streamId,
          ++revision,
          p.type,
          p.schemaVersion,
          JSON.stringify(p.data),
          JSON.stringify(metadata),
          recordedAt,
        );
        position = Number(info.lastInsertRowid);
      } catch (error) {
        const stored = byEventId.get(p.eventId);
        if (stored) throw idempotencyConflict(streamId, p.eventId, `${stored.stream_id}@${stored.revision}`);
        throw error;
      }
    }
    return { nextExpectedRevision: BigInt(revision), position: BigInt(position) };
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent<E>[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const expected = validateExpectedRevision(options);
    const importedAt = validateRecordedAt(options);
    let prepared = prepareAppend(this.catalogue, streamId, events, options);
    // Sealed before the write transaction: making a subject's key may wait on the key store.
    if (this.codec) prepared = await this.codec.encode(prepared, { stored: options?.asStored === true });
    const result = this.append(streamId, prepared, expected, importedAt);
    this.notifier.notify();
    return result;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent<E>> {
    validateStreamId(streamId);
    const { backwards, from, max } = streamRange(options);
    const batchSize = this.options.readBatchSize ?? 1000;
    let next = from === undefined ? (backwards ? Number.MAX_SAFE_INTEGER : 0) : Number(from);
    let remaining = max;
    while (remaining > 0) {
      const limit = Math.min(batchSize, remaining);
      const rows = (backwards ? this.statements.readBackwards : this.statements.readForwards).all(
        streamId,
        next,
        limit,
      ) as Row[];
      for (const event of await this.recorded(rows)) yield event;
      if (rows.length < limit) return;
      remaining -= rows.length;
      next = rows[rows.length - 1]![3] + (backwards ? -1 : 1);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent<E>> {
    const batchSize = this.options.readBatchSize ?? READ_ALL_BATCH;
    let after = options.fromPosition ?? START;
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const limit = Math.min(batchSize, remaining);
      const batch = await this.readBatch(after, limit, options.types);
      for (const event of batch) yield event;
      // A short batch was the end of the log when it was read: save the query that would find nothing.
      if (batch.length < limit) return;
      remaining -= batch.length;
      after = batch[batch.length - 1]!.position;
    }
  }

  /** Reads up to `max` events after `after` (of `types`, if given) in one statement, as one consistent snapshot. */
  readBatch(after: bigint, max: number, types?: readonly string[]): Promise<RecordedEvent<E>[]> {
    const rows = (
      types
        ? this.readOfTypes(types).all(Number(after), ...types, max)
        : this.statements.readAll.all(Number(after), max)
    ) as Row[];
    return this.recorded(rows);
  }

  /** The rows as events: personal data opened (one key lookup for all of them), then lifted to the current version. */
  private async recorded(rows: readonly Row[]): Promise<RecordedEvent<E>[]> {
    const out = new Array<RecordedEvent<E>>(rows.length);
    if (!this.codec) {
      for (let i = 0; i < rows.length; i++) out[i] = this.toRecorded(rows[i]!, JSON.parse(rows[i]![6]));
      return out;
    }
    const sealed = rows.map((row) => ({ eventId: row[1], type: row[4], data: JSON.parse(row[6]) as unknown }));
    // Freshly parsed: opened in place.
    await this.codec.decode(sealed, { owned: true });
    for (let i = 0; i < rows.length; i++) out[i] = this.toRecorded(rows[i]!, sealed[i]!.data);
    return out;
  }

  /** The filtered read for one set of types, prepared once: a projector asks for the same set every batch. */
  private readOfTypes(types: readonly string[]): Database.Statement {
    const key = types.join(',');
    let statement = this.filteredReads.get(key);
    if (!statement) {
      // The type is checked in the row's first columns, so a skipped event's data is never read.
      statement = this.db
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE position > ? AND type IN (${types.map(() => '?').join(', ')}) ORDER BY position LIMIT ?`,
        )
        .raw();
      if (this.filteredReads.size >= 64) this.filteredReads.clear();
      this.filteredReads.set(key, statement);
    }
    return statement;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription<E> {
    const subscription: Subscription<E> = pollingSubscription({
      fromPosition: options.fromPosition ?? START,
      notifier: this.notifier,
      readBatch: (after, max) => this.readBatch(after, max),
      batchSize: this.options.readBatchSize ?? 1000,
      pollIntervalMs: this.options.pollIntervalMs ?? 100,
      onStop: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** The position of the last committed event, START when the store is empty. */
  async headPosition(): Promise<bigint> {
    return BigInt(this.statements.head.get()?.position ?? 0);
  }

  /** A file on this machine: always reachable. */
  status(): EventStoreStatus {
    return ALWAYS_CONNECTED;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.db.open) this.db.close();
  }

  private toRecorded(row: Row, parsed: unknown): RecordedEvent<E> {
    const [position, eventId, streamId, revision, type, schemaVersion, , metadata, recordedAt] = row;
    let current = this.currentVersions.get(type);
    if (current === undefined) {
      current = this.catalogue.currentVersion(type);
      this.currentVersions.set(type, current);
    }
    // Completed in place rather than spread into a new object: this runs for every event a projector reads.
    const meta = JSON.parse(metadata) as { -readonly [K in keyof EventMetadata]: EventMetadata[K] };
    meta.eventId = eventId;
    meta.schemaVersion = current;
    return {
      type,
      data: schemaVersion === current ? parsed : this.catalogue.upcast(type, schemaVersion, parsed),
      metadata: meta,
      streamId,
      revision: BigInt(revision),
      position: BigInt(position),
      recordedAt,
    } as RecordedEvent<E>;
  }
}
