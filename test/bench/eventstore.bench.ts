/**
 * The event-store benchmark: our SQLite store against the limit (raw
 * better-sqlite3 on a table of the same layout) and a peer (Emmett's SQLite
 * event store), on the same events, in one run, on files in a temp dir.
 *
 *   1. single-event appends, acknowledged, with an exact expected revision
 *   2. batched appends, 100 events each
 *   3. readAll over >= 1,000,000 events
 *   4. a catch-up subscription from START over the same events
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, START, type ExpectedRevision } from '@werkbezoek/eventstore';
import { werkbezoekCatalogue, type NewEvent } from '@werkbezoek/schema';
import type { Event as EmmettEvent } from '@event-driven-io/emmett';
import type { SQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { payloadSize, requestStream, submittedEvent, type SubmittedData } from './events.js';
import {
  best,
  goal,
  measurement,
  ratio,
  round,
  timed,
  type BenchModule,
  type BenchOptions,
  type BenchReport,
  type ComparisonRow,
  type Measurement,
} from './harness.js';
import { emmettPeer, EMMETT_PEER, type EmmettPeer } from './peers.js';
import { formatCount, formatDuration, note, progressBar } from './progress.js';

interface Counts {
  /** Single-event appends, for ours and raw. */
  readonly singleAppends: number;
  /** Single-event appends for Emmett, which opens a connection per call. */
  readonly singleAppendsPeer: number;
  readonly eventsPerStreamSingle: number;
  /** Events appended in batches, for each contender. */
  readonly batchedEvents: number;
  readonly batchSize: number;
  readonly appendsPerStreamBatched: number;
  /** Events in the store that readAll and the subscription go through. */
  readonly readEvents: number;
  /** Emmett's fill stops here, and its reads use what it holds by then. */
  readonly peerFillDeadlineMs: number;
  readonly readBatchSize: number;
  /** Events per append while filling the read set. */
  readonly fillBatchSize: number;
  /** Rounds of each measurement, interleaved; the best counts. */
  readonly rounds: number;
}

const FULL_COUNTS: Counts = {
  singleAppends: 2_000,
  singleAppendsPeer: 2_000,
  eventsPerStreamSingle: 4,
  batchedEvents: 200_000,
  batchSize: 100,
  appendsPerStreamBatched: 5,
  readEvents: 1_000_000,
  peerFillDeadlineMs: 180_000,
  readBatchSize: 1_000,
  fillBatchSize: 1_000,
  rounds: 2,
};

const QUICK_COUNTS: Counts = {
  ...FULL_COUNTS,
  singleAppends: 200,
  singleAppendsPeer: 200,
  batchedEvents: 10_000,
  readEvents: 50_000,
  peerFillDeadlineMs: 20_000,
};

/** Copied from services/eventstore/src/sqlite/sqliteEventStore.ts: the raw limit writes the same layout. */
const CREATE_TABLE = `
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
  )`;
const INSERT =
  'INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const READ_BATCH =
  'SELECT position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?';

type EmmettBenchEvent = EmmettEvent<string, Record<string, unknown>, Record<string, unknown>>;
type EmmettConsumerConfig = NonNullable<Parameters<SQLiteEventStore['consumer']>[0]>;
type EmmettProcessor = NonNullable<EmmettConsumerConfig['processors']>[number];

/** One append of the plan, with the expectation each store needs. */
interface PlannedAppend {
  readonly streamId: string;
  readonly events: NewEvent[];
  /** The revision the first event gets (0-based). */
  readonly firstRevision: number;
  /** Ours: 'no_stream' for a new stream, else the exact last revision. */
  readonly expected: ExpectedRevision;
  /** Emmett: the stream version (its count of events) before the append; 0n is a new stream. */
  readonly expectedVersion: bigint;
}

/**
 * `appends` appends of `eventsPerAppend` events to `appends / appendsPerStream`
 * streams, round robin over the streams, so every append after a stream's
 * first carries the exact revision.
 */
