import { describe, expect, it } from 'vitest';
import { figures, leastSquares } from './stats.js';

describe('figures of a load', () => {
  it('takes exact percentiles of every latency, the rate and the error rate', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(figures(latencies, 2, 10)).toEqual({
      requests: 100,
      errors: 2,
      errorRate: 0.02,
      rate: 10,
      p50: 51,
      p95: 96,
      p99: 100,
      max: 100,
    });
  });
});

describe('the least-squares trend', () => {
  it('finds the slope of points on a line, with no margin', () => {
    const trend = leastSquares([0, 1, 2, 3, 4].map((x) => [x, 2 * x + 1] as const));
    expect(trend.slope).toBeCloseTo(2, 10);
    expect(trend.intercept).toBeCloseTo(1, 10);
    expect(trend.slopeMargin).toBeCloseTo(0, 10);
  });

  it('gives noise around a flat line a slope whose interval includes zero', () => {
    // A saw-tooth like a garbage-collected heap: up and down around 100.
    const points = Array.from({ length: 60 }, (_, x) => [x, 100 + ((x * 7) % 5) - 2] as const);
    const trend = leastSquares(points);
    expect(Math.abs(trend.slope)).toBeLessThan(trend.slopeMargin);
  });

  it('matches a textbook interval: slope 1.0 ± 2.776·SE for 6 points', () => {
    const points = [
      [1, 1.2],
      [2, 1.9],
      [3, 3.2],
      [4, 3.8],
      [5, 5.1],
      [6, 5.9],
    ] as const;
    const trend = leastSquares(points);
    const n = points.length;
    const mx = 3.5;
    const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
    const residual = points.reduce((s, [x, y]) => s + (y - (trend.intercept + trend.slope * x)) ** 2, 0);
    expect(trend.slope).toBeCloseTo(0.9629, 3);
    expect(trend.slopeMargin).toBeCloseTo(2.776 * Math.sqrt(residual / (n - 2) / sxx), 6);
  });

  it('needs three points at different times', () => {
    expect(() => leastSquares([[0, 1]])).toThrow(/at least 3 points/);
    expect(() =>
      leastSquares([
        [1, 1],
        [1, 2],
        [1, 3],
      ]),
    ).toThrow(/different times/);
  });
});
