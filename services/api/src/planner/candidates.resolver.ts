import { createHash } from 'node:crypto';
import {
  addMonths,
  candidateMonth,
  candidateRankKey,
  compareCandidateRankKeys,
  defaultPolicy,
  describeCandidate,
  monthRankingSteps,
  monthSlices,
  rankingSteps,
  sweptVisits,
  type CandidateRankKey,
  type CandidateSweepInput,
  type MonthSlice,
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
  type SweepVisitView,
} from '@werkbezoek/projections';
import { ValidationError, type AdditionalReason, type MissionType } from '@werkbezoek/schema';
import { Arg, Args, Ctx, Int, Query, Resolver } from 'type-graphql';
import { today } from '../analytics/today.js';
import { authorize } from '../auth/roles.js';
import { views, type ApiContext } from '../context.js';
import { pageSize, toConnection, TotalCountResolver, type Connection } from '../graphql/connection.js';
import { memoised } from '../graphql/readModelMemo.js';
import { keepRecent, keptFor } from '../graphql/recentlyUsed.js';
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
    return { versions: all, regions: undefined };
  }
  const latest = new Map<string, bigint>();
  const regionsOf = new Map<string, string[]>();
  const regionVersions = new Map<string, string>();
  for (const r of found.regions) {
    if (args.countryCode && r.countryCode !== args.countryCode) continue;
    if (args.regionCode && r.regionCode !== args.regionCode) continue;
    const at = BigInt(r.changedAt);
    if ((latest.get(r.countryCode) ?? -1n) < at) latest.set(r.countryCode, at);
    let regions = regionsOf.get(r.countryCode);
    if (!regions) regionsOf.set(r.countryCode, (regions = []));
    regions.push(r.regionCode);
    regionVersions.set(r.regionCode, `${found.build}@${r.changedAt}`);
  }
  const versions = new Map(
    [...latest].sort(([a], [b]) => (a < b ? -1 : 1)).map(([country, at]) => [country, `${found.build}@${at}`]),
  );
  return { versions, regions: { regionsOf, versions: regionVersions } };
}

/** Merges rankings, each in order, into one in the same order (compareCandidateRankKeys); on equal keys the earlier part's first. */
function mergeByKey(parts: readonly Pick<CountryRanking, 'ranked' | 'keys'>[]) {
  const ranked: RankedCandidate[] = [];
  const keys: CandidateRankKey[] = [];
  const heads = parts.map(() => 0);
  for (;;) {
    let best = -1;
    for (let i = 0; i < parts.length; i++) {
      const key = parts[i]!.keys[heads[i]!];
      if (key === undefined) continue;
      if (best < 0 || compareCandidateRankKeys(key, parts[best]!.keys[heads[best]!]!) < 0) best = i;
    }
    if (best < 0) break;
    keys.push(parts[best]!.keys[heads[best]!]!);
    ranked.push(parts[best]!.ranked[heads[best]!++]!);
  }
  return { ranked, keys };
}

/** Merges the countries' rankings into one in the same order. */
function mergeRankings(parts: readonly CountryRanking[]) {
  const { ranked } = mergeByKey(parts);
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
  const { versions, regions } = await countryVersions(context, args);
  return memoisedByUnit(context, key, versions, {
    compute: (countries) => rankCountries(context, key, args, countries, regions),
    empty: noCandidates,
    merge: mergeRankings,
  });
}

/** A month's candidates of one country, kept while the visits its slice is cut from read the same. */
interface MonthPart {
  /** The slice's visits as read: a region read again keeps the objects of its visits that read the same (readVisit). */
  readonly visits: readonly CandidateVisit[];
  /** Whether each of them answers an undecided request (only candidates holding one are listed). */
  readonly open: Uint8Array;
  readonly ranked: readonly RankedCandidate[];
  readonly keys: readonly CandidateRankKey[];
}

/** A country's months as last ranked, and their ranking. */
interface CountryKept {
  readonly months: ReadonlyMap<string, MonthPart>;
  readonly ranked: readonly RankedCandidate[];
  readonly keys: readonly CandidateRankKey[];
}

/** Countries' months per read-model database, by ranking key and country, most recently used last. */
const countriesIn = new WeakMap<object, Map<string, CountryKept>>();
// A ranking of the world covers some 60 countries: a few rankings.
const COUNTRIES_KEPT = 512;

