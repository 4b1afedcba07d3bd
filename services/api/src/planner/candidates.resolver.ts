import {
  addMonths,
  candidateRankKey,
  compareCandidateRankKeys,
  defaultPolicy,
  describeCandidate,
  rankingSteps,
  type CandidateRankKey,
  type CandidateVisit,
  type JointMissionCandidate as Candidate,
  type RankedCandidate,
} from '@werkbezoek/domain';
import {
  clusterRegionVersions,
  lastAccompaniedOf,
  listCoverage,
  listMissions,
  listRequests,
  municipalityNames,
  pageOfRanked,
  readModelVersion,
  satisfiedReasonsOf,
  sweepVisits,
  type ClustersDb,
  type HistoryDb,
  type MissionsDb,
  type RequestField,
  type RequestsDb,
} from '@werkbezoek/projections';
import { ValidationError, type AdditionalReason, type MissionType } from '@werkbezoek/schema';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { today } from '../analytics/today.js';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { pageSize, toConnection, TotalCountResolver, type Connection } from '../graphql/connection.js';
import { memoised } from '../graphql/readModelMemo.js';
import { memoisedByUnit } from '../graphql/unitMemo.js';
import { JointMissionCandidateArgs } from './candidates.input.js';
import { JointMissionCandidate, JointMissionCandidateConnection } from './candidates.type.js';

const MAX_PERIOD_MONTHS = 24;
const WINDOW_DAYS = { min: 1, max: 60 } as const;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const REGION_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
// The whole period is read at once: the sweep needs every visit, and a page per round trip would only add queries.
const ALL = 100_000;

export interface CandidateArgs {
  readonly from: string;
  readonly to: string;
  readonly countryCode?: string | null;
  readonly regionCode?: string | null;
  readonly windowDays?: number | null;
}

/** Throws a ValidationError naming the field for arguments the sweep cannot answer sensibly. */
export function validateCandidateArgs(args: CandidateArgs): void {
  if (args.from > args.to) {
    throw new ValidationError(`from (${args.from}) must be on or before to (${args.to})`, ['from', 'to']);
  }
  if (args.to > addMonths(args.from, MAX_PERIOD_MONTHS)) {
    throw new ValidationError(
      `to (${args.to}) must be at most ${MAX_PERIOD_MONTHS / 12} years after from (${args.from}): ask for a shorter period`,
      ['to'],
    );
  }
  const windowDays = args.windowDays ?? 14;
  if (!Number.isInteger(windowDays) || windowDays < WINDOW_DAYS.min || windowDays > WINDOW_DAYS.max) {
    throw new ValidationError(
      `windowDays must be a whole number of days from ${WINDOW_DAYS.min} to ${WINDOW_DAYS.max}, not ${windowDays}`,
      ['windowDays'],
    );
  }
  if (args.countryCode != null && !COUNTRY_CODE.test(args.countryCode)) {
    throw new ValidationError(`countryCode "${args.countryCode}" is not an ISO 3166-1 alpha-2 code such as BJ`, [
      'countryCode',
    ]);
  }
  if (args.regionCode != null && !REGION_CODE.test(args.regionCode)) {
    throw new ValidationError(`regionCode "${args.regionCode}" is not an ISO 3166-2 code such as BJ-ZO`, [
      'regionCode',
    ]);
  }
  if (args.countryCode != null && args.regionCode != null && !args.regionCode.startsWith(`${args.countryCode}-`)) {
    throw new ValidationError(`regionCode ${args.regionCode} does not lie in country ${args.countryCode}`, [
      'regionCode',
    ]);
  }
}

const requestFields: readonly RequestField[] = [
  'requestId',
  'nisCode',
  'municipalityName',
  'countryCode',
  'regionCode',
  'missionType',
  'startDate',
  'endDate',
  'status',
  'assessment.satisfiedReasons',
];

/**
 * The sweep's input, from the read models: undecided and accepted requests
 * and scheduled missions overlapping the period (the sweep keeps those lying
 * within it), and when each municipality was last accompanied. Three queries
 * (and the missions' activities), whatever the number of visits. The request
 * and mission views come back too, with `moreFields` read beside the sweep's,
 * for callers (the plan) that need more of them than the sweep.
 */
