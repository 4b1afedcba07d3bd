import type { CreateTableBuilder, Kysely, Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/**
 * One row per joint mission a planner proposed: its latest plan (an amendment
 * replaces all of it) and, once decided, the approval or the rejection.
 */
export interface JointMissionTable {
  joint_mission_id: string;
  /** PROPOSED, APPROVED, REJECTED */
  status: string;
  country_code: string;
  /** JSON array of ISO 3166-2 codes. */
  region_codes: string;
  mission_type: string;
  start_date: string;
  end_date: string;
  /** JSON array of the requests it covers. */
  request_ids: string;
  /** JSON array of the NIS codes of the municipalities it takes along. */
  nis_codes: string;
  /** JSON array of municipality names, one per NIS code in the same order (null where unknown). */
  municipality_names: string;
  rationale: string;
  estimated_cost_cents: number | null;
  proposed_on: string;
  /** The role of whoever proposed it; never their id (a coordinator's id is personal data). */
  proposed_by_role: string;
  amended_count: number;
  last_amended_on: string | null;
  approved_on: string | null;
  rejected_on: string | null;
  /** JSON array of the staff members named in the approval; "[]" before it. */
  staff_member_ids: string;
  /** JSON array of staff names, one per staff member id (null where unknown). */
  staff_names: string;
  budget_cents: number | null;
  /** The one mission the approval scheduled. */
  mission_id: string | null;
  rejection_reason: string | null;
  /** The note made with the approval. */
  note: string | null;
}
export type JointMissionRow = Selectable<JointMissionTable>;

/** One row per proactive regional event (conference, workshop, south-south exchange). */
export interface RegionalEventTable {
  regional_event_id: string;
  /** PROPOSED, APPROVED, REJECTED */
  status: string;
  /** CONFERENCE, WORKSHOP, SOUTH_SOUTH_EXCHANGE */
  kind: string;
  title: string;
  country_code: string;
  /** JSON array of ISO 3166-2 codes. */
  region_codes: string;
  start_date: string;
  end_date: string;
  /** JSON array of policy-domain codes. */
  themes: string;
  /** JSON array of the NIS codes of the municipalities invited. */
  invited_nis_codes: string;
  /** JSON array of their names, in the same order (null where unknown). */
  invited_names: string;
  estimated_cost_cents: number | null;
  proposed_on: string;
  proposed_by_role: string;
  amended_count: number;
  last_amended_on: string | null;
  approved_on: string | null;
  rejected_on: string | null;
  staff_member_ids: string;
  staff_names: string;
  budget_cents: number | null;
  rejection_reason: string | null;
  note: string | null;
}
export type RegionalEventRow = Selectable<RegionalEventTable>;

/** One row per event of a joint mission or regional event: what happened, when, and in which role. */
export interface PlanningHistoryTable {
  /** The joint mission's or the regional event's id. */
  plan_id: string;
  /** The event's revision in the plan's stream: the history's order. */
  seq: number;
  /** JOINT_MISSION or REGIONAL_EVENT */
  plan_kind: string;
  /** The event type, e.g. JointMissionAmended. */
  event_type: string;
  /** The day it happened: the date the event names, else the day it occurred. */
  occurred_on: string;
  /** The actor's role; never the actor's id. */
  actor_role: string;
}
export type PlanningHistoryRow = Selectable<PlanningHistoryTable>;

const PLAN_INDEXES = [['status'], ['country_code', 'start_date'], ['start_date']];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kysely types each added column; these builders only chain
type Builder = CreateTableBuilder<string, any>;

/** The columns a joint mission and a regional event share: where and when, the estimate, and the lifecycle. */
const planColumns = (b: Builder): Builder =>
  b
    .addColumn('country_code', 'text', (c) => c.notNull())
    .addColumn('region_codes', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('estimated_cost_cents', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_on', 'text', (c) => c.notNull())
    .addColumn('proposed_by_role', 'text', (c) => c.notNull())
    .addColumn('amended_count', 'integer', (c) => c.notNull())
    .addColumn('last_amended_on', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('rejected_on', 'text')
    .addColumn('staff_member_ids', 'text', (c) => c.notNull())
    .addColumn('staff_names', 'text', (c) => c.notNull())
    .addColumn('budget_cents', 'integer')
    .addColumn('rejection_reason', 'text')
    .addColumn('note', 'text');

async function planIndexes(db: Kysely<unknown>, t: string): Promise<void> {
  for (const columns of PLAN_INDEXES) {
    await db.schema
      .createIndex(`${t}_${columns.join('_')}`)
      .ifNotExists()
      .on(t)
      .columns(columns)
      .execute();
  }
}

export const jointMissions = defineTable<JointMissionTable>({
  name: 'joint_missions',
  key: ['joint_mission_id'],
  create: async (db, t) => {
    await planColumns(
      db.schema
        .createTable(t)
        .ifNotExists()
        .addColumn('joint_mission_id', 'text', (c) => c.primaryKey())
        .addColumn('mission_type', 'text', (c) => c.notNull())
        .addColumn('request_ids', 'text', (c) => c.notNull())
        .addColumn('nis_codes', 'text', (c) => c.notNull())
        .addColumn('municipality_names', 'text', (c) => c.notNull())
        .addColumn('rationale', 'text', (c) => c.notNull())
        .addColumn('mission_id', 'text'),
    ).execute();
    await planIndexes(db, t);
  },
});

export const regionalEvents = defineTable<RegionalEventTable>({
  name: 'regional_events',
  key: ['regional_event_id'],
  create: async (db, t) => {
    await planColumns(
      db.schema
        .createTable(t)
        .ifNotExists()
        .addColumn('regional_event_id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('themes', 'text', (c) => c.notNull())
        .addColumn('invited_nis_codes', 'text', (c) => c.notNull())
        .addColumn('invited_names', 'text', (c) => c.notNull()),
    ).execute();
    await planIndexes(db, t);
  },
});

export const planningHistory = defineTable<PlanningHistoryTable>({
  name: 'planning_history',
  key: ['plan_id', 'seq'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('plan_kind', 'text', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('occurred_on', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['plan_id', 'seq'])
      .execute();
  },
});
