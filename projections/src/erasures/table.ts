import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/**
 * One row per erasure of a data subject (issue 15): requested, then erased
 * or cancelled. Ids, codes, dates and roles only: it names the subject by
 * id and kind, never by a personal value, so it survives its own erasure.
 */
export interface ErasureTable {
  erasure_id: string;
  subject_id: string;
  /** CONTACT_PERSON, STAFF_MEMBER, TWINNING_ACTOR, CONTACTED_PERSON, DOCUMENT */
  subject_kind: string;
  /** An ErasureReasons code. */
  reason: string;
  case_reference: string | null;
  /** PENDING, ERASED, CANCELLED */
  status: string;
  requested_on: string;
  /** The requester's role, and their actor id so the API can tell them they may not confirm it themselves. */
  requested_by_role: string;
  requested_by: string;
  /** When it was confirmed (ERASED) or cancelled, and the role of who did it. */
  decided_on: string | null;
  decided_by_role: string | null;
  /** When DataSubjectErased occurred (an instant), and its global position as a decimal string. */
  erased_at: string | null;
  erased_position: string | null;
}
export type ErasureRow = Selectable<ErasureTable>;

export const erasures = defineTable<ErasureTable>({
  name: 'data_subject_erasures',
  key: ['erasure_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('erasure_id', 'text', (c) => c.primaryKey())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('subject_kind', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('case_reference', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('requested_on', 'text', (c) => c.notNull())
      .addColumn('requested_by_role', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text')
      .addColumn('decided_by_role', 'text')
      .addColumn('erased_at', 'text')
      .addColumn('erased_position', 'text')
      .execute();
    await db.schema.createIndex(`${t}_status`).ifNotExists().on(t).columns(['status', 'requested_on']).execute();
    await db.schema.createIndex(`${t}_subject`).ifNotExists().on(t).columns(['subject_id']).execute();
  },
});
