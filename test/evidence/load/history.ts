import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReadModelConfig } from '@werkbezoek/projections';
import { demoDataset } from '../../bench/dataset.js';
import { startServer } from './processes.js';

/*
 * A data directory holding the demo history at a scale (generated once into
 * bench/.cache by the benchmarks' dataset.ts) with its read models built: a
 * copy, so that the load's writes never reach the cached history.
 */

export interface PreparedHistory {
  readonly dataDir: string;
  readonly readModels: ReadModelConfig;
  readonly events: number;
  readonly scale: number;
  /** How long the platform took to build the read models from the log, or null when they came from the cache. */
  readonly buildSeconds: number | null;
  remove(): void;
}

function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal']) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
}

/**
 * The history at `scale` with read models on SQLite (in the data directory) or on a PostgreSQL database
 * (empty: `url`). The platform itself builds them, in a first run of the server process that stops once
 * they reach the log's head; SQLite read models are cached beside the history for later runs.
 */
export async function prepareHistory(
  scale: number,
  target: { readonly dialect: 'sqlite' } | { readonly dialect: 'postgres'; readonly url: string },
): Promise<PreparedHistory> {
  const dataset = await demoDataset(scale);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `werkbezoek-evidence-${scale}-`));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    copyDatabase(dataset.path, path.join(dataDir, 'events.db'));
    const readModels: ReadModelConfig =
      target.dialect === 'sqlite'
        ? { dialect: 'sqlite', path: path.join(dataDir, 'read-models.db') }
        : { dialect: 'postgres', url: target.url };
    const cached = dataset.path.replace(/\.db$/, '.read-models.db');
    let buildSeconds: number | null = null;
    if (readModels.dialect === 'sqlite' && existsSync(cached)) copyDatabase(cached, readModels.path);
    else {
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
    return { dataDir, readModels, events: dataset.events, scale, buildSeconds, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
