import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

/** One row per stored event, as it was recorded: who did what, when, and why (correlation and causation). */
export interface AuditTable {
  /** The global position as a decimal string (EventStoreDB positions exceed 2^63). */
  position: string;
  stream_id: string;
  /** 0-based revision within the stream. */
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  actor_id: string;
  actor_role: string;
  /** The municipality a coordinator acted for; null for other roles. */
  actor_nis_code: string | null;
  correlation_id: string;
  causation_id: string;
  /** The event's data as JSON, upcast to the type's current version. */
  data: string;
}
export type AuditRow = Selectable<AuditTable>;

export const audit = defineTable<AuditTable>({
  name: 'audit',
  key: ['position'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('position', 'text', (c) => c.primaryKey())
      .addColumn('stream_id', 'text', (c) => c.notNull())
      // bigint: revisions are 64-bit in the stores; read back as numbers (see db/database.ts).
      .addColumn('revision', 'bigint', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('schema_version', 'integer', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('actor_nis_code', 'text')
      .addColumn('correlation_id', 'text', (c) => c.notNull())
      .addColumn('causation_id', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex(`${t}_stream_id_revision`)
      .ifNotExists()
      .on(t)
      .columns(['stream_id', 'revision'])
      .execute();
  },
});
