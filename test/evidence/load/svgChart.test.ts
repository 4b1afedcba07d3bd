import { describe, expect, it } from 'vitest';
import { escapeXml, lineChart, shortCount } from './svgChart.js';

const chart = {
  title: 'Latency by history size',
  description: 'Two queries at three sizes.',
  xLabel: 'Events in the log (log scale)',
  yLabel: 'p50 latency (ms)',
  series: [
    {
      name: 'dashboard',
      points: [
        [10_000, 5],
        [100_000, 20],
        [1_000_000, 180],
      ],
    },
    {
      name: 'requests <first 25>',
      points: [
        [1_000_000, 4],
        [10_000, 3],
        [100_000, 3.5],
      ],
    },
  ],
} as const;

describe('the SVG line chart', () => {
  it('is a standalone SVG with its title, description, labelled axes and a legend entry per series', () => {
    const svg = lineChart(chart);
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="chart-title chart-desc"/,
    );
    expect(svg).toContain('<title id="chart-title">Latency by history size</title>');
    expect(svg).toContain('<desc id="chart-desc">Two queries at three sizes.</desc>');
    expect(svg).toContain('>Events in the log (log scale)</text>');
    expect(svg).toContain('>p50 latency (ms)</text>');
    expect(svg).toContain('>dashboard</text>');
    expect(svg).toContain('>requests &#60;first 25&#62;</text>');
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('puts the x axis on a log scale: each decade takes the same width, ticks at 10k, 100k and 1M', () => {
    const svg = lineChart(chart);
    // The first series' markers on the plot (each with its point's title; the legend's has none).
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"[^>]*><title>/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(3);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 0);
    for (const tick of ['10k', '100k', '1M']) expect(svg).toContain(`>${tick}</text>`);
    // The axis starts and ends at round values near the data, not a whole decade away.
    expect(svg).not.toContain('>1k</text>');
  });

  it('draws each series left to right, whatever the order of its points', () => {
    const svg = lineChart(chart);
    const second = /<path d="M([\d.]+) [\d.]+ L([\d.]+) [\d.]+ L([\d.]+)/g;
    const paths = [...svg.matchAll(second)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    for (const [a, b, c] of paths) expect(a! < b! && b! < c!).toBe(true);
  });

  it('refuses a point it cannot place, naming it', () => {
    expect(() => lineChart({ ...chart, series: [{ name: 'bad', points: [[0, 3]] }] })).toThrow(/\(0, 3\)/);
    expect(() => lineChart({ ...chart, yScale: 'log', series: [{ name: 'bad', points: [[10, 0]] }] })).toThrow(
      /\(10, 0\)/,
    );
    expect(() => lineChart({ ...chart, series: [] })).toThrow(/no points/);
  });

  it('escapes text and writes counts short', () => {
    expect(escapeXml(`a<b & "c"`)).toBe('a&#60;b &#38; &#34;c&#34;');
    expect([shortCount(5_597), shortCount(1_261_748), shortCount(20)]).toEqual(['5.6k', '1.3M', '20']);
  });
});
