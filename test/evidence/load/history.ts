import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { allProjections, type ReadModelConfig } from '@werkbezoek/projections';
import Database from 'better-sqlite3';
import { MILLION_SCALE, demoDataset } from '../../bench/dataset.js';
import { startServer } from './processes.js';

/*
 * A data directory holding a history with its read models built: the demo
 * history at a scale (generated once into bench/.cache by the benchmarks'
 * dataset.ts) or an existing event log; a copy, so that the load's writes never
 * reach the original.
 */

/** The demo history at a scale of its generator, or an existing SQLite event log (events.db). */
export type HistorySource = { readonly scale: number } | { readonly file: string };

/**
 * The full versions' largest history: the benchmark history (the demo at MILLION_SCALE), or the event log
 * EVIDENCE_HISTORY names, to measure another history of that size (a copy of production's, say).
 */
export const largestHistory: HistorySource = process.env.EVIDENCE_HISTORY
  ? { file: path.resolve(process.env.EVIDENCE_HISTORY) }
  : { scale: MILLION_SCALE };

export const describeSource = (source: HistorySource): string =>
  'scale' in source ? `demo history, scale ${source.scale}` : path.basename(source.file);

async function eventLog(source: HistorySource): Promise<{ path: string; events: number }> {
  if ('scale' in source) return demoDataset(source.scale);
  if (!existsSync(source.file))
    throw new Error(`EVIDENCE_HISTORY names ${source.file}, which does not exist: give the path of a SQLite events.db`);
  const store = new SqliteEventStore({ path: source.file });
  const events = Number(await store.headPosition());
  await store.close();
  return { path: source.file, events };
}

export interface PreparedHistory {
  readonly dataDir: string;
  readonly readModels: ReadModelConfig;
  readonly events: number;
  /** Which history it is (describeSource). */
  readonly source: string;
  /** How long the platform took to build the read models from the log, or null when they came from the cache. */
  readonly buildSeconds: number | null;
  remove(): void;
}

function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
}

/**
 * The history with read models on SQLite (in the data directory) or on a PostgreSQL database
 * (empty: `url`). The platform itself builds them, in a first run of the server process that stops once
 * they reach the log's head; SQLite read models are cached beside the history for later runs, and
 * built again when a projection's version changed since (else every run would rebuild it at start).
 */
export async function prepareHistory(
  source: HistorySource,
  target: { readonly dialect: 'sqlite' } | { readonly dialect: 'postgres'; readonly url: string },
): Promise<PreparedHistory> {
  const dataset = await eventLog(source);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-evidence-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    copyDatabase(dataset.path, path.join(dataDir, 'events.db'));
    const readModels: ReadModelConfig =
      target.dialect === 'sqlite'
        ? { dialect: 'sqlite', path: path.join(dataDir, 'read-models.db') }
        : { dialect: 'postgres', url: target.url };
    const cached = dataset.path.replace(/\.db$/, '.read-models.db');
    let buildSeconds: number | null = null;
    // A cache of older projection versions is a head start: the server rebuilds only those, and the cache is renewed.
    const fromCache = readModels.dialect === 'sqlite' && existsSync(cached);
    if (fromCache) copyDatabase(cached, readModels.path);
    if (!fromCache || !cachedVersionsCurrent(cached)) {
      const builder = await startServer({ dataDir, readModels });
      buildSeconds = builder.startSeconds;
      await builder.stop();
      if (readModels.dialect === 'sqlite') {
        // A copy of its own, renamed into place: two suites building the same history at once do not mix files.
        const partial = `${cached}.${process.pid}.partial`;
        copyDatabase(readModels.path, partial);
        rmSync(`${cached}-wal`, { force: true });
        for (const suffix of ['', '-wal'])
          if (existsSync(partial + suffix)) renameSync(partial + suffix, cached + suffix);
      }
    }
    return { dataDir, readModels, events: dataset.events, source: describeSource(source), buildSeconds, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Whether cached read models hold every projection at the version the code has now (a bumped one is rebuilt at start). */
function cachedVersionsCurrent(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const active = db.prepare("select name, version from projection_state where status = 'ACTIVE'").all() as {
      name: string;
      version: number;
    }[];
    const versions = new Map(active.map((r) => [r.name, Number(r.version)]));
    return allProjections.every((p) => versions.get(p.name) === p.version);
  } finally {
    db.close();
  }
}
