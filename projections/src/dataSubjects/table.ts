import { sql, type Selectable } from 'kysely';
import type { DialectName } from '../db/database.js';
import { defineTable } from '../runner/projection.js';

/*
 * The data subjects the event log names (issue 15): ids, kinds, positions and
 * dates only, never a personal value, so these tables need no erasure and can
 * answer "what do we hold about this person, and until when" after it. Each
 * row is written once, or once per batch of events that change it; the day
 * retention counts from is derived by the queries (queries.ts).
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

/**
 * One row per subject, kind and stream: the events of the stream that name
 * the subject as that kind. One row per record rather than per event: a
 * rebuild updates it in memory for every event of a batch and writes it once.
 */
export interface DataSubjectStreamTable {
  subject_id: string;
  /** CONTACT_PERSON, STAFF_MEMBER, TWINNING_ACTOR, CONTACTED_PERSON or DOCUMENT. */
  kind: string;
  stream_id: string;
  /** When the first and the last of those events occurred (ISO instants). */
  first_seen_at: string;
  last_seen_at: string;
  event_count: number;
  /** The latest day one of them occurred, or the end date it gave (a visit's) when later: LAST_NAMED retention. */
  until_on: string;
  /** Their global positions, as decimal strings separated by commas, in the log's order. */
  positions: string;
}
export type DataSubjectStreamRow = Selectable<DataSubjectStreamTable>;

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

export const dataSubjectStreams = defineTable<DataSubjectStreamTable>({
  name: 'data_subject_streams',
  key: ['subject_id', 'kind', 'stream_id'],
  create: async (db, t, dialect) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('event_count', 'integer', (c) => c.notNull())
      .addColumn('until_on', 'text', (c) => c.notNull())
      .addColumn('positions', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['subject_id', 'kind', 'stream_id'])
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
