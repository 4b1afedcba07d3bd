import { createRequire } from 'node:module';
import type { ReadModelDb } from '@werkbezoek/projections';

/** A better-sqlite3 connection. */
export type SqliteDb = NonNullable<ReadModelDb['sqlite']>;

type SqliteConstructor = new (
  path: string,
  options?: { readonly readonly?: boolean; readonly fileMustExist?: boolean },
) => SqliteDb;

/*
 * better-sqlite3 is a dependency of the packages that own the two files (the
 * event store and the read models), not of the API. The backup needs the raw
 * connection (its online-backup API, PRAGMAs, a held read transaction), so it
 * loads the very build the projections package loads, resolved from there,
 * rather than declaring a second copy here.
 */
const fromApi = createRequire(import.meta.url);
const fromProjections = createRequire(fromApi.resolve('@werkbezoek/projections'));
const Database = fromProjections('better-sqlite3') as SqliteConstructor;

export interface OpenOptions {
  readonly readonly?: boolean;
  /** Milliseconds to wait for another process's lock; 0 fails at once with SQLITE_BUSY. */
  readonly busyTimeoutMs?: number;
}

/** Opens an existing SQLite file (never creates one). */
export function openSqlite(path: string, options: OpenOptions = {}): SqliteDb {
  const db = new Database(path, { fileMustExist: true, readonly: options.readonly ?? false });
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  return db;
}

/**
 * Whether another process has the database open. Every connection to a WAL
 * database (the platform's event store and read models are in WAL mode) holds
 * a shared lock on the file for as long as it is open, idle or not; SQLite
 * itself relies on this to tell the last connection, which folds the WAL
 * back in. So an exclusive lock taken without waiting is granted only when
 * no other process has the file open. A `-wal` file left by a killed process
 * is no sign of use: no lock outlives its process.
 *
 * When the lock is granted the probe closes again, and SQLite, as the last
 * connection, checkpoints a leftover WAL into the file: the data is unchanged.
 */
export function isOpenElsewhere(path: string): boolean {
  const db = openSqlite(path, { busyTimeoutMs: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    if (isSqliteCode(error, 'SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}

export function isSqliteCode(error: unknown, code: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    (error.code === code || error.code.startsWith(`${code}_`))
  );
}
