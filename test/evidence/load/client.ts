/**
 * The load generator, in a process of its own so that it shares no event
 * loop with the server: an undici pool of keep-alive connections on loopback.
 *
 * usage: node --import tsx client.ts <plan.json>   (a LoadPlan; see loadPlan.ts)
 * prints: a LoadResult as JSON on stdout
 *
 * Mixed mode: `connections` clients send back to back; every fifth request
 * (counted over all clients) is a write, the others take the reads in turn;
 * past the time until every kind of write has been answered once. Paced
 * mode: the same sequence of requests, started at a steady rate.
 * The writes follow requests through their lives, so every write is valid:
 * the municipality's coordinator submits one, amends it, staff decline it, then
 * a staff member records a lesson of a completed mission; each with an
 * Idempotency-Key of its own.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import type { LoadPlan, LoadResult, WriteTargets } from './loadPlan.js';
import type { Operation } from './operations.js';
import { figures } from './stats.js';

const planFile = process.argv[2];
if (!planFile) throw new Error('usage: client.ts <plan.json>');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as LoadPlan;

interface Sample {
  readonly operation: string;
  readonly write: boolean;
  readonly ms: number;
  readonly ok: boolean;
  readonly at: number;
}

const endpoint = new URL(plan.url);
// Paced: enough connections that a request due is never held back by the client (a stalled server is charged for it).
const PACED_CONNECTIONS = 128;
const pool = new Pool(endpoint.origin, {
  connections: plan.mode === 'mixed' ? plan.connections : plan.mode === 'paced' ? PACED_CONNECTIONS : 1,
  pipelining: 1,
  keepAliveTimeout: 60_000,
});
const errorSamples: { operation: string; status: number; message: string }[] = [];

/** The reads by query, each with its variants (the lesson searches): every query gets the same share. */
const byQuery: Operation[][] = [];
for (const operation of plan.reads) {
  const group = byQuery.find((g) => g[0]!.name === operation.name);
  if (group) group.push(operation);
  else byQuery.push([operation]);
}
/** The k-th read: the queries in turn, each query's variants in turn. */
const nthRead = (k: number): Operation => {
  const variants = byQuery[k % byQuery.length]!;
  return variants[Math.floor(k / byQuery.length) % variants.length]!;
};

/**
 * Sends one GraphQL request; the answer counts only as HTTP 200 without `errors`. Its time runs from `due`
 * (performance.now() when the request was due; by default now).
 */