/** Whether each visit answers an undecided request. */
function openOf(visits: readonly CandidateVisit[], undecided: ReadonlySet<string>): Uint8Array {
  const open = new Uint8Array(visits.length);
  for (let i = 0; i < visits.length; i++) open[i] = visits[i]!.requestIds.some((id) => undecided.has(id)) ? 1 : 0;
  return open;
}

/** Whether a kept month was found from these very visits, as open as they are now: then its candidates stand. */
function sameSlice(part: MonthPart, visits: readonly CandidateVisit[], open: Uint8Array): boolean {
  if (part.visits.length !== visits.length) return false;
  for (let i = 0; i < visits.length; i++) if (part.visits[i] !== visits[i] || part.open[i] !== open[i]) return false;
  return true;
}

/** A visit of the sweep as read, with its status (whether it awaits a decision). */
interface ReadVisit {
  readonly visit: CandidateVisit;
  readonly status: string;
  readonly undecided: boolean;
}

/** Whether a visit kept reads as this row of it does. */
function readsAs(kept: ReadVisit, v: SweepVisitView, nisCode: string): boolean {
  const k = kept.visit;
  return (
    kept.status === v.status &&
    k.kind === v.kind &&
    k.nisCode === nisCode &&
    k.regionCode === v.regionCode &&
    k.countryCode === v.countryCode &&
    k.missionType === v.missionType &&
    k.startDate === v.startDate &&
    k.endDate === v.endDate &&
    k.requestIds.length === v.requestIds.length &&
    k.requestIds.every((id, i) => id === v.requestIds[i])
  );
}

/** The visit of this row; `before`'s object for the same visit when it reads the same, so kept months see it unchanged. */
function readVisit(v: SweepVisitView, before: ReadonlyMap<string, ReadVisit> | undefined): ReadVisit | undefined {
  const nisCode = v.nisCodes[0];
  if (nisCode === undefined) return undefined;
  const kept = before?.get(v.id);
  if (kept && readsAs(kept, v, nisCode)) return kept;
  const visit: CandidateVisit = {
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
  };
  return { visit, status: v.status, undecided: v.kind === 'REQUEST' && v.status === 'SUBMITTED' };
}

/** The order a country's visits are swept in: by start, then id. */
function byOrder({ visit: a }: ReadVisit, { visit: b }: ReadVisit): number {
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A region's visits of a period as read at its version (clusters_regions). */
interface RegionVisits {
  readonly version: string;
  readonly visits: readonly ReadVisit[];
}

/**
 * Regions' visits per read-model database, by period, place asked for and
 * region, most recently used last: after a write, only the regions it changed
 * are read again (issue 16: Benin's year is some 4,000 visits, each region's a
 * few hundred).
 */
const regionVisitsIn = new WeakMap<object, Map<string, RegionVisits>>();
const REGIONS_KEPT = 1024;

/** Lets other requests run before going on (issue 16: no stretch of the ranking should hold the event loop long). */
const breather = () => new Promise((resolve) => setImmediate(resolve));

/** Runs the sweep's steps, letting other requests run between its groups. */
async function stepped<T>(steps: Generator<undefined, T, undefined>): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    await breather();
    step = steps.next();
  }
  return step.value;
}

/**
 * One country's ranking (EVERY_COUNTRY: all of them as one), a month at a
 * time (monthSlices): a month whose slice of visits reads as when its part
 * was kept keeps its candidates, so a write sweeps again only the months
 * around the visits it touched (issue 16: Benin's year swept whole took ~45 ms
 * a step). With most months to do (the first request), the country is swept
 * once and its candidates cut by month, which is the same.
 */
