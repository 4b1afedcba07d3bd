import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/**
 * One row per visit to a southern region: a request, or a mission (which may
 * take several municipalities along). A request served by a mission that is
 * not cancelled shows as that mission, so one visit is never counted twice.
 */
export interface ClusterVisitTable {
  /** The request id or the mission id. */
  visit_id: string;
  /** REQUEST or MISSION */
  kind: string;
  /** JSON array of the NIS codes of the Flemish municipalities visiting. */
  nis_codes: string;
  /** JSON array of the twinnings visited. */
  twinning_ids: string;
  /** Null for a request whose twinning the projection does not know. */
  country_code: string | null;
  region_code: string | null;
  mission_type: string;
  start_date: string;
  end_date: string;
  /** A request: SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN; a mission: SCHEDULED, COMPLETED, CANCELLED. */
  status: string;
  /** A request: the mission that serves it, while that mission is not cancelled. */
  mission_id: string | null;
  /** A mission: JSON array of the requests it serves; a request: "[]". */
  request_ids: string;
}
export type ClusterVisitRow = Selectable<ClusterVisitTable>;

export const clusterVisits = defineTable<ClusterVisitTable>({
  name: 'clusters_visits',
  key: ['visit_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('visit_id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('nis_codes', 'text', (c) => c.notNull())
      .addColumn('twinning_ids', 'text', (c) => c.notNull())
      .addColumn('country_code', 'text')
      .addColumn('region_code', 'text')
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('mission_id', 'text')
      .addColumn('request_ids', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${t}_dates`).ifNotExists().on(t).columns(['start_date', 'end_date']).execute();
    // The planner asks for periods ahead, which most of the history ends before: by end first, its visits are a short range.
    await db.schema.createIndex(`${t}_ends`).ifNotExists().on(t).columns(['end_date', 'start_date']).execute();
    // Not also (region, start): without statistics SQLite took that one for a region's period, reading every visit
    // of the region since the history began (issue 16: 250 ms for a country's year at 1.3 million events, 35 ms by end).
    await db.schema
      .createIndex(`${t}_region_ends`)
      .ifNotExists()
      .on(t)
      .columns(['region_code', 'end_date', 'start_date'])
      .execute();
  },
});

/**
 * One row per joint mission or regional event, so a region's cluster shows
 * what is already planned there beside the visits that could still combine.
 */
export interface ClusterPlanTable {
  /** The joint mission's or the regional event's id. */
  plan_id: string;
  /** JOINT_MISSION or REGIONAL_EVENT */
  plan_kind: string;
  /** PROPOSED, APPROVED, REJECTED */
  status: string;
  country_code: string;
  /** JSON array of ISO 3166-2 codes. */
  region_codes: string;
  start_date: string;
  end_date: string;
  /** JSON array of NIS codes: the municipalities a joint mission takes along, or those an event invites. */
  nis_codes: string;
  /** A joint mission's mission type; null for an event. */
  mission_type: string | null;
  /** A regional event's kind and title; null for a joint mission. */
  event_kind: string | null;
  title: string | null;
}
export type ClusterPlanRow = Selectable<ClusterPlanTable>;

export const clusterPlans = defineTable<ClusterPlanTable>({
  name: 'clusters_plans',
  key: ['plan_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('plan_id', 'text', (c) => c.primaryKey())
      .addColumn('plan_kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('region_codes', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('nis_codes', 'text', (c) => c.notNull())
      .addColumn('mission_type', 'text')
      .addColumn('event_kind', 'text')
      .addColumn('title', 'text')
      .execute();
    await db.schema.createIndex(`${t}_dates`).ifNotExists().on(t).columns(['start_date', 'end_date']).execute();
  },
});

/**
 * When each southern region's visits or plans last changed, by the position
 * of the event that changed them (issue 16): a planner's ranking is kept per
 * region (and per country, which its joint missions never cross) and worked
 * out again only for those whose position moved. Positions, not a clock, so a
 * rebuild writes the same rows.
 */
export interface ClusterRegionTable {
  region_code: string;
  country_code: string;
  /** The global position of the last event that changed a visit or plan of the region, as decimal text. */
  changed_at: string;
}
export type ClusterRegionRow = Selectable<ClusterRegionTable>;

export const clusterRegions = defineTable<ClusterRegionTable>({
  name: 'clusters_regions',
  key: ['region_code'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('region_code', 'text', (c) => c.primaryKey())
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
  },
});
