import { Phases } from '@werkbezoek/schema';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../db/pagination.js';
import type { MissionActivityTable, MissionTable } from './table.js';

interface Db {
  missions: MissionTable;
  mission_activities: MissionActivityTable;
}
/** The views these queries read, for callers that type their Kysely handle. */
export type { Db as MissionsDb };

export interface MissionFilter {
  /** SCHEDULED, COMPLETED, CANCELLED: any of them. */
  readonly status?: readonly string[];
  readonly regionCode?: string;
  /** Missions that involve this municipality. */
  readonly nisCode?: string;
  /** Missions this staff member accompanies. */
  readonly staffMemberId?: string;
  /** Missions whose dates overlap [from, to]. */
  readonly from?: string;
  readonly to?: string;
}

export interface ActivityView {
  readonly activityId: string;
  readonly missionId: string;
  readonly activity: string;
  readonly phase: string;
  readonly plannedOn: string;
  readonly staffMemberId: string;
  readonly staffName: string | null;
  readonly note: string | null;
  readonly doneOn: string | null;
  readonly daysSpent: number | null;
}

export interface MissionView {
  readonly missionId: string;
  readonly missionType: string;
  readonly status: string;
  readonly requestIds: string[];
  readonly jointMissionId: string | null;
  readonly twinningIds: string[];
  readonly nisCodes: string[];
  /** One per NIS code, in the same order; null where the municipality is unknown. */
  readonly municipalityNames: (string | null)[];
  readonly countryCode: string;
  readonly regionCode: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly staffMemberIds: string[];
  /** One per staff member id, in the same order; null where the staff member is unknown. */
  readonly staffNames: (string | null)[];
  readonly bookedDays: number;
  readonly reservedBudgetEur: number;
  readonly reportFiledOn: string | null;
  readonly reportAuthorStaffMemberId: string | null;
  readonly reportSummary: string | null;
  readonly completedOn: string | null;
  readonly daysSpent: number | null;
  readonly costEur: number | null;
  readonly cancelledOn: string | null;
  readonly cancellationReason: string | null;
  readonly activitiesPlanned: number;
  readonly activitiesDone: number;
  /** By phase (preparation, during, processing), then by the date planned. */
  readonly activities: ActivityView[];
}

const eur = (cents: number | null) => (cents === null ? null : cents / 100);
const list = <T = string>(text: string): T[] => JSON.parse(text) as T[];
const phaseOrder = (phase: string) => (Phases.codes as readonly string[]).indexOf(phase);

export function toActivityView(a: MissionActivityTable): ActivityView {
  return {
    activityId: a.activity_id,
    missionId: a.mission_id,
    activity: a.activity,
    phase: a.phase,
    plannedOn: a.planned_on,
    staffMemberId: a.staff_member_id,
    staffName: a.staff_name,
    note: a.note,
    doneOn: a.done_on,
    daysSpent: a.days_spent,
  };
}

export function toMissionView(m: MissionTable, activities: readonly MissionActivityTable[]): MissionView {
  return {
    missionId: m.mission_id,
    missionType: m.mission_type,
    status: m.status,
    requestIds: list(m.request_ids),
    jointMissionId: m.joint_mission_id,
    twinningIds: list(m.twinning_ids),
    nisCodes: list(m.nis_codes),
    municipalityNames: list<string | null>(m.municipality_names),
    countryCode: m.country_code,
    regionCode: m.region_code,
    startDate: m.start_date,
    endDate: m.end_date,
    staffMemberIds: list(m.staff_member_ids),
    staffNames: list<string | null>(m.staff_names),
    bookedDays: m.booked_days,
    reservedBudgetEur: m.reserved_budget_cents / 100,
    reportFiledOn: m.report_filed_on,
    reportAuthorStaffMemberId: m.report_author_staff_member_id,
    reportSummary: m.report_summary,
    completedOn: m.completed_on,
    daysSpent: m.days_spent,
    costEur: eur(m.cost_cents),
    cancelledOn: m.cancelled_on,
    cancellationReason: m.cancellation_reason,
    activitiesPlanned: m.activities_planned,
    activitiesDone: m.activities_done,
    activities: activities
      .filter((a) => a.mission_id === m.mission_id)
      .sort(
        (a, b) =>
          phaseOrder(a.phase) - phaseOrder(b.phase) ||
          a.planned_on.localeCompare(b.planned_on) ||
          a.activity_id.localeCompare(b.activity_id),
      )
      .map(toActivityView),
  };
}

/** The activities of these missions, in one query. */
async function activitiesOf(db: Kysely<Db>, missionIds: readonly string[]): Promise<MissionActivityTable[]> {
  if (missionIds.length === 0) return [];
  return db
    .selectFrom('mission_activities')
    .selectAll()
    .where('mission_id', 'in', [...missionIds])
    .execute();
}

/**
 * Rows whose JSON array of strings in `column` holds `value`: the element as
 * JSON.stringify wrote it, found with LIKE, which both dialects run alike.
 * Missions are few, so a scan of the filtered rows is cheap. (SQLite's LIKE
 * ignores ASCII case; ids and NIS codes are lower case or digits.)
 */
function holds(column: 'nis_codes' | 'staff_member_ids', value: string): RawBuilder<SqlBool> {
  const pattern = `%${JSON.stringify(value).replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '!'`;
}

export async function getMissionById(db: Kysely<Db>, missionId: string): Promise<MissionView | undefined> {
  const row = await db.selectFrom('missions').selectAll().where('mission_id', '=', missionId).executeTakeFirst();
  return row ? toMissionView(row, await activitiesOf(db, [missionId])) : undefined;
}

/** Missions, latest start first, filtered, in pages (cursor: start date and id), each with its activities. */
export async function listMissions(
  db: Kysely<Db>,
  filter: MissionFilter = {},
  page: PageRequest = {},
): Promise<Page<MissionView>> {
  const first = page.first ?? 50;
  let query = db.selectFrom('missions').selectAll();
  if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
  if (filter.regionCode) query = query.where('region_code', '=', filter.regionCode);
  if (filter.nisCode) query = query.where(holds('nis_codes', filter.nisCode));
  if (filter.staffMemberId) query = query.where(holds('staff_member_ids', filter.staffMemberId));
  if (filter.from) query = query.where('end_date', '>=', filter.from);
  if (filter.to) query = query.where('start_date', '<=', filter.to);
  const after = page.after ? decodeCursor<[string, string]>(page.after, ['string', 'string']) : undefined;
  if (after) {
    const [startDate, id] = after;
    query = query.where((eb) =>
      eb.or([eb('start_date', '<', startDate), eb.and([eb('start_date', '=', startDate), eb('mission_id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('start_date', 'desc')
    .orderBy('mission_id', 'desc')
    .limit(first + 1)
    .execute();
  const pageRows = rows.slice(0, first);
  const activities = await activitiesOf(
    db,
    pageRows.map((r) => r.mission_id),
  );
  // Grouped once: filtering every activity per mission is quadratic on a large page.
  const activitiesByMission = new Map<string, MissionActivityTable[]>();
  for (const a of activities) {
    const known = activitiesByMission.get(a.mission_id);
    if (known) known.push(a);
    else activitiesByMission.set(a.mission_id, [a]);
  }
  const nodes = pageRows.map((r) => toMissionView(r, activitiesByMission.get(r.mission_id) ?? []));
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor([node.startDate, node.missionId]), node })),
    hasNextPage: rows.length > first,
  };
}