function plan(
  appends: number,
  eventsPerAppend: number,
  appendsPerStream: number,
  prefix: string,
  firstIndex = 0,
): PlannedAppend[] {
  const streams = Array.from({ length: Math.ceil(appends / appendsPerStream) }, (_, i) =>
    requestStream(firstIndex + i, prefix),
  );
  const out: PlannedAppend[] = [];
  for (let round = 0; out.length < appends; round++) {
    for (const stream of streams) {
      if (out.length >= appends) break;
      const firstRevision = round * eventsPerAppend;
      const events = Array.from({ length: eventsPerAppend }, (_, i) => submittedEvent(stream, firstRevision + i));
      out.push({
        streamId: stream.streamId,
        events,
        firstRevision,
        expected: round === 0 ? 'no_stream' : BigInt(firstRevision - 1),
        expectedVersion: BigInt(firstRevision),
      });
    }
  }
  return out;
}

const asEmmett = (events: NewEvent[]): EmmettBenchEvent[] => events as unknown as EmmettBenchEvent[];

/** Something the optimiser cannot drop: a sum over a field of every parsed event. */
let sink = 0;
function consume(data: unknown): void {
  sink += (data as SubmittedData).delegationSize;
}

// ---------------------------------------------------------------------------
// Ours

async function oursAppends(
  file: string,
  warmUp: PlannedAppend[],
  appends: PlannedAppend[],
  events: number,
): Promise<Measurement> {
  const store = new SqliteEventStore({ path: file });
  try {
    for (const a of warmUp) await store.appendToStream(a.streamId, a.events, { expectedRevision: a.expected });
    return await timed(events, async () => {
      for (const a of appends) await store.appendToStream(a.streamId, a.events, { expectedRevision: a.expected });
    });
  } finally {
    await store.close();
  }
}

/** Appends of `batch` events to new streams, made lazily, until `to - from` events. */
function* fillPlan(
  from: number,
  to: number,
  batch: number,
  appendsPerStream: number,
  firstIndex: number,
): Generator<PlannedAppend> {
  let done = from;
  for (let index = firstIndex; done < to; index++) {
    for (const a of plan(appendsPerStream, batch, appendsPerStream, 'fill', index)) {
      if (done >= to) return;
      const events = a.events.length > to - done ? a.events.slice(0, to - done) : a.events;
      done += events.length;
      yield { ...a, events };
    }
  }
}

async function oursFill(file: string, from: number, to: number, counts: Counts): Promise<Measurement> {
  const store = new SqliteEventStore({ path: file });
  const bar = progressBar('  fill ours', to, { unit: 'events', initial: from });
  let done = from;
  const started = performance.now();
  try {
    for (const a of fillPlan(from, to, counts.fillBatchSize, counts.appendsPerStreamBatched, 1_000_000)) {
      await store.appendToStream(a.streamId, a.events, { expectedRevision: a.expected });
      done += a.events.length;
      bar.update(done);
    }
  } finally {
    bar.finish(done);
    await store.close();
  }
  return measurement(done - from, performance.now() - started);
}

async function oursReadAll(file: string, expected: number): Promise<Measurement> {
  const store = new SqliteEventStore({ path: file });
  try {
    let n = 0;
    const m = await timed(expected, async () => {
      for await (const event of store.readAll()) {
        consume(event.data);
        n++;
      }
    });
    if (n !== expected) throw new Error(`ours readAll read ${n} events, expected ${expected}`);
    return m;
  } finally {
    await store.close();
  }
}

