import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/**
 * One fact row per request: what the projection needs to move a request
 * from one cell of the aggregates below to another when it changes. The
 * dashboards read the aggregates, never these rows.
 */
export interface DashboardRequestTable {
  request_id: string;
  /** YYYY-Qn of the submission date. */
  quarter: string;
  /** The latest mission type (an amendment may change it). */
  mission_type: string;
  /** The country of the request's twinning when it was submitted; null when the twinning was unknown. */
  country_code: string | null;
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

/** Every country together, in the `country_code` of the aggregates: what the unfiltered dashboard reads. */
export const ALL_COUNTRIES = '*';

/**
 * How many requests share a quarter, mission type, country and outcome.
 * Each request counts once under its country and once under ALL_COUNTRIES
 * (a request of an unknown twinning only there), so a dashboard reads a few
 * hundred rows whatever the number of requests. Rows at zero are deleted.
 */
export interface DashboardCountTable {
  /** ALL_COUNTRIES or an ISO 3166-1 alpha-2 code. */
  country_code: string;
  quarter: string;
  mission_type: string;
  status: string;
  /** '' unless declined. */
  decline_reason: string;
  /** AGREED, DISAGREED or UNASSESSED (also for undecided requests): `agreed` of the fact row. */
  agreement: string;
  n: number;
}

/**
 * How many decided requests of a quarter, mission type and country took a
 * number of days to their decision: a histogram, from which a median of any
 * grouping is exact (a median does not combine across cells; counts do).
 */
export interface DashboardDaysTable {
  country_code: string;
  quarter: string;
  mission_type: string;
  days: number;
  n: number;
}

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
      .addColumn('country_code', 'text')
      .addColumn('submitted_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decline_reason', 'text')
      .addColumn('recommendation', 'text')
      .addColumn('recommended_decline_reason', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('days_to_decision', 'integer')
      .addColumn('agreed', 'integer')
      .execute();
  },
});

const countKey = ['country_code', 'quarter', 'mission_type', 'status', 'decline_reason', 'agreement'] as const;

export const dashboardCounts = defineTable<DashboardCountTable>({
  name: 'dashboard_counts',
  // The key leads with what a dashboard asks (a country, a range of quarters), so it serves the read.
  key: [...countKey],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('decline_reason', 'text', (c) => c.notNull())
      .addColumn('agreement', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, [...countKey])
      .execute();
  },
});

const daysKey = ['country_code', 'quarter', 'mission_type', 'days'] as const;

export const dashboardDays = defineTable<DashboardDaysTable>({
  name: 'dashboard_days',
  key: [...daysKey],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('quarter', 'text', (c) => c.notNull())
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, [...daysKey])
      .execute();
  },
});
