import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';
import { createLessonSearch, lessonSearchCompanions } from './search.js';

/** One row per lesson learned, with the facets analysts filter on. */
export interface LessonTable {
  lesson_id: string;
  /**
   * A small integer unique to the lesson, numbered in recording order. SQLite's
   * full-text index is keyed by an integer; the implicit rowid may change on
   * VACUUM, so the index points at this column instead. Unused on PostgreSQL.
   */
  rowid_ref: number;
  mission_id: string;
  title: string;
  body: string;
  /** nl, en, fr, es: picks the stemmer on PostgreSQL. */
  language: string;
  /** PROCESS or RESULTS */
  level: string;
  /** PREPARATION, DURING or PROCESSING */
  phase: string;
  /** JSON array of policy-domain codes (filtered through `lesson_policy_domains`). */
  policy_domains: string;
  /** JSON array of SDG numbers. */
  sdgs: string;
  /** JSON array of DAC criteria. */
  dac_criteria: string;
  /** The mission's facts when the lesson was recorded; null when the mission was never scheduled. */
  mission_type: string | null;
  country_code: string | null;
  region_code: string | null;
  /** JSON array of the NIS codes of the mission's municipalities. */
  nis_codes: string;
  recorded_on: string;
  author_staff_member_id: string;
  author_name: string | null;
  good_practice: number;
  promoted_on: string | null;
  retracted: number;
  retraction_reason: string | null;
  edited_count: number;
}
export type LessonRow = Selectable<LessonTable>;

/** Which policy domains a lesson covers: one row per pair, so a domain filter uses an index on both dialects. */
export interface LessonPolicyDomainTable {
  lesson_id: string;
  policy_domain: string;
}

/** What a lesson needs to know of its mission, from MissionScheduled. */
export interface LessonMissionTable {
  mission_id: string;
  mission_type: string;
  country_code: string;
  region_code: string;
  /** JSON array of NIS codes. */
  nis_codes: string;
}

/**
 * Counters of the projection: `rowid_ref` takes the next value of the counter
 * named 'rowid_ref'; 'changes' counts every change to a lesson's row.
 */
export interface LessonCounterTable {
  name: string;
  value: number;
}

/** The columns of `lessons` a reader sees (and the unit of work writes); PostgreSQL adds a generated `search`. */
export const lessonColumns = [
  'lesson_id',
  'rowid_ref',
  'mission_id',
  'title',
  'body',
  'language',
  'level',
  'phase',
  'policy_domains',
  'sdgs',
  'dac_criteria',
  'mission_type',
  'country_code',
  'region_code',
  'nis_codes',
  'recorded_on',
  'author_staff_member_id',
  'author_name',
  'good_practice',
  'promoted_on',
  'retracted',
  'retraction_reason',
  'edited_count',
] as const satisfies readonly (keyof LessonTable)[];

export const lessons = defineTable<LessonTable>({
  name: 'lessons',
  key: ['lesson_id'],
  generatedColumns: ['search'],
  create: async (db, t, dialect) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('lesson_id', 'text', (c) => c.primaryKey())
      .addColumn('rowid_ref', 'integer', (c) => c.notNull().unique())
      .addColumn('mission_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('phase', 'text', (c) => c.notNull())
      .addColumn('policy_domains', 'text', (c) => c.notNull())
      .addColumn('sdgs', 'text', (c) => c.notNull())
      .addColumn('dac_criteria', 'text', (c) => c.notNull())
      .addColumn('mission_type', 'text')
      .addColumn('country_code', 'text')
      .addColumn('region_code', 'text')
      .addColumn('nis_codes', 'text', (c) => c.notNull())
      .addColumn('recorded_on', 'text', (c) => c.notNull())
      .addColumn('author_staff_member_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text')
      .addColumn('good_practice', 'integer', (c) => c.notNull())
      .addColumn('promoted_on', 'text')
      .addColumn('retracted', 'integer', (c) => c.notNull())
      .addColumn('retraction_reason', 'text')
      .addColumn('edited_count', 'integer', (c) => c.notNull())
      .execute();
    for (const columns of [
      ['recorded_on', 'lesson_id'],
      ['mission_id'],
      ['region_code'],
      ['country_code'],
      ['mission_type'],
      ['author_staff_member_id'],
    ]) {
      await db.schema
        .createIndex(`${t}_${columns.join('_')}`)
        .ifNotExists()
        .on(t)
        .columns(columns)
        .execute();
    }
    await createLessonSearch(db, t, dialect);
  },
  companions: lessonSearchCompanions,
});

export const lessonPolicyDomains = defineTable<LessonPolicyDomainTable>({
  name: 'lesson_policy_domains',
  key: ['lesson_id', 'policy_domain'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('policy_domain', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['lesson_id', 'policy_domain'])
      .execute();
    // The primary key serves "domains of a lesson"; this one serves "lessons in a domain".
    await db.schema
      .createIndex(`${t}_policy_domain_lesson_id`)
      .ifNotExists()
      .on(t)
      .columns(['policy_domain', 'lesson_id'])
      .execute();
  },
});

export const lessonMissions = defineTable<LessonMissionTable>({
  name: 'lesson_missions',
  key: ['mission_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('mission_id', 'text', (c) => c.primaryKey())
      .addColumn('mission_type', 'text', (c) => c.notNull())
      .addColumn('country_code', 'text', (c) => c.notNull())
      .addColumn('region_code', 'text', (c) => c.notNull())
      .addColumn('nis_codes', 'text', (c) => c.notNull())
      .execute();
  },
});

export const lessonCounters = defineTable<LessonCounterTable>({
  name: 'lesson_counters',
  key: ['name'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
  },
});
