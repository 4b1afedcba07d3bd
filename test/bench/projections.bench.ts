/**
 * Rebuild throughput of all projections over the million-event demo history,
 * on SQLite and on PostgreSQL, beside a baseline measured in the same run on
 * the same data: reading the events and writing the same rows (the rebuilt
 * read models' rows) with plain batched inserts, no projection logic.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os, { availableParallelism } from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import {
  allProjections,
  DEFAULT_BATCH_SIZE,
  openReadModels,
  physicalName,
  ProjectionRunner,
  type ReadModelConfig,
  type ReadModelDb,
} from '@werkbezoek/projections';
import { startPostgres } from '@werkbezoek/projections/testing';
import { ProgressBar } from '@werkbezoek/terminal';
import { sql } from 'kysely';
import pg from 'pg';
import { MILLION_SCALE, demoDataset } from './dataset.js';
import { measurement, type BenchModule, type BenchReport, type ComparisonRow, type Measurement } from './harness.js';
import { formatCount, note } from './progress.js';

async function rebuild(
  eventsPath: string,
  config: ReadModelConfig,
  label: string,
): Promise<{ measurement: Measurement; readModels: ReadModelDb }> {
  const store = new SqliteEventStore({ path: eventsPath });
  const readModels = openReadModels(config, { projector: true });
  const head = Number(await store.headPosition());
  const bar = new ProgressBar({ label: `  rebuild ${label}`, total: head, unit: 'events' });
  // As the platform and `pnpm projections:rebuild` run it: projector threads on every core.
  const runner = new ProjectionRunner({
    store,
    readModels,
    projections: allProjections,
    threads: { count: availableParallelism(), eventStore: { kind: 'sqlite', path: eventsPath }, readModels: config },
    onProgress: (p) => bar.update(Number(p.position)),
  });
  await runner.migrate();
  const started = performance.now();
  await runner.catchUp();
  const duration = performance.now() - started;
  bar.finish(head);
  const failed = (await runner.health()).filter((h) => h.error);
  if (failed.length > 0)
    throw new Error(
      `Projections failed during the benchmark: ${failed.map((f) => `${f.name} at ${f.error?.position}: ${f.error?.message}`).join('; ')}`,
    );
  await store.close();
  return { measurement: measurement(head, duration), readModels };
}

/** The physical tables of the active projections, with their rows. */
async function tablesOf(readModels: ReadModelDb): Promise<{ name: string; rows: Record<string, unknown>[] }[]> {
  const out = [];
  for (const p of allProjections) {
    for (const t of p.tables) {
      const state = await readModels.db
        .selectFrom('projection_state' as never)
        .select(['generation' as never])
        .where('name' as never, '=', p.name as never)
        .where('status' as never, '=', 'ACTIVE' as never)
        .executeTakeFirstOrThrow();
      const physical = physicalName(t.name, p.version, (state as { generation: number }).generation);
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(physical)}`.execute(readModels.db))
        .rows;
      const generated = new Set(t.generatedColumns ?? []);
      out.push({
        name: physical,
        rows: rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !generated.has(k)))),
      });
    }
  }
  return out;
}

/**
 * The baseline: read every event from the store (as the runner must), then
 * insert the same rows into empty copies of the same tables with plain
 * multi-row INSERTs in large transactions.
 */
async function baseline(
  eventsPath: string,
  source: ReadModelDb,
  targetConfig: ReadModelConfig,
  events: number,
): Promise<{ measurement: Measurement; rows: number }> {
  const tables = await tablesOf(source);
  const target = openReadModels(targetConfig);
  // Empty copies of the same tables, indexes included, created before the clock starts.
  const runner = new ProjectionRunner({
    store: new SqliteEventStore({ path: eventsPath }),
    readModels: target,
    projections: allProjections,
  });
  await runner.migrate();
  const store = new SqliteEventStore({ path: eventsPath });
  const started = performance.now();
  let read = 0;
  for await (const _ of store.readAll()) read++;
  let rows = 0;
  for (const table of tables) {
    if (table.rows.length === 0) continue;
    const columns = Object.keys(table.rows[0]!);
    const chunk = Math.max(1, Math.floor((target.dialect === 'sqlite' ? 30_000 : 60_000) / columns.length));
    await target.db.transaction().execute(async (tx) => {
      for (let i = 0; i < table.rows.length; i += chunk) {
        await tx
          .insertInto(table.name as never)
          .values(table.rows.slice(i, i + chunk))
          .execute();
      }
    });
    rows += table.rows.length;
  }
  const duration = performance.now() - started;
  if (read !== events) throw new Error(`baseline read ${read} events, expected ${events}`);
  await store.close();
  await target.close();
  return { measurement: measurement(events, duration), rows };
}

/** The bench's PostgreSQL: the test run's own server (it also runs as root), with one database per side. */
async function startBenchPostgres(): Promise<{ url: (db: string) => string; stop: () => Promise<void> }> {
  const server = await startPostgres({ password: 'bench' });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  for (const db of ['ours', 'baseline']) await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  return {
    url: (db) => server.url.replace(/\/postgres$/, `/${db}`),
    stop: () => server.stop(),
  };
}

async function run(options: { quick: boolean }): Promise<BenchReport> {
  const scale = options.quick ? 1 : MILLION_SCALE;
  const dataset = await demoDataset(scale);
  note(`Dataset: ${formatCount(dataset.events)} events (demo history, scale ${scale}).`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-bench-rm-'));
  const rows: ComparisonRow[] = [];
  const details: Record<string, unknown> = { dataset: { events: dataset.events, scale, seed: 1 } };
  try {
    note('SQLite: all projections from position 0, then the baseline.');
    const ours = await rebuild(dataset.path, { dialect: 'sqlite', path: path.join(dir, 'ours.db') }, 'SQLite');
    const base = await baseline(
      dataset.path,
      ours.readModels,
      { dialect: 'sqlite', path: path.join(dir, 'baseline.db') },
      dataset.events,
    );
    await ours.readModels.close();
    rows.push({
      operation: `Rebuild all projections, SQLite (${formatCount(dataset.events)} events)`,
      unit: 'events/s',
      ours: ours.measurement,
      raw: base.measurement,
      notes: [`${formatCount(base.rows)} read-model rows`],
    });
    details.sqlite = { seconds: ours.measurement.durationMs / 1000, rows: base.rows };

    note('PostgreSQL (embedded, started by the benchmark): the same.');
    const postgres = await startBenchPostgres();
    try {
      const oursPg = await rebuild(dataset.path, { dialect: 'postgres', url: postgres.url('ours') }, 'PostgreSQL');
      const basePg = await baseline(
        dataset.path,
        oursPg.readModels,
        { dialect: 'postgres', url: postgres.url('baseline') },
        dataset.events,
      );
      await oursPg.readModels.close();
      rows.push({
        operation: `Rebuild all projections, PostgreSQL (${formatCount(dataset.events)} events)`,
        unit: 'events/s',
        ours: oursPg.measurement,
        raw: basePg.measurement,
        notes: [`${formatCount(basePg.rows)} read-model rows`],
      });
      details.postgres = { seconds: oursPg.measurement.durationMs / 1000, rows: basePg.rows };
    } finally {
      await postgres.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sqliteRow = rows[0]!;
  // The goal is a million events in under a minute: a rate, so that a larger set is held to the same pace.
  const perMillion = (1_000_000 / sqliteRow.ours.rate).toFixed(1);
  const goals = [
    {
      description: `all projections rebuild 1,000,000 events on SQLite in under 60 s (at ${formatCount(Math.round(sqliteRow.ours.rate))} events/s: ${perMillion} s per million; rate ÷ 16,667 events/s)`,
      target: 1,
      actual: Math.round((sqliteRow.ours.rate / (1_000_000 / 60)) * 100) / 100,
      pass: sqliteRow.ours.rate * 60 > 1_000_000,
    },
    ...rows.map((r) => {
      const ratio = Math.round((r.ours.rate / r.raw!.rate) * 1000) / 1000;
      return {
        description: `${r.operation}: at least 30% of the baseline rate`,
        target: 0.3,
        actual: ratio,
        pass: ratio >= 0.3,
      };
    }),
  ];
  return {
    name: 'projections',
    title: 'Projections: rebuild of every read model vs reading the events and inserting the same rows',
    peerName: '-',
    rows,
    goals,
    notes: [
      'Baseline ("raw"): read every event from the SQLite event store, then insert the rebuilt read models\' rows into empty tables with the same indexes, with multi-row INSERTs in one transaction per table.',
      `Ours: the ProjectionRunner with every projection as the platform runs it: projector threads on every core (${availableParallelism()} here), batches of ${formatCount(DEFAULT_BATCH_SIZE)} events, checkpoint in each batch's transaction.`,
    ],
    details,
  };
}

export const projectionsBenchmark: BenchModule = { name: 'projections', run };
