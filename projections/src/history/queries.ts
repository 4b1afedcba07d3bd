import { isLocalDate, ValidationError } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import type { MunicipalityRow, TwinningRow } from '../directory/directory.js';
import { activeBuild } from '../runner/registry.js';
import { yieldToEventLoop } from '../runner/runner.js';
import type { CoverageTable, VisitTable } from './table.js';

interface Db {
  history_visits: VisitTable;
  history_coverage: CoverageTable;
  history_municipalities: MunicipalityRow;
  history_twinnings: TwinningRow;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as HistoryDb };

export interface VisitStaffView {
  readonly staffMemberId: string;
  readonly name: string | null;
}

export interface VisitView {
  /** The request id, or `<mission id>/<NIS code>` for a mission without a request of the municipality. */
  readonly visitId: string;
  readonly kind: 'REQUEST' | 'MISSION';
  readonly requestId: string | null;
  readonly missionId: string | null;
  /** The joint mission that serves the visit; null for a visit accompanied (or not) on its own. */
  readonly jointMissionId: string | null;
  readonly missionType: string;
  readonly startDate: string;
  readonly endDate: string;
  /** The request's status (SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN); null for a mission without a request. */
  readonly status: string | null;
  readonly missionStatus: string | null;
  readonly missionStartDate: string | null;
  readonly missionEndDate: string | null;
  /** A mission, not cancelled, that had started by `today`. */
  readonly accompanied: boolean;
  /** Who accompanies (or accompanied) the visit; empty while nobody is assigned. */
  readonly staff: VisitStaffView[];
  readonly declineReason: string | null;
  readonly submittedOn: string | null;
  readonly decidedOn: string | null;
  readonly completedOn: string | null;
}

export interface AccompanimentHistory {
  readonly nisCode: string;
  readonly name: string | null;
  /** Latest first. */
  readonly visits: VisitView[];
  readonly lastAccompaniedOn: string | null;
  /** Whole months from `lastAccompaniedOn` to `today`; null when never accompanied. */
  readonly monthsSinceLastAccompaniment: number | null;
  /** Most frequent first. */
  readonly declineReasons: { readonly reason: string; readonly count: number }[];
}

export interface CoverageView {
  readonly nisCode: string;
  readonly name: string | null;
  readonly lastAccompaniedOn: string | null;
  readonly monthsSinceLastAccompaniment: number | null;
}

function checkDate(value: string, field: string): void {
  if (!isLocalDate(value))
    throw new ValidationError(`${field} "${value}" is not a calendar date in the form YYYY-MM-DD`, [field]);
}

/** Whole months from `a` to `b`, rounded down (2024-05-13 to 2026-11-27 is 30). */
export function monthsBetween(a: string, b: string): number {
  const part = (date: string, from: number, to: number) => Number(date.slice(from, to));
  return (
    (part(b, 0, 4) - part(a, 0, 4)) * 12 + (part(b, 5, 7) - part(a, 5, 7)) - (part(b, 8, 10) < part(a, 8, 10) ? 1 : 0)
  );
}

/** As String.prototype.localeCompare without arguments, made once: thousands of municipalities are sorted per call. */
const byName = new Intl.Collator();

/**
 * Whether a visit counts as accompanied on `today`: its mission is not
 * cancelled and had started. The domain's `lastAccompaniedVisit` uses the same
 * rule, so the policy and these views agree.
 */
function accompanied(r: VisitTable, today: string): boolean {
  return (
    (r.mission_status === 'SCHEDULED' || r.mission_status === 'COMPLETED') &&
    r.mission_start_date !== null &&
    r.mission_start_date <= today
  );
}

/** The end of the last accompanied visit, but no later than `today` (a mission under way counts up to today). */
function lastAccompanied(lastEnd: string | null | undefined, today: string): string | null {
  if (!lastEnd) return null;
  return lastEnd < today ? lastEnd : today;
}

function toVisitView(r: VisitTable, today: string): VisitView {
  return {
    visitId: r.visit_id,
    kind: r.kind as 'REQUEST' | 'MISSION',
    requestId: r.request_id,
    missionId: r.mission_id,
    jointMissionId: r.joint_mission_id,
    missionType: r.mission_type,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    missionStatus: r.mission_status,
    missionStartDate: r.mission_start_date,
    missionEndDate: r.mission_end_date,
    accompanied: accompanied(r, today),
    staff: JSON.parse(r.staff) as VisitStaffView[],
    declineReason: r.decline_reason,
    submittedOn: r.submitted_on,
    decidedOn: r.decided_on,
    completedOn: r.completed_on,
  };
}

