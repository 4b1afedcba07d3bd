import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openReadModels, type ReadModelDb } from './database.js';
import { OffThreadReadsDialect } from './offThreadReads.js';

/*
 * Reads in reader threads (offThreadReads.ts): the same rows as on the main
 * connection, every write and every statement of a transaction on the main
 * connection, a read after a write sees it, errors keep their message, and
 * the event loop keeps turning while a long read runs.
 */

interface Db {
  t: { id: number; name: string | null; score: number | null };
  v: Record<string, unknown>;
}

let dir: string;
let file: string;
let main: ReadModelDb<Db>;
let threaded: ReadModelDb<Db>;
let logged: string[];

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-reads-'));
  file = path.join(dir, 'rm.db');
  main = openReadModels<Db>({ dialect: 'sqlite', path: file });
  await sql`create table t (id integer primary key, name text, score real)`.execute(main.db);
  await main.db
    .insertInto('t')
    .values([
      { id: 1, name: 'een', score: 1.5 },
      { id: 2, name: null, score: null },
      { id: 3, name: 'drie', score: -2 },
    ])
    .execute();
  logged = [];
  threaded = openReadModels<Db>(
    { dialect: 'sqlite', path: file },
    { readerThreads: 2, log: (message) => logged.push(message) },
  );
});

afterEach(async () => {
  await threaded.close();
  await main.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A read that takes SQLite some hundreds of ms: a recursive count of 3 million rows. */
function countToThreeMillion(rm: ReadModelDb<Db>) {
  return rm.db
    .selectFrom(
      sql<{
        n: number;
      }>`(with recursive c(n) as (select 1 union all select n + 1 from c where n < 3000000) select n from c)`.as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .execute();
}

/** Which thread ran the statement: SQLite's own connection says nothing of it, so a function registered on the main connection tells. */
function markMainConnection(rm: ReadModelDb<Db>): string[] {
  const calls: string[] = [];
  rm.sqlite!.function('on_main', (x: unknown) => {
    calls.push(String(threadId));
    return x as number;
  });
  return calls;
}

describe('SQLite reads off the event loop', () => {
  it('reads the same rows in a reader thread as on the main connection, in order, nulls and all', async () => {
    const query = (rm: ReadModelDb<Db>) =>
      rm.db.selectFrom('t').select(['id', 'name', 'score']).where('id', '>=', 1).orderBy('id').execute();
    const expected = await query(main);
    expect(expected).toHaveLength(3);
    expect(await query(threaded)).toEqual(expected);
    expect(await threaded.db.selectFrom('t').selectAll().where('name', 'is', null).execute()).toEqual([
      { id: 2, name: null, score: null },
    ]);
  });

  it('runs a SELECT in a reader thread, and writes and a transaction on the main connection', async () => {
    const calls = markMainConnection(threaded);
    // A function only the main connection knows: a reader thread fails on it, the main connection runs it.
    await expect(
      threaded.db
        .selectFrom('t')
        .select(sql<number>`on_main(id)`.as('x'))
        .execute(),
    ).rejects.toThrow(/no such function: on_main/);
    expect(calls).toEqual([]);
    await threaded.db
      .updateTable('t')
      .set({ score: sql<number>`on_main(7)` })
      .where('id', '=', 1)
      .execute();
    expect(calls).toEqual([String(threadId)]);
    const inTransaction = await threaded.db.transaction().execute((trx) =>
      trx
        .selectFrom('t')
        .select(sql<number>`on_main(id)`.as('x'))
        .orderBy('id')
        .execute(),
    );
    expect(inTransaction.map((r) => r.x)).toEqual([1, 2, 3]);
    expect(calls).toHaveLength(4);
  });

  it('sees a write as soon as it is committed, on its own main connection or another', async () => {
    await threaded.db.insertInto('t').values({ id: 4, name: 'vier', score: 4 }).execute();
    expect(await threaded.db.selectFrom('t').select('name').where('id', '=', 4).executeTakeFirst()).toEqual({
      name: 'vier',
    });
    await main.db.updateTable('t').set({ name: 'VIER' }).where('id', '=', 4).execute();
    expect(await threaded.db.selectFrom('t').select('name').where('id', '=', 4).executeTakeFirst()).toEqual({
      name: 'VIER',
    });
    // A transaction reads its own uncommitted writes (on the main connection); a reader outside it does not.
    await threaded.db.transaction().execute(async (trx) => {
      await trx.updateTable('t').set({ name: 'vijf' }).where('id', '=', 4).execute();
      expect((await trx.selectFrom('t').select('name').where('id', '=', 4).executeTakeFirst())?.name).toBe('vijf');
      expect((await main.db.selectFrom('t').select('name').where('id', '=', 4).executeTakeFirst())?.name).toBe('VIER');
    });
  });

  it('gives the columns of a replaced view, not those it read before', async () => {
    await sql`create view v as select id, name from t`.execute(main.db);
    expect(await threaded.db.selectFrom('v').selectAll().where('id', '=', 1).execute()).toEqual([
      { id: 1, name: 'een' },
    ]);
    await sql`drop view v`.execute(main.db);
    await sql`create view v as select id, score, name as label from t`.execute(main.db);
    expect(await threaded.db.selectFrom('v').selectAll().where('id', '=', 1).execute()).toEqual([
      { id: 1, score: 1.5, label: 'een' },
    ]);
  });

  it('fails a bad read with SQLite’s message', async () => {
    await expect(threaded.db.selectFrom('v').selectAll().execute()).rejects.toThrow(/no such table: v/);
    expect(logged).toEqual([]);
  });

  it('keeps the event loop turning while a long read runs', async () => {
    const long = countToThreeMillion(threaded);
    let turns = 0;
    const ticking = setInterval(() => turns++, 5);
    const started = performance.now();
    const [{ count }] = (await long) as [{ count: number }];
    const took = performance.now() - started;
    clearInterval(ticking);
    expect(count).toBe(3_000_000);
    // Blocked, the interval would not have fired at all until the read ended.
    expect(took).toBeGreaterThan(50);
    expect(turns).toBeGreaterThan(took / 5 / 4);
  });

  it('runs reads on the main connection when its reader thread fails, and says so', async () => {
    // A reader given a file that does not exist fails as it starts (it never creates one); the first read,
    // sent to it before it failed, and every later one run on the main connection.
    const rm = new Kysely<Db>({
      dialect: new OffThreadReadsDialect(
        { database: new Database(file) },
        { path: path.join(dir, 'missing.db'), threads: 1, log: (m) => logged.push(m) },
      ),
    });
    try {
      expect(await rm.selectFrom('t').select('id').orderBy('id').execute()).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
      await vi.waitFor(() => expect(logged.join('\n')).toMatch(/reader thread (failed|stopped).*main connection/));
      expect(await rm.selectFrom('t').select('name').where('id', '=', 3).execute()).toEqual([{ name: 'drie' }]);
    } finally {
      await rm.destroy();
    }
  });

  it('answers a read still under way when the read models close, and then closes', async () => {
    const rm = openReadModels<Db>({ dialect: 'sqlite', path: file }, { readerThreads: 1 });
    await rm.db.selectFrom('t').select('id').execute();
    const long = countToThreeMillion(rm);
    // Kysely lets the queries it started end before it closes the driver: the read is answered, nothing waits on.
    await rm.close();
    expect(await long).toEqual([{ count: 3_000_000 }]);
    await expect(rm.db.selectFrom('t').select('id').execute()).rejects.toThrow();
  });
});
