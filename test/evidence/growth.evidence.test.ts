import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceScale, fullEvidence, recordEvidence, resultsDir } from './evidence.js';
import { describeSource, largestHistory, prepareHistory, type HistorySource } from './load/history.js';
import type { Figures } from './load/loadPlan.js';
import { lessonSearches, readOperations } from './load/operations.js';
import { runLoad, startServer } from './load/processes.js';
import { lineChart, shortCount } from './load/svgChart.js';

/*
 * Issue 16, "How cost grows": the web UI's reads of the load suite, one at a
 * time, on the demo history at about 10,000, 100,000 and 1,000,000 events
 * (scales 1.6 and 14.5 of the generator: 9,985 and 100,061 events; then the
 * benchmark history at MILLION_SCALE, or the event log EVIDENCE_HISTORY
 * names), read models on SQLite; p50 and p95 per query per size, drawn as
 * test/evidence/results/growth.svg. The paged lists (the request list and the
 * inbox, 25 a page) should stay flat. The lesson search answers exactly (its
 * total, seven facets and relevance order are over every match), so it is
 * judged against how many lessons its searches find: its cost should grow
 * far slower than its matches. The short
 * version runs a few rounds on the demo history (scale 1) and draws the chart
 * to a temporary file.
 */

const sources = evidenceScale<HistorySource[]>([{ scale: 1 }], [{ scale: 1.6 }, { scale: 14.5 }, largestHistory]);
const warmupRounds = evidenceScale(2, 10);
/** Rounds of every query in turn, one request at a time (fewer when a size would outlast 15 minutes). */
const rounds = evidenceScale(5, 100);
/** Queries that read one page whatever the history's size. */
const paged = ['requests', 'inbox'];
/** "Flat": the largest history's p50 within twice the smallest's. */
const flatRatio = 2;

/** `n` to two decimals, as every figure of this suite is written. */
const twoDecimals = (n: number) => Math.round(n * 100) / 100;
const loadAverage = () => os.loadavg().map(twoDecimals);
const loadAverageAtStart = loadAverage();
const sizes: { history: string; events: number; byQuery: Record<string, Figures>; lessonMatches: number }[] = [];

/** How many lessons the load's searches find in all, as the lessons page counts them. */
async function lessonMatches(url: string): Promise<number> {
  let total = 0;
  for (const search of lessonSearches) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer demo-analyst' },
      body: JSON.stringify({
        query: 'query ($search: String) { lessons(search: $search, first: 1) { totalCount } }',
        variables: { search },
      }),
    });
    const body = (await response.json()) as { data?: { lessons: { totalCount: number } }; errors?: unknown };
    if (!body.data) throw new Error(`Counting the matches of "${search}": ${JSON.stringify(body.errors)}`);
    total += body.data.lessons.totalCount;
  }
  return total;
}

