import type { Figures } from './loadPlan.js';

/** Exact percentiles of every latency (ms), the rate over `seconds` and the failures among them. */
export function figures(latencies: readonly number[], errors: number, seconds: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    errors,
    errorRate: sorted.length === 0 ? 0 : errors / sorted.length,
    rate: round(sorted.length / seconds),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

/** A least-squares line through the points, with the 95% confidence interval of its slope. */
export interface Trend {
  readonly slope: number;
  readonly intercept: number;
  /** Half the width of the slope's 95% confidence interval (Student's t, n − 2 degrees of freedom). */
  readonly slopeMargin: number;
  readonly points: number;
}

export function leastSquares(points: readonly (readonly [number, number])[]): Trend {
  const n = points.length;
  if (n < 3) throw new Error(`A trend needs at least 3 points, not ${n}: sample for longer`);
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  if (sxx === 0) throw new Error('A trend needs points at different times');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residual = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  const standardError = Math.sqrt(residual / (n - 2) / sxx);
  return { slope, intercept, slopeMargin: tQuantile975(n - 2) * standardError, points: n };
}

/** The 97.5% quantile of Student's t: the table up to 30 degrees of freedom, then its normal approximation. */
function tQuantile975(df: number): number {
  const table = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
    2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  if (df <= 30) return table[df - 1]!;
  // Cornish-Fisher expansion around z = 1.96: within 0.001 of the exact quantile beyond 30 degrees of freedom.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}
