import os from 'node:os';
import { freshDatabase } from '@werkbezoek/projections/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { evidenceScale, fullEvidence, recordEvidence } from './evidence.js';
import { describeSource, largestHistory, prepareHistory } from './load/history.js';
import type { LoadResult, WriteTargets } from './load/loadPlan.js';
import { readOperations, writeDocuments } from './load/operations.js';
import { runLoad, startServer, type HeapAfterGc, type MemorySample } from './load/processes.js';
import { leastSquares, type Trend } from './load/stats.js';

/*
 * Issue 16, "Load and how cost grows": a sustained mixed load (80% the web
 * UI's reads, 20% valid writes) against the benchmark history, read models on
 * SQLite and on PostgreSQL, from a load generator in its own process, with the
 * server's memory sampled every second. The short version (pnpm test) runs 5 s
 * on the demo history and checks that nothing fails; the full one
 * (EVIDENCE=full) runs 180 s on the benchmark history (the demo at
 * MILLION_SCALE, or the event log EVIDENCE_HISTORY names) and records the
 * figures and whether each goal was met. Each run is followed by the same
 * mix at a steady rate (pacedRate), on which the latency goal is judged. Speed is measured here, never
 * asserted: the goals are judged in the figures.
 */

const source = evidenceScale({ scale: 1 }, largestHistory);
// Three minutes, not the one the issue names: memory is judged after a minute's warm-up, on two minutes' major collections.
const seconds = evidenceScale(5, 180);
const connections = 10;
/** Memory is judged after the first minute of load, when page caches, compiled queries and V8's old space have settled. */
const warmupSeconds = evidenceScale(1, 60);
/** "No growth trend": the least-squares slope's 95% interval includes zero, or the slope is under 1 MB/min. */
const flatMbPerMinute = 1;
const p99GoalMs = 200;
/**
 * The p99 goal is judged at a steady arrival rate, as people using the UI send requests, not at saturation:
 * with `connections` clients back to back, the mean latency is connections / throughput (Little's law), whatever
 * the server does. 20 requests a second is about 60 people at work at once, each opening a page (about three
 * requests) every ten seconds: every VVSG staff member and every twinned municipality's coordinator together
 * (30 of the 308 Flemish municipalities had twinnings outside Europe in 2011).
 */
const pacedRate = 20;
const pacedSeconds = evidenceScale(5, 120);
/** No request may hold the server's event loop (better-sqlite3 is synchronous): every other request waits meanwhile. */
const loopDelayGoalMs = 50;

const MB = 1024 * 1024;
const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);
const loadAverageAtStart = loadAverage();
const results: Record<string, unknown> = {};