async function rankCountry(
  context: ApiContext,
  memoKey: string,
  input: CandidateSweepInput,
  unit: string,
  undecided: ReadonlySet<string>,
): Promise<CountryRanking> {
  const windowDays = input.windowDays ?? 14;
  const slices = monthSlices(sweptVisits(input), windowDays);
  await breather();
  const countries = keptFor(countriesIn, context.services.readModels.db);
  const key = `${memoKey}|${unit}`;
  const before = countries.get(key);
  const months = new Map<string, MonthPart>();
  const stale: { slice: MonthSlice; open: Uint8Array }[] = [];
  for (const slice of slices) {
    const open = openOf(slice.visits, undecided);
    const part = before?.months.get(slice.month);
    if (part && sameSlice(part, slice.visits, open)) months.set(slice.month, part);
    else stale.push({ slice, open });
  }
  const fresh: MonthPart[] = [];
  const keep = (slice: MonthSlice, open: Uint8Array, found: readonly RankedCandidate[]) => {
    // Only candidates holding an undecided request are listed: one of visits all decided leaves nothing to propose.
    const ranked = found.filter((c) => c.requestIds.some((id) => undecided.has(id)));
    const part = { visits: slice.visits, open, ranked, keys: ranked.map(candidateRankKey) };
    months.set(slice.month, part);
    fresh.push(part);
  };
  // A month's slice reaches a window into its neighbours: swept one by one, more than half the months cost more than all.
  if (stale.length * 2 > slices.length) {
    const byMonth = new Map<string, RankedCandidate[]>();
    for (const c of await stepped(rankingSteps(input, defaultPolicy))) {
      const month = candidateMonth(c);
      const into = byMonth.get(month);
      if (into) into.push(c);
      else byMonth.set(month, [c]);
    }
    for (const { slice, open } of stale) keep(slice, open, byMonth.get(slice.month) ?? []);
  } else {
    for (const { slice, open } of stale)
      keep(slice, open, await stepped(monthRankingSteps(slice, input, defaultPolicy)));
  }
  // Equal keys lie in one month (the window's start is in the key), so merging months in any grouping is the ranking:
  // the candidates of the months kept, in their order already, merged with those of the months swept again.
  let ranking: Pick<CountryRanking, 'ranked' | 'keys'>;
  if (before && fresh.length < slices.length) {
    const still: { ranked: RankedCandidate[]; keys: CandidateRankKey[] } = { ranked: [], keys: [] };
    for (let i = 0; i < before.ranked.length; i++) {
      const c = before.ranked[i]!;
      const month = candidateMonth(c);
      if (months.get(month) !== before.months.get(month)) continue;
      still.ranked.push(c);
      still.keys.push(before.keys[i]!);
    }
    ranking = fresh.length === 0 ? still : mergeByKey([still, mergeByKey(fresh)]);
  } else {
    ranking = mergeByKey(slices.map((slice) => months.get(slice.month)!));
  }
  keepRecent(countries, key, { months, ...ranking }, COUNTRIES_KEPT);
  return { ...ranking, undecided };
}

/** A country's visits in order (byOrder), and the regions' visits they were merged from. */
interface CountryVisits {
  readonly regions: ReadonlyMap<string, RegionVisits>;
  readonly visits: readonly ReadVisit[];
}

const countryVisitsIn = new WeakMap<object, Map<string, CountryVisits>>();

