import { MissionTypes, lazyProperty, type AdditionalReason, type MissionType } from '@werkbezoek/schema';
import { addDays, addMonths, daysBetween, visitDays } from '../dates.js';
import type { AssessmentPolicy, CountryCost } from '../assessment/policy.js';
import { costIn, euroEn, euroNl, list, regionNamesIn, tripCostCents } from '../assessment/wording.js';

/**
 * A visit a joint mission could take along: an undecided or accepted request,
 * or a scheduled mission that could take more municipalities.
 */
export interface CandidateVisit {
  readonly kind: 'REQUEST' | 'MISSION';
  /** The request id, or the mission id. */
  readonly id: string;
  /** The requests this visit answers: the request itself, or the requests a mission accompanies. */
  readonly requestIds: readonly string[];
  readonly nisCode: string;
  readonly municipalityName: string;
  /** ISO 3166-2 code of the southern region, e.g. BJ-ZO. */
  readonly regionCode: string;
  /** ISO 3166-1 alpha-2. */
  readonly countryCode: string;
  readonly missionType: MissionType;
  readonly startDate: string;
  readonly endDate: string;
  /** The additional reasons its assessment found satisfied, if it was assessed. */
  readonly satisfiedReasons?: readonly AdditionalReason[];
}

export interface JointMissionInput {
  readonly visits: readonly CandidateVisit[];
  /** The end of each municipality's last accompanied visit, by NIS code; absent = never accompanied. */
  readonly lastAccompaniedOn: Readonly<Record<string, string | undefined>>;
  /** Only visits lying entirely within this period are considered (both ends included). */
  readonly period: { readonly from: string; readonly to: string };
  readonly countryCode?: string;
  readonly regionCode?: string;
  /** The length of a joint mission's window in days, both ends included; default 14. */
  readonly windowDays?: number;
  /** Visits that start before today are left out: a trip under way can no longer be combined. */
  readonly today: string;
}

/** A group the sweep runs in: one southern region, or one country across its regions. */
export interface CandidateGroup {
  readonly kind: 'REGION' | 'COUNTRY';
  readonly code: string;
}

export interface CandidateRequestReasons {
  readonly requestId: string;
  readonly nisCode: string;
  /** The additional reasons the joint mission gives this request. */
  readonly reasons: readonly AdditionalReason[];
  /** Those of `reasons` its assessment did not already count. */
  readonly newReasons: readonly AdditionalReason[];
}

export interface JointMissionCandidate {
  readonly group: CandidateGroup;
  readonly countryCode: string;
  /** The regions of the covered visits, sorted. */
  readonly regionCodes: readonly string[];
  /** The window of `windowDays` days, starting at the earliest covered start. */
  readonly window: { readonly start: string; readonly end: string };
  /** The combined trip: from the earliest covered start to the latest covered end. */
  readonly trip: { readonly start: string; readonly end: string; readonly days: number };
  readonly visitIds: readonly string[];
  readonly requestIds: readonly string[];
  readonly municipalities: readonly { readonly nisCode: string; readonly name: string }[];
  /** The most relevant (lowest rank) type of the covered visits. */
  readonly missionType: MissionType;
  readonly combinedStaffDays: number;
  readonly separateStaffDays: number;
  readonly combinedCostEur: number;
  readonly separateCostEur: number;
  /** separateCostEur − combinedCostEur; always > 0 (see jointMissionCandidates). */
  readonly savingEur: number;
  readonly reasons: readonly CandidateRequestReasons[];
  /** NIS codes of the municipalities not accompanied in `followUpMonths` before the window's start. */
  readonly followUpNisCodes: readonly string[];
  readonly why: { readonly nl: string; readonly en: string };
}

/** The visits a window covers: those lying entirely within it. */
export interface CoveringWindow<V extends Pick<CandidateVisit, 'startDate' | 'endDate'>> {
  readonly start: string;
  readonly end: string;
  readonly covered: readonly V[];
}

export const DEFAULT_WINDOW_DAYS = 14;

