import { DeclineReasons, MissionTypes, ValidationError, type DeclineReason } from '@werkbezoek/schema';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { compiledShape } from '../db/compiledShapes.js';
import type { ReadModelDb } from '../db/database.js';
import {
  ALL_COUNTRIES,
  type DashboardCountTable,
  type DashboardDaysTable,
  type DashboardRequestTable,
} from './table.js';

interface Db {
  dashboard_requests: DashboardRequestTable;
  dashboard_counts: DashboardCountTable;
  dashboard_days: DashboardDaysTable;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as DashboardDb };

export interface DashboardQuery {
  /** YYYY-Qn, both ends included; requests count in the quarter they were submitted. */
  readonly fromQuarter: string;
  readonly toQuarter: string;
  readonly missionType?: string;
  /** ISO 3166-1 alpha-2 of the country visited. */
  readonly countryCode?: string;
}

export interface DashboardCounts {
  readonly submitted: number;
  readonly accepted: number;
  readonly declined: number;
  readonly declinedByReason: Readonly<Record<DeclineReason, number>>;
  readonly withdrawn: number;
  /** Still undecided. */
  readonly pending: number;
  /** Decided requests that had an assessment when they were decided. */
  readonly assessedDecisions: number;
  /** Of those, the decisions that followed the recommendation (a decline with the recommended reason). */
  readonly agreements: number;
  /** agreements / assessedDecisions; null without assessed decisions. */
  readonly agreementRate: number | null;
  /** Calendar days from submission to decision; null without decisions. */
  readonly medianDaysToDecision: number | null;
}

export interface DashboardRow extends DashboardCounts {
  readonly quarter: string;
  readonly missionType: string;
}

export interface DashboardMetrics {
  /** Every quarter of the period × every mission type (or the one asked for), zeros included, in order. */
  readonly rows: readonly DashboardRow[];
  /** Per quarter, over the mission types. */
  readonly byQuarter: readonly (DashboardCounts & { readonly quarter: string })[];
  readonly totals: DashboardCounts;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MAX_QUARTERS = 200;

function quartersBetween(from: string, to: string): string[] {
  const index = (q: string, field: string) => {
    const m = QUARTER.exec(q);
    if (!m) throw new ValidationError(`${field} "${q}" is not a quarter in the form YYYY-Qn, such as 2026-Q1`, [field]);
    return Number(m[1]) * 4 + Number(m[2]) - 1;
  };
  const a = index(from, 'fromQuarter');
  const b = index(to, 'toQuarter');
  if (a > b) throw new ValidationError(`toQuarter ${to} lies before fromQuarter ${from}`, ['toQuarter']);
  if (b - a >= MAX_QUARTERS)
    throw new ValidationError(`Ask for at most ${MAX_QUARTERS} quarters at a time, not ${b - a + 1}`, ['toQuarter']);
  const quarters: string[] = [];
  for (let i = a; i <= b; i++) quarters.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return quarters;
}

/** The middle value (the mean of the two middle ones for an even count); computed here so both dialects agree. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of values given as a histogram (value → how many times), as `median` of the values listed out. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const total = [...histogram.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const values = [...histogram.keys()].sort((x, y) => x - y);
  // The values at (0-based) positions lo and hi of the sorted list: the middle one twice for an odd count.
  const lo = Math.floor((total - 1) / 2);
  const hi = Math.floor(total / 2);
  let seen = 0;
  let atLo: number | undefined;
  for (const value of values) {
    seen += histogram.get(value)!;
    if (atLo === undefined && seen > lo) atLo = value;
    if (seen > hi) return (atLo! + value) / 2;
  }
  throw new Error('unreachable: the histogram holds `total` values');
}

interface Tally {
  submitted: number;
  accepted: number;
  declinedByReason: Record<DeclineReason, number>;
  withdrawn: number;
  pending: number;
  assessedDecisions: number;
  agreements: number;
  /** Days to a decision → how many decisions took them. */
  days: Map<number, number>;
}

const emptyTally = (): Tally => ({
  submitted: 0,
  accepted: 0,
  declinedByReason: Object.fromEntries(DeclineReasons.codes.map((c) => [c, 0])) as Record<DeclineReason, number>,
  withdrawn: 0,
  pending: 0,
  assessedDecisions: 0,
  agreements: 0,
  days: new Map(),
});

function addTo(into: Tally, from: Tally): void {
  into.submitted += from.submitted;
  into.accepted += from.accepted;
  for (const c of DeclineReasons.codes) into.declinedByReason[c] += from.declinedByReason[c];
  into.withdrawn += from.withdrawn;
  into.pending += from.pending;
  into.assessedDecisions += from.assessedDecisions;
  into.agreements += from.agreements;
  for (const [days, n] of from.days) into.days.set(days, (into.days.get(days) ?? 0) + n);
}

function counts(t: Tally): DashboardCounts {
  return {
    submitted: t.submitted,
    accepted: t.accepted,
    declined: DeclineReasons.codes.reduce((sum, c) => sum + t.declinedByReason[c], 0),
    declinedByReason: { ...t.declinedByReason },
    withdrawn: t.withdrawn,
    pending: t.pending,
    assessedDecisions: t.assessedDecisions,
    agreements: t.agreements,
    agreementRate: t.assessedDecisions === 0 ? null : t.agreements / t.assessedDecisions,
    medianDaysToDecision: histogramMedian(t.days),
  };
}