async function oursSubscription(file: string, expected: number): Promise<Measurement> {
  const store = new SqliteEventStore({ path: file });
  try {
    const head = await store.headPosition();
    let n = 0;
    const m = await timed(expected, async () => {
      const subscription = store.subscribeToAll({ fromPosition: START });
      for await (const event of subscription) {
        consume(event.data);
        n++;
        if (event.position >= head) {
          await subscription.stop();
          break;
        }
      }
    });
    if (n !== expected) throw new Error(`ours subscription read ${n} events, expected ${expected}`);
    return m;
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------
// Raw better-sqlite3: the limit

function openRaw(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(CREATE_TABLE);
  return db;
}

function rawInserter(
  db: Database.Database,
): (streamId: string, revision: number, event: NewEvent, recordedAt: string) => void {
  const insert = db.prepare(INSERT);
  const versions = new Map<string, number>();
  return (streamId, revision, event, recordedAt) => {
    let version = versions.get(event.type);
    if (version === undefined) versions.set(event.type, (version = werkbezoekCatalogue.currentVersion(event.type)));
    const { eventId, ...metadata } = event.metadata;
    insert.run(
      eventId,
      streamId,
      revision,
      event.type,
      version,
      JSON.stringify(event.data),
      JSON.stringify(metadata),
      recordedAt,
    );
  };
}

/** Each event its own autocommit transaction: one INSERT, one WAL sync. */
async function rawSingle(file: string, warmUp: PlannedAppend[], appends: PlannedAppend[]): Promise<Measurement> {
  const db = openRaw(file);
  try {
    const insert = rawInserter(db);
    const run = (list: PlannedAppend[]) => {
      for (const a of list) insert(a.streamId, a.firstRevision, a.events[0]!, new Date().toISOString());
    };
    run(warmUp);
    return await timed(appends.length, () => run(appends));
  } finally {
    db.close();
  }
}

/** One transaction per append, a prepared INSERT per row. */
async function rawBatched(
  file: string,
  warmUp: PlannedAppend[],
  appends: PlannedAppend[],
  events: number,
): Promise<Measurement> {
  const db = openRaw(file);
  try {
    const insert = rawInserter(db);
    const tx = db.transaction((a: PlannedAppend) => {
      const recordedAt = new Date().toISOString();
      for (let i = 0; i < a.events.length; i++) insert(a.streamId, a.firstRevision + i, a.events[i]!, recordedAt);
    });
    for (const a of warmUp) tx.immediate(a);
    return await timed(events, () => {
      for (const a of appends) tx.immediate(a);
    });
  } finally {
    db.close();
  }
}

type RawRow = [number, string, string, number, string, number, string, string, string];

/** Keyset batches of `batchSize` rows, JSON.parse of data and metadata: what any consumer must at least do. */
async function rawRead(file: string, expected: number, batchSize: number): Promise<Measurement> {
  const db = new Database(file);
  try {
    const read = db.prepare<[number, number]>(READ_BATCH).raw();
    let n = 0;
    const m = await timed(expected, () => {
      let after = 0;
      for (;;) {
        const rows = read.all(after, batchSize) as RawRow[];
        for (const row of rows) {
          consume(JSON.parse(row[6]));
          JSON.parse(row[7]);
        }
        n += rows.length;
        if (rows.length < batchSize) break;
        after = rows[rows.length - 1]![0];
      }
    });
    if (n !== expected) throw new Error(`raw read ${n} rows, expected ${expected}`);
    return m;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------
// Emmett: the peer

/**
 * Emmett 0.38.5 on sqlite3 5.1.7 now and then fails an append with "SQLITE_BUSY:
 * cannot commit transaction - SQL statements in progress", with no other
 * connection open: its `INSERT ... RETURNING` through `db.get` is finalised
 * asynchronously and can race the COMMIT (about 1 append in 1,000 here). The
 * transaction is rolled back, so the same append is retried; retries are counted.
 */
const emmettRetries = { count: 0 };

/** Emmett's SQLite store, from the peer's own install (see peers.ts); set when the benchmark starts. */
let emmett: EmmettPeer['emmettSqlite'];

async function emmettAppend(store: SQLiteEventStore, a: PlannedAppend): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.appendToStream(a.streamId, asEmmett(a.events), { expectedStreamVersion: a.expectedVersion });
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || attempt >= 5) throw error;
      emmettRetries.count++;
    }
  }
}

async function emmettAppends(
  file: string,
  warmUp: PlannedAppend[],
  appends: PlannedAppend[],
  events: number,
): Promise<Measurement> {
  const store = emmett.getSQLiteEventStore({ fileName: file });
  for (const a of warmUp) await emmettAppend(store, a);
  return timed(events, async () => {
    for (const a of appends) await emmettAppend(store, a);
  });
}

