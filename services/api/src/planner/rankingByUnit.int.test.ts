/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; the assertions compare them whole */
import 'reflect-metadata';
import { defaultPolicy, rankJointMissionCandidates } from '@werkbezoek/domain';
import type { MissionType } from '@werkbezoek/schema';
import { MemoryEventStore } from '@werkbezoek/eventstore';
import {
  allProjections,
  openReadModels,
  ProjectionRunner,
  sweepVisits,
  type ClustersDb,
  type ReadModelDb,
} from '@werkbezoek/projections';
import { DIALECTS, freshDatabase, id, VisitHistory, type TestDatabase } from '@werkbezoek/projections/testing';
import { graphql, type GraphQLSchema } from 'graphql';
import type { Kysely } from 'kysely';
import { buildSchema } from 'type-graphql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClustersResolver, RegionalClusterConnectionResolver } from '../analytics/clusters.resolver.js';
import type { Principal } from '../auth/principal.js';
import { createContext, type ApiServices } from '../context.js';
import { JointMissionCandidateConnectionResolver, PlannerResolver } from './candidates.resolver.js';

/*
 * The planner's rankings kept per country and region (issue 16): after every
 * write of a generated sequence, what a long-running reader answers (its
 * rankings kept, recomputed only for the units the write changed) equals what
 * a new reader computes from scratch, and the candidates are those, in the
 * order, of the domain's ranking over every visit at once. On SQLite and
 * PostgreSQL.
 */

const planner: Principal = { id: 'demo-planner', role: 'PLANNER', name: 'Planner' };
const period = { from: '2027-01-01', to: '2027-12-31' };
const today = '2026-12-01';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildSchema({
    resolvers: [
      PlannerResolver,
      JointMissionCandidateConnectionResolver,
      ClustersResolver,
      RegionalClusterConnectionResolver,
    ],
    validate: false,
  });
});

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Twelve municipalities twinned in six regions of three countries. */
const twinnings = [
  ['BJ-ZO', 'BJ-ZO', 'BJ-AQ', 'BJ-AQ', 'BJ-AL'],
  ['SN-DK', 'SN-DK', 'SN-TH', 'SN-TH'],
  ['ZA-WC', 'ZA-WC', 'ZA-WC'],
]
  .flat()
  .map((regionCode, i) => ({ regionCode, nisCode: String(20_000 + i), twinning: `tw-${i}` }));

async function platform(dialect: (typeof DIALECTS)[number]) {
  const database: TestDatabase = await freshDatabase(dialect);
  cleanup.push(() => database.drop());
  const store = new MemoryEventStore();
  const history = new VisitHistory(store);
  const runner = new ProjectionRunner({ store, readModels: database.readModels, projections: allProjections });
  await runner.catchUp();
  runner.start();
  cleanup.push(() => runner.stop());
  await history.basics();
  for (const t of twinnings) {
    await history.municipality(t.nisCode, `Gemeente ${t.nisCode}`);
    await history.twinning(t.twinning, {
      nisCode: t.nisCode,
      partnerName: `Partner ${t.nisCode}`,
      regionCode: t.regionCode,
    });
  }
  const reader = (readModels: ReadModelDb): ApiServices =>
    ({
      store,
      readModels,
      waitFor: (position: bigint) => runner.waitFor(position, 10_000),
      now: () => new Date(`${today}T10:00:00Z`),
    }) as unknown as ApiServices;
  // The long-running reader: its rankings are kept between the writes.
  const kept = openReadModels(database.config);
  cleanup.push(() => kept.close());
  return {
    history,
    settle: async () => runner.waitFor(await store.headPosition(), 10_000),
    kept: reader(kept),
    /** A reader that has kept nothing: it computes every ranking from scratch. */
    fresh: async <T>(read: (services: ApiServices) => Promise<T>) => {
      const readModels = openReadModels(database.config);
      try {
        return await read(reader(readModels));
      } finally {
        await readModels.close();
      }
    },
    db: kept.db as Kysely<ClustersDb>,
  };
}

async function run(services: ApiServices, query: string, variables: Record<string, unknown>) {
  const result = await graphql({
    schema,
    source: query,
    variableValues: variables,
    contextValue: createContext(planner, services, undefined),
  });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as any;
}

const candidateFields = `regionCodes countryCode groupKind tripStart tripEnd savingEur missionType requests { id reasons newReasons undecided } municipalities { nisCode name } why { en }`;

