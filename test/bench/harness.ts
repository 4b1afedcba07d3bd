/**
 * What run.ts needs of a benchmark module, and the helpers they share: timing,
 * machine facts, the results table and goal verdicts.
 */
import os from 'node:os';

export interface BenchOptions {
  /** A smoke run: every count divided down, nothing written to bench/results. */
  readonly quick: boolean;
}

/** One timed run of one operation by one contender. */
export interface Measurement {
  /** Operations or events done. */
  readonly count: number;
  readonly durationMs: number;
  /** count per second. */
  readonly rate: number;
  /** When this is the best of several rounds: the rate of each round, in order. */
  readonly samples?: readonly number[];
}

/** One row of the table: our figure beside the limit and the peer. */
export interface ComparisonRow {
  readonly operation: string;
  /** "appends/s", "events/s". */
  readonly unit: string;
  readonly ours: Measurement;
  readonly raw?: Measurement;
  readonly peer?: Measurement;
  readonly notes?: readonly string[];
}

export interface Goal {
  readonly description: string;
  /** The ratio required. */
  readonly target: number;
  readonly actual: number;
  readonly pass: boolean;
}

export interface BenchReport {
  /** The name of the results file: bench/results/<name>.json. */
  readonly name: string;
  readonly title: string;
  /** What the peer column holds, e.g. "Emmett". */
  readonly peerName: string;
  readonly rows: readonly ComparisonRow[];
  readonly goals: readonly Goal[];
  /** A table of its own, printed instead of the comparison table (sizes, times and scores rather than rates). */
  readonly table?: string;
  /** Lines printed under the table. */
  readonly notes: readonly string[];
  /** Everything else for the JSON file. */
  readonly details: Record<string, unknown>;
}

export interface BenchModule {
  readonly name: string;
  run(options: BenchOptions): Promise<BenchReport>;
}

export function measurement(count: number, durationMs: number): Measurement {
  return { count, durationMs: round(durationMs, 1), rate: round((count * 1000) / durationMs, 1) };
}

/** Times an async operation that does `count` units of work. */
export async function timed(count: number, work: () => unknown): Promise<Measurement> {
  const started = performance.now();
  await work();
  return measurement(count, performance.now() - started);
}

/**
 * The best of several rounds (the highest rate), with every round's rate: on a
 * shared machine the least disturbed round is the best estimate of the cost.
 */
export function best(rounds: readonly Measurement[]): Measurement {
  if (rounds.length === 0) throw new Error('best() of no rounds');
  const top = rounds.reduce((a, b) => (b.rate > a.rate ? b : a));
  return rounds.length === 1 ? top : { ...top, samples: rounds.map((r) => r.rate) };
}

export function ratio(a: Measurement | undefined, b: Measurement | undefined): number | undefined {
  if (!a || !b || b.rate === 0) return undefined;
  return round(a.rate / b.rate, 3);
}

export function goal(description: string, target: number, actual: number | undefined): Goal {
  const value = actual ?? Number.NaN;
  return { description, target, actual: value, pass: value >= target };
}

export function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function machineInfo(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    loadAverage: os.loadavg().map((l) => round(l, 2)),
  };
}

function formatRate(m: Measurement | undefined): string {
  if (!m) return '-';
  return Math.round(m.rate).toLocaleString('en-US');
}

function formatRatio(r: number | undefined): string {
  return r === undefined ? '-' : `${r.toFixed(2)}×`;
}

/** The table for stdout: operation | ours | raw | ours/raw | peer | ours/peer. */
export function formatTable(report: BenchReport): string {
  const header = ['operation', 'unit', 'ours', 'raw SQLite', 'ours/raw', report.peerName, `ours/${report.peerName}`];
  const body = report.rows.map((row) => [
    row.operation,
    row.unit,
    formatRate(row.ours),
    formatRate(row.raw),
    formatRatio(ratio(row.ours, row.raw)),
    formatRate(row.peer),
    formatRatio(ratio(row.ours, row.peer)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [fmt(header), rule, ...body.map(fmt)].join('\n');
}

export function formatGoals(goals: readonly Goal[]): string {
  return goals
    .map(
      (g) =>
        `${g.pass ? 'PASS' : 'FAIL'}  ${g.description}: ${Number.isNaN(g.actual) ? 'n/a' : `${g.actual.toFixed(2)}×`} (goal ≥ ${g.target}×)`,
    )
    .join('\n');
}