async function gql<T>(url: string, token: string, query: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** What the writes act on, read from the history through the API as a client would. */
async function writeTargets(url: string, today: string): Promise<WriteTargets> {
  const { twinnings } = await gql<{ twinnings: { id: string; nisCode: string; active: boolean }[] }>(
    url,
    'demo-planner',
    '{ twinnings { id nisCode active } }',
  );
  const { missions } = await gql<{ missions: { edges: { node: { id: string } }[] } }>(
    url,
    'demo-staff',
    '{ missions(filter: { status: [COMPLETED] }, first: 100) { edges { node { id } } } }',
  );
  const active = twinnings.filter((t) => t.active);
  if (active.length === 0 || missions.edges.length === 0)
    throw new Error('The history has no active twinning or no completed mission to write to');
  return {
    today,
    twinnings: active.map(({ id, nisCode }) => ({ id, nisCode })),
    missions: missions.edges.map((e) => e.node),
    documents: writeDocuments(),
  };
}

interface MemoryFigures {
  samples: number;
  rssMb: { first: number; last: number; max: number };
  heapUsedMb: { first: number; last: number; max: number };
  rssSlopeMbPerMin: { slope: number; margin: number };
  /** V8's heap as reserved (heapTotal): it grows its heap to a few times what it keeps while memory is plentiful. */
  heapTotalSlopeMbPerMin: { slope: number; margin: number };
  /** RSS outside V8's heap (rss - heapTotal): SQLite's page caches, buffers, code; where a native leak would show. */
  outsideHeapMb: { first: number; last: number; max: number };
  outsideHeapSlopeMbPerMin: { slope: number; margin: number };
  heapUsedSlopeMbPerMin: { slope: number; margin: number };
  /** The heap each major collection left (what is kept), and its trend: the heap judged, when there were three or more. */
  heapAfterMajorGc: {
    collections: number;
    firstMb?: number;
    lastMb?: number;
    slopeMbPerMin?: { slope: number; margin: number };
  };
  /** Which heap figure the goal was judged on. */
  heapJudged: 'heapAfterMajorGc' | 'heapUsed';
  noTrend: boolean;
}

function perMinute(trend: Trend) {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { slope: round(trend.slope * 60), margin: round(trend.slopeMargin * 60) };
}

/** The memory over the load's window after the warm-up, with its least-squares trend in MB per minute. */
function memoryFigures(
  samples: readonly MemorySample[],
  collections: readonly HeapAfterGc[],
  load: LoadResult,
): MemoryFigures {
  const from = load.startedAt + warmupSeconds * 1000;
  const window = samples.filter((s) => s.at >= from && s.at <= load.endedAt);
  const gcs = collections.filter((c) => c.at >= from && c.at <= load.endedAt);
  const mb = (n: number) => Math.round((n / MB) * 10) / 10;
  const outsideHeap = (s: MemorySample) => s.rss - s.heapTotal;
  const read: Record<'rss' | 'heapUsed' | 'heapTotal' | 'outsideHeap', (s: MemorySample) => number> = {
    rss: (s) => s.rss,
    heapUsed: (s) => s.heapUsed,
    heapTotal: (s) => s.heapTotal,
    outsideHeap,
  };
  const range = (key: keyof typeof read) => ({
    first: mb(read[key](window[0]!)),
    last: mb(read[key](window.at(-1)!)),
    max: mb(Math.max(...window.map(read[key]))),
  });
  const trend = (key: keyof typeof read) =>
    perMinute(leastSquares(window.map((s) => [(s.at - from) / 1000, read[key](s) / MB] as const)));
  const rss = trend('rss');
  const heap = trend('heapUsed');
  const outside = trend('outsideHeap');
  // The sampled heap holds garbage between major collections; what each collection left is what the process keeps.
  const kept =
    gcs.length >= 3
      ? perMinute(leastSquares(gcs.map((c) => [(c.at - from) / 1000, c.heapUsed / MB] as const)))
      : undefined;
  const flat = (t: { slope: number; margin: number }) => t.slope < flatMbPerMinute || Math.abs(t.slope) <= t.margin;
  return {
    samples: window.length,
    rssMb: range('rss'),
    heapUsedMb: range('heapUsed'),
    rssSlopeMbPerMin: rss,
    heapTotalSlopeMbPerMin: trend('heapTotal'),
    outsideHeapMb: range('outsideHeap'),
    outsideHeapSlopeMbPerMin: outside,
    heapUsedSlopeMbPerMin: heap,
    heapAfterMajorGc: {
      collections: gcs.length,
      ...(gcs.length > 0 ? { firstMb: mb(gcs[0]!.heapUsed), lastMb: mb(gcs.at(-1)!.heapUsed) } : {}),
      ...(kept ? { slopeMbPerMin: kept } : {}),
    },
    heapJudged: kept ? 'heapAfterMajorGc' : 'heapUsed',
    // What the process keeps: V8's live heap, and everything outside V8's heap. RSS also counts the heap V8 reserves
    // beyond what it keeps, which it sizes to its allocation rate (reported, as heapTotal's slope).
    noTrend: flat(outside) && flat(kept ?? heap),
  };
}

/** How long the server's event loop was held up during the load: the longest delay seen, and the seconds' 99th percentiles. */
function eventLoopFigures(samples: readonly MemorySample[], load: Pick<LoadResult, 'startedAt' | 'endedAt'>) {
  const window = samples.filter((s) => s.at > load.startedAt && s.at <= load.endedAt + 1000);
  const max = window.map((s) => s.loopDelayMaxMs ?? 0);
  const p99 = window.map((s) => s.loopDelayP99Ms ?? 0).sort((a, b) => a - b);
  return {
    maxMs: Math.max(0, ...max),
    medianSecondP99Ms: p99[Math.floor(p99.length / 2)] ?? 0,
    secondsOver50ms: max.filter((m) => m > 50).length,
  };
}

describe.each(['sqlite', 'postgres'] as const)(
  `sustained mixed load, %s read models (${seconds} s, ${connections} connections; then ${pacedSeconds} s at ${pacedRate}/s)`,
  (dialect) => {
    // The full version builds the read models of 1.26 million events first: allow it hours on a busy machine.
    const timeout = evidenceScale(600_000, 4 * 3_600_000);

    it(
      'answers every read and write without an error, and reports throughput, latency and memory',
      async () => {
        // A database of its own on the test run's PostgreSQL; the server opens it with the platform's own pool size.
        const database = dialect === 'postgres' ? await freshDatabase('postgres') : undefined;
        const history = await prepareHistory(
          source,
          database?.config.dialect === 'postgres'
            ? { dialect: 'postgres', url: database.config.url }
            : { dialect: 'sqlite' },
        );
        try {
          const server = await startServer({ dataDir: history.dataDir, readModels: history.readModels });
          let load: LoadResult;
          let atRate: LoadResult;
          let loadAverageBefore: number[] = [];
          try {
            // The server's clock is the real one: visits are requested after today.
            const now = new Date();
            const writes = await writeTargets(server.url, now.toISOString().slice(0, 10));
            loadAverageBefore = loadAverage();
            load = await runLoad({
              mode: 'mixed',
              url: server.url,
              seconds,
              connections,
              reads: readOperations(now),
              writes,
            });
            // Then, on the warm server, the same mix at a steady rate: the latency people would see.
            atRate = await runLoad({
              mode: 'paced',
              url: server.url,
              seconds: pacedSeconds,
              rate: pacedRate,
              reads: readOperations(now),
              writes,
            });
          } finally {
            await server.stop();
          }
          const memory = memoryFigures(server.memory, server.heapAfterMajorGc, load);
          const eventLoop = eventLoopFigures(server.memory, load);
          // Judged, as memory is, after the warm-up: a process starts once (its first requests compile code and fill caches).
          const eventLoopAfterWarmup = eventLoopFigures(server.memory, {
            startedAt: load.startedAt + warmupSeconds * 1000,
            endedAt: load.endedAt,
          });
          const eventLoopAtRate = eventLoopFigures(server.memory, atRate);
          const goals = {
            zeroErrors: load.all.errors === 0 && atRate.all.errors === 0,
            p99Under200msAtRate: atRate.all.p99 < p99GoalMs,
            noMemoryTrend: memory.noTrend,
            eventLoopNeverBlockedOver50ms:
              Math.max(eventLoopAfterWarmup.maxMs, eventLoopAtRate.maxMs) <= loopDelayGoalMs,
          };
          results[dialect] = {
            readModels: dialect,
            events: history.events,
            history: history.source,
            readModelBuildSeconds: history.buildSeconds,
            serverStartSeconds: server.startSeconds,
            loadAverage: { before: loadAverageBefore, after: loadAverage() },
            durationSeconds: (load.endedAt - load.startedAt) / 1000,
            throughput: load.all.rate,
            all: load.all,
            reads: load.reads,
            writes: load.writes,
            byOperation: load.byOperation,
            perSecond: load.perSecond,
            memory,
            eventLoop,
            eventLoopAfterWarmup,
            memorySamplesMb: server.memory
              .filter((s) => s.at >= load.startedAt && s.at <= load.endedAt)
              .map((s) => ({
                second: Math.round((s.at - load.startedAt) / 100) / 10,
                rss: Math.round((s.rss / MB) * 10) / 10,
                heapUsed: Math.round((s.heapUsed / MB) * 10) / 10,
                heapTotal: Math.round((s.heapTotal / MB) * 10) / 10,
                loopDelayMaxMs: s.loopDelayMaxMs,
              })),
            atRate: {
              rate: pacedRate,
              durationSeconds: (atRate.endedAt - atRate.startedAt) / 1000,
              throughput: atRate.all.rate,
              all: atRate.all,
              reads: atRate.reads,
              writes: atRate.writes,
              byOperation: atRate.byOperation,
              perSecond: atRate.perSecond,
              eventLoop: eventLoopAtRate,
            },
            goals,
            errorSamples: [...load.errorSamples, ...atRate.errorSamples],
          };

          expect(load.errorSamples).toEqual([]);
          expect(atRate.errorSamples).toEqual([]);
          expect(load.all.errors).toBe(0);
          expect(atRate.all.errors).toBe(0);
          // At a steady rate every request due was sent and answered.
          expect(atRate.all.requests).toBe(Math.round(pacedSeconds * pacedRate));
          expect(load.reads.requests).toBeGreaterThan(0);
          expect(load.writes.requests).toBeGreaterThan(0);
          // Every write kind and every read ran (the mix reached each of them).
          expect(Object.keys(load.byOperation).sort()).toEqual([
            'amend',
            'clusters',
            'dashboard',
            'decide',
            'inbox',
            'lessons',
            'recordLesson',
            'requests',
            'submit',
          ]);
          expect(memory.samples).toBeGreaterThanOrEqual(3);
          expect(Number.isFinite(memory.rssSlopeMbPerMin.slope)).toBe(true);
        } finally {
          history.remove();
          await database?.drop();
        }
      },
      timeout,
    );
  },
);

afterAll(() => {
  const configuration = {
    history: describeSource(source),
    seconds,
    connections,
    pacedRate,
    pacedSeconds,
    p99JudgedOn: `the ${pacedSeconds} s at ${pacedRate} requests/s that follow the ${seconds} s of ${connections} connections back to back, latency counted from when each request was due`,
    mix: '80% reads (dashboard, requests, inbox, clusters, lessons in turn), 20% writes (submit, amend, decide, recordLesson in turn)',
    warmupSeconds,
    memoryTrendCriterion: `no trend when, over the run after ${warmupSeconds} s, the least-squares slopes of the heap V8 keeps and of the memory outside V8's heap (RSS - heapTotal: SQLite's caches, buffers, code) are each below ${flatMbPerMinute} MB/min or have a 95% confidence interval that includes 0; the heap kept is the heap each major garbage collection left (observed, not forced) when there were three or more, else the sampled heapUsed; RSS's slope is reported too, and the difference is V8 reserving more heap (heapTotal) than it keeps`,
    p99GoalMs,
    loopDelayGoalMs,
    loopDelayJudgedOn: `the ${seconds} s back to back after the first ${warmupSeconds} s, and the ${pacedSeconds} s at ${pacedRate}/s`,
    cpu: os.cpus()[0]?.model,
    loadAverage: { atStart: loadAverageAtStart, atEnd: loadAverage() },
  };
  if (Object.keys(results).length > 0 || !fullEvidence) recordEvidence('load', { configuration, ...results });
});