/**
 * A municipality's accompaniment history as seen on `today` (YYYY-MM-DD):
 * every visit, when it was last accompanied and why requests were declined.
 * Undefined for a municipality the platform does not know.
 *
 * @example getAccompanimentHistory(db, '11055', { today: '2026-11-27' })
 */
export async function getAccompanimentHistory(
  db: Kysely<Db>,
  nisCode: string,
  { today }: { readonly today: string },
): Promise<AccompanimentHistory | undefined> {
  checkDate(today, 'today');
  const municipality = await db
    .selectFrom('history_municipalities')
    .selectAll()
    .where('nis_code', '=', nisCode)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('history_visits')
    .selectAll()
    .where('nis_code', '=', nisCode)
    .orderBy('start_date', 'desc')
    .orderBy('visit_id')
    .execute();
  if (!municipality && rows.length === 0) return undefined;
  const visits = rows.map((r) => toVisitView(r, today));
  let lastEnd: string | null = null;
  for (const v of visits)
    if (v.accompanied && (lastEnd === null || v.missionEndDate! > lastEnd)) lastEnd = v.missionEndDate;
  const lastAccompaniedOn = lastAccompanied(lastEnd, today);
  const counts = new Map<string, number>();
  for (const v of visits)
    if (v.status === 'DECLINED' && v.declineReason) counts.set(v.declineReason, (counts.get(v.declineReason) ?? 0) + 1);
  return {
    nisCode,
    name: municipality?.name ?? null,
    visits,
    lastAccompaniedOn,
    monthsSinceLastAccompaniment: lastAccompaniedOn ? monthsBetween(lastAccompaniedOn, today) : null,
    declineReasons: [...counts]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

/**
 * The end date of the municipality's last accompanied visit that started on
 * or before `onOrBefore`, capped at that day: the read-side answer to the
 * domain context's `lastAccompaniedVisit`.
 */
export async function lastAccompaniedVisit(
  db: Kysely<Db>,
  nisCode: string,
  onOrBefore: string,
): Promise<string | undefined> {
  checkDate(onOrBefore, 'onOrBefore');
  const row = await db
    .selectFrom('history_visits')
    .select((eb) => eb.fn.max('mission_end_date').as('last_end'))
    .where('nis_code', '=', nisCode)
    .where('mission_status', 'in', ['SCHEDULED', 'COMPLETED'])
    .where('mission_start_date', '<=', onOrBefore)
    .executeTakeFirst();
  return lastAccompanied(row?.last_end, onOrBefore) ?? undefined;
}

/** Municipalities last accompanied the same number of whole months ago (null: never), in no particular order. */
export interface CoverageGroup {
  readonly monthsSinceLastAccompaniment: number | null;
  readonly municipalities: readonly CoverageView[];
}

/**
 * Every municipality with the months since it was last accompanied, as seen
 * on `today`: the never accompanied first, then the longest ago, then by name.
 * With a country: only the municipalities twinned with a partner there (now
 * or once).
 */
export async function listCoverage(
  db: Kysely<Db>,
  q: { readonly today: string; readonly countryCode?: string },
): Promise<CoverageView[]> {
  return firstCovered(await coverageGroups(db, q));
}

/** Each group's municipalities sorted by name, worked out once per group: a kept group is listed again and again. */
const sortedGroups = new WeakMap<CoverageGroup, readonly CoverageView[]>();

const byNameThenCode = (a: CoverageView, b: CoverageView) =>
  byName.compare(a.name ?? a.nisCode, b.name ?? b.nisCode) ||
  (a.nisCode < b.nisCode ? -1 : a.nisCode > b.nisCode ? 1 : 0);

/**
 * The first `first` municipalities (all without it) of coverage in its order,
 * from its groups: only the groups that hold them are sorted by name (and NIS
 * code, so that namesakes come in one order however the groups were made).
 */
export function firstCovered(groups: readonly CoverageGroup[], first = Number.POSITIVE_INFINITY): CoverageView[] {
  const out: CoverageView[] = [];
  for (const group of groups) {
    if (out.length >= first) break;
    let sorted = sortedGroups.get(group);
    if (!sorted) sortedGroups.set(group, (sorted = [...group.municipalities].sort(byNameThenCode)));
    out.push(...sorted.slice(0, first - out.length));
  }
  return out;
}

function checkCountry(countryCode: string | undefined): void {
  if (countryCode !== undefined && !/^[A-Z]{2}$/.test(countryCode))
    throw new ValidationError(`countryCode "${countryCode}" is not an ISO 3166-1 alpha-2 code such as BJ`, [
      'countryCode',
    ]);
}

/**
 * Coverage grouped by months since the last accompanied visit, never
 * accompanied first, then the longest ago (see listCoverage): what a count
 * by months needs, and a list's head without sorting every name.
 */
export async function coverageGroups(
  db: Kysely<Db>,
  { today, countryCode }: { readonly today: string; readonly countryCode?: string },
): Promise<CoverageGroup[]> {
  checkDate(today, 'today');
  checkCountry(countryCode);
  const all = await groupCoverage(await readCoverage(db, today), today);
  return countryCode === undefined ? [...all.groups] : onlyTwinned(db, all.groups, countryCode);
}

/** A row of history_coverage as coverage reads it: the visits only while an accompanied one is still to start. */
interface CoverageRead {
  readonly nis_code: string;
  readonly name: string | null;
  readonly last_start: string | null;
  readonly last_end: string | null;
  readonly accompanied: string | null;
  readonly changed_at?: string;
}

/**
 * Every coverage row in one statement (one snapshot); with `since`, with when
 * it changed, and only those changed after it when it is not empty.
 */
function readCoverage(db: Kysely<Db>, today: string, since?: string): Promise<CoverageRead[]> {
  return db
    .selectFrom('history_coverage')
    .select((eb) => [
      'nis_code',
      'name',
      'last_start',
      'last_end',
      eb.case().when('last_start', '>', today).then(eb.ref('accompanied')).else(null).end().as('accompanied'),
    ])
    .$if(since !== undefined, (qb) => qb.select('changed_at'))
    .$if(!!since, (qb) => qb.where('changed_at', '>', since!))
    .execute();
}

/** One municipality's view on `today`. */
function coverageView(r: CoverageRead, today: string): CoverageView {
  let lastEnd = r.last_end;
  // An accompanied visit still to start: the last end is that of the visits already started, if any.
  if (r.accompanied !== null) {
    lastEnd = null;
    for (const [start, end] of Object.values(JSON.parse(r.accompanied) as Record<string, [string, string]>))
      if (start <= today && (lastEnd === null || end > lastEnd)) lastEnd = end;
  }
  const lastAccompaniedOn = lastAccompanied(lastEnd, today);
  return {
    nisCode: r.nis_code,
    name: r.name,
    lastAccompaniedOn,
    monthsSinceLastAccompaniment: lastAccompaniedOn ? monthsBetween(lastAccompaniedOn, today) : null,
  };
}

const groupKey = (v: CoverageView) => v.monthsSinceLastAccompaniment ?? Number.POSITIVE_INFINITY;

/** Groups in coverage's order (never first, then the longest ago), from groups by key. */
function ordered(byMonths: ReadonlyMap<number, CoverageGroup>): CoverageGroup[] {
  return [...byMonths].sort(([a], [b]) => b - a).map(([, group]) => group);
}

function groupOf(key: number, municipalities: readonly CoverageView[]): CoverageGroup {
  return { monthsSinceLastAccompaniment: key === Number.POSITIVE_INFINITY ? null : key, municipalities };
}

/** Rows grouped between yields to the event loop: every row at once held it for tens of milliseconds (issue 16). */
const ROWS_PER_SLICE = 1_000;

/** Coverage on `today` from every row, a slice of rows at a time. */
async function groupCoverage(
  rows: readonly CoverageRead[],
  today: string,
): Promise<{ views: Map<string, CoverageView>; groups: CoverageGroup[] }> {
  const views = new Map<string, CoverageView>();
  const byKey = new Map<number, CoverageView[]>();
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % ROWS_PER_SLICE === 0) await yieldToEventLoop();
    const r = rows[i]!;
    const view = coverageView(r, today);
    views.set(r.nis_code, view);
    const key = groupKey(view);
    const group = byKey.get(key);
    if (group) group.push(view);
    else byKey.set(key, [view]);
  }
  return { views, groups: ordered(new Map([...byKey].map(([key, m]) => [key, groupOf(key, m)]))) };
}