export async function visitsIn(context: ApiContext, args: CandidateArgs, moreFields: readonly RequestField[] = []) {
  const place = {
    ...(args.countryCode ? { countryCode: args.countryCode } : {}),
    ...(args.regionCode ? { regionCode: args.regionCode } : {}),
  };
  const [requests, missions, coverage] = await Promise.all([
    listRequests(
      views<RequestsDb>(context),
      { status: ['SUBMITTED', 'ACCEPTED'], from: args.from, to: args.to, ...place },
      { first: ALL },
      [...requestFields, ...moreFields],
    ),
    listMissions(
      views<MissionsDb>(context),
      {
        status: ['SCHEDULED'],
        from: args.from,
        to: args.to,
        ...(args.regionCode ? { regionCode: args.regionCode } : {}),
      },
      { first: ALL },
    ),
    listCoverage(views<HistoryDb>(context), { today: today(context) }),
  ]);
  const satisfied = new Map<string, readonly AdditionalReason[]>();
  const visits: CandidateVisit[] = [];
  for (const { node: r } of requests.edges) {
    const reasons = (r.assessment?.satisfiedReasons ?? []) as AdditionalReason[];
    satisfied.set(r.requestId, reasons);
    // A request without a known twinning has no place in the South to combine on.
    if (!r.countryCode || !r.regionCode) continue;
    visits.push({
      kind: 'REQUEST',
      id: r.requestId,
      requestIds: [r.requestId],
      nisCode: r.nisCode,
      municipalityName: r.municipalityName ?? r.nisCode,
      regionCode: r.regionCode,
      countryCode: r.countryCode,
      missionType: r.missionType as MissionType,
      startDate: r.startDate,
      endDate: r.endDate,
      ...(r.assessment ? { satisfiedReasons: reasons } : {}),
    });
  }
  for (const { node: m } of missions.edges) {
    if (args.countryCode && m.countryCode !== args.countryCode) continue;
    const nisCode = m.nisCodes[0];
    if (nisCode === undefined) continue;
    // A mission counts the reasons its requests' assessments found.
    const reasons = [...new Set(m.requestIds.flatMap((id) => satisfied.get(id) ?? []))];
    visits.push({
      kind: 'MISSION',
      id: m.missionId,
      requestIds: m.requestIds,
      nisCode,
      municipalityName: m.municipalityNames[0] ?? nisCode,
      regionCode: m.regionCode,
      countryCode: m.countryCode,
      missionType: m.missionType as MissionType,
      startDate: m.startDate,
      endDate: m.endDate,
      satisfiedReasons: reasons,
    });
  }
  const lastAccompaniedOn: Record<string, string | undefined> = {};
  for (const c of coverage) if (c.lastAccompaniedOn) lastAccompaniedOn[c.nisCode] = c.lastAccompaniedOn;
  return {
    visits,
    lastAccompaniedOn,
    requests: requests.edges.map((e) => e.node),
    missions: missions.edges.map((e) => e.node),
  };
}

/** Where a request of a candidate stands: the dates of the visit that answers it, and whether it awaits a decision. */
interface RequestFacts {
  readonly startDate: string;
  readonly endDate: string;
  readonly undecided: boolean;
}

const toType = (c: Candidate, facts: ReadonlyMap<string, RequestFacts>): JointMissionCandidate => {
  const names = new Map(c.municipalities.map((m) => [m.nisCode, m.name]));
  return {
    regionCodes: [...c.regionCodes],
    countryCode: c.countryCode,
    groupKind: c.group.kind,
    windowStart: c.window.start,
    windowEnd: c.window.end,
    tripStart: c.trip.start,
    tripEnd: c.trip.end,
    requests: c.reasons.map((r) => {
      const fact = facts.get(r.requestId);
      return {
        id: r.requestId,
        nisCode: r.nisCode,
        municipalityName: names.get(r.nisCode) ?? null,
        reasons: [...r.reasons],
        newReasons: [...r.newReasons],
        startDate: fact?.startDate ?? c.trip.start,
        endDate: fact?.endDate ?? c.trip.end,
        undecided: fact?.undecided ?? false,
      };
    }),
    municipalities: c.municipalities.map((m) => ({ nisCode: m.nisCode, name: m.name })),
    missionType: c.missionType,
    combinedStaffDays: c.combinedStaffDays,
    separateStaffDays: c.separateStaffDays,
    combinedCostEur: c.combinedCostEur,
    separateCostEur: c.separateCostEur,
    savingEur: c.savingEur,
    why: { nl: c.why.nl, en: c.why.en },
  };
};

