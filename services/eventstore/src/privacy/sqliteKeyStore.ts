import { chmodSync, closeSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { enableWal } from '../sqlite/wal.js';
import { KeyCache, type KeyBackend, type KeyCacheOptions, type StoredKey, type SubjectKeyInfo } from './keyStore.js';

/** The file beside events.db in DATA_DIR. */
export const KEYS_FILE = 'keys.db';

/** The layout version, in `PRAGMA user_version`. */
const LAYOUT_VERSION = 1;

export interface SqliteKeyStoreOptions extends KeyCacheOptions {
  /** The database file (created with mode 0600), or ':memory:'. */
  readonly path: string;
  /**
   * FULL (the default): a key is on disk before the event sealed with it is
   * written, so a power loss never leaves an event whose key is gone. NORMAL
   * only where that may happen (benchmarks that write a log to read it).
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

type Row = { subject_id: string; key: Buffer | null; created_at: string; erased_at: string | null };

/** Makes the file readable by its owner alone before SQLite creates it (its WAL and shared memory follow the file's mode). */
function createPrivately(path: string): void {
  if (path === ':memory:' || path === '') return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    chmodSync(path, 0o600);
  } catch {
    // Another user's file that we may read: SQLite says so on open if we may not.
  }
}

/**
 * The keys in their own SQLite file, `keys.db` beside `events.db` (the
 * embedded default). `secure_delete` overwrites a deleted key's bytes in the
 * file, and an erasure checkpoints the WAL (TRUNCATE), so the key leaves
 * both files at once. Keys are stored unwrapped: the file is the owner's
 * alone (mode 0600) and is backed up and restored with events.db.
 */
class SqliteKeys implements KeyBackend {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(path: string, synchronous: 'FULL' | 'NORMAL') {
    createPrivately(path);
    this.db = new Database(path);
    enableWal(this.db);
    // A key must be on disk before an event encrypted with it is acknowledged.
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 10000');
    this.migrate();
    const db = this.db;
    this.statements = {
      // The new key back from the insert itself: a new subject costs one statement.
      insert: db.prepare<[string, Buffer, string], { key: Buffer }>(
        'INSERT INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT (subject_id) DO NOTHING RETURNING key',
      ),
      one: db.prepare<[string], Row>(
        'SELECT subject_id, key, created_at, erased_at FROM subject_keys WHERE subject_id = ?',
      ),
      many: db.prepare<[string], Row>(
        'SELECT subject_id, key, created_at, erased_at FROM subject_keys WHERE subject_id IN (SELECT value FROM json_each(?))',
      ),
      erase: db.prepare<[string, string]>(
        'UPDATE subject_keys SET key = NULL, erased_at = ? WHERE subject_id = ? AND key IS NOT NULL',
      ),
      tombstone: db.prepare<[string, string, string]>(
        'INSERT INTO subject_keys (subject_id, key, created_at, erased_at) VALUES (?, NULL, ?, ?) ON CONFLICT (subject_id) DO NOTHING',
      ),
      count: db.prepare('UPDATE key_store SET erasures = erasures + 1 WHERE id = 1'),
      erasures: db.prepare<[], { erasures: number }>('SELECT erasures FROM key_store WHERE id = 1'),
      all: db.prepare<[], Row>(
        'SELECT subject_id, key, created_at, erased_at FROM subject_keys ORDER BY created_at, subject_id',
      ),
    };
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > LAYOUT_VERSION)
      throw new Error(
        `The key store has layout v${version}; this code knows up to v${LAYOUT_VERSION}: upgrade the software`,
      );
    if (version === LAYOUT_VERSION) return;
    this.db.exec(`
      BEGIN IMMEDIATE;
      CREATE TABLE IF NOT EXISTS subject_keys (
        subject_id TEXT PRIMARY KEY,
        key        BLOB,
        created_at TEXT NOT NULL,
        erased_at  TEXT,
        CHECK ((key IS NULL) = (erased_at IS NOT NULL))
      );
      CREATE TABLE IF NOT EXISTS key_store (id INTEGER PRIMARY KEY CHECK (id = 1), erasures INTEGER NOT NULL);
      INSERT OR IGNORE INTO key_store (id, erasures) VALUES (1, 0);
      PRAGMA user_version = ${LAYOUT_VERSION};
      COMMIT;
    `);
  }

  async getOrCreate(subjectId: string, candidate: Buffer, createdAt: string): Promise<StoredKey> {
    const created = this.statements.insert.get(subjectId, candidate, createdAt);
    return created ? created.key : toStored(this.statements.one.get(subjectId)!);
  }

  async fetch(subjectIds: readonly string[]): Promise<ReadonlyMap<string, StoredKey>> {
    const out = new Map<string, StoredKey>();
    for (const row of this.statements.many.all(JSON.stringify(subjectIds))) out.set(row.subject_id, toStored(row));
    return out;
  }

  async erase(subjectId: string, erasedAt: string): Promise<boolean> {
    const { erase, tombstone, count } = this.statements;
    const deleted = this.db
      .transaction(() => {
        const deleted = erase.run(erasedAt, subjectId).changes > 0;
        const buried = deleted || tombstone.run(subjectId, erasedAt, erasedAt).changes > 0;
        if (buried) count.run();
        return deleted;
      })
      .immediate();
    // The WAL still holds the page with the key: copy the pages back into the file and empty the WAL.
    // A reader holding an old snapshot keeps the checkpoint from finishing: wait for it a little.
    for (let attempt = 0; attempt < 50; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (!result?.busy) break;
      await sleep(20);
    }
    return deleted;
  }

  async *subjects(): AsyncIterable<SubjectKeyInfo> {
    for (const row of this.statements.all.all())
      yield { subjectId: row.subject_id, createdAt: row.created_at, erasedAt: row.erased_at };
  }

  async erasures(): Promise<number> {
    return this.statements.erasures.get()!.erasures;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toStored(row: Row): StoredKey {
  return row.key ?? { erasedAt: row.erased_at! };
}

/** The key store in a SQLite file (the embedded default: DATA_DIR/keys.db). */
export function openSqliteKeyStore(options: SqliteKeyStoreOptions): KeyCache {
  return new KeyCache(new SqliteKeys(options.path, options.synchronous ?? 'FULL'), options);
}
