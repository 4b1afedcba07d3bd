import type { Kysely } from 'kysely';
import type { AnyKysely } from '../db/database.js';
import { createErasurePurges } from '../erasures/purges.js';

/**
 * One row per built (or building) version of a projection: its checkpoint,
 * its status, and the error that stopped it, if any. The checkpoint is
 * written in the same transaction as the read-model rows it covers.
 */
export interface ProjectionStateTable {
  name: string;
  version: number;
  generation: number;
  /** BUILDING: catching up beside the active one; ACTIVE: what readers see; RETIRED: replaced. */
  status: 'BUILDING' | 'ACTIVE' | 'RETIRED';
  /** The global position of the last event applied, as a decimal string (EventStoreDB positions exceed 2^63). */
  position: string;
  error: string | null;
  error_position: string | null;
  error_event_type: string | null;
  updated_at: string;
}

export interface RegistryDb {
  projection_state: ProjectionStateTable;
}

/**
 * PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against itself: two processes creating the same table at
 * once (two projectors starting together) can fail with a unique violation on the catalogue (23505) or "already
 * exists" (42P07). The table is there then, made by the other; one more try sees it.
 */
async function createConcurrently(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== '23505' && code !== '42P07') throw error;
    await create();
  }
}

export async function createRegistry(db: AnyKysely): Promise<void> {
  await createConcurrently(() => createProjectionState(db));
  // Which erasures this database has been purged of: bookkeeping of the database as a whole, like the above.
  await createConcurrently(() => createErasurePurges(db));
}

async function createProjectionState(db: AnyKysely): Promise<void> {
  await db.schema
    .createTable('projection_state')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('error_position', 'text')
    .addColumn('error_event_type', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('projection_state_pk', ['name', 'version', 'generation'])
    .execute();
}

/** The version and generation of a projection's active build; undefined before its first activation. */
export async function activeBuild(
  db: AnyKysely,
  projectionName: string,
): Promise<{ readonly version: number; readonly generation: number } | undefined> {
  return (db as Kysely<RegistryDb>)
    .selectFrom('projection_state')
    .select(['version', 'generation'])
    .where('name', '=', projectionName)
    .where('status', '=', 'ACTIVE')
    .executeTakeFirst();
}

/**
 * The position (a decimal string) up to which every active read model has
 * applied the log: the lowest of their checkpoints, read from the database so
 * that every process serving readers answers alike; "0" before any. The
 * table has a row per projection version, so this is one small read.
 */
export async function readModelPosition(db: AnyKysely): Promise<string> {
  const rows = await (db as Kysely<RegistryDb>)
    .selectFrom('projection_state')
    .select('position')
    .where('status', '=', 'ACTIVE')
    .execute();
  let lowest: bigint | undefined;
  for (const { position } of rows) {
    const p = BigInt(position);
    if (lowest === undefined || p < lowest) lowest = p;
  }
  return String(lowest ?? 0n);
}
