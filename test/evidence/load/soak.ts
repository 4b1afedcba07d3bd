/**
 * A long run of the load suite's mixed load (issue 16): whether the server's
 * memory levels off, which three minutes cannot show while its bounded caches
 * fill. Read models on SQLite (or PostgreSQL), the benchmark history, 10
 * connections; the heap each major garbage collection left, the memory
 * outside V8's heap (RSS - heapTotal) and the RSS, per minute and as
 * least-squares slopes per third of the run. Writes
 * test/evidence/results/soak.json (soak-postgres.json).
 *
 * usage (from test/): TSX_TSCONFIG_PATH=../services/api/tsconfig.json pnpm exec tsx evidence/load/soak.ts [seconds, 900] [sqlite|postgres]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '@werkbezoek/projections/testing';
import { describeSource, largestHistory, prepareHistory } from './history.js';
import { readOperations, writeDocuments } from './operations.js';
import { runLoad, startServer } from './processes.js';
import { leastSquares } from './stats.js';

const seconds = Number(process.argv[2] ?? 900);
if (!Number.isInteger(seconds) || seconds < 180)
  throw new Error(`The soak runs at least 180 s (three thirds of a minute or more), not ${process.argv[2]}`);
const dialect = process.argv[3] ?? 'sqlite';
if (dialect !== 'sqlite' && dialect !== 'postgres')
  throw new Error(`The read models are on sqlite or postgres, not ${process.argv[3]}`);
const MB = 1024 * 1024;
const results = fileURLToPath(
  new URL(`../results/${dialect === 'sqlite' ? 'soak' : 'soak-postgres'}.json`, import.meta.url),
);

async function gql<T>(url: string, token: string, query: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// PostgreSQL: a server of the run's own, as the test harness starts one (never a mock).
const postgres = dialect === 'postgres' ? await startPostgres() : undefined;
const history = await prepareHistory(
  largestHistory,
  postgres ? { dialect: 'postgres', url: postgres.url } : { dialect: 'sqlite' },
);
const server = await startServer({ dataDir: history.dataDir, readModels: history.readModels });
try {
  const now = new Date();
  const { twinnings } = await gql<{ twinnings: { id: string; nisCode: string; active: boolean }[] }>(
    server.url,
    'demo-planner',
    '{ twinnings { id nisCode active } }',
  );
  const { missions } = await gql<{ missions: { edges: { node: { id: string } }[] } }>(
    server.url,
    'demo-staff',
    '{ missions(filter: { status: [COMPLETED] }, first: 100) { edges { node { id } } } }',
  );
  const load = await runLoad({
    mode: 'mixed',
    url: server.url,
    seconds,
    connections: 10,
    reads: readOperations(now),
    writes: {
      today: now.toISOString().slice(0, 10),
      twinnings: twinnings.filter((t) => t.active).map(({ id, nisCode }) => ({ id, nisCode })),
      missions: missions.edges.map((e) => e.node),
      documents: writeDocuments(),
    },
  });
  const secondOf = (at: number) => (at - load.startedAt) / 1000;
  const heap = server.heapAfterMajorGc
    .filter((g) => g.at >= load.startedAt && g.at <= load.endedAt)
    .map((g) => [secondOf(g.at), g.heapUsed / MB] as const);
  const during = server.memory.filter((s) => s.at >= load.startedAt && s.at <= load.endedAt);
  const rss = during.map((s) => [secondOf(s.at), s.rss / MB] as const);
  const outsideHeap = during.map((s) => [secondOf(s.at), (s.rss - s.heapTotal) / MB] as const);
  const round = (n: number) => Math.round(n * 10) / 10;
  const perMinute = Array.from({ length: Math.ceil(seconds / 60) }, (_, m) => {
    const inMinute = <T extends readonly [number, number]>(points: readonly T[]) =>
      points.filter(([s]) => s >= m * 60 && s < (m + 1) * 60).map(([, mb]) => mb);
    const gcs = inMinute(heap);
    return {
      minute: m + 1,
      majorGcs: gcs.length,
      heapAfterMajorGcMb: gcs.length ? round(Math.max(...gcs)) : null,
      rssMbAtEnd: round(inMinute(rss).at(-1) ?? 0),
      outsideHeapMbAtEnd: round(inMinute(outsideHeap).at(-1) ?? 0),
    };
  });
  const third = seconds / 3;
  const slopes = (points: readonly (readonly [number, number])[]) =>
    [0, 1, 2].map((i) => {
      const trend = leastSquares(points.filter(([s]) => s >= i * third && s < (i + 1) * third));
      return {
        fromSecond: i * third,
        toSecond: (i + 1) * third,
        slopeMbPerMin: round(trend.slope * 60),
        marginMbPerMin: round(trend.slopeMargin * 60),
      };
    });
  const figures = {
    suite: 'soak',
    date: new Date().toISOString(),
    command: `TSX_TSCONFIG_PATH=../services/api/tsconfig.json pnpm exec tsx evidence/load/soak.ts ${seconds} ${dialect} (from test/)`,
    machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version },
    history: describeSource(largestHistory),
    events: history.events,
    readModels: dialect,
    seconds,
    connections: 10,
    requests: load.all.requests,
    writes: load.writes.requests,
    errors: load.all.errors,
    throughput: load.all.rate,
    p50: load.all.p50,
    p99: load.all.p99,
    heapAfterMajorGcSlopes: slopes(heap),
    outsideHeapSlopes: slopes(outsideHeap),
    rssSlopes: slopes(rss),
    perMinute,
  };
  writeFileSync(results, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await server.stop();
  history.remove();
  await postgres?.stop();
}
