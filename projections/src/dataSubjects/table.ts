import { sql, type Selectable } from 'kysely';
import type { DialectName } from '../db/database.js';
import { defineTable } from '../runner/projection.js';

/*
 * The data subjects the event log names (issue 15): ids, kinds, positions and
 * dates only, never a personal value, so these tables need no erasure and can
 * answer "what do we hold about this person, and until when" after it. Each
 * row is written once or when a date moves: counts, last sightings and the
 * day retention counts from are derived by the queries (queries.ts), so a
 * rebuild writes little more than one row per mention.
 */

/**
 * On SQLite, tables keyed by text are stored in their key's order (WITHOUT
 * ROWID): one B-tree to insert into instead of a table and an index, which
 * halves the cost of a rebuild that writes a row per mention.
 */
const clustered = (dialect: DialectName) => (dialect === 'sqlite' ? sql`without rowid` : sql``);

/** One row per data subject: every person (or document key) a personal-data spec of the catalogue names. */
export interface DataSubjectTable {
  subject_id: string;
  /** When the first event naming the subject occurred (ISO instant), and its global position (decimal). */
  first_seen_at: string;
  first_position: string;
  /** From DataSubjectErased: the day the subject's key was deleted; null while their data is held. */
  erased_on: string | null;
  erasure_id: string | null;
}
export type DataSubjectRow = Selectable<DataSubjectTable>;

/** One row per event that names a subject, per kind it names them as: the way from a person to their events. */
export interface DataSubjectEventTable {
  subject_id: string;
  /** CONTACT_PERSON, STAFF_MEMBER, TWINNING_ACTOR, CONTACTED_PERSON or DOCUMENT. */
  kind: string;
  /** The global position, as a decimal string (EventStoreDB's exceed 2^53). */
  position: string;
  stream_id: string;
  revision: number;
  event_type: string;
  occurred_at: string;
  /** The event's day, or the end date it gives (a visit's) when later: what LAST_NAMED retention counts from. */
  until_on: string;
  /** JSON array of the dotted paths of the subject's own personal fields in the event (names, not values). */
  fields: string;
}
export type DataSubjectEventRow = Selectable<DataSubjectEventTable>;

/** Each stream that names a subject whose retention counts from the end of its record (RECORD_END). */
export interface DataSubjectRecordTable {
  stream_id: string;
  /** The day of the stream's last event. */
  last_event_on: string;
  /** The last `endDate` the stream's events gave (a visit's end), or null. */
  end_date: string | null;
  /** JSON object of office (`<side>|<actor kind>`) → the subject holding it, for twinnings. */
  offices: string;
}
export type DataSubjectRecordRow = Selectable<DataSubjectRecordTable>;

/** A twinning office a subject held or holds (OUT_OF_OFFICE retention). */
export interface DataSubjectOfficeTable {
  subject_id: string;
  /** `<stream>|<side>|<actor kind>` */
  office: string;
  took_on: string;
  /** Null while they hold it. */
  left_on: string | null;
}
export type DataSubjectOfficeRow = Selectable<DataSubjectOfficeTable>;

export const dataSubjects = defineTable<DataSubjectTable>({
  name: 'data_subjects',
  key: ['subject_id'],
  create: async (db, t, dialect) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.primaryKey())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('first_position', 'text', (c) => c.notNull())
      .addColumn('erased_on', 'text')
      .addColumn('erasure_id', 'text')
      .modifyEnd(clustered(dialect))
      .execute();
  },
});

export const dataSubjectEvents = defineTable<DataSubjectEventTable>({
  name: 'data_subject_events',
  key: ['subject_id', 'kind', 'position'],
  create: async (db, t, dialect) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('position', 'text', (c) => c.notNull())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('event_type', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('until_on', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['subject_id', 'kind', 'position'])
      .modifyEnd(clustered(dialect))
      .execute();
  },
});

export const dataSubjectRecords = defineTable<DataSubjectRecordTable>({
  name: 'data_subject_records',
  key: ['stream_id'],
  create: async (db, t, dialect) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('stream_id', 'text', (c) => c.primaryKey())
      .addColumn('last_event_on', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('offices', 'text', (c) => c.notNull())
      .modifyEnd(clustered(dialect))
      .execute();
  },
});

export const dataSubjectOffices = defineTable<DataSubjectOfficeTable>({
  name: 'data_subject_offices',
  key: ['subject_id', 'office'],
  create: async (db, t, dialect) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('office', 'text', (c) => c.notNull())
      .addColumn('took_on', 'text', (c) => c.notNull())
      .addColumn('left_on', 'text')
      .addPrimaryKeyConstraint(`${t}_pk`, ['subject_id', 'office'])
      .modifyEnd(clustered(dialect))
      .execute();
  },
});