async function emmettFill(
  file: string,
  from: number,
  to: number,
  counts: Counts,
): Promise<{ fill: Measurement; total: number; deadlineHit: boolean }> {
  const store = emmett.getSQLiteEventStore({ fileName: file });
  const bar = progressBar('  fill Emmett', to, { unit: 'events', initial: from });
  let done = from;
  const started = performance.now();
  let deadlineHit = false;
  try {
    for (const a of fillPlan(from, to, counts.fillBatchSize, counts.appendsPerStreamBatched, 2_000_000)) {
      await emmettAppend(store, a);
      done += a.events.length;
      bar.update(done);
      if (done < to && performance.now() - started > counts.peerFillDeadlineMs) {
        deadlineHit = true;
        break;
      }
    }
  } finally {
    bar.finish(done);
  }
  return { fill: measurement(done - from, performance.now() - started), total: done, deadlineHit };
}

async function emmettHead(file: string): Promise<{ head: bigint; count: number; synchronous: number }> {
  const connection = emmett.sqliteConnection({ fileName: file });
  try {
    const row = await connection.querySingle<{ head: number; count: number }>(
      'SELECT MAX(global_position) AS head, COUNT(*) AS count FROM emt_messages',
    );
    const sync = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
    return { head: BigInt(row?.head ?? 0), count: row?.count ?? 0, synchronous: sync?.synchronous ?? -1 };
  } finally {
    connection.close();
  }
}

/** Emmett has no readAll on the store: its readMessagesBatch, batch after batch, is the way to read everything. */
async function emmettReadAll(file: string, expected: number, batchSize: number): Promise<Measurement> {
  const connection = emmett.sqliteConnection({ fileName: file });
  try {
    let n = 0;
    const m = await timed(expected, async () => {
      let after = 0n;
      for (;;) {
        const { messages } = await emmett.readMessagesBatch(connection, { after, batchSize });
        for (const message of messages) consume(message.data);
        n += messages.length;
        if (messages.length < batchSize) break;
        after = messages[messages.length - 1]!.metadata.globalPosition;
      }
    });
    if (n !== expected) throw new Error(`Emmett read ${n} events, expected ${expected}`);
    return m;
  } finally {
    connection.close();
  }
}

/**
 * Emmett's catch-up: a consumer (its message-batch puller) from BEGINNING with
 * a processor that only counts (no checkpoint writes, like our subscription),
 * stopping at the last position.
 */
async function emmettSubscription(
  file: string,
  head: bigint,
  expected: number,
  batchSize: number,
): Promise<Measurement> {
  const store = emmett.getSQLiteEventStore({ fileName: file });
  let n = 0;
  let active = true;
  const processor: EmmettProcessor = {
    id: 'bench-catch-up',
    start: () => Promise.resolve('BEGINNING' as const),
    get isActive() {
      return active;
    },
    handle: ({ messages }) => {
      for (const message of messages) {
        consume(message.data);
        n++;
        if (message.metadata.globalPosition >= head) {
          active = false;
          return Promise.resolve({ type: 'STOP' as const });
        }
      }
      return Promise.resolve(undefined);
    },
  };
  const consumer = store.consumer({ processors: [processor], pulling: { batchSize, pullingFrequencyInMs: 0 } });
  const m = await timed(expected, () => consumer.start());
  await consumer.close();
  if (n !== expected) throw new Error(`Emmett subscription read ${n} events, expected ${expected}`);
  return m;
}

// ---------------------------------------------------------------------------