/** Two lists in order (byOrder) as one. */
function mergeInOrder(a: readonly ReadVisit[], b: readonly ReadVisit[]): ReadVisit[] {
  const merged: ReadVisit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(byOrder(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}

/**
 * A country's visits in order from its regions' (each in order): those of the
 * regions read again merged into the rest as they were, rather than sorting
 * the country's thousands again (issue 16).
 */
function countryVisits(before: CountryVisits | undefined, regions: ReadonlyMap<string, RegionVisits>): CountryVisits {
  const changed = [...regions].filter(([region, visits]) => before?.regions.get(region) !== visits);
  if (!before || before.regions.size !== regions.size || [...before.regions.keys()].some((r) => !regions.has(r))) {
    const all = [...regions.values()].flatMap((r) => r.visits);
    return { regions, visits: all.sort(byOrder) };
  }
  if (changed.length === 0) return { regions, visits: before.visits };
  const moved = new Set(changed.map(([region]) => region));
  const rest = before.visits.filter((v) => !moved.has(v.visit.regionCode));
  const added = changed.length === 1 ? changed[0]![1].visits : changed.flatMap(([, r]) => r.visits).sort(byOrder);
  return { regions, visits: mergeInOrder(rest, added) };
}

/**
 * The rankings of these countries (EVERY_COUNTRY: all of them as one), from
 * one read of the visits of their regions that moved since they were last
 * read (all of them at once on the first request).
 */
async function rankCountries(
  context: ApiContext,
  memoKey: string,
  args: CandidateArgs,
  countries: readonly string[],
  regions:
    | { readonly regionsOf: ReadonlyMap<string, readonly string[]>; readonly versions: ReadonlyMap<string, string> }
    | undefined,
): Promise<Map<string, CountryRanking>> {
  const place = {
    ...(args.countryCode ? { countryCode: args.countryCode } : {}),
    ...(args.regionCode ? { regionCode: args.regionCode } : {}),
  };
  const period = { from: args.from, to: args.to };
  // Each country's visits in one order whatever the query plan or the regions read again, so kept months see the
  // same slices.
  const byUnit = new Map<string, readonly ReadVisit[]>();
  if (!regions) {
    const all: ReadVisit[] = [];
    for (const v of await sweepVisits(views<ClustersDb>(context), { ...period, ...place })) {
      const read = readVisit(v, undefined);
      if (read) all.push(read);
    }
    byUnit.set(EVERY_COUNTRY, all.sort(byOrder));
  } else {
    const db = context.services.readModels.db;
    const kept = keptFor(regionVisitsIn, db);
    const keyOf = (region: string) => JSON.stringify([args.from, args.to, args.countryCode, args.regionCode, region]);
    const wanted = countries.flatMap((c) => regions.regionsOf.get(c) ?? []);
    const now = new Map<string, RegionVisits>();
    const stale: string[] = [];
    for (const region of wanted) {
      const found = kept.get(keyOf(region));
      if (found && found.version === regions.versions.get(region)) now.set(region, found);
      else stale.push(region);
    }
    if (stale.length > 0) {
      const found = await sweepVisits(views<ClustersDb>(context), {
        ...period,
        ...place,
        // Every region at once (the first request): one read of the period, not one per region.
        ...(stale.length === regions.versions.size ? {} : { regionCodes: stale }),
      });
      const read = new Map<string, ReadVisit[]>(stale.map((region) => [region, []]));
      const before = new Map<string, ReadVisit>();
      for (const region of stale) for (const v of kept.get(keyOf(region))?.visits ?? []) before.set(v.visit.id, v);
      for (const v of found) {
        const visit = readVisit(v, before);
        if (visit) read.get(v.regionCode)?.push(visit);
      }
      // Every region's visits on the first request: their order after other requests had their turn.
      if (found.length > 1000) await breather();
      for (const [region, visits] of read)
        now.set(region, { version: regions.versions.get(region)!, visits: visits.sort(byOrder) });
    }
    for (const [region, visits] of now) keepRecent(kept, keyOf(region), visits, REGIONS_KEPT);
    const sorted = keptFor(countryVisitsIn, db);
    for (const country of countries) {
      const key = JSON.stringify([args.from, args.to, args.countryCode, args.regionCode, country]);
      const visits = countryVisits(
        sorted.get(key),
        new Map((regions.regionsOf.get(country) ?? []).map((region) => [region, now.get(region)!])),
      );
      keepRecent(sorted, key, visits, COUNTRIES_KEPT);
      byUnit.set(country, visits.visits);
    }
  }
  const rankings = new Map<string, CountryRanking>();
  for (const unit of countries) {
    const read = byUnit.get(unit);
    if (!read || read.length === 0) continue;
    // One country at a time: its preparation runs after other requests had their turn.
    await breather();
    const input: CandidateSweepInput = {
      visits: read.map((r) => r.visit),
      period,
      ...place,
      ...(unit === EVERY_COUNTRY ? {} : { countryCode: unit }),
      windowDays: args.windowDays ?? 14,
      today: today(context),
    };
    const undecided = new Set(read.filter((r) => r.undecided).map((r) => r.visit.id));
    rankings.set(unit, await rankCountry(context, memoKey, input, unit, undecided));
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
 * The last 200 are kept per read-model database (a page shows 20), about
 * 25 KB each for the national programme.
 * Kept by a digest of what they are written from, which runs to tens of
 * kilobytes for a candidate of many visits: as keys, those strings held as
 * much memory as the candidates themselves.
 */
const describedIn = new WeakMap<object, Map<string, JointMissionCandidate>>();
const DESCRIBED_KEPT = 200;

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
  const described = keptFor(describedIn, context.services.readModels.db);
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
    const digest = createHash('sha256').update(said).digest('base64');
    const candidate = described.get(digest) ?? toType(describeCandidate(c, input, defaultPolicy, visits), facts);
    keepRecent(described, digest, candidate, DESCRIBED_KEPT);
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
