/**
 * Runs the benchmarks: `pnpm bench` at the repository root, or
 * `pnpm bench -- [--quick] [name...]` to pick modules or make a smoke run.
 * Each module prints its table to stdout and writes
 * bench/results/<name>.json at the repository root; progress goes to stderr.
 * Later benchmarks (projections, API) are further modules in `modules`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatGoals, formatTable, machineInfo, type BenchModule, type BenchReport } from './harness.js';
import { note } from './progress.js';

/** Loaded on demand, so that a run loads only what it runs, after any resolve hook is in place. */
const modules: readonly { readonly name: string; load(): Promise<BenchModule> }[] = [
  {
    name: 'eventstore',
    load: async () => {
      return (await import('./eventstore.bench.js')).eventStoreBenchmark;
    },
  },
  {
    name: 'projections',
    load: async () => (await import('./projections.bench.js')).projectionsBenchmark,
  },
  {
    name: 'api',
    load: async () => (await import('./api.bench.js')).apiBenchmark,
  },
  {
    name: 'web',
    load: async () => (await import('./web.bench.js')).webBenchmark,
  },
  {
    name: 'planner',
    load: async () => (await import('./planner.bench.js')).plannerBenchmark,
  },
  {
    name: 'privacy',
    load: async () => (await import('./privacy.bench.js')).privacyBenchmark,
  },
];

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(repoRoot, 'bench', 'results');

function print(report: BenchReport, durationMs: number): void {
  const out = [
    '',
    `## ${report.title}`,
    '',
    report.table ?? formatTable(report),
    '',
    ...report.notes.map((n) => `- ${n}`),
    '',
    'Goals:',
    formatGoals(report.goals),
    '',
    `(${report.name} took ${(durationMs / 1000).toFixed(1)} s)`,
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !modules.some((m) => m.name === n));
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${modules.map((m) => m.name).join(', ')}`);
  }
  const selected = names.length === 0 ? modules : modules.filter((m) => names.includes(m.name));

  for (const entry of selected) {
    const module = await entry.load();
    note(`\n=== benchmark: ${module.name}${quick ? ' (quick smoke run: reduced counts, no results file)' : ''} ===`);
    const machine = { ...machineInfo(), loadAverageNote: 'os.loadavg() when the benchmark started: 1, 5, 15 minutes' };
    const started = performance.now();
    const report = await module.run({ quick });
    const durationMs = performance.now() - started;
    print(report, durationMs);
    const json = {
      benchmark: report.name,
      title: report.title,
      date: new Date().toISOString(),
      quick,
      durationSeconds: Math.round(durationMs / 100) / 10,
      machine,
      rows: report.rows.map((row) => ({
        ...row,
        oursToRaw: row.raw ? Math.round((row.ours.rate / row.raw.rate) * 1000) / 1000 : null,
        oursToPeer: row.peer ? Math.round((row.ours.rate / row.peer.rate) * 1000) / 1000 : null,
      })),
      goals: report.goals,
      allGoalsPass: report.goals.every((g) => g.pass),
      notes: report.notes,
      ...report.details,
    };
    if (quick) {
      note(`quick run: ${report.name}.json not written`);
    } else {
      mkdirSync(resultsDir, { recursive: true });
      const file = path.join(resultsDir, `${report.name}.json`);
      writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
      note(`wrote ${path.relative(process.cwd(), file)}`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
