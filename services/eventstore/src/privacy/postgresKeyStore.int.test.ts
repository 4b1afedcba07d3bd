import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from '@werkbezoek/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keyStoreContract } from '../testing/keyStoreContract.js';
import { openPostgresKeyStore } from './postgresKeyStore.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

// The run's PostgreSQL (projections/src/testing/postgresGlobalSetup.ts), a database of this file's own.
const admin = inject('postgresUrl');
const name = `keys_${randomUUID().replace(/-/g, '')}`;
const url = admin.replace(/\/postgres$/, `/${name}`);

async function sql<R extends pg.QueryResultRow>(connection: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await sql(admin, `CREATE DATABASE ${name}`);
});
afterAll(async () => {
  await sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

keyStoreContract('PostgreSQL', { open: async (options) => openPostgresKeyStore({ url, ...options }) });

describe('the PostgreSQL key store', () => {
  it('keeps the keys in table subject_keys of the database it is given', async () => {
    const store = openPostgresKeyStore({ url });
    const subject = uuidv7();
    const key = await store.keyFor(subject);
    const rows = await sql<{ key: Buffer }>(url, `SELECT key FROM subject_keys WHERE subject_id = '${subject}'`);
    expect(rows[0]?.key).toEqual(key);
    await store.close();
  });

  it("holds an erased key's bytes in none of the table's files, once the server has written its pages", async () => {
    const store = openPostgresKeyStore({ url });
    const [erased, kept] = [uuidv7(), uuidv7()];
    const key = await store.keyFor(erased);
    const other = await store.keyFor(kept);
    const tableBytes = async () => {
      await sql(url, 'CHECKPOINT');
      const [setting] = await sql<{ dir: string }>(url, "SELECT current_setting('data_directory') AS dir");
      const [relation] = await sql<{ file: string }>(url, "SELECT pg_relation_filepath('subject_keys') AS file");
      return readFileSync(join(setting!.dir, relation!.file));
    };
    // The test can fail: the key is in the table's file before the erasure.
    expect((await tableBytes()).includes(key)).toBe(true);
    expect(await store.erase(erased, '2026-05-04T10:00:00.000Z')).toBe(true);
    const after = await tableBytes();
    expect(after.includes(key)).toBe(false);
    expect(after.includes(other)).toBe(true);
    await store.close();
  });
});
