import pg from 'pg';
import { KeyCache, type KeyBackend, type KeyCacheOptions, type StoredKey, type SubjectKeyInfo } from './keyStore.js';

export interface PostgresKeyStoreOptions extends KeyCacheOptions {
  /** The read-model database's URL (DATABASE_URL): the keys live in its `subject_keys` table. */
  readonly url: string;
  readonly poolSize?: number;
}

type Row = { subject_id: string; key: Buffer | null; created_at: string; erased_at: string | null };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS subject_keys (
    subject_id text PRIMARY KEY,
    key        bytea,
    created_at text NOT NULL,
    erased_at  text,
    CHECK ((key IS NULL) = (erased_at IS NOT NULL))
  );
  CREATE TABLE IF NOT EXISTS subject_key_erasures (id int PRIMARY KEY CHECK (id = 1), erasures bigint NOT NULL);
  INSERT INTO subject_key_erasures (id, erasures) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
`;

/**
 * The keys in PostgreSQL (production: the read-model database of
 * DATABASE_URL, table `subject_keys`), shared by every API replica and
 * projector. It is no read model: rebuilding projections never touches it,
 * and dropping the database loses every key, so every encrypted value.
 *
 * An erasure sets the key to NULL and runs VACUUM FULL on the table, which
 * writes it anew and deletes the old file, so the key leaves the table's
 * files at once; PostgreSQL's WAL and backups taken before keep it until they
 * are recycled.
 */
class PostgresKeys implements KeyBackend {
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;

  constructor(options: PostgresKeyStoreOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 4 });
    // An idle client that loses its connection must not take the process down.
    this.pool.on('error', () => {});
  }

  /** Creates the tables once per process; processes starting together wait for each other on an advisory lock. */
  private setUp(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtext('werkbezoek subject_keys'))");
        await client.query(SCHEMA);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        this.ready = undefined;
        throw error;
      } finally {
        client.release();
      }
    })();
    return this.ready;
  }

  private async query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.setUp();
    return this.pool.query<R>(sql, values);
  }

  async getOrCreate(subjectId: string, candidate: Buffer, createdAt: string): Promise<StoredKey> {
    // Two statements, so the SELECT sees a key another process committed after the INSERT's snapshot.
    await this.query(
      'INSERT INTO subject_keys (subject_id, key, created_at) VALUES ($1, $2, $3) ON CONFLICT (subject_id) DO NOTHING',
      [subjectId, candidate, createdAt],
    );
    const { rows } = await this.query<Row>('SELECT key, erased_at FROM subject_keys WHERE subject_id = $1', [
      subjectId,
    ]);
    return toStored(rows[0]!);
  }

  async fetch(subjectIds: readonly string[]): Promise<ReadonlyMap<string, StoredKey>> {
    const { rows } = await this.query<Row>(
      'SELECT subject_id, key, erased_at FROM subject_keys WHERE subject_id = ANY($1::text[])',
      [subjectIds],
    );
    return new Map(rows.map((row) => [row.subject_id, toStored(row)]));
  }

  async erase(subjectId: string, erasedAt: string): Promise<boolean> {
    await this.setUp();
    const client = await this.pool.connect();
    let deleted: boolean;
    try {
      await client.query('BEGIN');
      deleted =
        ((
          await client.query(
            'UPDATE subject_keys SET key = NULL, erased_at = $2 WHERE subject_id = $1 AND key IS NOT NULL',
            [subjectId, erasedAt],
          )
        ).rowCount ?? 0) > 0;
      const buried =
        deleted ||
        ((
          await client.query(
            'INSERT INTO subject_keys (subject_id, key, created_at, erased_at) VALUES ($1, NULL, $2, $2) ON CONFLICT (subject_id) DO NOTHING',
            [subjectId, erasedAt],
          )
        ).rowCount ?? 0) > 0;
      if (buried) await client.query('UPDATE subject_key_erasures SET erasures = erasures + 1 WHERE id = 1');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
    // The old row version holds the key until the table is rewritten (plain VACUUM leaves its bytes in the page).
    if (deleted) await this.query('VACUUM FULL subject_keys');
    return deleted;
  }

  async *subjects(): AsyncIterable<SubjectKeyInfo> {
    const { rows } = await this.query<Row>(
      'SELECT subject_id, created_at, erased_at FROM subject_keys ORDER BY created_at, subject_id',
    );
    for (const row of rows) yield { subjectId: row.subject_id, createdAt: row.created_at, erasedAt: row.erased_at };
  }

  async erasures(): Promise<number> {
    const { rows } = await this.query<{ erasures: string | number }>(
      'SELECT erasures FROM subject_key_erasures WHERE id = 1',
    );
    return Number(rows[0]!.erasures);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toStored(row: Pick<Row, 'key' | 'erased_at'>): StoredKey {
  return row.key ?? { erasedAt: row.erased_at! };
}

/** The key store in PostgreSQL (production: table `subject_keys` of the read-model database). */
export function openPostgresKeyStore(options: PostgresKeyStoreOptions): KeyCache {
  return new KeyCache(new PostgresKeys(options), options);
}
