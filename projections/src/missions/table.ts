import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/** One row per mission (accompanied visit or joint regional mission), from scheduling to completion or cancellation. */
export interface MissionTable {
  mission_id: string;
  mission_type: string;
  /** SCHEDULED, COMPLETED, CANCELLED */
  status: string;
  /** JSON array of the requests the mission serves (empty for a proactive joint mission). */
  request_ids: string;
  joint_mission_id: string | null;
  /** JSON array of twinning ids. */
  twinning_ids: string;
  /** JSON array of NIS codes. */
  nis_codes: string;
  /** JSON array of municipality names, one per NIS code in the same order (null where the municipality is unknown). */
  municipality_names: string;
  country_code: string;
  region_code: string;
  start_date: string;
  end_date: string;
  /** JSON array of staff member ids. */
  staff_member_ids: string;
  /** JSON array of staff names, one per staff member id in the same order (null where unknown). */
  staff_names: string;
  booked_days: number;
  reserved_budget_cents: number;
  report_filed_on: string | null;
  report_author_staff_member_id: string | null;
  report_summary: string | null;
  completed_on: string | null;
  days_spent: number | null;
  cost_cents: number | null;
  cancelled_on: string | null;
  cancellation_reason: string | null;
  activities_planned: number;
  activities_done: number;
}
export type MissionRow = Selectable<MissionTable>;

/** One row per activity of a staff member in a mission's preparation, visit or processing. */
export interface MissionActivityTable {
  activity_id: string;
  mission_id: string;
  /** The activity code (see the `activity` vocabulary). */
  activity: string;
  /** PREPARATION, DURING, PROCESSING: the activity's phase in the vocabulary. */
  phase: string;
  planned_on: string;
  staff_member_id: string;
  staff_name: string | null;
  /** The note made when the activity was done, else the one made when it was planned. */
  note: string | null;
  done_on: string | null;
  days_spent: number | null;
}
export type MissionActivityRow = Selectable<MissionActivityTable>;

export const missions = defineTable<MissionTable>({
  name: 'missions',
  key: ['mission_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('mission_id', 'text', (c) => c.primaryKey())
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('request_ids', 'text', (c) => c.notNull())
      .addColumn('joint_mission_id', 'text')
      .addColumn('twinning_ids', 'text', (c) => c.notNull())
      .addColumn('nis_codes', 'text', (c) => c.notNull())
      .addColumn('municipality_names', 'text', (c) => c.notNull())
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('staff_member_ids', 'text', (c) => c.notNull())
      .addColumn('staff_names', 'text', (c) => c.notNull())
      // Half days: PostgreSQL's `real` would round larger sums, so both dialects keep doubles.
      .addColumn('booked_days', 'double precision', (c) => c.notNull())
      .addColumn('reserved_budget_cents', 'integer', (c) => c.notNull())
      .addColumn('report_filed_on', 'text')
      .addColumn('report_author_staff_member_id', 'text')
      .addColumn('report_summary', 'text')
      .addColumn('completed_on', 'text')
      .addColumn('days_spent', 'double precision')
      .addColumn('cost_cents', 'integer')
      .addColumn('cancelled_on', 'text')
      .addColumn('cancellation_reason', 'text')
      .addColumn('activities_planned', 'integer', (c) => c.notNull())
      .addColumn('activities_done', 'integer', (c) => c.notNull())
      .execute();
    // The last one serves the list's order (start date, then id, both descending).
    for (const columns of [['status'], ['region_code', 'start_date'], ['start_date', 'mission_id']]) {
      await db.schema
        .createIndex(`${t}_${columns.join('_')}`)
        .ifNotExists()
        .on(t)
        .columns(columns)
        .execute();
    }
  },
});

export const missionActivities = defineTable<MissionActivityTable>({
  name: 'mission_activities',
  key: ['activity_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('activity_id', 'text', (c) => c.primaryKey())
      .addColumn('mission_id', 'text', (c) => c.notNull())
      .addColumn('activity', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('planned_on', 'text', (c) => c.notNull())
      .addColumn('staff_member_id', 'text', (c) => c.notNull())
      .addColumn('staff_name', 'text')
      .addColumn('note', 'text')
      .addColumn('done_on', 'text')
      .addColumn('days_spent', 'double precision')
      .execute();
    await db.schema.createIndex(`${t}_mission_id`).ifNotExists().on(t).column('mission_id').execute();
  },
});