/** Both of the planner page's lists, every page, with their cursors and totals. */
async function plannerLists(services: ApiServices) {
  const candidates: unknown[] = [];
  for (let after: string | null = null; ;) {
    const { jointMissionCandidatePage: page } = await run(
      services,
      `query($from: LocalDate!, $to: LocalDate!, $after: String) {
        jointMissionCandidatePage(from: $from, to: $to, first: 4, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${candidateFields} } } } }`,
      { ...period, after },
    );
    candidates.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const regions: unknown[] = [];
  for (let after: string | null = null; ;) {
    const { regionalClusterPage: page } = await run(
      services,
      `query($from: LocalDate!, $to: LocalDate!, $after: String) {
        regionalClusterPage(from: $from, to: $to, first: 2, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { regionCode municipalities { nisCode visiting } visits { id } } } } }`,
      { ...period, after },
    );
    regions.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const { jointMissionCandidates: all } = await run(
    services,
    `query($from: LocalDate!, $to: LocalDate!) { jointMissionCandidates(from: $from, to: $to) { groupKind regionCodes tripStart savingEur requests { id } } }`,
    period,
  );
  // A wider window reaches further into the months around a write (the ranking is kept a month at a time).
  const { jointMissionCandidates: wide } = await run(
    services,
    `query($from: LocalDate!, $to: LocalDate!) { jointMissionCandidates(from: $from, to: $to, windowDays: ${WIDE_WINDOW}) { groupKind regionCodes tripStart savingEur requests { id } } }`,
    period,
  );
  return { candidates, regions, all, wide };
}

const WIDE_WINDOW = 40;

/** The candidates of a list as the domain's ranking gives them. */
const ranking = (list: any[]) =>
  list.map((c: any) => ({
    groupKind: c.groupKind,
    savingEur: c.savingEur,
    requests: c.requests.map((r: any) => r.id),
  }));

/** The domain's ranking over every visit of the period at once, as the planner lists it before this change. */
async function globalRanking(db: Kysely<ClustersDb>, windowDays = 14) {
  const found = await sweepVisits(db, period);
  const undecided = new Set(found.filter((v) => v.kind === 'REQUEST' && v.status === 'SUBMITTED').map((v) => v.id));
  const ranked = rankJointMissionCandidates(
    {
      visits: found.map((v) => ({
        ...v,
        nisCode: v.nisCodes[0]!,
        municipalityName: v.nisCodes[0]!,
        missionType: v.missionType as MissionType,
      })),
      period,
      windowDays,
      today,
    },
    defaultPolicy,
  );
  return ranked
    .filter((c) => c.requestIds.some((r) => undecided.has(r)))
    .map((c) => ({ groupKind: c.group.kind, savingEur: c.savingEur, requests: [...c.requestIds] }));
}

describe.each(DIALECTS)('the planner rankings kept per unit, on %s', (dialect) => {
  it('answer after each write what a reader computing from scratch answers, in the global ranking order', async () => {
    const p = await platform(dialect);
    const rnd = random(dialect === 'sqlite' ? 16 : 61);
    const open: { id: string; t: (typeof twinnings)[number] }[] = [];
    let n = 0;
    // Half the visits start in the last or first days of a month: the ranking is kept a month at a time.
    const someDay = () =>
      rnd.next() < 0.5
        ? addDays(
            `2027-${String(2 + Math.floor(rnd.next() * 10)).padStart(2, '0')}-01`,
            Math.floor(rnd.next() * 12) - 6,
          )
        : addDays('2027-01-05', Math.floor(rnd.next() * 330));
    const submit = async (t = rnd.pick(twinnings), start = someDay()) => {
      const name = `r-${n++}`;
      const requestId = await p.history.submit(name, '2026-11-01', {
        twinningId: id(t.twinning),
        nisCode: t.nisCode,
        missionType: rnd.pick(['EVALUATION', 'TECHNICAL', 'IDENTIFICATION', 'POLITICAL'] as const),
        startDate: start,
        endDate: addDays(start, 2 + Math.floor(rnd.next() * 6)),
      });
      open.push({ id: requestId, t });
      return requestId;
    };
    // Visits that lie close enough to combine: a few per region in spring, summer (across months' ends) and autumn.
    for (let i = 0; i < 48; i++)
      await submit(
        rnd.pick(twinnings),
        addDays(rnd.pick(['2027-03-01', '2027-05-24', '2027-07-26', '2027-10-01']), Math.floor(rnd.next() * 20)),
      );
    let missions = 0;
    const writes = [
      () => submit(),
      async () => {
        const r = rnd.pick(open);
        const start = someDay();
        await p.history.amended(r.id, '2026-11-02', { startDate: start, endDate: addDays(start, 4) });
      },
      async () => {
        const r = open.splice(Math.floor(rnd.next() * open.length), 1)[0]!;
        await p.history.withdrawn(r.id, '2026-11-03');
      },
      // An assessment moves the requests' read model only: the kept candidates are described anew, not ranked.
      async () => {
        const r = rnd.pick(open);
        await p.history.assessed(r.id, '2026-11-02', 'ACCEPT', undefined, [
          rnd.pick(['COMBINED_VISITS', 'FOLLOW_UP'] as const),
        ]);
      },
      // Accepted, its mission not yet scheduled: still a visit, no longer undecided.
      async () => {
        const r = open.splice(Math.floor(rnd.next() * open.length), 1)[0]!;
        await p.history.accepted(r.id, '2026-11-04', { mission: `m-${missions++}`, staff: 'lies' });
      },
      async () => {
        const r = open.splice(Math.floor(rnd.next() * open.length), 1)[0]!;
        const mission = `m-${missions++}`;
        await p.history.accepted(r.id, '2026-11-04', { mission, staff: 'lies' });
        await p.history.scheduled(mission, {
          requestIds: [r.id],
          nisCodes: [r.t.nisCode],
          twinningIds: [id(r.t.twinning)],
          regionCode: r.t.regionCode,
          startDate: '2027-03-08',
          endDate: '2027-03-12',
          staff: ['lies'],
        });
      },
    ];
    await p.settle();
    for (let step = 0; step < 28; step++) {
      await rnd.pick(writes)();
      await p.settle();
      const kept = await plannerLists(p.kept);
      expect(kept, `after write ${step}`).toEqual(await p.fresh(plannerLists));
      expect(ranking(kept.all)).toEqual(await globalRanking(p.db));
      expect(ranking(kept.wide)).toEqual(await globalRanking(p.db, WIDE_WINDOW));
    }
    // Enough happened for the comparison to mean something: candidates in several countries, pages of them.
    const last = await plannerLists(p.kept);
    expect(new Set(last.all.map((c: any) => c.regionCodes[0].slice(0, 2))).size).toBeGreaterThan(1);
    expect(last.candidates.length).toBeGreaterThan(1);
    // Candidates in many months, of both windows, so that a write leaves most months' candidates as they were.
    expect(new Set(last.all.map((c: any) => c.tripStart.slice(0, 7))).size).toBeGreaterThan(3);
    expect(new Set(last.wide.map((c: any) => c.tripStart.slice(0, 7))).size).toBeGreaterThan(3);

    // Read your writes: two visits to the Western Cape in the same week are a candidate in the very next read.
    const [a, b] = twinnings.filter((t) => t.regionCode === 'ZA-WC');
    const first = await submit(a, '2027-07-12');
    const second = await submit(b, '2027-07-13');
    await p.settle();
    const { all } = await plannerLists(p.kept);
    expect(
      all.some((c: any) => c.requests.some((r: any) => r.id === first) && c.requests.some((r: any) => r.id === second)),
    ).toBe(true);

    // Both accepted (their missions not yet scheduled), the pair holds no undecided request: its candidate is gone
    // in the very next read, though its visits' dates and places stand as they were.
    const onlyThePair = (c: any) => c.requests.every((r: any) => r.id === first || r.id === second);
    expect(all.some(onlyThePair)).toBe(true);
    await p.history.accepted(first, '2026-11-05', { mission: `m-${missions++}`, staff: 'lies' });
    await p.history.accepted(second, '2026-11-05', { mission: `m-${missions++}`, staff: 'lies' });
    await p.settle();
    const decided = await plannerLists(p.kept);
    expect(decided.all.some(onlyThePair)).toBe(false);
    expect(decided).toEqual(await p.fresh(plannerLists));

    // A mission scheduled ahead of its request's decision holds that undecided request until it is decided, while
    // the mission's own row stands as it was: its candidate with an accepted visit beside it goes with the decision.
    // In December, after every generated visit.
    const ahead = await submit(a, '2027-12-15');
    const beside = await submit(b, '2027-12-16');
    await p.history.accepted(beside, '2026-11-05', { mission: `m-${missions++}`, staff: 'lies' });
    await p.history.scheduled(`m-${missions++}`, {
      requestIds: [ahead],
      nisCodes: [a!.nisCode],
      twinningIds: [id(a!.twinning)],
      regionCode: 'ZA-WC',
      startDate: '2027-12-15',
      endDate: '2027-12-17',
      staff: ['lies'],
    });
    await p.settle();
    const withAhead = (c: any) => c.requests.some((r: any) => r.id === ahead);
    expect((await plannerLists(p.kept)).all.some(withAhead)).toBe(true);
    await p.history.accepted(ahead, '2026-11-06', { mission: `m-${missions - 1}`, staff: 'lies' });
    await p.settle();
    const ahead2 = await plannerLists(p.kept);
    expect(ahead2.all.some(withAhead)).toBe(false);
    expect(ahead2).toEqual(await p.fresh(plannerLists));

    // While an older build of the clusters read model serves (no clusters_regions yet), every write recomputes it all.
    await p.db.schema.dropView('clusters_regions').execute();
    await submit(twinnings[0], '2027-07-14');
    await p.settle();
    const whole = await plannerLists(p.kept);
    expect(whole).toEqual(await p.fresh(plannerLists));
    expect(ranking(whole.all)).toEqual(await globalRanking(p.db));
    expect(ranking(whole.wide)).toEqual(await globalRanking(p.db, WIDE_WINDOW));
  }, 120_000);
});