describe('how the cost of the web UI’s reads grows with the history (SQLite read models)', () => {
  it.each(sources.map((source) => [describeSource(source), source] as const))(
    'answers every read on the %s and measures its latency',
    async (_, source) => {
      const history = await prepareHistory(source, { dialect: 'sqlite' });
      try {
        const server = await startServer({ dataDir: history.dataDir, readModels: history.readModels });
        try {
          const result = await runLoad({
            mode: 'rounds',
            url: server.url,
            warmupRounds,
            rounds,
            // The slowest queries on the largest history take seconds each: a bounded time per size.
            maxSeconds: evidenceScale(60, 900),
            reads: readOperations(new Date()),
          });
          expect(result.errorSamples).toEqual([]);
          expect(result.all.errors).toBe(0);
          expect(Object.keys(result.byOperation).sort()).toEqual(
            ['clusters', 'dashboard', 'inbox', 'lessons', 'requests'].sort(),
          );
          const counts = new Set(Object.values(result.byOperation).map((f) => f.requests));
          expect(counts.size).toBe(1);
          expect([...counts][0]).toBeGreaterThanOrEqual(Math.min(rounds, 10));
          const matches = await lessonMatches(server.url);
          expect(matches).toBeGreaterThan(0);
          sizes.push({
            history: history.source,
            events: history.events,
            byQuery: result.byOperation,
            lessonMatches: matches,
          });
        } finally {
          await server.stop();
        }
      } finally {
        history.remove();
      }
    },
    evidenceScale(300_000, 4 * 3_600_000),
  );

  it('draws the figures as an accessible SVG chart', () => {
    expect(sizes).toHaveLength(sources.length);
    const queries = Object.keys(sizes[0]!.byQuery).sort();
    const series = queries.map((query) => ({
      name: `${query}${paged.includes(query) ? ' (paged)' : query === 'lessons' ? ' (search)' : ''}`,
      points: sizes.map((s) => [s.events, s.byQuery[query]!.p50] as const),
    }));
    const values = series.flatMap((s) => s.points.map(([, y]) => y));
    const logY = Math.max(...values) / Math.min(...values) > 20;
    const svg = lineChart({
      title: 'Median latency of the web UI’s reads by history size',
      description:
        `p50 latency in milliseconds of each query of the web UI (one request at a time, ${sizes.map((s) => s.byQuery[queries[0]!]!.requests).join(', ')} of each, SQLite read models) ` +
        `on demo histories of ${sizes.map((s) => shortCount(s.events)).join(', ')} events. ` +
        sizes
          .map(
            (s) => `${shortCount(s.events)} events: ${queries.map((q) => `${q} ${s.byQuery[q]!.p50} ms`).join(', ')}.`,
          )
          .join(' '),
      xLabel: 'Events in the log (log scale)',
      yLabel: `p50 latency (ms${logY ? ', log scale' : ''})`,
      yScale: logY ? 'log' : 'linear',
      series,
    });
    const dir = fullEvidence ? resultsDir : mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-growth-'));
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'growth.svg');
    writeFileSync(file, svg);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('<title id="chart-title">');
    expect(written.match(/<path /g)).toHaveLength(queries.length);
    for (const query of queries) expect(written).toContain(`>${query}`);
    if (!fullEvidence) rmSync(dir, { recursive: true, force: true });
  });
});

afterAll(() => {
  if (sizes.length === 0) return;
  const smallest = sizes[0]!;
  const largest = sizes.at(-1)!;
  const pagedFlat = Object.fromEntries(
    paged.map((query) => {
      const ratio = twoDecimals(largest.byQuery[query]!.p50 / smallest.byQuery[query]!.p50);
      return [query, { p50Ratio: ratio, flat: ratio <= flatRatio }];
    }),
  );
  const matchesRatio = twoDecimals(largest.lessonMatches / smallest.lessonMatches);
  const searchRatio = twoDecimals(largest.byQuery.lessons!.p50 / smallest.byQuery.lessons!.p50);
  recordEvidence('growth', {
    configuration: {
      readModels: 'sqlite',
      warmupRounds,
      rounds,
      concurrency: 1,
      flatCriterion: `a paged query is flat when its p50 on the largest history is within ${flatRatio}× its p50 on the smallest`,
      searchCriterion:
        'the lesson search answers exactly (total, facets and relevance order over every match): it is judged by how its p50 grows against how many lessons its searches find, and should grow far slower than its matches',
      cpu: os.cpus()[0]?.model,
      loadAverage: { atStart: loadAverageAtStart, atEnd: loadAverage() },
    },
    sizes: sizes.map((s) => ({
      history: s.history,
      events: s.events,
      lessonMatches: s.lessonMatches,
      byQuery: Object.fromEntries(
        Object.entries(s.byQuery).map(([q, f]) => [q, { p50: f.p50, p95: f.p95, p99: f.p99, requests: f.requests }]),
      ),
    })),
    paged: sizes.length > 1 ? pagedFlat : 'one size only',
    lessonSearch:
      sizes.length > 1
        ? {
            matchesRatio,
            p50Ratio: searchRatio,
            // The share of its matches' growth that the search's cost grows by.
            costPerMatchRatio: Math.round((searchRatio / matchesRatio) * 1000) / 1000,
          }
        : 'one size only',
    chart: fullEvidence ? 'test/evidence/results/growth.svg' : null,
  });
});
