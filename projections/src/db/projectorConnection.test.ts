import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { openReadModels, type ReadModelDb } from './database.js';

let database: TestDatabase | undefined;
let projector: ReadModelDb | undefined;
afterEach(async () => {
  await projector?.close();
  await database?.drop();
  projector = database = undefined;
});

it('gives the projector on SQLite a page cache of 256 MiB', async () => {
  database = await freshDatabase('sqlite');
  projector = openReadModels(database.config, { projector: true });
  expect(projector.sqlite!.pragma('cache_size', { simple: true })).toBe(-256 * 1024);
  expect(database.readModels.sqlite!.pragma('cache_size', { simple: true })).toBe(-16000); // better-sqlite3's default
});

it('lets the projector on PostgreSQL commit without waiting for the disk, and readers not', async () => {
  database = await freshDatabase('postgres');
  projector = openReadModels(database.config, { projector: true });
  const setting = async (db: ReadModelDb) =>
    (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db.db)).rows[0]!.synchronous_commit;
  expect(await setting(projector)).toBe('off');
  expect(await setting(database.readModels)).toBe('on');
});
