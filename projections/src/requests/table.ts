import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/** One row per accompaniment request, with its latest assessment, decision and mission. */
export interface RequestTable {
  request_id: string;
  twinning_id: string;
  nis_code: string;
  municipality_name: string | null;
  partner_name: string | null;
  country_code: string | null;
  region_code: string | null;
  mission_type: string;
  /** SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN, COMPLETED */
  status: string;
  start_date: string;
  end_date: string;
  delegation_size: number;
  programme: string | null;
  /** JSON array of policy-domain codes. */
  policy_domains: string;
  /** JSON array of the reasons the municipality claims. */
  claimed_reasons: string;
  notes: string | null;
  submitted_on: string;
  submitted_position: string;
  amended_count: number;
  withdrawal_reason: string | null;
  decided_on: string | null;
  decline_reason: string | null;
  decision_note: string | null;
  staff_member_id: string | null;
  staff_member_name: string | null;
  mission_id: string | null;
  /** SCHEDULED, COMPLETED, CANCELLED */
  mission_status: string | null;
  booked_days: number | null;
  reserved_budget_cents: number | null;
  cost_cents: number | null;
  days_spent: number | null;
  completed_on: string | null;
  assessment_count: number;
  /** The latest assessment, flattened; JSON arrays for the reason lists and explanations. */
  assessed_on: string | null;
  assessment_trigger: string | null;
  recommendation: string | null;
  recommended_decline_reason: string | null;
  opportune: number | null;
  required_reasons: number | null;
  satisfied_reasons: string | null;
  derived_reasons: string | null;
  days_needed: number | null;
  free_staff_days: number | null;
  staff_time_available: number | null;
  estimated_cost_cents: number | null;
  unreserved_budget_cents: number | null;
  budget_available: number | null;
  explanation_nl: string | null;
  explanation_en: string | null;
  policy_version: string | null;
}
export type RequestRow = Selectable<RequestTable>;

/** Which requests a mission serves: the way from mission events back to request rows. */
export interface RequestMissionTable {
  mission_id: string;
  request_ids: string;
}

export const requests = defineTable<RequestTable>({
  name: 'requests',
  key: ['request_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('request_id', 'text', (c) => c.primaryKey())
      .addColumn('twinning_id', 'text', (c) => c.notNull())
      .addColumn('nis_code', 'text', (c) => c.notNull())
      .addColumn('municipality_name', 'text')
      .addColumn('partner_name', 'text')
      .addColumn('country_code', 'text')
      .addColumn('region_code', 'text')
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('delegation_size', 'integer', (c) => c.notNull())
      .addColumn('programme', 'text')
      .addColumn('policy_domains', 'text', (c) => c.notNull())
      .addColumn('claimed_reasons', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('submitted_position', 'text', (c) => c.notNull())
      .addColumn('amended_count', 'integer', (c) => c.notNull())
      .addColumn('withdrawal_reason', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('decline_reason', 'text')
      .addColumn('decision_note', 'text')
      .addColumn('staff_member_id', 'text')
      .addColumn('staff_member_name', 'text')
      .addColumn('mission_id', 'text')
      .addColumn('mission_status', 'text')
      .addColumn('booked_days', 'real')
      .addColumn('reserved_budget_cents', 'integer')
      .addColumn('cost_cents', 'integer')
      .addColumn('days_spent', 'real')
      .addColumn('completed_on', 'text')
      .addColumn('assessment_count', 'integer', (c) => c.notNull())
      .addColumn('assessed_on', 'text')
      .addColumn('assessment_trigger', 'text')
      .addColumn('recommendation', 'text')
      .addColumn('recommended_decline_reason', 'text')
      .addColumn('opportune', 'integer')
      .addColumn('required_reasons', 'integer')
      .addColumn('satisfied_reasons', 'text')
      .addColumn('derived_reasons', 'text')
      .addColumn('days_needed', 'real')
      .addColumn('free_staff_days', 'real')
      .addColumn('staff_time_available', 'integer')
      .addColumn('estimated_cost_cents', 'integer')
      .addColumn('unreserved_budget_cents', 'integer')
      .addColumn('budget_available', 'integer')
      .addColumn('explanation_nl', 'text')
      .addColumn('explanation_en', 'text')
      .addColumn('policy_version', 'text')
      .execute();
    // Lists are newest first (submitted_on, request_id): after an equality filter the
    // index yields its rows in that order, so a page reads its rows and no more, unsorted.
    for (const columns of [
      ['status', 'submitted_on', 'request_id'],
      ['nis_code', 'submitted_on', 'request_id'],
      ['country_code', 'submitted_on', 'request_id'],
      ['region_code', 'start_date'],
      ['mission_type'],
      ['submitted_on', 'request_id'],
    ]) {
      await db.schema
        .createIndex(`${t}_${columns.join('_')}`)
        .ifNotExists()
        .on(t)
        .columns(columns)
        .execute();
    }
  },
});

export const requestMissions = defineTable<RequestMissionTable>({
  name: 'request_missions',
  key: ['mission_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('mission_id', 'text', (c) => c.primaryKey())
      .addColumn('request_ids', 'text', (c) => c.notNull())
      .execute();
  },
});
