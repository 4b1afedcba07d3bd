import { knownErrorCodes, mutationPermissions, permissions } from '@werkbezoek/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens as demoTokens } from '../e2e/harness.js';
import type { World } from '../e2e/scenario.js';
import { evidenceScale, recordEvidence } from './evidence.js';
import { evidenceWorld } from './evidenceWorld.js';
import { ARGUMENT_ABUSES, fuzzCases, REQUEST_ABUSES, type AbuseKind, type FuzzCase, type Tokens } from './fuzzCases.js';
import { liveSchema, operationsOf, type Operation, type PlausibleContext } from './schemaOperations.js';

/*
 * Property-based fuzzing of the live API through HTTP (issue 16): cases from
 * fuzzCases.ts, built from the live schema, so every Query and Mutation field
 * is called, abused in every way there, and the requests themselves abused.
 * For every case:
 *  - an answer comes, within TIMEOUT_MS, with a status below 500;
 *  - it is JSON, and every error carries a code the API documents
 *    (knownErrorCodes: never INTERNAL_SERVER_ERROR);
 *  - input invalid on its face (a wrong type, an unknown enum value, an
 *    impossible date, a missing field, a text longer than any event takes, a
 *    negative number in a command, a batch, an oversized body…) is refused;
 *  - the event log's head does not move for a refused request, nor for a read;
 * and after every batch of cases the server answers /healthz.
 * The figures (cases, the codes seen per kind of abuse) go to
 * test/evidence/results/fuzz.json in the full run (pnpm test:evidence).
 * FUZZ_SEED=<n> replays a run: the seed is printed, and a failure names it.
 */

const CASES = evidenceScale(1_000, 10_000);
const BATCH = 100;
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Longer than any honest request takes here, even on a loaded machine: a request this slow is a hang. */
const TIMEOUT_MS = 20_000;

let world: World;
let context: PlausibleContext;
let operations: Operation[];
let cases: fc.Arbitrary<FuzzCase>;
/** The platform's log lines: an unexpected error's stack is there, never in the answer. */
const serverLog: string[] = [];

const ROLE_TOKENS: Record<string, string> = {
  MANAGEMENT: demoTokens.management,
  PLANNER: demoTokens.planner,
  ANALYST: demoTokens.analyst,
  STAFF: demoTokens.staff,
  COORDINATOR: demoTokens.zoersel,
};

const tokens: Tokens = {
  // Mutations by their permission (roles.ts); queries mostly as those who read everything, or the coordinator.
  allowed: (operation) => {
    if (operation.kind === 'query')
      return [demoTokens.staff, demoTokens.management, demoTokens.planner, demoTokens.zoersel];
    const permission = mutationPermissions[operation.field.name as keyof typeof mutationPermissions];
    return permission ? permissions[permission].map((role) => ROLE_TOKENS[role]!) : [];
  },
  any: [...Object.values(demoTokens), undefined, 'demo-nobody'],
};

interface Figures {
  cases: number;
  byKind: Record<string, { cases: number; codes: Record<string, number>; accepted: number; ms: number }>;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  mutations: { accepted: number; refused: number };
  /** Mutations that took an enormous number (within a 32-bit Int) and stored it, by where it went. */
  enormousNumbersStored: Record<string, number>;
  latencyMs: { max: number; p50: number; p99: number; slowest: string };
  healthChecks: number;
}

const figures: Figures = {
  cases: 0,
  byKind: Object.fromEntries(
    [...ARGUMENT_ABUSES, ...REQUEST_ABUSES].map((k) => [k, { cases: 0, codes: {}, accepted: 0, ms: 0 }]),
  ),
  statuses: {},
  codes: {},
  mutations: { accepted: 0, refused: 0 },
  enormousNumbersStored: {},
  latencyMs: { max: 0, p50: 0, p99: 0, slowest: '' },
  healthChecks: 0,
};
const latencies: number[] = [];

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly ms: number;
}

/** A body of `bytes` bytes in 64 kB chunks, with no Content-Length. */
function streamedBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(65_536));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

