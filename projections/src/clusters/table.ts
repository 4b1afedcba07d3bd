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
    await db.schema.createIndex(`${t}_region`).ifNotExists().on(t).columns(['region_code', 'start_date']).execute();
  },
});
