import { DeclineReasons, MissionTypes, ValidationError, type DeclineReason } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import type { DashboardRequestTable } from './table.js';

interface Db {
  dashboard_requests: DashboardRequestTable;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as DashboardDb };

export interface DashboardQuery {
  /** YYYY-Qn, both ends included; requests count in the quarter they were submitted. */
  readonly fromQuarter: string;
  readonly toQuarter: string;
  readonly missionType?: string;
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

interface Tally {
  submitted: number;
  accepted: number;
  declinedByReason: Record<DeclineReason, number>;
  withdrawn: number;
  pending: number;
  assessedDecisions: number;
  agreements: number;
  days: number[];
}

const emptyTally = (): Tally => ({
  submitted: 0,
  accepted: 0,
  declinedByReason: Object.fromEntries(DeclineReasons.codes.map((c) => [c, 0])) as Record<DeclineReason, number>,
  withdrawn: 0,
  pending: 0,
  assessedDecisions: 0,
  agreements: 0,
  days: [],
});

function addTo(into: Tally, from: Tally): void {
  into.submitted += from.submitted;
  into.accepted += from.accepted;
  for (const c of DeclineReasons.codes) into.declinedByReason[c] += from.declinedByReason[c];
  into.withdrawn += from.withdrawn;
  into.pending += from.pending;
  into.assessedDecisions += from.assessedDecisions;
  into.agreements += from.agreements;
  into.days.push(...from.days);
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
    medianDaysToDecision: median(t.days),
  };
}

/**
 * Requests submitted per quarter and mission type: accepted, declined by
 * reason, withdrawn, how often the decision followed the assessment's
 * recommendation, and the median days to a decision.
 *
 * @example dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q4', missionType: 'TECHNICAL' })
 */
export async function dashboardMetrics(db: Kysely<Db>, q: DashboardQuery): Promise<DashboardMetrics> {
  const quarters = quartersBetween(q.fromQuarter, q.toQuarter);
  if (q.missionType !== undefined && !MissionTypes.is(q.missionType))
    throw new ValidationError(
      `Unknown mission type "${q.missionType}"; expected one of ${MissionTypes.codes.join(', ')}`,
      ['missionType'],
    );
  const missionTypes: readonly string[] = q.missionType ? [q.missionType] : MissionTypes.codes;

  let facts = db
    .selectFrom('dashboard_requests')
    .where('quarter', '>=', q.fromQuarter)
    .where('quarter', '<=', q.toQuarter);
  if (q.missionType) facts = facts.where('mission_type', '=', q.missionType);
  // Counts are grouped in the database; the days to decision come back as
  // lists, because a median does not combine across groups and SQLite has no
  // percentile function.
  const groups = await facts
    .select((eb) => ['quarter', 'mission_type', 'status', 'decline_reason', 'agreed', eb.fn.countAll<number>().as('n')])
    .groupBy(['quarter', 'mission_type', 'status', 'decline_reason', 'agreed'])
    .execute();
  const decided = await facts
    .select(['quarter', 'mission_type', 'days_to_decision'])
    .where('days_to_decision', 'is not', null)
    .execute();

  const tallies = new Map<string, Tally>();
  const tallyOf = (quarter: string, missionType: string) => {
    const key = `${quarter}/${missionType}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = emptyTally()));
    return t;
  };
  for (const g of groups) {
    const t = tallyOf(g.quarter, g.mission_type);
    const n = Number(g.n);
    t.submitted += n;
    if (g.status === 'ACCEPTED') t.accepted += n;
    if (g.status === 'DECLINED' && DeclineReasons.is(g.decline_reason)) t.declinedByReason[g.decline_reason] += n;
    if (g.status === 'WITHDRAWN') t.withdrawn += n;
    if (g.status === 'SUBMITTED') t.pending += n;
    if (g.agreed !== null) t.assessedDecisions += n;
    if (g.agreed === 1) t.agreements += n;
  }
  for (const d of decided) tallyOf(d.quarter, d.mission_type).days.push(d.days_to_decision!);

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