/** Adds `n` requests of one outcome (a row of dashboard_counts) to a tally. */
function addOutcome(t: Tally, status: string, declineReason: string, agreement: string, n: number): void {
  t.submitted += n;
  if (status === 'ACCEPTED') t.accepted += n;
  else if (status === 'DECLINED') {
    if (!DeclineReasons.is(declineReason))
      throw new Error(`dashboard_counts holds a decline reason "${declineReason}" the vocabulary does not know`);
    t.declinedByReason[declineReason] += n;
  } else if (status === 'WITHDRAWN') t.withdrawn += n;
  else if (status === 'SUBMITTED') t.pending += n;
  if (agreement !== 'UNASSESSED') t.assessedDecisions += n;
  if (agreement === 'AGREED') t.agreements += n;
}

/** A row of either aggregate: a counter (days null) or a bar of the days histogram (outcome null). */
interface Cell {
  readonly quarter: string;
  readonly mission_type: string;
  readonly status: string | null;
  readonly decline_reason: string | null;
  readonly agreement: string | null;
  readonly days: number | string | null;
  readonly n: number | string;
}

/**
 * The dashboard's one read: the counters and the days histogram of the
 * period (and mission type) under one country or every country, a few
 * hundred rows at most however many requests there are; one statement, so
 * both come from the same snapshot. Only the period, mission type and
 * country are parameters, so each shape is compiled once.
 */
function cellsQuery(db: Kysely<Db>, q: DashboardQuery): CompiledQuery<Cell> {
  const country = q.countryCode ?? ALL_COUNTRIES;
  const none = sql<null>`null`;
  const counts = db
    .selectFrom('dashboard_counts')
    .select(['quarter', 'mission_type', 'status', 'decline_reason', 'agreement', none.as('days'), 'n'])
    .where('country_code', '=', country)
    .where('quarter', '>=', q.fromQuarter)
    .where('quarter', '<=', q.toQuarter)
    .$if(q.missionType !== undefined, (qb) => qb.where('mission_type', '=', q.missionType!));
  const days = db
    .selectFrom('dashboard_days')
    .select([
      'quarter',
      'mission_type',
      none.as('status'),
      none.as('decline_reason'),
      none.as('agreement'),
      'days',
      'n',
    ])
    .where('country_code', '=', country)
    .where('quarter', '>=', q.fromQuarter)
    .where('quarter', '<=', q.toQuarter)
    .$if(q.missionType !== undefined, (qb) => qb.where('mission_type', '=', q.missionType!));
  // The two selections differ only in which columns are null.
  return counts.unionAll(days as never).compile();
}

/**
 * Requests submitted per quarter and mission type: accepted, declined by
 * reason, withdrawn, how often the decision followed the assessment's
 * recommendation, and the median days to a decision.
 *
 * @example dashboardMetrics(readModels, { fromQuarter: '2026-Q1', toQuarter: '2026-Q4', missionType: 'TECHNICAL' })
 */
export async function dashboardMetrics(readModels: ReadModelDb, q: DashboardQuery): Promise<DashboardMetrics> {
  const quarters = quartersBetween(q.fromQuarter, q.toQuarter);
  if (q.missionType !== undefined && !MissionTypes.is(q.missionType))
    throw new ValidationError(
      `Unknown mission type "${q.missionType}"; expected one of ${MissionTypes.codes.join(', ')}`,
      ['missionType'],
    );
  const missionTypes: readonly string[] = q.missionType ? [q.missionType] : MissionTypes.codes;
  const db = readModels.db as Kysely<Db>;
  if (q.countryCode !== undefined && !/^[A-Z]{2}$/.test(q.countryCode))
    throw new ValidationError(`countryCode "${q.countryCode}" is not an ISO 3166-1 alpha-2 code such as BJ`, [
      'countryCode',
    ]);
  const parameters = [q.countryCode ?? ALL_COUNTRIES, q.fromQuarter, q.toQuarter, q.missionType].filter(
    (p) => p !== undefined,
  );
  const shape = q.missionType ? ': one mission type' : '';
  const { rows: cells } = await db.executeQuery(
    compiledShape(db, `dashboard${shape}`, [...parameters, ...parameters], () => cellsQuery(db, q)),
  );

  const tallies = new Map<string, Tally>();
  const tally = (quarter: string, missionType: string) => {
    const key = `${quarter}/${missionType}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = emptyTally()));
    return t;
  };
  // PostgreSQL may hand integers over as strings; Number() takes both.
  for (const c of cells) {
    const t = tally(c.quarter, c.mission_type);
    if (c.days === null) addOutcome(t, c.status!, c.decline_reason!, c.agreement!, Number(c.n));
    else {
      const days = Number(c.days);
      t.days.set(days, (t.days.get(days) ?? 0) + Number(c.n));
    }
  }

  const rows: DashboardRow[] = [];
  const byQuarter: (DashboardCounts & { quarter: string })[] = [];
  const total = emptyTally();
  for (const quarter of quarters) {
    const inQuarter = emptyTally();
    for (const missionType of missionTypes) {
      const t = tallies.get(`${quarter}/${missionType}`) ?? emptyTally();
      rows.push({ quarter, missionType, ...counts(t) });
      addTo(inQuarter, t);
    }
    byQuarter.push({ quarter, ...counts(inQuarter) });
    addTo(total, inQuarter);
  }
  return { rows, byQuarter, totals: counts(total) };
}