async function send(c: FuzzCase): Promise<Answer> {
  const { request } = c;
  const started = performance.now();
  try {
    const response = await fetch(`${world.live.url}${request.search ?? ''}`, {
      method: request.method,
      headers: request.headers,
      ...(request.streamed ? { body: streamedBody(request.streamed), duplex: 'half' } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(
      `No answer (${(error as Error).name}: ${cause?.code ?? cause?.message ?? (error as Error).message}) to ${c.description}`,
      { cause: error },
    );
  }
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: unknown } }[];
}

/** The properties every answer has (see the top of this file); throws naming the case. */
async function check(c: FuzzCase): Promise<void> {
  const logged = serverLog.length;
  const before = await world.head();
  const answer = await send(c);
  const after = await world.head();
  const fail = (what: string) => {
    const log = serverLog.slice(logged).join('\n').slice(0, 2000);
    throw new Error(
      `${what}\n  case: ${c.description}\n  answer ${answer.status}: ${answer.text.slice(0, 500)}${log ? `\n  server log: ${log}` : ''}`,
    );
  };
  figures.cases++;
  latencies.push(answer.ms);
  if (answer.ms > figures.latencyMs.max) {
    figures.latencyMs.max = answer.ms;
    figures.latencyMs.slowest = c.description.slice(0, 200);
  }
  count(figures.statuses, String(answer.status));
  const kind = figures.byKind[c.kind]!;
  kind.cases++;
  kind.ms += Math.round(answer.ms);
  if (answer.status >= 500) fail(`Status ${answer.status}`);

  let body: GraphQLBody;
  if (answer.status === 431) {
    // Node's HTTP parser refuses headers over its limit (16 kB) before the API sees them: no JSON then.
    body = { errors: [{ message: 'Request Header Fields Too Large', extensions: { code: 'HTTP_431' } }] };
  } else {
    try {
      body = JSON.parse(answer.text) as GraphQLBody;
    } catch {
      return fail('The answer is not JSON');
    }
  }
  const codes = (body.errors ?? []).map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'none'));
  for (const code of new Set(codes.length ? codes : ['OK'])) {
    count(kind.codes, code);
    count(figures.codes, code);
  }
  const unknown = codes.filter((code) => code !== 'HTTP_431' && !knownErrorCodes.has(code));
  if (unknown.length > 0) fail(`Errors with codes the API does not document: ${unknown.join(', ')}`);

  // Refused: an error for the whole request or at the operation itself (errors deeper down leave it done).
  const root = c.operation?.field.name;
  const refused =
    !body.data ||
    (body.errors ?? []).some((e) => !e.path || e.path.length === 0 || (root !== undefined && e.path.length === 1)) ||
    (root !== undefined && !(root in body.data));
  if (!refused) kind.accepted++;
  if (c.mustRefuse && !refused) fail('Invalid input was accepted');
  if (after !== before) {
    if (refused) fail(`The request was refused, yet the event log moved from ${before} to ${after}`);
    if (!c.writes) fail(`A read moved the event log from ${before} to ${after}`);
  }
  if (c.operation?.kind === 'mutation') {
    if (refused) figures.mutations.refused++;
    else figures.mutations.accepted++;
  }
  if (c.kind === 'enormousNumber' && !refused && c.writes && c.at && c.operation)
    count(figures.enormousNumbersStored, `${c.operation.coordinate}(${c.at})`);
}

async function health(): Promise<void> {
  const response = await fetch(world.live.url.replace(/\/graphql$/, '/healthz'), {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  figures.healthChecks++;
  expect(response.status, 'the server answers /healthz after a batch').toBe(200);
}

beforeAll(async () => {
  ({ world, context } = await evidenceWorld({ log: (message) => serverLog.push(message) }));
  const schema = await liveSchema(world.live, demoTokens.staff);
  operations = operationsOf(schema);
  cases = fuzzCases({ schema, operations, context, tokens });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('fuzzing every operation and the requests themselves through HTTP', () => {
  it(
    `answers ${CASES} cases with a documented code or a correct answer, stays up, and stores nothing it refused`,
    async () => {
      process.stdout.write(`[fuzz] ${CASES} cases, seed ${SEED} (replay with FUZZ_SEED=${SEED})\n`);
      for (let batch = 0; batch * BATCH < CASES; batch++) {
        await fc.assert(fc.asyncProperty(cases, check), {
          numRuns: Math.min(BATCH, CASES - batch * BATCH),
          seed: SEED + batch,
          // The server keeps what earlier cases wrote: shrinking would replay against another state.
          endOnFailure: true,
        });
        await health();
      }
      latencies.sort((a, b) => a - b);
      figures.latencyMs.p50 = Math.round(latencies[Math.floor(latencies.length * 0.5)]!);
      figures.latencyMs.p99 = Math.round(latencies[Math.floor(latencies.length * 0.99)]!);
      figures.latencyMs.max = Math.round(figures.latencyMs.max);
      recordEvidence('fuzz', {
        seed: SEED,
        operations: {
          queries: operations.filter((o) => o.kind === 'query').length,
          mutations: operations.filter((o) => o.kind === 'mutation').length,
        },
        ...figures,
      });
      expect(figures.cases).toBe(CASES);
      // Every kind of abuse was tried (a thousand cases make each near certain).
      const untried = Object.entries(figures.byKind)
        .filter(([, k]) => k.cases === 0)
        .map(([name]) => name as AbuseKind);
      expect(untried).toEqual([]);
    },
    evidenceScale(240_000, 3_600_000),
  );
});