/**
 * Every window of `windowDays` days that starts at a visit's start, with the
 * visits lying entirely within it. Exact, no sampling.
 *
 * Why starting windows at visit starts suffices: take any window W = [d, d +
 * windowDays − 1] that covers a non-empty set S. Move its start right to s,
 * the earliest start in S. Every visit of S still starts on or after s and
 * ends on or before W's end, which is before the moved window's end, so the
 * moved window covers S and possibly more. Hence every covered set is
 * contained in the set of some window starting at a visit start, and the
 * maximum coverage, and every coverage maximal by inclusion, is found there.
 */
export function windowsAtVisitStarts<V extends Pick<CandidateVisit, 'startDate' | 'endDate'>>(
  visits: readonly V[],
  windowDays: number,
): CoveringWindow<V>[] {
  const byStart = [...visits].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const windows: CoveringWindow<V>[] = [];
  for (let i = 0; i < byStart.length; i++) {
    const start = byStart[i]!.startDate;
    // Equal starts give the same window: sweep each once.
    if (i > 0 && byStart[i - 1]!.startDate === start) continue;
    const end = addDays(start, windowDays - 1);
    const covered: V[] = [];
    // Sorted by start: stop at the first visit starting after the window.
    for (let j = i; j < byStart.length && byStart[j]!.startDate <= end; j++) {
      if (byStart[j]!.endDate <= end) covered.push(byStart[j]!);
    }
    windows.push({ start, end, covered });
  }
  return windows;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Joint-mission candidates (issue 12): where several Flemish municipalities
 * visit the same southern region within `windowDays`, one staff member on one
 * trip could accompany them all (DOMAIN.md, additional reason 6, and VVSG's
 * proactive joint visits). A pure function; it proposes, a planner decides.
 *
 * 1. Visits within the period, not started before today, in the country or
 *    region asked for, are grouped by southern region, and by country where
 *    a country has visits in more than one region (neighbouring regions).
 * 2. In each group an exact sweep (windowsAtVisitStarts) finds the covered
 *    sets; those with fewer than two municipalities are left out.
 * 3. Staff days and cost of one combined trip (preparation + the trip's
 *    days from the earliest covered start to the latest covered end +
 *    processing; travel once + allowance for the trip's days) are set
 *    against the sum of the separate trips, with the assessment's policy.
 * 4. Only candidates that save money are shown: a joint mission that costs
 *    more than the separate trips (short visits far apart in the window, the
 *    allowance for the days between outweighing the travel saved) is not
 *    opportune. This filter comes before the next step, so a smaller
 *    candidate is never hidden behind a larger one that is not shown.
 * 5. A candidate whose requests are a subset of another shown candidate's in
 *    the same group is dominated and left out (sharing a visit, their windows
 *    overlap). A country candidate covering the same requests as a region
 *    candidate is listed once, as the region's.
 * 6. Ranked by saving, then requests covered (both descending), then window
 *    start, group and request ids.
 */
export function jointMissionCandidates(input: JointMissionInput, policy: AssessmentPolicy): JointMissionCandidate[] {
  return rankJointMissionCandidates(input, policy).map((ranked) => describeCandidate(ranked, input, policy));
}

/**
 * A candidate as the sweep finds and ranks it (steps 1 to 6 of
 * jointMissionCandidates), before it is described: enough to filter, rank and
 * page. describeCandidate writes it out as a JointMissionCandidate.
 */
export interface RankedCandidate {
  readonly group: CandidateGroup;
  /** The covered visits. */
  readonly covered: readonly CandidateVisit[];
  /** Sorted. */
  readonly visitIds: readonly string[];
  /** The requests the covered visits answer, sorted, each once. */
  readonly requestIds: readonly string[];
  /** The window's (and the trip's) first day: the earliest covered start. */
  readonly windowStart: string;
  readonly savingEur: number;
}

/** What ranking needs of the sweep's input: not when municipalities were last accompanied, which only the description says. */
export type CandidateSweepInput = Omit<JointMissionInput, 'lastAccompaniedOn'>;

/** What a ranked candidate is ordered by: saving, requests covered, window start, group, request ids. */
export type CandidateRankKey = [
  savingEur: number,
  requests: number,
  windowStart: string,
  group: string,
  requestIds: string,
];

export const candidateRankKey = (c: RankedCandidate): CandidateRankKey => [
  c.savingEur,
  c.requestIds.length,
  c.windowStart,
  `${c.group.kind}:${c.group.code}`,
  c.requestIds.join(','),
];

/** The order candidates are shown in (step 6 of jointMissionCandidates), by their keys: a page's cursor holds one. */
export function compareCandidateRankKeys(a: CandidateRankKey, b: CandidateRankKey): number {
  return b[0] - a[0] || b[1] - a[1] || byString(a[2], b[2]) || byString(a[3], b[3]) || byString(a[4], b[4]);
}

/** The order candidates are shown in (step 6 of jointMissionCandidates). */
export function compareRankedCandidates(a: RankedCandidate, b: RankedCandidate): number {
  return (
    b.savingEur - a.savingEur ||
    b.requestIds.length - a.requestIds.length ||
    byString(a.windowStart, b.windowStart) ||
    byString(`${a.group.kind}:${a.group.code}`, `${b.group.kind}:${b.group.code}`) ||
    byString(a.requestIds.join(','), b.requestIds.join(','))
  );
}

/**
 * Steps 1 to 6 of jointMissionCandidates without writing the candidates out:
 * a planner's page shows a few of thousands, so only those need their costs,
 * reasons and sentences (describeCandidate).
 */
export function rankJointMissionCandidates(input: CandidateSweepInput, policy: AssessmentPolicy): RankedCandidate[] {
  const steps = rankingSteps(input, policy);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The visits the sweep considers (step 1 of jointMissionCandidates): within
 * the period, not started before today, in the country or region asked for,
 * and an accepted request only as its scheduled mission. In the input's order;
 * sweeping these instead of the input finds the same candidates.
 */
export function sweptVisits(input: CandidateSweepInput): CandidateVisit[] {
  // An accepted request and its scheduled mission are one visit: keep the mission.
  const inMissions = new Set(input.visits.filter((v) => v.kind === 'MISSION').flatMap((v) => v.requestIds));
  return input.visits.filter(
    (v) =>
      !(v.kind === 'REQUEST' && inMissions.has(v.id)) &&
      v.startDate >= input.period.from &&
      v.endDate <= input.period.to &&
      v.startDate >= input.today &&
      (input.countryCode === undefined || v.countryCode === input.countryCode) &&
      (input.regionCode === undefined || v.regionCode === input.regionCode),
  );
}

/**
 * rankJointMissionCandidates one group at a time: the generator pauses after
 * each region's and country's sweep, so a server can let other requests run
 * between them (a national year is some 60 groups; the largest country's
 * sweep is a fraction of the whole).
 */
export function* rankingSteps(
  input: CandidateSweepInput,
  policy: AssessmentPolicy,
): Generator<undefined, RankedCandidate[], undefined> {
  const windowDays = input.windowDays ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`windowDays must be a whole number of days of at least 1, not ${windowDays}`);
  }
  const visits = sweptVisits(input);

  const groups = new Map<string, { group: CandidateGroup; visits: CandidateVisit[] }>();
  const add = (group: CandidateGroup, v: CandidateVisit) => {
    const key = `${group.kind}:${group.code}`;
    const entry = groups.get(key) ?? { group, visits: [] };
    entry.visits.push(v);
    groups.set(key, entry);
  };
  for (const v of visits) {
    add({ kind: 'REGION', code: v.regionCode }, v);
    add({ kind: 'COUNTRY', code: v.countryCode }, v);
  }

  // Each visit's separate cost, once: the sweep sums it for every window that covers the visit.
  const separateCents = new Map<CandidateVisit, number>();
  for (const v of visits) {
    separateCents.set(v, tripCostCents(costIn(policy, v.countryCode), visitDays(v.startDate, v.endDate)));
  }
  const shown = new Map<string, RankedCandidate>();
  // Regions first, so that a country candidate equal to a region's is the one left out.
  const ordered = [...groups.values()].sort(
    (a, b) =>
      byString(a.group.kind === 'REGION' ? '0' : '1', b.group.kind === 'REGION' ? '0' : '1') ||
      byString(a.group.code, b.group.code),
  );
  for (const { group, visits: members } of ordered) {
    if (group.kind === 'COUNTRY' && new Set(members.map((v) => v.regionCode)).size < 2) continue;
    yield;
    const found = savingSets(members, windowDays, policy, separateCents);
    for (const c of found) {
      if (dominated(c, found, windowDays)) continue;
      const visitIds = c.covered.map((v) => v.id).sort(byString);
      const key = visitIds.join('\n');
      if (shown.has(key)) continue;
      shown.set(key, {
        group,
        covered: c.covered,
        visitIds,
        requestIds: [...new Set(c.covered.flatMap((v) => v.requestIds))].sort(byString),
        windowStart: c.tripStart,
        savingEur: c.savingCents / 100,
      });
    }
  }
  // Each key once, not once per comparison.
  return [...shown.values()]
    .map((c) => ({ c, key: candidateRankKey(c) }))
    .sort((a, b) => compareCandidateRankKeys(a.key, b.key))
    .map(({ c }) => c);
}

/**
 * A ranked candidate written out: its trip, costs, municipalities, the reasons
 * it gives each request and why, in Dutch and English. `covered` may give the
 * same visits with more said of them (their assessments' satisfied reasons)
 * than the sweep needed.
 */
export function describeCandidate(
  ranked: RankedCandidate,
  input: Pick<JointMissionInput, 'lastAccompaniedOn' | 'windowDays'>,
  policy: AssessmentPolicy,
  covered: readonly CandidateVisit[] = ranked.covered,
): JointMissionCandidate {
  return candidateOf(ranked.group, covered, input.windowDays ?? DEFAULT_WINDOW_DAYS, input, policy);
}

/** A covered set of a group that saves money, before it is written out as a candidate. */
interface SavingSet {
  /** In the group's order by start; `positions` are their places in it, ascending. */
  readonly covered: readonly CandidateVisit[];
  readonly positions: readonly number[];
  readonly tripStart: string;
  readonly tripEnd: string;
  readonly savingCents: number;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The distinct covered sets of a group's windows that bring two municipalities
 * or more together and save money, by trip start. Only the saving is worked
 * out here: a set is written out as a candidate (candidateOf) once it is known
 * to be shown, since most sets of a busy group are dominated or found twice.
 * A set is known by the places of its visits in the group's order by start,
 * which windowsAtVisitStarts keeps.
 */
function savingSets(
  members: readonly CandidateVisit[],
  windowDays: number,
  policy: AssessmentPolicy,
  separateCents: ReadonlyMap<CandidateVisit, number>,
): SavingSet[] {
  const byStart = [...members].sort((a, b) => byString(a.startDate, b.startDate));
  const position = new Map(byStart.map((v, i) => [v, i]));
  // Sets tried, by size, first and last place: the same set found by another window is the same candidate.
  const tried = new Map<string, (readonly number[])[]>();
  const found: SavingSet[] = [];
  for (const w of windowsAtVisitStarts(byStart, windowDays)) {
    if (w.covered.length < 2) continue;
    const positions = w.covered.map((v) => position.get(v)!);
    const bucket = `${positions.length}:${positions[0]}:${positions.at(-1)}`;
    const seen = tried.get(bucket);
    if (seen?.some((other) => sameNumbers(other, positions))) continue;
    if (seen) seen.push(positions);
    else tried.set(bucket, [positions]);
    const nisCode = w.covered[0]!.nisCode;
    if (w.covered.every((v) => v.nisCode === nisCode)) continue;
    let tripStart = w.covered[0]!.startDate;
    let tripEnd = w.covered[0]!.endDate;
    let separate = 0;
    for (const v of w.covered) {
      if (v.startDate < tripStart) tripStart = v.startDate;
      if (v.endDate > tripEnd) tripEnd = v.endDate;
      separate += separateCents.get(v)!;
    }
    // A group holds one country: the first visit's is every visit's.
    const combinedCents = tripCostCents(costIn(policy, w.covered[0]!.countryCode), visitDays(tripStart, tripEnd));
    if (separate - combinedCents <= 0) continue;
    found.push({ covered: w.covered, positions, tripStart, tripEnd, savingCents: separate - combinedCents });
  }
  return found.sort((a, b) => byString(a.tripStart, b.tripStart));
}

/** Whether `inner`'s places all lie in `outer`'s (both ascending): one walk of the two. */
function within(inner: readonly number[], outer: readonly number[]): boolean {
  let j = 0;
  for (const p of inner) {
    while (j < outer.length && outer[j]! < p) j++;
    if (j === outer.length || outer[j] !== p) return false;
    j++;
  }
  return true;
}

/**
 * Whether another set of the group (`sets`, by trip start) holds every visit
 * of this one and more. Such a set's window starts on or before this trip's
 * start and ends on or after its end, so only the sets starting from
 * `windowDays − 1` days before this trip's end up to its start are compared.
 */
function dominated(set: SavingSet, sets: readonly SavingSet[], windowDays: number): boolean {
  const earliest = addDays(set.tripEnd, -(windowDays - 1));
  let low = 0;
  let high = sets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sets[mid]!.tripStart < earliest) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < sets.length && sets[i]!.tripStart <= set.tripStart; i++) {
    const other = sets[i]!;
    if (other.positions.length <= set.positions.length || other.tripEnd < set.tripEnd) continue;
    if (within(set.positions, other.positions)) return true;
  }
  return false;
}