/** One country's candidates in their order, with their keys, and its visits that await a decision. */
interface CountryRanking {
  readonly ranked: readonly RankedCandidate[];
  readonly keys: readonly CandidateRankKey[];
  readonly undecided: ReadonlySet<string>;
}

const noCandidates: CountryRanking = { ranked: [], keys: [], undecided: new Set() };

/** Stands for every country at once, while the clusters read model keeps no versions per region. */
const EVERY_COUNTRY = '*';

/**
 * The version of each country the ranking covers: the latest change to any of
 * its regions (clusters_regions). A joint mission travels to one country and
 * the sweep's groups are a region or a country, so a country's candidates
 * depend on its own visits only.
 */
async function countryVersions(context: ApiContext, args: CandidateArgs) {
  const db = views<ClustersDb>(context);
  const found = await clusterRegionVersions(db);
  if (!found) {
    const all = new Map([[EVERY_COUNTRY, await readModelVersion(db, ['clusters'])]]);
    return { versions: all, regionsOf: new Map<string, string[]>() };
  }
  const latest = new Map<string, bigint>();
  const regionsOf = new Map<string, string[]>();
  for (const r of found.regions) {
    if (args.countryCode && r.countryCode !== args.countryCode) continue;
    if (args.regionCode && r.regionCode !== args.regionCode) continue;
    const at = BigInt(r.changedAt);
    if ((latest.get(r.countryCode) ?? -1n) < at) latest.set(r.countryCode, at);
    regionsOf.set(r.countryCode, [...(regionsOf.get(r.countryCode) ?? []), r.regionCode]);
  }
  const versions = new Map(
    [...latest].sort(([a], [b]) => (a < b ? -1 : 1)).map(([country, at]) => [country, `${found.build}@${at}`]),
  );
  return { versions, regionsOf };
}

/** Merges the countries' rankings, each in order, into one in the same order (compareCandidateRankKeys). */
function mergeRankings(parts: readonly CountryRanking[]) {
  const ranked: RankedCandidate[] = [];
  const heads = parts.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i]!.keys[heads[i]!];
      if (key === undefined) continue;
      if (best < 0 || compareCandidateRankKeys(key, parts[best]!.keys[heads[best]!]!) < 0) best = i;
    }
    if (best < 0) break;
    ranked.push(parts[best]!.ranked[heads[best]!++]!);
  }
  return { ranked, undecided: (visitId: string) => parts.some((p) => p.undecided.has(visitId)) };
}

/**
 * The candidates of the period in their ranking, not yet described: the sweep
 * over the clusters' visits (issue 16: the sweep needs only their dates,
 * places and requests), keeping those that hold an undecided request (a
 * candidate of visits all decided leaves nothing to propose). Kept per
 * country while its regions' visits stand still (memoisedByUnit): each page
 * reads the same ranking, and after a write only the countries it changed are
 * swept again.
 */
async function rankedCandidates(context: ApiContext, args: CandidateArgs) {
  const key = JSON.stringify([
    'candidates',
    args.from,
    args.to,
    args.countryCode,
    args.regionCode,
    args.windowDays,
    today(context),
  ]);
  const { versions, regionsOf } = await countryVersions(context, args);
  return memoisedByUnit(context, key, versions, {
    compute: (countries) =>
      rankCountries(
        context,
        args,
        countries,
        // Every country at once (the first request): one read of the period, not one per region.
        countries.length === versions.size ? undefined : countries.flatMap((c) => regionsOf.get(c) ?? []),
      ),
    empty: noCandidates,
    merge: mergeRankings,
  });
}

