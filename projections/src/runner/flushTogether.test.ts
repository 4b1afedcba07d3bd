import { afterEach, describe, expect, it } from 'vitest';
import { sql, type KyselyPlugin } from 'kysely';
import type { AnyKysely } from '../db/database.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { defineTable } from './projection.js';
import { flushTogether, UnitOfWork } from './unitOfWork.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const visits = defineTable<{ id: string; region: string; days: number }>({
  name: 'visits',
  key: ['id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('days', 'integer', (c) => c.notNull())
      .execute();
  },
});
const counts = defineTable<{ region: string; year: number; n: number }>({
  name: 'counts',
  key: ['region', 'year'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['region', 'year'])
      .execute();
  },
});

describe.each(DIALECTS)('flushing units of work together on %s', (dialect) => {
  it('stores upserts and deletes of several units of work; on PostgreSQL in one statement', async () => {
    database = await freshDatabase(dialect);
    const { readModels } = database;
    const db = readModels.db as AnyKysely;
    await visits.create(db, 'visits', dialect);
    await counts.create(db, 'counts', dialect);
    await db
      .insertInto('visits')
      .values([
        { id: 'a', region: 'BJ-ZO', days: 3 },
        { id: 'b', region: 'BJ-ZO', days: 4 },
      ])
      .execute();
    await db.insertInto('counts').values({ region: 'BJ-ZO', year: 2026, n: 2 }).execute();
    const unit = () => new UnitOfWork(db, dialect, (t) => t, undefined, readModels.sqlite);
    const first = unit();
    first.put(visits, { id: 'c', region: 'NI-MT', days: 5 });
    await first.update(visits, { id: 'a' }, () => ({ days: 6 }));
    first.delete(visits, { id: 'b' });
    const second = unit();
    await second.update(counts, { region: 'BJ-ZO', year: 2026 }, (r) => ({ n: r.n - 1 }));
    second.put(counts, { region: 'NI-MT', year: 2026, n: 1 });

    let statements = 0;
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => {
        statements++;
        return result;
      },
    };
    await db
      .withPlugin(counting)
      .transaction()
      .execute(async (tx) => {
        first.begin(tx);
        second.begin(tx);
        await flushTogether([first, second]);
      });
    // SQLite's rows go through its own prepared statements, not Kysely's; PostgreSQL's as one WITH statement.
    expect(statements).toBe(dialect === 'postgres' ? 1 : 0);
    expect(await sql`select * from visits order by id`.execute(db).then((r) => r.rows)).toEqual([
      { id: 'a', region: 'BJ-ZO', days: 6 },
      { id: 'c', region: 'NI-MT', days: 5 },
    ]);
    expect(await sql`select * from counts order by region`.execute(db).then((r) => r.rows)).toEqual([
      { region: 'BJ-ZO', year: 2026, n: 1 },
      { region: 'NI-MT', year: 2026, n: 1 },
    ]);
  });

  it('stores more values than one statement takes in several statements', async () => {
    database = await freshDatabase(dialect);
    const { readModels } = database;
    const db = readModels.db as AnyKysely;
    await visits.create(db, 'visits', dialect);
    await counts.create(db, 'counts', dialect);
    const first = new UnitOfWork(db, dialect, (t) => t, undefined, readModels.sqlite);
    // 3 columns a row: 25,000 rows are 75,000 values, over the 65,535 a PostgreSQL statement takes.
    for (let i = 0; i < 25_000; i++) first.put(visits, { id: `v${i}`, region: 'BJ-ZO', days: i % 9 });
    const second = new UnitOfWork(db, dialect, (t) => t, undefined, readModels.sqlite);
    second.put(counts, { region: 'BJ-ZO', year: 2026, n: 25_000 });
    await db.transaction().execute(async (tx) => {
      first.begin(tx);
      second.begin(tx);
      await flushTogether([first, second]);
    });
    const stored = await sql<{ n: number | string }>`select count(*) as n from visits`.execute(db);
    expect(Number(stored.rows[0]!.n)).toBe(25_000);
    expect(await sql`select n from counts`.execute(db).then((r) => r.rows)).toEqual([{ n: 25_000 }]);
  });
});