function fileSize(dir: string, base: string): number {
  return readdirSync(dir)
    .filter((f) => f === base || f.startsWith(`${base}-`))
    .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

function rateLine(label: string, m: Measurement, unit: string): string {
  return `  ${label}: ${formatCount(m.count)} in ${formatDuration(m.durationMs)} = ${formatCount(m.rate)} ${unit}/s`;
}

async function run({ quick }: BenchOptions): Promise<BenchReport> {
  const counts = quick ? QUICK_COUNTS : FULL_COUNTS;
  const installed = await emmettPeer();
  emmett = installed.emmettSqlite;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-bench-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Emmett console.logs every error inside a transaction: keep stdout for the table.
  const consoleLog = console.log;
  console.log = (...args: unknown[]) => console.error(...args);
  const file = (name: string) => path.join(dir, name);
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      phases[name] = round((performance.now() - started) / 1000, 1);
    }
  };

  try {
    note(`temp dir ${dir}`);
    const sqliteVersion = (() => {
      const db = new Database(':memory:');
      try {
        return (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
      } finally {
        db.close();
      }
    })();

    const rounds = counts.rounds;
    const roundLabel = (r: number) => (rounds > 1 ? ` (round ${r + 1}/${rounds})` : '');

    // 1. Single-event appends ------------------------------------------------
    note(
      `\n[1/4] single-event appends (${formatCount(counts.singleAppends)} each, ${counts.eventsPerStreamSingle} per stream, ` +
        `awaited, synchronous=FULL; ${rounds} interleaved rounds, best counts)`,
    );
    const single = await phase('singleAppends', async () => {
      const ours: Measurement[] = [];
      const raw: Measurement[] = [];
      const peer: Measurement[] = [];
      let size = { dataBytes: 0, metadataBytes: 0 };
      for (let r = 0; r < rounds; r++) {
        const warmUp = plan(40, 1, counts.eventsPerStreamSingle, 'warmup');
        const appends = plan(counts.singleAppends, 1, counts.eventsPerStreamSingle, 'request');
        const peerAppends = appends.slice(0, counts.singleAppendsPeer);
        if (r === 0) size = payloadSize(appends.map((a) => a.events[0]!));
        ours.push(await oursAppends(file('ours-single.db'), warmUp, appends, appends.length));
        note(rateLine(`ours${roundLabel(r)}`, ours[r]!, 'appends'));
        raw.push(await rawSingle(file('raw-single.db'), warmUp, appends));
        note(rateLine(`raw${roundLabel(r)}`, raw[r]!, 'appends'));
        peer.push(await emmettAppends(file('emmett-single.db'), warmUp.slice(0, 10), peerAppends, peerAppends.length));
        note(rateLine(`Emmett${roundLabel(r)}`, peer[r]!, 'appends'));
      }
      return { ours: best(ours), raw: best(raw), peer: best(peer), size };
    });

    // 2. Batched appends ------------------------------------------------------
    const appendsBatched = counts.batchedEvents / counts.batchSize;
    note(
      `\n[2/4] batched appends (${formatCount(counts.batchedEvents)} events, ${counts.batchSize} per append; ${rounds} rounds)`,
    );
    const batched = await phase('batchedAppends', async () => {
      const ours: Measurement[] = [];
      const raw: Measurement[] = [];
      const peer: Measurement[] = [];
      let warmUpEvents = 0;
      for (let r = 0; r < rounds; r++) {
        const warmUp = plan(10, counts.batchSize, counts.appendsPerStreamBatched, 'warmup');
        const appends = plan(appendsBatched, counts.batchSize, counts.appendsPerStreamBatched, 'request');
        warmUpEvents += warmUp.length * counts.batchSize;
        ours.push(await oursAppends(file('ours.db'), warmUp, appends, counts.batchedEvents));
        note(rateLine(`ours${roundLabel(r)}`, ours[r]!, 'events'));
        raw.push(await rawBatched(file('raw-batched.db'), warmUp, appends, counts.batchedEvents));
        note(rateLine(`raw${roundLabel(r)}`, raw[r]!, 'events'));
        peer.push(await emmettAppends(file('emmett.db'), warmUp, appends, counts.batchedEvents));
        note(rateLine(`Emmett${roundLabel(r)}`, peer[r]!, 'events'));
      }
      return { ours: best(ours), raw: best(raw), peer: best(peer), warmUpEvents };
    });

    // 3. Fill to >= 1M events -------------------------------------------------
    // The batched phase's stores go on to hold the read set.
    const alreadyThere = rounds * counts.batchedEvents + batched.warmUpEvents;
    note(
      `\n[3/4] filling both stores to ${formatCount(counts.readEvents)} events (${counts.fillBatchSize} per append; ` +
        `Emmett stops after ${formatDuration(counts.peerFillDeadlineMs)})`,
    );
    const oursFillM = await phase('fillOurs', () => oursFill(file('ours.db'), alreadyThere, counts.readEvents, counts));
    const peerFill = await phase('fillEmmett', () =>
      emmettFill(file('emmett.db'), alreadyThere, counts.readEvents, counts),
    );
    const peerInfo = await emmettHead(file('emmett.db'));
    if (peerInfo.count !== peerFill.total)
      throw new Error(`Emmett holds ${peerInfo.count} events, expected ${peerFill.total}`);
    const sizes = { oursBytes: fileSize(dir, 'ours.db'), emmettBytes: fileSize(dir, 'emmett.db') };

    // 4. Reads --------------------------------------------------------------
    note(
      `\n[4/4] readAll and catch-up subscription over ${formatCount(counts.readEvents)} events ` +
        `(Emmett: ${formatCount(peerFill.total)}; ${rounds} interleaved rounds)`,
    );
    const reads = await phase('reads', async () => {
      const raw: Measurement[] = [];
      const oursRead: Measurement[] = [];
      const oursSub: Measurement[] = [];
      const peerRead: Measurement[] = [];
      const peerSub: Measurement[] = [];
      for (let r = 0; r < rounds; r++) {
        raw.push(await rawRead(file('ours.db'), counts.readEvents, counts.readBatchSize));
        note(rateLine(`raw read${roundLabel(r)}`, raw[r]!, 'events'));
        oursRead.push(await oursReadAll(file('ours.db'), counts.readEvents));
        note(rateLine(`ours readAll${roundLabel(r)}`, oursRead[r]!, 'events'));
        oursSub.push(await oursSubscription(file('ours.db'), counts.readEvents));
        note(rateLine(`ours subscription${roundLabel(r)}`, oursSub[r]!, 'events'));
        peerRead.push(await emmettReadAll(file('emmett.db'), peerFill.total, counts.readBatchSize));
        note(rateLine(`Emmett read${roundLabel(r)}`, peerRead[r]!, 'events'));
        peerSub.push(await emmettSubscription(file('emmett.db'), peerInfo.head, peerFill.total, counts.readBatchSize));
        note(rateLine(`Emmett subscription${roundLabel(r)}`, peerSub[r]!, 'events'));
      }
      return {
        raw: best(raw),
        oursRead: best(oursRead),
        oursSub: best(oursSub),
        peerRead: best(peerRead),
        peerSub: best(peerSub),
      };
    });

    const peerReadNote = peerFill.deadlineHit
      ? `Emmett over ${formatCount(peerFill.total)} events: its fill reached the ${formatDuration(counts.peerFillDeadlineMs)} limit`
      : undefined;
    const rows: ComparisonRow[] = [
      {
        operation: `Single-event appends (${formatCount(counts.singleAppends)}, awaited)`,
        unit: 'appends/s',
        ours: single.ours,
        raw: single.raw,
        peer: single.peer,
      },
      {
        operation: `Batched appends (${counts.batchSize}/append, ${formatCount(counts.batchedEvents)})`,
        unit: 'events/s',
        ours: batched.ours,
        raw: batched.raw,
        peer: batched.peer,
      },
      {
        operation: `readAll (${formatCount(counts.readEvents)} events)`,
        unit: 'events/s',
        ours: reads.oursRead,
        raw: reads.raw,
        peer: reads.peerRead,
        ...(peerReadNote ? { notes: [peerReadNote] } : {}),
      },
      {
        operation: `Catch-up subscription (${formatCount(counts.readEvents)})`,
        unit: 'events/s',
        ours: reads.oursSub,
        raw: reads.raw,
        peer: reads.peerSub,
        ...(peerReadNote ? { notes: [peerReadNote] } : {}),
      },
    ];

    const goals = [
      goal('Single appends ≥ 3× Emmett', 3, ratio(single.ours, single.peer)),
      goal('Batched appends ≥ 40% of raw insert rate', 0.4, ratio(batched.ours, batched.raw)),
      goal('readAll ≥ 50% of raw read rate', 0.5, ratio(reads.oursRead, reads.raw)),
    ];

    const notes = [
      `Each figure is the best of ${rounds} interleaved rounds (all rounds in the JSON): the machine is shared, so a round can be slowed by other work.`,
      'All three on files in one temp dir, WAL, synchronous=FULL (ours: its default; raw: set; Emmett: sqlite3 default, ' +
        `PRAGMA synchronous = ${peerInfo.synchronous}). SQLite ${sqliteVersion} (better-sqlite3) and ${installed.sqlite3Version} (sqlite3, Emmett).`,
      `Events: AccompanimentRequestSubmitted v2, same payloads for all, ~${single.size.dataBytes} B data + ~${single.size.metadataBytes} B metadata JSON. ` +
        'Ours validates every event against the catalogue on append; raw and Emmett validate nothing.',
      `Single appends: one event per append, awaited, exact expected revision ('no_stream' for a new stream). Emmett: ${formatCount(single.peer.count)} appends with ` +
        'expectedStreamVersion 0n/n, which it checks; its STREAM_DOES_NOT_EXIST/STREAM_EXISTS are not enforced (mapped to no check), ' +
        "while ours enforces 'no_stream'/'stream_exists' (and Emmett 0.38.5 commits the version bump of a rejected append). " +
        'Emmett opens and closes a sqlite3 connection per call.',
      `The read set was filled with appends of ${counts.fillBatchSize} events, on top of the batched-append events. ` +
        'Raw limit: single = one autocommit INSERT per event; batched = one transaction of 100 prepared INSERTs; both include JSON.stringify. ' +
        `Read = keyset batches of ${counts.readBatchSize} rows (.raw().all()) with JSON.parse of data and metadata, since any consumer must parse them, on our store's file.`,
      'Subscription: ours subscribeToAll(START) until the head position, then stop(); the raw column repeats the raw read. ' +
        `Emmett: consumer (message-batch puller) with a counting processor that writes no checkpoints, batchSize ${counts.readBatchSize}, ` +
        'pullingFrequencyInMs 0 (its defaults, 100 events and 50 ms sleep per batch, would take minutes).',
      `Emmett appends that failed with SQLITE_BUSY ("cannot commit transaction - SQL statements in progress", a race inside Emmett/sqlite3 ` +
        `with no other writer) and were retried: ${emmettRetries.count}.`,
      ...(peerReadNote ? [`${peerReadNote}; its readAll and subscription figures are over that many events.`] : []),
    ];

    return {
      name: 'eventstore',
      title: 'Event store: ours (SqliteEventStore) vs raw better-sqlite3 vs Emmett SQLite',
      peerName: 'Emmett',
      rows,
      goals,
      notes,
      details: {
        versions: {
          sqliteBetterSqlite3: sqliteVersion,
          sqliteNodeSqlite3: installed.sqlite3Version,
          emmettSqlite: EMMETT_PEER['@event-driven-io/emmett-sqlite'],
        },
        durability: { journalMode: 'WAL', synchronous: 'FULL', emmettSynchronousPragma: peerInfo.synchronous },
        event: {
          type: 'AccompanimentRequestSubmitted',
          schemaVersion: 2,
          avgDataJsonBytes: single.size.dataBytes,
          avgMetadataJsonBytes: single.size.metadataBytes,
        },
        counts: {
          ...counts,
          peerSingleAppends: single.peer.count,
          batchedAppends: appendsBatched,
          oursReadEvents: counts.readEvents,
          emmettReadEvents: peerFill.total,
          emmettFillDeadlineHit: peerFill.deadlineHit,
          emmettSqliteBusyRetries: emmettRetries.count,
        },
        fill: {
          note: `Appends of ${counts.fillBatchSize} events to new streams, including event generation (uuidv7, objects); the stores already held the batched-append events.`,
          ours: oursFillM,
          emmett: peerFill.fill,
        },
        fileSizes: sizes,
        phaseSeconds: phases,
        loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
        checksum: sink,
      },
    };
  } finally {
    console.log = consoleLog;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    cleanup();
  }
}

export const eventStoreBenchmark: BenchModule = { name: 'eventstore', run };