/** Only the municipalities twinned with a partner in the country (now or once); empty groups left out. */
async function onlyTwinned(
  db: Kysely<Db>,
  groups: readonly CoverageGroup[],
  countryCode: string,
): Promise<CoverageGroup[]> {
  const twinned = new Set(
    (await db.selectFrom('history_twinnings').select('nis_code').where('country_code', '=', countryCode).execute()).map(
      (t) => t.nis_code,
    ),
  );
  const out: CoverageGroup[] = [];
  for (const group of groups) {
    const municipalities = group.municipalities.filter((m) => twinned.has(m.nisCode));
    if (municipalities.length > 0)
      out.push({ monthsSinceLastAccompaniment: group.monthsSinceLastAccompaniment, municipalities });
  }
  return out;
}

/**
 * Coverage as of one day and one position of the history read model's
 * coverage rows (renewCoverage): a reader keeps it between requests and
 * renews it from the rows changed since, instead of reading every
 * municipality again (issue 16: 7,380 of them at a national scale).
 */
export interface KeptCoverage {
  readonly today: string;
  /** The history read model's build (version and generation) the rows were read from. */
  readonly build: string;
  /** The greatest history_coverage.changed_at read: every change up to it is in. */
  readonly position: string;
  /** Every municipality's view, by NIS code. */
  readonly views: ReadonlyMap<string, CoverageView>;
  /** In coverage's order; a group no change touched is the same object as before. */
  readonly groups: readonly CoverageGroup[];
}

