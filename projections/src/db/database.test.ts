import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReadModels, type ReadModelDb } from './database.js';

/*
 * Rows read through Kysely on SQLite are made from better-sqlite3's raw rows;
 * they must be the objects better-sqlite3 itself would make, also after the
 * schema under a kept statement changed.
 */

interface Db {
  t: { id: number; name: string | null; score: number | null };
  v: Record<string, unknown>;
}

let dir: string;
let file: string;
let rm: ReadModelDb<Db>;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-db-'));
  file = path.join(dir, 'rm.db');
  rm = openReadModels<Db>({ dialect: 'sqlite', path: file });
  await sql`create table t (id integer primary key, name text, score real)`.execute(rm.db);
  await rm.db
    .insertInto('t')
    .values([
      { id: 1, name: 'een', score: 1.5 },
      { id: 2, name: null, score: null },
      { id: 3, name: 'drie', score: -2 },
    ])
    .execute();
  await sql`create view v as select id, name from t`.execute(rm.db);
});

afterEach(async () => {
  await rm.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rows read through Kysely on SQLite', () => {
  it('are the objects better-sqlite3 makes, key order included', async () => {
    const direct = new Database(file, { readonly: true });
    try {
      for (const query of [
        'select * from t order by id',
        'select name, id as key, score * 2 as double from t where id > ? order by id desc',
        'select a.id, b.id from t a join t b on b.id = a.id + 1',
      ]) {
        const params = query.includes('?') ? [0] : [];
        const rows = (await rm.db.executeQuery({ sql: query, parameters: params } as never)).rows;
        const expected = direct.prepare(query).all(...params);
        expect(rows, query).toEqual(expected);
        expect(
          rows.map((r) => Object.keys(r as object)),
          query,
        ).toEqual(expected.map((r) => Object.keys(r as object)));
      }
    } finally {
      direct.close();
    }
  });

  it('follow a view whose columns changed under a kept statement', async () => {
    const read = () => rm.db.selectFrom('v').selectAll().orderBy('id').execute();
    expect(await read()).toEqual([
      { id: 1, name: 'een' },
      { id: 2, name: null },
      { id: 3, name: 'drie' },
    ]);
    expect(await read()).toHaveLength(3);
    // Another connection replaces the view, as a projection's new version does.
    const other = new Database(file);
    other.exec('drop view v; create view v as select score, id from t');
    other.close();
    const replaced = [
      { score: 1.5, id: 1 },
      { score: null, id: 2 },
      { score: -2, id: 3 },
    ];
    expect(await read()).toEqual(replaced);
    expect(await read()).toEqual(replaced);
    // And this connection itself, between two reads.
    await sql`drop view v`.execute(rm.db);
    await sql`create view v as select name as label, id from t`.execute(rm.db);
    const relabelled = [
      { label: 'een', id: 1 },
      { label: null, id: 2 },
      { label: 'drie', id: 3 },
    ];
    expect(await read()).toEqual(relabelled);
    expect(await read()).toEqual(relabelled);
  });

  it('are objects in a stream and from a write that returns rows too, and writes still report their changes', async () => {
    const streamed: unknown[] = [];
    for await (const row of rm.db.selectFrom('t').select(['id', 'name']).orderBy('id').stream()) streamed.push(row);
    expect(streamed).toEqual([
      { id: 1, name: 'een' },
      { id: 2, name: null },
      { id: 3, name: 'drie' },
    ]);
    expect(
      await rm.db.insertInto('t').values({ id: 4, name: 'vier', score: 4 }).returning(['name', 'id']).execute(),
    ).toEqual([{ name: 'vier', id: 4 }]);
    const result = await rm.db.updateTable('t').set({ score: 0 }).where('id', '<', 3).executeTakeFirst();
    expect(result.numUpdatedRows).toBe(2n);
    expect(await rm.db.selectFrom('t').select('id').where('score', '=', 0).execute()).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
