import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../testing/dialects.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

it('goes on when PostgreSQL ends an idle read-model connection (a restart, pg_terminate_backend), without an uncaught error', async () => {
  database = await freshDatabase('postgres');
  if (database.config.dialect !== 'postgres') throw new Error('expected PostgreSQL');
  const { db } = database.readModels;
  const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
  const admin = new pg.Client({ connectionString: database.config.url });
  await admin.connect();
  await admin.query('select pg_terminate_backend($1)', [pid]);
  await admin.end();
  // Without a listener the pool's 'error' for the idle client ends the process (vitest reports it as unhandled).
  await new Promise((resolve) => setTimeout(resolve, 200));
  const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  expect(again.rows[0]!.pid).not.toBe(pid);
});