/** The first history build whose coverage rows say when they changed (history_coverage.changed_at). */
const KEPT_SINCE_VERSION = 5;

/**
 * Coverage as of `today`, renewed from `kept`: only the rows changed since
 * its position are read and only their groups made again; everything is
 * read again on another day (months count to today) or another build.
 * Undefined while the active build predates history_coverage.changed_at (a
 * version 4 serving while 5 is built beside it): use coverageGroups then.
 * The build is read before the rows, so a kept coverage is never older than
 * what it says: read your writes holds.
 */
export async function renewCoverage(
  db: Kysely<Db>,
  today: string,
  kept?: KeptCoverage,
): Promise<KeptCoverage | undefined> {
  checkDate(today, 'today');
  const state = await activeBuild(db, 'history');
  if (!state || Number(state.version) < KEPT_SINCE_VERSION) return undefined;
  const build = `${state.version}.${state.generation}`;
  if (!kept || kept.today !== today || kept.build !== build) {
    const rows = await readCoverage(db, today, '');
    const { views, groups } = await groupCoverage(rows, today);
    return { today, build, position: latest(rows, ''), views, groups };
  }
  const changed = await readCoverage(db, today, kept.position);
  if (changed.length === 0) return kept;
  const views = new Map(kept.views);
  // The groups a changed municipality leaves or joins are made again; the others are kept as they are.
  const touched = new Map<number, Set<string>>();
  const touch = (key: number, nisCode: string) => {
    const codes = touched.get(key);
    if (codes) codes.add(nisCode);
    else touched.set(key, new Set([nisCode]));
  };
  for (const r of changed) {
    const before = views.get(r.nis_code);
    const after = coverageView(r, today);
    if (before) touch(groupKey(before), r.nis_code);
    touch(groupKey(after), r.nis_code);
    views.set(r.nis_code, after);
  }
  const byKey = new Map(kept.groups.map((g) => [g.monthsSinceLastAccompaniment ?? Number.POSITIVE_INFINITY, g]));
  for (const [key, codes] of touched) {
    const municipalities = (byKey.get(key)?.municipalities ?? []).filter((m) => !codes.has(m.nisCode));
    for (const code of codes) {
      const view = views.get(code)!;
      if (groupKey(view) === key) municipalities.push(view);
    }
    if (municipalities.length > 0) byKey.set(key, groupOf(key, municipalities));
    else byKey.delete(key);
  }
  return { today, build, position: latest(changed, kept.position), views, groups: ordered(byKey) };
}

/** The greatest changed_at of these rows, or `since` when none is greater. */
function latest(rows: readonly CoverageRead[], since: string): string {
  let position = since;
  for (const r of rows) if (r.changed_at! > position) position = r.changed_at!;
  return position;
}

/** A kept coverage's groups (renewCoverage), only the municipalities twinned with a partner in the country when one is given. */
export async function keptCoverageGroups(
  db: Kysely<Db>,
  kept: KeptCoverage,
  countryCode?: string,
): Promise<readonly CoverageGroup[]> {
  checkCountry(countryCode);
  return countryCode === undefined ? kept.groups : onlyTwinned(db, kept.groups, countryCode);
}

/**
 * When each of these municipalities was last accompanied (lastAccompaniedVisit
 * for several at once, as listCoverage counts it): the end of its last
 * scheduled or completed mission that started on or before `today`, capped
 * at today. Municipalities never accompanied are left out.
 */
export async function lastAccompaniedOf(
  db: Kysely<Db>,
  nisCodes: Iterable<string>,
  today: string,
): Promise<Map<string, string>> {
  checkDate(today, 'today');
  const codes = [...new Set(nisCodes)];
  const last = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 5_000) {
    const rows = await db
      .selectFrom('history_visits')
      .select((eb) => ['nis_code', eb.fn.max('mission_end_date').as('last_end')])
      .where('nis_code', 'in', codes.slice(i, i + 5_000))
      .where('mission_status', 'in', ['SCHEDULED', 'COMPLETED'])
      .where('mission_start_date', '<=', today)
      .groupBy('nis_code')
      .execute();
    for (const r of rows) {
      const on = lastAccompanied(r.last_end, today);
      if (on) last.set(r.nis_code, on);
    }
  }
  return last;
}
