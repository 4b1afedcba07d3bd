/**
 * Generates the synthetic demo history into DIR/events.db:
 *
 *   tsx services/demo/src/cli.ts --scale 1 --seed 1 --data-dir data
 *
 * The store runs with synchronous=NORMAL: a bulk load that can be redone
 * needs no fsync per append (a power loss may lose the last appends, never
 * corrupt the file). Progress goes to stderr, the summary (JSON) to stdout.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { DEMO_TODAY, generateDemoHistory } from './generator.js';
import { formatCount, formatDuration, progressBar } from './progress.js';

const usage = `Usage: tsx services/demo/src/cli.ts [--scale N] [--seed S] [--data-dir DIR] [--today YYYY-MM-DD]

  --scale     size of the history: 1 is the demo (~5,000 events); larger scales add synthetic
              municipalities and twinnings (default 1)
  --seed      seed of the generator: the same seed and scale give the same event log (default 1)
  --data-dir  directory of events.db (default ./data, or DATA_DIR)
  --today     last simulated day (default ${DEMO_TODAY})`;

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
    today: { type: 'string', default: DEMO_TODAY },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!Number.isFinite(scale) || scale < 1 || !Number.isInteger(seed)) {
  console.error(`--scale must be a number ≥ 1 and --seed an integer\n\n${usage}`);
  process.exit(2);
}
// Relative to where the command was typed: pnpm runs package scripts in the package's folder, INIT_CWD keeps the caller's.
const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), values['data-dir'] ?? process.env.DATA_DIR ?? 'data');
mkdirSync(dataDir, { recursive: true });
const path = join(dataDir, 'events.db');
if (existsSync(path)) {
  console.error(
    `${path} already exists. The generator writes a fresh history: remove the file or choose another --data-dir.`,
  );
  process.exit(2);
}

const store = new SqliteEventStore({ path, synchronous: 'NORMAL' });
process.stderr.write(
  `Generating the demo history (seed ${seed}, scale ${scale}) into ${path}\n` +
    `SQLite synchronous=NORMAL for speed: a bulk load needs no fsync per append; rerun it after a power loss.\n`,
);
const bar = progressBar('demo', { unit: 'events' });
const started = performance.now();
// The generator reports fraction 1 when the last command is handled, before it reads the log back to count types.
let generatedAt = Number.NaN;
try {
  const summary = await generateDemoHistory({
    store,
    seed,
    scale,
    today: values.today,
    onProgress: (p) => {
      if (p.fraction >= 1) {
        generatedAt = performance.now();
        bar.finish(p.events, values.today);
      } else bar.update(p.fraction, p.events, p.simulatedDate);
    },
  });
  const seconds = (generatedAt - started) / 1000;
  const countSeconds = (performance.now() - generatedAt) / 1000;
  process.stderr.write(
    `Done: ${formatCount(summary.events)} events from ${formatCount(summary.commands)} commands in ` +
      `${formatDuration(seconds * 1000)} (${formatCount(summary.events / seconds)} events/s); ` +
      `counting them by type took ${formatDuration(countSeconds * 1000)} more.\n`,
  );
  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify(
      { path, seconds: round(seconds), eventsPerSecond: Math.round(summary.events / seconds), ...summary },
      null,
      2,
    ),
  );
} finally {
  await store.close();
}