function candidateOf(
  group: CandidateGroup,
  covered: readonly CandidateVisit[],
  windowDays: number,
  input: Pick<JointMissionInput, 'lastAccompaniedOn'>,
  policy: AssessmentPolicy,
): JointMissionCandidate {
  const sorted = [...covered].sort(
    (a, b) => byString(a.startDate, b.startDate) || byString(a.endDate, b.endDate) || byString(a.id, b.id),
  );
  const first = sorted[0]!;
  const tripStart = first.startDate;
  const tripEnd = sorted.reduce((end, v) => (v.endDate > end ? v.endDate : end), first.endDate);
  const tripDays = visitDays(tripStart, tripEnd);
  const window = { start: tripStart, end: addDays(tripStart, windowDays - 1) };
  // A country group holds one country, a region one region: all covered visits share the country.
  const countryCode = first.countryCode;
  const cost = costIn(policy, countryCode);
  const overhead = policy.preparationDays + policy.processingDays;

  const combinedStaffDays = policy.preparationDays + tripDays + policy.processingDays;
  const separateStaffDays = sorted.reduce((sum, v) => sum + overhead + visitDays(v.startDate, v.endDate), 0);
  const combinedCents = tripCostCents(cost, tripDays);
  const separateCents = sorted.reduce(
    (sum, v) => sum + tripCostCents(costIn(policy, v.countryCode), visitDays(v.startDate, v.endDate)),
    0,
  );

  const municipalities = new Map<string, string>();
  for (const v of sorted) if (!municipalities.has(v.nisCode)) municipalities.set(v.nisCode, v.municipalityName);
  const followUpSince = addMonths(window.start, -policy.followUpMonths);
  const followUpNisCodes = [...municipalities.keys()]
    .filter((nis) => {
      const last = input.lastAccompaniedOn[nis];
      return last === undefined || last < followUpSince;
    })
    .sort(byString);

  const reasons: CandidateRequestReasons[] = [];
  const seen = new Set<string>();
  for (const v of sorted) {
    for (const requestId of v.requestIds) {
      if (seen.has(requestId)) continue;
      seen.add(requestId);
      const given: AdditionalReason[] = followUpNisCodes.includes(v.nisCode)
        ? ['FOLLOW_UP', 'COMBINED_VISITS']
        : ['COMBINED_VISITS'];
      const already = v.satisfiedReasons ?? [];
      reasons.push({
        requestId,
        nisCode: v.nisCode,
        reasons: given,
        newReasons: given.filter((r) => !already.includes(r)),
      });
    }
  }
  reasons.sort((a, b) => byString(a.requestId, b.requestId));

  const missionType = sorted.reduce<MissionType>(
    (best, v) => (MissionTypes.get(v.missionType).rank < MissionTypes.get(best).rank ? v.missionType : best),
    first.missionType,
  );
  const regionCodes = [...new Set(sorted.map((v) => v.regionCode))].sort(byString);
  const candidate: Omit<JointMissionCandidate, 'why'> = {
    group,
    countryCode,
    regionCodes,
    window,
    trip: { start: tripStart, end: tripEnd, days: tripDays },
    visitIds: sorted.map((v) => v.id).sort(byString),
    requestIds: reasons.map((r) => r.requestId),
    municipalities: [...municipalities].map(([nisCode, name]) => ({ nisCode, name })),
    missionType,
    combinedStaffDays,
    separateStaffDays,
    combinedCostEur: combinedCents / 100,
    separateCostEur: separateCents / 100,
    savingEur: (separateCents - combinedCents) / 100,
    reasons,
    followUpNisCodes,
  };
  // The sentences are most of a candidate's cost and most candidates are never shown (a page shows 20): written when read.
  lazyProperty(candidate, 'why', () => sentence(candidate, cost, policy));
  return candidate as JointMissionCandidate;
}

