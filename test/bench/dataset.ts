/**
 * The demo history at benchmark size, generated once per seed and scale into
 * bench/.cache (the generator drives the real command handlers; it takes
 * minutes), then reused by every benchmark that reads it.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoHistory } from '@werkbezoek/demo';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { ProgressBar } from '@werkbezoek/terminal';
import { note } from './progress.js';

const cacheDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bench/.cache');

/** The scale of the demo generator that yields at least a million events. */
export const MILLION_SCALE = Number(process.env.BENCH_DEMO_SCALE ?? 180);

export async function demoDataset(scale: number, seed = 1): Promise<{ path: string; events: number }> {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `demo-seed${seed}-scale${scale}.db`);
  if (!existsSync(file)) {
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    note(`Generating the demo history at scale ${scale} (seed ${seed}) into ${file}; it is cached for later runs.`);
    const store = new SqliteEventStore({ path: partial, synchronous: 'NORMAL' });
    const bar = new ProgressBar({ label: '  generating', unit: 'events' });
    await generateDemoHistory({ store, seed, scale, countEventTypes: false, onProgress: (p) => bar.update(p.events) });
    bar.finish();
    await store.close();
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(partial + suffix)) renameSync(partial + suffix, file + suffix);
  }
  const store = new SqliteEventStore({ path: file });
  const events = Number(await store.headPosition());
  await store.close();
  return { path: file, events };
}
