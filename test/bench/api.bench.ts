/**
 * The API under load: requests/s and p50/p95/p99 latency of a dashboard-sized
 * query, a filtered request list and a lesson search, from a second process
 * on loopback, with the demo history loaded; beside two baselines measured in
 * the same run: the request list's read-model query run directly through
 * Kysely, and `{ __typename }` through the same server (the framework's floor).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startPlatform } from '@werkbezoek/api';
import { listRequests, openReadModels, type RequestsDb } from '@werkbezoek/projections';
import type { Kysely } from 'kysely';
import { type BenchModule, type BenchReport, type ComparisonRow, type Measurement } from './harness.js';
import { summarize, type Load } from './latency.js';
import { note } from './progress.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Each query's load, the queries taking turns in one-second slices (see load.ts). */
async function load(url: string, queries: readonly string[], seconds: number, connections: number): Promise<Load[]> {
  const { stdout } = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'load.ts'),
      url,
      'demo-analyst',
      String(seconds),
      String(connections),
      '1',
      ...queries.map((query) => JSON.stringify({ query })),
    ],
    {
      cwd: path.resolve(here, '..'),
      maxBuffer: 10_000_000,
    },
  );
  return JSON.parse(stdout) as Load[];
}

function asMeasurement(l: Load, seconds: number): Measurement & Record<string, number> {
  return {
    count: l.requests,
    durationMs: seconds * 1000,
    rate: round(l.rate),
    p50: round(l.p50, 2),
    p95: round(l.p95, 2),
    p99: round(l.p99, 2),
    errors: l.errors,
  };
}

/** The request list's query, directly through Kysely, with the same concurrency. */
async function direct(file: string, seconds: number, connections: number): Promise<Load> {
  const readModels = openReadModels({ dialect: 'sqlite', path: file });
  const db = readModels.db as Kysely<RequestsDb>;
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await listRequests(db, { status: ['ACCEPTED', 'COMPLETED'], countryCode: 'BJ' }, { first: 20 });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await readModels.close();
  return summarize(latencies, elapsed, 0);
}

const queries = {
  dashboard: `{ dashboard(fromQuarter: "2024-Q1", toQuarter: "2026-Q4") { totals { submitted accepted declined withdrawn agreementRate } rows { quarter missionType submitted accepted declined medianDaysToDecision } } }`,
  requests: `{ accompanimentRequests(first: 20, filter: { status: [ACCEPTED, COMPLETED], countryCode: "BJ" }) { edges { node { id status missionType startDate endDate municipality { name } twinning { regionCode } assessment { recommendation satisfiedReasons } } } pageInfo { hasNextPage endCursor } } }`,
  lessons: `{ lessons(search: "afval", first: 10) { edges { node { id title level goodPractice rank } } } }`,
  floor: '{ __typename }',
};

async function benchmark(options: { quick: boolean }): Promise<BenchReport> {
  const seconds = options.quick ? 2 : 10;
  const connections = 10;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-bench-api-'));
  const rmFile = path.join(dir, 'read-models.db');
  note('Starting the platform with the demo history (scale 1)…');
  const platform = await startPlatform({
    dataDir: dir,
    readModels: { dialect: 'sqlite', path: rmFile },
    auth: { mode: 'demo' },
    host: '127.0.0.1',
    port: 0,
    demoData: true,
    production: true,
    log: () => {},
  });
  try {
    const names = Object.keys(queries);
    note(`  ${names.join(', ')}: ${connections} connections, ${seconds} s each, taking turns by the second`);
    const loads = await load(platform.url, Object.values(queries), seconds, connections);
    const results = Object.fromEntries(names.map((name, i) => [name, loads[i]!]));
    for (const [name, l] of Object.entries(results))
      if (l.errors > 0) throw new Error(`${name}: ${l.errors} requests failed`);
    note('  the request list through Kysely directly');
    const directList = await direct(rmFile, seconds, connections);
    const floor = asMeasurement(results.floor!, seconds);
    const rows: ComparisonRow[] = [
      {
        operation: 'Dashboard (quarters × mission types)',
        unit: 'requests/s',
        ours: asMeasurement(results.dashboard!, seconds),
        raw: floor,
      },
      {
        operation: 'Filtered request list (20)',
        unit: 'requests/s',
        ours: asMeasurement(results.requests!, seconds),
        raw: floor,
        peer: asMeasurement(directList, seconds),
      },
      {
        operation: 'Lesson search (10)',
        unit: 'requests/s',
        ours: asMeasurement(results.lessons!, seconds),
        raw: floor,
      },
    ];
    const list = results.requests!;
    return {
      name: 'api',
      title: `GraphQL API under load (${connections} connections from a second process, demo history of ${platform.events} events)`,
      peerName: 'Kysely direct',
      rows,
      goals: [
        {
          description: 'request list p95 under 50 ms (50 ms ÷ p95)',
          target: 1,
          actual: round(50 / list.p95, 2),
          pass: list.p95 < 50,
        },
        {
          description: 'request list at least 30% of the { __typename } throughput',
          target: 0.3,
          actual: round(list.rate / results.floor!.rate, 3),
          pass: list.rate >= 0.3 * results.floor!.rate,
        },
      ],
      notes: [
        'The "raw" column is `{ __typename }` through the same server: the framework\'s floor.',
        "The peer column is the request list's read-model query run through Kysely in-process, with the same concurrency: the cost without HTTP and GraphQL.",
        ...Object.entries(results).map(
          ([name, l]) =>
            `${name}: ${Math.round(l.rate)} req/s, p50 ${round(l.p50, 2)} ms, p95 ${round(l.p95, 2)} ms, p99 ${round(l.p99, 2)} ms`,
        ),
        `request list via Kysely: ${Math.round(directList.rate)} queries/s, p50 ${round(directList.p50, 2)} ms, p95 ${round(directList.p95, 2)} ms`,
      ],
      details: { results, directList, seconds, connections },
    };
  } finally {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const apiBenchmark: BenchModule = { name: 'api', run: benchmark };
