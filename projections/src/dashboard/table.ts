import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/**
 * One fact row per request; the dashboards aggregate them at query time, so
 * any grouping (quarter, mission type, both, neither) stays exact, medians
 * included.
 */
export interface DashboardRequestTable {
  request_id: string;
  /** YYYY-Qn of the submission date. */
  quarter: string;
  /** The latest mission type (an amendment may change it). */
  mission_type: string;
  submitted_on: string;
  /** SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN */
  status: string;
  decline_reason: string | null;
  /** The latest assessment's recommendation while undecided; at the decision, the one the decision followed or not. */
  recommendation: string | null;
  recommended_decline_reason: string | null;
  decided_on: string | null;
  /** Calendar days from submission to decision. */
  days_to_decision: number | null;
  /** 1 when the decision matched the recommendation in force (a decline with the same reason), 0 when not, null when undecided or decided unassessed. */
  agreed: number | null;
}
export type DashboardRequestRow = Selectable<DashboardRequestTable>;

export const dashboardRequests = defineTable<DashboardRequestTable>({
  name: 'dashboard_requests',
  key: ['request_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('request_id', 'text', (c) => c.primaryKey())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decline_reason', 'text')
      .addColumn('recommendation', 'text')
      .addColumn('recommended_decline_reason', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('days_to_decision', 'integer')
      .addColumn('agreed', 'integer')
      .execute();
    await db.schema.createIndex(`${t}_quarter`).ifNotExists().on(t).columns(['quarter', 'mission_type']).execute();
  },
});
