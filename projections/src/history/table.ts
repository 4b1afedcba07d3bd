import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/**
 * One row per work visit of one municipality: a request (whatever became of
 * it), or a mission that visits the municipality without a request of its own
 * (a joint regional mission). The accompaniment history of a municipality is
 * its rows; whether a visit was accompanied depends on the day one asks, so
 * queries derive it from `mission_status` and the dates.
 */
export interface VisitTable {
  /** The request id, or `<mission id>/<NIS code>` for a mission without a request of that municipality. */
  visit_id: string;
  /** REQUEST or MISSION */
  kind: string;
  nis_code: string;
  request_id: string | null;
  mission_id: string | null;
  /** The joint mission that serves the visit, named by its acceptance or its mission; null for a visit on its own. */
  joint_mission_id: string | null;
  mission_type: string;
  start_date: string;
  end_date: string;
  /** The request's status: SUBMITTED, ACCEPTED, DECLINED, WITHDRAWN; null for a mission without a request. */
  status: string | null;
  /** SCHEDULED, COMPLETED, CANCELLED; null while no mission serves the visit. */
  mission_status: string | null;
  /** The mission's dates, which for a joint mission may differ from the requested ones. */
  mission_start_date: string | null;
  mission_end_date: string | null;
  /** JSON array of { staffMemberId, name } accompanying the visit (the mission's staff once scheduled). */
  staff: string;
  decline_reason: string | null;
  submitted_on: string | null;
  decided_on: string | null;
  completed_on: string | null;
}
export type VisitRow = Selectable<VisitTable>;

/** The visit rows a mission updates: mission events name only the mission. */
export interface VisitMissionTable {
  mission_id: string;
  /** JSON array of visit ids. */
  visit_ids: string;
}

export const historyVisits = defineTable<VisitTable>({
  name: 'history_visits',
  key: ['visit_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('visit_id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('nis_code', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text')
      .addColumn('mission_id', 'text')
      .addColumn('joint_mission_id', 'text')
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text', (c) => c.notNull())
      .addColumn('status', 'text')
      .addColumn('mission_status', 'text')
      .addColumn('mission_start_date', 'text')
      .addColumn('mission_end_date', 'text')
      .addColumn('staff', 'text', (c) => c.notNull())
      .addColumn('decline_reason', 'text')
      .addColumn('submitted_on', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('completed_on', 'text')
      .execute();
    await db.schema.createIndex(`${t}_nis`).ifNotExists().on(t).columns(['nis_code', 'start_date']).execute();
    // Covers when each municipality was last accompanied (coverage, lastAccompaniedVisit): an index-only scan.
    await db.schema
      .createIndex(`${t}_accompanied`)
      .ifNotExists()
      .on(t)
      .columns(['nis_code', 'mission_status', 'mission_start_date', 'mission_end_date'])
      .execute();
  },
});

export const historyVisitMissions = defineTable<VisitMissionTable>({
  name: 'history_visit_missions',
  key: ['mission_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('mission_id', 'text', (c) => c.primaryKey())
      .addColumn('visit_ids', 'text', (c) => c.notNull())
      .execute();
  },
});

/**
 * One row per municipality that is registered or has a visit: what coverage
 * needs, kept by the projection as visits change, so that coverage reads one
 * small row per municipality instead of every visit. `last_start` and
 * `last_end` are the latest start and end of its accompanied visits (a
 * mission scheduled or completed); on a day on or after `last_start`,
 * `last_end` is the end of its last accompanied visit that had started.
 * Only on an earlier day (a mission still to start) does a reader need the
 * visits themselves: `accompanied`, visit id → [start, end] as JSON.
 */
export interface CoverageTable {
  nis_code: string;
  /** Null until the municipality is registered. */
  name: string | null;
  accompanied: string;
  last_start: string | null;
  last_end: string | null;
  /**
   * The global position of the last event that changed the row, as decimal
   * text zero-padded to 20 digits (changedAt), so text order is position
   * order: a reader that keeps coverage between requests reads only the rows
   * changed since (queries.ts renewCoverage). Positions, not a clock, so a
   * rebuild writes the same rows.
   */
  changed_at: string;
}

/** A position as history_coverage.changed_at holds it: 20 digits hold any unsigned 64-bit position. */
export const changedAt = (position: bigint): string => position.toString().padStart(20, '0');

export const historyCoverage = defineTable<CoverageTable>({
  name: 'history_coverage',
  key: ['nis_code'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('nis_code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('accompanied', 'text', (c) => c.notNull())
      .addColumn('last_start', 'text')
      .addColumn('last_end', 'text')
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${t}_changed`).ifNotExists().on(t).column('changed_at').execute();
  },
});
