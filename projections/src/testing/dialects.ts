import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openReadModels, type DialectName, type ReadModelDb } from '../db/database.js';

export interface TestDatabase {
  readonly readModels: ReadModelDb;
  /** The configuration to open it again (another connection, another process). */
  readonly config: Parameters<typeof openReadModels>[0];
  drop(): Promise<void>;
}

/** A fresh, empty read-model database: a SQLite file, or a new database on the test run's PostgreSQL. */
export async function freshDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-rm-'));
    const config = { dialect, path: join(dir, 'read-models.db') } as const;
    const readModels = openReadModels(config);
    return {
      readModels,
      config,
      drop: async () => {
        await readModels.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = inject('postgresUrl');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const config = { dialect, url: admin.replace(/\/postgres$/, `/${name}`), poolSize: 4 } as const;
  const readModels = openReadModels(config);
  return {
    readModels,
    config,
    drop: async () => {
      await readModels.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Both dialects, for `describe.each(DIALECTS)` (as Kysely's own tests loop over theirs). */
export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];