function sentence(
  c: Omit<JointMissionCandidate, 'why'>,
  cost: CountryCost,
  policy: AssessmentPolicy,
): { nl: string; en: string } {
  const type = MissionTypes.get(c.missionType).label;
  const names = c.municipalities.map((m) => m.name);
  // Region names as people say them (Zou, West-Kaap), the code where the table has none.
  const where = list(regionNamesIn(c.regionCodes, 'nl'), 'en');
  const whereEn = list(regionNamesIn(c.regionCodes, 'en'), 'and');
  const requests = c.requestIds.length;
  const followUp = c.municipalities.filter((m) => c.followUpNisCodes.includes(m.nisCode)).map((m) => m.name);
  const span = daysBetween(c.window.start, c.window.end) + 1;
  let nl =
    `${list(names, 'en')} bezoeken ${where} tussen ${c.trip.start} en ${c.trip.end}, binnen ${span} dagen: ` +
    `één begeleiding als ${type.nl.toLowerCase()} dekt ${requests} ${requests === 1 ? 'aanvraag' : 'aanvragen'} in ` +
    `${policy.preparationDays} + ${c.trip.days} + ${policy.processingDays} = ${c.combinedStaffDays} personeelsdagen ` +
    `in plaats van ${c.separateStaffDays}, voor een geschatte kost van ${euroNl(c.combinedCostEur)} ` +
    `(reis ${euroNl(cost.travelEur)} + ${c.trip.days} dagen × ${euroNl(cost.dailyAllowanceEur)}) ` +
    `in plaats van ${euroNl(c.separateCostEur)}: een besparing van ${euroNl(c.savingEur)}.`;
  let en =
    `${list(names, 'and')} visit ${whereEn} between ${c.trip.start} and ${c.trip.end}, within ${span} days: ` +
    `one accompaniment as ${type.en.toLowerCase()} covers ${requests} request${requests === 1 ? '' : 's'} in ` +
    `${policy.preparationDays} + ${c.trip.days} + ${policy.processingDays} = ${c.combinedStaffDays} staff days ` +
    `instead of ${c.separateStaffDays}, at an estimated cost of ${euroEn(c.combinedCostEur)} ` +
    `(travel ${euroEn(cost.travelEur)} + ${c.trip.days} days × ${euroEn(cost.dailyAllowanceEur)}) ` +
    `instead of ${euroEn(c.separateCostEur)}: a saving of ${euroEn(c.savingEur)}.`;
  if (followUp.length > 0) {
    nl += ` Opvolging: ${list(followUp, 'en')} ${followUp.length === 1 ? 'werd' : 'werden'} de laatste ${policy.followUpMonths} maanden niet begeleid.`;
    en += ` Follow-up: ${list(followUp, 'and')} ${followUp.length === 1 ? 'was' : 'were'} not accompanied in the last ${policy.followUpMonths} months.`;
  }
  return { nl, en };
}
