import { DeclineReasons, MissionTypes, ValidationError, type DeclineReason } from '@werkbezoek/schema';
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import { compiledShape } from '../db/compiledShapes.js';
import type { DialectName, ReadModelDb } from '../db/database.js';
import type { RequestTable } from '../requests/table.js';
import type { DashboardRequestTable } from './table.js';

interface Db {
  dashboard_requests: DashboardRequestTable;
  requests: RequestTable;
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

/** One row per quarter and mission type with requests: its counts, and its days to a decision as "7,11,9". */
interface Cell {
  readonly quarter: string;
  readonly mission_type: string;
  readonly submitted: number | string;
  readonly accepted: number | string;
  readonly withdrawn: number | string;
  readonly pending: number | string;
  readonly assessed: number | string;
  readonly agreements: number | string;
  readonly days: string | null;
  readonly [declined: `declined_${string}`]: number | string;
}

const countWhere = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
const is = (column: string, value: string | number) => sql`${sql.ref(column)} = ${sql.lit(value)}`;

/**
 * The dashboard's one query: the database counts every cell, and hands back
 * each cell's days to a decision as a list, because a median does not
 * combine across cells and SQLite has no percentile function. Only the
 * period (and mission type) are parameters, so each shape is compiled once.
 */
function cellsQuery(db: Kysely<Db>, dialect: DialectName, q: DashboardQuery): CompiledQuery<Cell> {
  const days =
    dialect === 'postgres'
      ? sql<string | null>`string_agg(days_to_decision::text, ',')`
      : sql<string | null>`group_concat(days_to_decision)`;
  let query = db
    .selectFrom('dashboard_requests')
    .select([
      'quarter',
      'mission_type',
      sql<number>`count(*)`.as('submitted'),
      countWhere(is('status', 'ACCEPTED')).as('accepted'),
      ...DeclineReasons.codes.map((code) =>
        countWhere(sql`${is('status', 'DECLINED')} and ${is('decline_reason', code)}`).as(`declined_${code}`),
      ),
      countWhere(is('status', 'WITHDRAWN')).as('withdrawn'),
      countWhere(is('status', 'SUBMITTED')).as('pending'),
      countWhere(sql`agreed is not null`).as('assessed'),
      countWhere(is('agreed', 1)).as('agreements'),
      days.as('days'),
    ])
    .where('quarter', '>=', q.fromQuarter)
    .where('quarter', '<=', q.toQuarter);
  if (q.missionType) query = query.where('mission_type', '=', q.missionType);
  // The request list knows each request's country; the dashboard's facts need not repeat it.
  if (q.countryCode)
    query = query.where('request_id', 'in', (eb) =>
      eb.selectFrom('requests').select('request_id').where('country_code', '=', q.countryCode!),
    );
  return query.groupBy(['quarter', 'mission_type']).compile();
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
  const parameters = [q.fromQuarter, q.toQuarter, q.missionType, q.countryCode].filter((p) => p !== undefined);
  const shape = `dashboard${q.missionType ? ': one mission type' : ''}${q.countryCode ? ': one country' : ''}`;
  const { rows: found } = await db.executeQuery(
    compiledShape(db, shape, parameters, () => cellsQuery(db, readModels.dialect, q)),
  );

  // PostgreSQL sums are numerics, which arrive as strings.
  const tallies = new Map<string, Tally>();
  for (const c of found) {
    tallies.set(`${c.quarter}/${c.mission_type}`, {
      submitted: Number(c.submitted),
      accepted: Number(c.accepted),
      declinedByReason: Object.fromEntries(
        DeclineReasons.codes.map((code) => [code, Number(c[`declined_${code}`])]),
      ) as Record<DeclineReason, number>,
      withdrawn: Number(c.withdrawn),
      pending: Number(c.pending),
      assessedDecisions: Number(c.assessed),
      agreements: Number(c.agreements),
      days: c.days ? c.days.split(',').map(Number) : [],
    });
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
