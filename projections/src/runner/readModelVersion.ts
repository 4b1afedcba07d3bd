import type { Kysely } from 'kysely';
import type { AnyKysely } from '../db/database.js';
import type { RegistryDb } from './registry.js';

/**
 * Where these projections' read models stand, as one string: the generation
 * and checkpoint of each one's active version. Read models whose version
 * string is the same hold the same rows, so an answer computed from them
 * can be kept under it (a planner's ranking, read again for its next page).
 */
export async function readModelVersion(db: AnyKysely, projections: readonly string[]): Promise<string> {
  const rows = await (db as Kysely<RegistryDb>)
    .selectFrom('projection_state')
    .select(['name', 'version', 'generation', 'position'])
    .where('status', '=', 'ACTIVE')
    .where('name', 'in', [...projections])
    .execute();
  return rows
    .map((r) => `${r.name}:${r.version}.${r.generation}@${r.position}`)
    .sort()
    .join(' ');
}