async function send(
  operation: string,
  token: string,
  body: string,
  idempotencyKey?: string,
  due = performance.now(),
): Promise<{ ok: boolean; data: Record<string, unknown> | undefined; ms: number }> {
  let status = 0;
  let message: string | undefined;
  let data: Record<string, unknown> | undefined;
  try {
    const response = await pool.request({
      path: endpoint.pathname,
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body,
    });
    status = response.statusCode;
    const text = await response.body.text();
    const answer = JSON.parse(text) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (status !== 200 || answer.errors?.length)
      message = answer.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 300);
    data = answer.data;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const ms = performance.now() - due;
  if (message !== undefined && errorSamples.length < 10) errorSamples.push({ operation, status, message });
  return { ok: message === undefined, data, ms };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The writes, shared by every client: each request's life goes submit, amend, decline, then a lesson is
 * recorded. A write turn takes the next step that is due (one whose previous step has been answered, so no
 * two steps of a request are ever in flight together), or submits a new request when none is due.
 */
function writer(targets: WriteTargets) {
  type Step = { kind: 'amend' | 'decide'; request: { id: string; nisCode: string } } | { kind: 'recordLesson' };
  const due: Step[] = [];
  let submitted = 0;
  let lessons = 0;
  const run = async (
    dueAt: number | undefined,
    operation: string,
    token: string,
    query: string,
    variables: unknown,
  ) => {
    const at = Date.now();
    const { ok, data, ms } = await send(operation, token, JSON.stringify({ query, variables }), randomUUID(), dueAt);
    return { sample: { operation, write: true, ms, ok, at } satisfies Sample, data };
  };
  /** The next write, its time counted from `dueAt` (performance.now(); by default when it is sent). */
  return async (dueAt?: number): Promise<Sample> => {
    const step = due.shift();
    if (!step) {
      const n = submitted++;
      const twinning = targets.twinnings[n % targets.twinnings.length]!;
      const startDate = addDays(targets.today, 30 + (n % 300));
      const { sample, data } = await run(
        dueAt,
        'submit',
        `demo-coordinator-${twinning.nisCode}`,
        targets.documents.submit,
        {
          input: {
            twinningId: twinning.id,
            missionType: (['TECHNICAL', 'EVALUATION', 'IDENTIFICATION', 'POLITICAL'] as const)[n % 4],
            startDate,
            endDate: addDays(startDate, 6),
            delegationSize: 3,
            reasons: ['EXPERTISE_ACTIVITIES'],
            policyDomains: ['WASTE_MANAGEMENT'],
            notes: 'Werkbezoek aangevraagd door de belastingstest.',
          },
        },
      );
      const id = (data?.submitAccompanimentRequest as { id?: string } | undefined)?.id;
      if (id) due.push({ kind: 'amend', request: { id, nisCode: twinning.nisCode } });
      return sample;
    }
    if (step.kind === 'amend') {
      const { sample, data } = await run(
        dueAt,
        'amend',
        `demo-coordinator-${step.request.nisCode}`,
        targets.documents.amend,
        {
          input: { requestId: step.request.id, delegationSize: 4, notes: `Delegatie uitgebreid (${randomUUID()}).` },
        },
      );
      if (data?.amendAccompanimentRequest) due.push({ kind: 'decide', request: step.request });
      return sample;
    }
    if (step.kind === 'decide') {
      const { sample, data } = await run(dueAt, 'decide', 'demo-staff', targets.documents.decide, {
        input: {
          requestId: step.request.id,
          decision: 'DECLINE',
          declineReason: 'NOT_OPPORTUNE',
          note: 'Niet opportuun in deze periode: de belastingstest beslist.',
        },
      });
      if (data?.decideAccompaniment) due.push({ kind: 'recordLesson' });
      return sample;
    }
    const n = lessons++;
    const mission = targets.missions[n % targets.missions.length]!;
    return (
      await run(dueAt, 'recordLesson', 'demo-staff', targets.documents.recordLesson, {
        input: {
          missionId: mission.id,
          title: `Afvalinzameling samen plannen (${n})`,
          body: 'Een gezamenlijke planning van de afvalinzameling met de partnergemeente spaart tijd en middelen.',
          level: 'PROCESS',
          policyDomains: ['WASTE_MANAGEMENT'],
        },
      })
    ).sample;
  };
}

async function mixed(p: Extract<LoadPlan, { mode: 'mixed' }>): Promise<LoadResult> {
  const samples: Sample[] = [];
  let sent = 0;
  const startedAt = Date.now();
  const end = startedAt + p.seconds * 1000;
  const read = async (operation: Operation): Promise<Sample> => {
    const at = Date.now();
    const { ok, ms } = await send(operation.name, operation.token, operation.body);
    return { operation: operation.name, write: false, ms, ok, at };
  };
  const write = writer(p.writes);
  const kinds = ['submit', 'amend', 'decide', 'recordLesson'];
  const answered = new Set<string>();
  // Past the time, until every kind of write has been answered once (a short run on a busy machine), at most 10 times as long.
  const going = () =>
    Date.now() < end || (answered.size < kinds.length && Date.now() < startedAt + 10 * p.seconds * 1000);
  await Promise.all(
    Array.from({ length: p.connections }, async () => {
      while (going()) {
        const n = sent++;
        const sample = n % 5 === 4 ? await write() : await read(nthRead(n - Math.floor(n / 5)));
        if (sample.write && sample.ok) answered.add(sample.operation);
        samples.push(sample);
      }
    }),
  );
  return summarise(samples, startedAt, Date.now());
}

async function paced(p: Extract<LoadPlan, { mode: 'paced' }>): Promise<LoadResult> {
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  const startedAt = Date.now();
  const origin = performance.now();
  const write = writer(p.writes);
  const total = Math.round(p.seconds * p.rate);
  for (let n = 0; n < total; n++) {
    const dueAt = origin + (n * 1000) / p.rate;
    const wait = dueAt - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = Date.now();
    const request = (async () => {
      if (n % 5 === 4) {
        samples.push(await write(dueAt));
        return;
      }
      const operation = nthRead(n - Math.floor(n / 5));
      const { ok, ms } = await send(operation.name, operation.token, operation.body, undefined, dueAt);
      samples.push({ operation: operation.name, write: false, ms, ok, at });
    })();
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  return summarise(samples, startedAt, Date.now());
}

async function rounds(p: Extract<LoadPlan, { mode: 'rounds' }>): Promise<LoadResult> {
  const samples: Sample[] = [];
  let startedAt = Date.now();
  for (let round = 0; round < p.warmupRounds + p.rounds; round++) {
    if (round === p.warmupRounds) startedAt = Date.now();
    const measured = round - p.warmupRounds;
    if (p.maxSeconds !== undefined && measured >= 10 && Date.now() - startedAt > p.maxSeconds * 1000) break;
    for (let q = 0; q < byQuery.length; q++) {
      const operation = nthRead(round * byQuery.length + q);
      const at = Date.now();
      const { ok, ms } = await send(operation.name, operation.token, operation.body);
      if (round >= p.warmupRounds) samples.push({ operation: operation.name, write: false, ms, ok, at });
    }
  }
  return summarise(samples, startedAt, Date.now());
}

function summarise(samples: readonly Sample[], startedAt: number, endedAt: number): LoadResult {
  const seconds = (endedAt - startedAt) / 1000;
  const of = (selected: readonly Sample[]) =>
    figures(
      selected.map((s) => s.ms),
      selected.filter((s) => !s.ok).length,
      seconds,
    );
  const names = [...new Set(samples.map((s) => s.operation))];
  const perSecond = Array.from({ length: Math.ceil(seconds) }, () => 0);
  for (const s of samples) {
    const i = Math.min(perSecond.length - 1, Math.floor((s.at + s.ms - startedAt) / 1000));
    if (i >= 0) perSecond[i]!++;
  }
  return {
    startedAt,
    endedAt,
    byOperation: Object.fromEntries(names.map((name) => [name, of(samples.filter((s) => s.operation === name))])),
    reads: of(samples.filter((s) => !s.write)),
    writes: of(samples.filter((s) => s.write)),
    all: of(samples),
    perSecond,
    errorSamples,
  };
}

const result =
  plan.mode === 'mixed' ? await mixed(plan) : plan.mode === 'paced' ? await paced(plan) : await rounds(plan);
await pool.close();
process.stdout.write(JSON.stringify(result));
