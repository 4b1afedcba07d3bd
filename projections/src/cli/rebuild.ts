/**
 * `pnpm projections:rebuild [name ...]`: rebuilds read models from the event
 * log into new tables while the current ones keep serving, then switches.
 * DATA_DIR (default ./data) holds the embedded stores; EVENTSTORE_URL and
 * DATABASE_URL select EventStoreDB and PostgreSQL instead.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { eventStoreConfigFromEnv, openEventStore } from '@werkbezoek/eventstore';
import { ProgressBar } from '@werkbezoek/terminal';
import { openReadModels, readModelConfigFromEnv } from '../db/database.js';
import { allProjections } from '../projections.js';
import { ProjectionRunner } from '../runner/runner.js';

const names = process.argv.slice(2);
const known = allProjections.map((p) => p.name);
const unknown = names.filter((n) => !known.includes(n));
if (unknown.length > 0) {
  console.error(
    `Unknown projection ${unknown.map((n) => `"${n}"`).join(', ')}; the projections are: ${known.join(', ')}`,
  );
  process.exit(2);
}

const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const eventStore = eventStoreConfigFromEnv(process.env, dataDir);
const readModelConfig = readModelConfigFromEnv(process.env, dataDir);
const store = await openEventStore(eventStore);
const readModels = openReadModels(readModelConfig, { projector: true });
const head = await store.headPosition();
const bar = new ProgressBar({
  label: `Rebuilding ${names.length > 0 ? names.join(', ') : 'all projections'}`,
  total: Number(head),
  unit: 'events',
});
const started = Date.now();
const runner = new ProjectionRunner({
  store,
  readModels,
  projections: allProjections,
  threads: { count: availableParallelism(), eventStore, readModels: readModelConfig },
  onProgress: (p) => bar.update(Number(p.position), Number(p.head)),
  log: (message) => process.stderr.write(`\n${message}\n`),
});
try {
  await runner.rebuild(names.length > 0 ? names : undefined);
  bar.finish();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `Rebuilt in ${seconds.toFixed(1)} s (${Math.round(Number(head) / seconds).toLocaleString('en-GB')} events/s over ${head} events).`,
  );
  for (const h of await runner.health()) {
    console.log(
      `  ${h.name.padEnd(12)} v${h.version} generation ${h.generation}: ${h.status}, at ${h.position}${h.error ? `, STOPPED at #${h.error.position} (${h.error.eventType}): ${h.error.message}` : ''}`,
    );
  }
} finally {
  await readModels.close();
  await store.close();
}
