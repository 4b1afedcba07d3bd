import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { decodeCursor, edgesOf, type Page, type PageRequest } from '../db/pagination.js';
import type { JointMissionTable, PlanningHistoryTable, RegionalEventTable } from './table.js';

interface Db {
  joint_missions: JointMissionTable;
  regional_events: RegionalEventTable;
  planning_history: PlanningHistoryTable;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as PlanningDb };

/** What both lists filter on. */
export interface PlanFilter {
  /** PROPOSED, APPROVED, REJECTED: any of them. */
  readonly status?: readonly string[];
  readonly countryCode?: string;
  /** Plans that name this region among theirs. */
  readonly regionCode?: string;
  /** Plans whose dates overlap [from, to]. */
  readonly from?: string;
  readonly to?: string;
}

export interface RegionalEventFilter extends PlanFilter {
  /** CONFERENCE, WORKSHOP, SOUTH_SOUTH_EXCHANGE: any of them. */
  readonly kind?: readonly string[];
}

/** What a joint mission and a regional event have alike. */
interface PlanView {
  readonly status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  readonly countryCode: string;
  readonly regionCodes: string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly estimatedCostEur: number | null;
  readonly proposedOn: string;
  /** The role of whoever proposed it (never their id). */
  readonly proposedByRole: string;
  readonly amendedCount: number;
  readonly lastAmendedOn: string | null;
  readonly approvedOn: string | null;
  readonly rejectedOn: string | null;
  /** Named in the approval; empty before it. */
  readonly staffMemberIds: string[];
  /** One per staff member id, in the same order; null where unknown. */
  readonly staffNames: (string | null)[];
  readonly budgetEur: number | null;
  readonly rejectionReason: string | null;
  readonly note: string | null;
}

export interface JointMissionView extends PlanView {
  readonly jointMissionId: string;
  readonly missionType: string;
  readonly requestIds: string[];
  readonly nisCodes: string[];
  /** One per NIS code, in the same order; null where the municipality is unknown. */
  readonly municipalityNames: (string | null)[];
  readonly rationale: string;
  /** The one mission the approval scheduled. */
  readonly missionId: string | null;
}

export interface RegionalEventView extends PlanView {
  readonly regionalEventId: string;
  readonly kind: string;
  readonly title: string;
  readonly themes: string[];
  readonly invitedNisCodes: string[];
  /** One per invited NIS code, in the same order; null where unknown. */
  readonly invitedNames: (string | null)[];
}

export interface PlanningHistoryEntry {
  /** The event type, e.g. JointMissionApproved. */
  readonly type: string;
  readonly on: string;
  readonly actorRole: string;
}

const eur = (cents: number | null) => (cents === null ? null : Number(cents) / 100);
const list = <T = string>(text: string): T[] => JSON.parse(text) as T[];

type PlanColumns = Omit<JointMissionTable, 'joint_mission_id' | 'mission_type' | 'request_ids' | 'nis_codes'>;

function toPlanView(r: Omit<PlanColumns, 'municipality_names' | 'rationale' | 'mission_id'>): PlanView {
  return {
    status: r.status as PlanView['status'],
    countryCode: r.country_code,
    regionCodes: list(r.region_codes),
    startDate: r.start_date,
    endDate: r.end_date,
    estimatedCostEur: eur(r.estimated_cost_cents),
    proposedOn: r.proposed_on,
    proposedByRole: r.proposed_by_role,
    amendedCount: Number(r.amended_count),
    lastAmendedOn: r.last_amended_on,
    approvedOn: r.approved_on,
    rejectedOn: r.rejected_on,
    staffMemberIds: list(r.staff_member_ids),
    staffNames: list<string | null>(r.staff_names),
    budgetEur: eur(r.budget_cents),
    rejectionReason: r.rejection_reason,
    note: r.note,
  };
}

export function toJointMissionView(r: JointMissionTable): JointMissionView {
  return {
    jointMissionId: r.joint_mission_id,
    ...toPlanView(r),
    missionType: r.mission_type,
    requestIds: list(r.request_ids),
    nisCodes: list(r.nis_codes),
    municipalityNames: list<string | null>(r.municipality_names),
    rationale: r.rationale,
    missionId: r.mission_id,
  };
}

export function toRegionalEventView(r: RegionalEventTable): RegionalEventView {
  return {
    regionalEventId: r.regional_event_id,
    ...toPlanView(r),
    kind: r.kind,
    title: r.title,
    themes: list(r.themes),
    invitedNisCodes: list(r.invited_nis_codes),
    invitedNames: list<string | null>(r.invited_names),
  };
}