/** The rankings of these countries (EVERY_COUNTRY: all of them as one), from one read of their regions' visits. */
async function rankCountries(
  context: ApiContext,
  args: CandidateArgs,
  countries: readonly string[],
  regionCodes: readonly string[] | undefined,
): Promise<Map<string, CountryRanking>> {
  const place = {
    ...(args.countryCode ? { countryCode: args.countryCode } : {}),
    ...(args.regionCode ? { regionCode: args.regionCode } : {}),
  };
  const found = await sweepVisits(views<ClustersDb>(context), {
    from: args.from,
    to: args.to,
    ...place,
    ...(regionCodes ? { regionCodes } : {}),
  });
  const byCountry = new Map<string, { visits: CandidateVisit[]; undecided: Set<string> }>();
  const every = countries.includes(EVERY_COUNTRY);
  for (const v of found) {
    const nisCode = v.nisCodes[0];
    if (nisCode === undefined) continue;
    const unit = every ? EVERY_COUNTRY : v.countryCode;
    let country = byCountry.get(unit);
    if (!country) byCountry.set(unit, (country = { visits: [], undecided: new Set() }));
    if (v.kind === 'REQUEST' && v.status === 'SUBMITTED') country.undecided.add(v.id);
    country.visits.push({
      kind: v.kind,
      id: v.id,
      requestIds: v.requestIds,
      nisCode,
      // Named, with the assessments' reasons, only for the candidates described (describe).
      municipalityName: nisCode,
      regionCode: v.regionCode,
      countryCode: v.countryCode,
      missionType: v.missionType as MissionType,
      startDate: v.startDate,
      endDate: v.endDate,
    });
  }
  const rankings = new Map<string, CountryRanking>();
  for (const unit of countries) {
    const country = byCountry.get(unit);
    if (!country) continue;
    // One group of the sweep at a time, letting other requests run between them: a national year's sweep takes hundreds of ms.
    const steps = rankingSteps(
      {
        visits: country.visits,
        period: { from: args.from, to: args.to },
        ...place,
        ...(unit === EVERY_COUNTRY ? {} : { countryCode: unit }),
        windowDays: args.windowDays ?? 14,
        today: today(context),
      },
      defaultPolicy,
    );
    let step = steps.next();
    while (!step.done) {
      await new Promise((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    const ranked = step.value.filter((c) => c.requestIds.some((id) => country.undecided.has(id)));
    rankings.set(unit, { ranked, keys: ranked.map(candidateRankKey), undecided: country.undecided });
  }
  return rankings;
}

/**
 * Candidates as described, by everything their description is written from
 * (group, covered visits, names, assessed reasons, undecided, last
 * accompaniment, window): a write elsewhere moves the requests' and
 * history's read models, and a write in a candidate's country sweeps it
 * again into new objects, but a candidate whose description would read the
 * same is not written out again (its sentences are most of a page's cost).
 * The last few hundred are kept per read-model database: a page shows 20.
 */
const describedIn = new WeakMap<object, Map<string, JointMissionCandidate>>();
const DESCRIBED_KEPT = 400;

/**
 * Writes out these ranked candidates: their municipalities' names, when each
 * was last accompanied and their requests' assessed reasons, read for these
 * candidates only.
 */
async function describe(
  context: ApiContext,
  ranked: readonly RankedCandidate[],
  undecidedVisit: (visitId: string) => boolean,
  windowDays: number,
): Promise<JointMissionCandidate[]> {
  const covered = new Map<string, CandidateVisit>();
  for (const c of ranked) for (const v of c.covered) covered.set(v.id, v);
  const requestIds = [...covered.values()].flatMap((v) => v.requestIds);
  const nisCodes = [...covered.values()].map((v) => v.nisCode);
  const [satisfied, names, lastAccompaniedOn] = await Promise.all([
    satisfiedReasonsOf(views<RequestsDb>(context), requestIds),
    municipalityNames(views<ClustersDb>(context), nisCodes),
    lastAccompaniedOf(views<HistoryDb>(context), nisCodes, today(context)),
  ]);
  const told = new Map<string, CandidateVisit>();
  const facts = new Map<string, RequestFacts>();
  for (const v of covered.values()) {
    told.set(v.id, {
      ...v,
      municipalityName: names.get(v.nisCode) ?? v.nisCode,
      // A mission counts the reasons its requests' assessments found.
      satisfiedReasons: [...new Set(v.requestIds.flatMap((id) => satisfied.get(id) ?? []))] as AdditionalReason[],
    });
    const undecided = v.kind === 'REQUEST' && undecidedVisit(v.id);
    for (const id of v.requestIds) facts.set(id, { startDate: v.startDate, endDate: v.endDate, undecided });
  }
  const input = { lastAccompaniedOn: Object.fromEntries(lastAccompaniedOn), windowDays };
  const db = context.services.readModels.db;
  let described = describedIn.get(db);
  if (!described) describedIn.set(db, (described = new Map<string, JointMissionCandidate>()));
  return ranked.map((c) => {
    const visits = c.covered.map((v) => told.get(v.id)!);
    // What the description reads beyond the ranked candidate itself, which a kept ranking keeps unchanged.
    const said = [
      windowDays,
      c.group.kind,
      c.group.code,
      ...visits.map(
        (v) =>
          `${v.kind}|${v.id}|${v.requestIds.join(',')}|${v.nisCode}|${v.regionCode}|${v.countryCode}|${v.missionType}|` +
          `${v.startDate}|${v.endDate}|${v.municipalityName}|${v.satisfiedReasons!.join(',')}|` +
          `${facts.get(v.requestIds[0]!)?.undecided}|${input.lastAccompaniedOn[v.nisCode]}`,
      ),
    ].join('\n');
    const kept = described.get(said);
    if (kept) {
      described.delete(said);
      described.set(said, kept);
      return kept;
    }
    const candidate = toType(describeCandidate(c, input, defaultPolicy, visits), facts);
    described.set(said, candidate);
    if (described.size > DESCRIBED_KEPT) described.delete(described.keys().next().value!);
    return candidate;
  });
}

@Resolver()
export class PlannerResolver {
  @Query(() => [JointMissionCandidate], {
    description:
      'Joint-mission candidates (issue 12): undecided and accepted requests and scheduled missions in the period, not started before today, that one staff member could accompany on one trip for less than the separate trips. Only candidates that save money and hold at least one undecided request; ranked by saving, then requests covered. For planners, management and staff.',
  })
  async jointMissionCandidates(
    @Args(() => JointMissionCandidateArgs) args: JointMissionCandidateArgs,
    @Ctx() context: ApiContext,
  ): Promise<JointMissionCandidate[]> {
    authorize(context.principal, 'plan');
    validateCandidateArgs(args);
    const { ranked, undecided } = await rankedCandidates(context, args);
    return describe(context, ranked, undecided, args.windowDays ?? 14);
  }

  @Query(() => JointMissionCandidateConnection, {
    description:
      'jointMissionCandidates a page at a time (issue 16), in the same order: best saving first. totalCount counts every candidate of the period.',
  })
  async jointMissionCandidatePage(
    @Args(() => JointMissionCandidateArgs) args: JointMissionCandidateArgs,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many candidates, 1 to 100; 20 when not given.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the page before.' })
    after?: string | null,
  ): Promise<Connection<JointMissionCandidate>> {
    authorize(context.principal, 'plan');
    validateCandidateArgs(args);
    const size = pageSize(first);
    const key = JSON.stringify([
      'candidatePage',
      args.from,
      args.to,
      args.countryCode,
      args.regionCode,
      args.windowDays,
      size,
      after,
      today(context),
    ]);
    // The page as described: its names, accompaniments and assessed reasons come from these three read models.
    const { page, described } = await memoised(context, ['clusters', 'requests', 'history'], key, async () => {
      const { ranked, undecided } = await rankedCandidates(context, args);
      const page = pageOfRanked(
        ranked,
        { first: size, after: after ?? null },
        candidateRankKey,
        ['number', 'number', 'string', 'string', 'string'],
        compareCandidateRankKeys,
      );
      const described = await describe(
        context,
        page.edges.map((e) => e.node),
        undecided,
        args.windowDays ?? 14,
      );
      return { page, described };
    });
    const describedOf = new Map(page.edges.map((e, i) => [e.node, described[i]!]));
    return {
      ...toConnection(page, (node) => describedOf.get(node)!),
      count: () => Promise.resolve(page.totalCount),
    };
  }
}

export const JointMissionCandidateConnectionResolver = TotalCountResolver(JointMissionCandidateConnection);
