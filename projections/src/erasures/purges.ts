import type { AnyKysely } from '../db/database.js';

/**
 * One row per confirmed erasure whose effect on this read-model database is
 * complete: the subject's key deleted, every read model that holds personal
 * data rebuilt, and (on SQLite) the file compacted. Kept beside the read
 * models, not in them: a restored or new database has no rows, and the
 * projector does the work again there.
 */
export interface ErasurePurgeTable {
  erasure_id: string;
  subject_id: string;
  purged_at: string;
  /** JSON array of the projections rebuilt. */
  rebuilt: string;
}

export async function createErasurePurges(db: AnyKysely): Promise<void> {
  await db.schema
    .createTable('erasure_purges')
    .ifNotExists()
    .addColumn('erasure_id', 'text', (c) => c.primaryKey())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('purged_at', 'text', (c) => c.notNull())
    .addColumn('rebuilt', 'text', (c) => c.notNull())
    .execute();
}