/**
 * Rows whose JSON array of strings in `column` holds `value`, found with LIKE
 * on the element as JSON.stringify wrote it, which both dialects run alike
 * (as the missions list does for its NIS codes).
 */
function holds(column: string, value: string): RawBuilder<SqlBool> {
  const pattern = `%${JSON.stringify(value).replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '!'`;
}

/** The conditions of a filter, on the columns both plan tables share. */
function conditions(filter: PlanFilter & { readonly kind?: readonly string[] }): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  const oneOf = (column: string, values: readonly string[]) =>
    sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.val(v)))})`;
  if (filter.status?.length) where.push(oneOf('status', filter.status));
  if (filter.kind?.length) where.push(oneOf('kind', filter.kind));
  if (filter.countryCode) where.push(sql<SqlBool>`${sql.ref('country_code')} = ${filter.countryCode}`);
  if (filter.regionCode) where.push(holds('region_codes', filter.regionCode));
  if (filter.from) where.push(sql<SqlBool>`${sql.ref('end_date')} >= ${filter.from}`);
  if (filter.to) where.push(sql<SqlBool>`${sql.ref('start_date')} <= ${filter.to}`);
  return where;
}

/** Rows after the cursor in the lists' order: start date, then id, both descending. */
function after(idColumn: string, cursor: string | undefined): RawBuilder<SqlBool>[] {
  if (!cursor) return [];
  const [startDate, id] = decodeCursor<[string, string]>(cursor, ['string', 'string']);
  return [
    sql<SqlBool>`(${sql.ref('start_date')} < ${startDate} or (${sql.ref('start_date')} = ${startDate} and ${sql.ref(idColumn)} < ${id}))`,
  ];
}

export async function getJointMissionById(
  db: Kysely<Db>,
  jointMissionId: string,
): Promise<JointMissionView | undefined> {
  const row = await db
    .selectFrom('joint_missions')
    .selectAll()
    .where('joint_mission_id', '=', jointMissionId)
    .executeTakeFirst();
  return row ? toJointMissionView(row) : undefined;
}

/** Joint missions, latest start first, filtered, in pages (cursor: start date and id). */
export async function listJointMissions(
  db: Kysely<Db>,
  filter: PlanFilter = {},
  page: PageRequest = {},
): Promise<Page<JointMissionView>> {
  const first = page.first ?? 50;
  let query = db.selectFrom('joint_missions').selectAll();
  for (const c of [...conditions(filter), ...after('joint_mission_id', page.after)]) query = query.where(c);
  const rows = await query
    .orderBy('start_date', 'desc')
    .orderBy('joint_mission_id', 'desc')
    .limit(first + 1)
    .execute();
  const nodes = rows.slice(0, first).map(toJointMissionView);
  return { edges: edgesOf(nodes, (n) => [n.startDate, n.jointMissionId]), hasNextPage: rows.length > first };
}

export async function getRegionalEventById(
  db: Kysely<Db>,
  regionalEventId: string,
): Promise<RegionalEventView | undefined> {
  const row = await db
    .selectFrom('regional_events')
    .selectAll()
    .where('regional_event_id', '=', regionalEventId)
    .executeTakeFirst();
  return row ? toRegionalEventView(row) : undefined;
}

/** Regional events, latest start first, filtered, in pages (cursor: start date and id). */
export async function listRegionalEvents(
  db: Kysely<Db>,
  filter: RegionalEventFilter = {},
  page: PageRequest = {},
): Promise<Page<RegionalEventView>> {
  const first = page.first ?? 50;
  let query = db.selectFrom('regional_events').selectAll();
  for (const c of [...conditions(filter), ...after('regional_event_id', page.after)]) query = query.where(c);
  const rows = await query
    .orderBy('start_date', 'desc')
    .orderBy('regional_event_id', 'desc')
    .limit(first + 1)
    .execute();
  const nodes = rows.slice(0, first).map(toRegionalEventView);
  return { edges: edgesOf(nodes, (n) => [n.startDate, n.regionalEventId]), hasNextPage: rows.length > first };
}

/** What happened to a joint mission or regional event, oldest first: each event's type, day and actor's role. */
export async function getPlanningHistory(db: Kysely<Db>, planId: string): Promise<PlanningHistoryEntry[]> {
  const rows = await db
    .selectFrom('planning_history')
    .select(['event_type', 'occurred_on', 'actor_role'])
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ type: r.event_type, on: r.occurred_on, actorRole: r.actor_role }));
}
