import { enableWal } from '@werkbezoek/eventstore';
import Database from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type Dialect,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import { OffThreadReadsDialect } from './offThreadReads.js';

export type DialectName = 'sqlite' | 'postgres';

export type ReadModelConfig =
  | { readonly dialect: 'sqlite'; readonly path: string }
  | { readonly dialect: 'postgres'; readonly url: string; readonly poolSize?: number };

/** A Kysely handle on the read models, with the dialect it speaks. */
export interface ReadModelDb<DB = unknown> {
  readonly db: Kysely<DB>;
  readonly dialect: DialectName;
  /** The SQLite connection under Kysely, for the projector's prepared statements (SQLite only). */
  readonly sqlite?: Database.Database;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (bigint) as strings; positions and counts fit in a double
// only up to 2^53, so the parser keeps them exact as numbers where safe.
pg.types.setTypeParser(20, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 ${value} does not fit a JavaScript number`);
  return n;
});

/**
 * A reader statement that hands Kysely rows as objects made here from
 * better-sqlite3's raw rows (arrays): better-sqlite3 makes its row objects
 * through the engine's slow API, which for a page of rows takes almost half
 * as long as SQLite takes to find them.
 *
 * A run prepares the statement anew if the schema changed (a projection's
 * view replaced), and its columns may change with it; asking for them after
 * every run would cost more than making the objects. So the names are kept
 * with the schema version (SQLite raises it with every change of the main
 * schema, the only one the read models use) that held from before a run
 * until after it; a later run that ends in that same version ran in it too,
 * as the version never goes back.
 */
function objectRows(statement: Database.Statement, schemaVersion: () => number): SqliteStatement {
  statement.raw(true);
  let known: { readonly names: readonly string[]; readonly version: number } | undefined;
  const columnNames = () => statement.columns().map((c) => c.name);
  const toObject = (names: readonly string[]) => (values: unknown[]) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row;
  };
  return {
    reader: true,
    all(parameters) {
      const before = known ? undefined : schemaVersion();
      const rows = statement.all(parameters) as unknown[][];
      const after = schemaVersion();
      let names: readonly string[];
      if (known?.version === after) names = known.names;
      else {
        // The columns of this run, whatever the schema was; kept only if it did not change during the run.
        names = columnNames();
        known = before === after ? { names, version: after } : undefined;
      }
      return rows.map(toObject(names));
    },
    run: (parameters) => statement.run(parameters),
    *iterate(parameters) {
      let toRow: ((values: unknown[]) => Record<string, unknown>) | undefined;
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>)
        yield (toRow ??= toObject(columnNames()))(values);
    },
  };
}

/**
 * Kysely's rollback, run only while a transaction is open. SQLite ends a
 * transaction itself on some failures (a full disk, an I/O error); Kysely's
 * ROLLBACK would then fail with "cannot rollback - no transaction is active",
 * and that error would replace the one that ended the transaction, so a full
 * disk would look like a fault of the statement.
 */
function rollbackIfOpen(database: Database.Database): SqliteStatement {
  const statement = database.prepare('rollback');
  return {
    reader: false,
    all: () => [],
    run: (parameters) => (database.inTransaction ? statement.run(parameters) : { changes: 0, lastInsertRowid: 0 }),
    iterate: () => [][Symbol.iterator](),
  };
}

/**
 * better-sqlite3 under Kysely, keeping its prepared statements: Kysely
 * prepares every query anew, which costs as much as running a small one.
 * Reuse is safe because Kysely runs one query at a time on SQLite's single
 * connection (a stream holds the connection until it ends). Queries differ
 * in their text only by shape (values are parameters), so a bounded map holds
 * them all; the oldest is dropped when it is full.
 */
function reusingStatements(database: Database.Database, limit = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  const version = database.prepare('PRAGMA schema_version').pluck();
  const schemaVersion = () => version.get() as number;
  const rollback = rollbackIfOpen(database);
  return {
    close: () => database.close(),
    prepare(sql) {
      if (sql === 'rollback') return rollback;
      let statement = statements.get(sql);
      if (!statement) {
        const prepared = database.prepare(sql);
        statement = prepared.reader ? objectRows(prepared, schemaVersion) : prepared;
        if (statements.size >= limit) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export interface OpenReadModelsOptions {
  /**
   * For the projection runner: on SQLite, a page cache of 256 MiB instead of
   * 16, since rebuilds write rows with random keys all over large tables; on
   * PostgreSQL, commits that do not wait for the disk.
   */
  readonly projector?: boolean;
  /**
   * SQLite only: run plain SELECTs (outside transactions) in this many reader
   * threads, each with a connection of its own, so a long read does not hold
   * up the event loop (offThreadReads.ts). 0, the default, runs every
   * statement on the calling thread. PostgreSQL's client never blocks.
   */
  readonly readerThreads?: number;
  /** Where a reader thread's failure is told. */
  readonly log?: (message: string) => void;
}

export function openReadModels<DB>(config: ReadModelConfig, options: OpenReadModelsOptions = {}): ReadModelDb<DB> {
  let dialect: Dialect;
  let sqlite: Database.Database | undefined;
  if (config.dialect === 'sqlite') {
    const database = new Database(config.path);
    sqlite = database;
    enableWal(database);
    // The projector can always rebuild from the event log, so a power loss may
    // cost the last checkpoints but never correctness: NORMAL is enough here.
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 10000');
    if (options.projector) database.pragma(`cache_size = ${-256 * 1024}`);
    const threads = options.readerThreads ?? 0;
    const dialectConfig = { database: reusingStatements(database) };
    dialect =
      threads > 0 && config.path !== ':memory:'
        ? new OffThreadReadsDialect(dialectConfig, {
            path: config.path,
            threads,
            ...(options.log ? { log: options.log } : {}),
          })
        : new SqliteDialect(dialectConfig);
  } else {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize ?? 10,
      // As NORMAL on SQLite: a crash may cost the last checkpoints (never half of one), which the
      // projector applies again; commits need not wait for the WAL to reach the disk.
      ...(options.projector ? { options: '-c synchronous_commit=off' } : {}),
    });
    // An idle connection the server ends (a restart, pg_terminate_backend, a failover) is an 'error' on the
    // pool, which would otherwise end the process as uncaught: the pool drops that client, and the next
    // query opens a new connection (or fails with its own error while the server is away).
    pool.on('error', () => {});
    dialect = new PostgresDialect({ pool });
  }
  const db = new Kysely<DB>({ dialect });
  return { db, dialect: config.dialect, ...(sqlite ? { sqlite } : {}), close: () => db.destroy() };
}

/** Read-model configuration from the environment: DATABASE_URL for PostgreSQL, else SQLite in DATA_DIR. */
export function readModelConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): ReadModelConfig {
  return env.DATABASE_URL
    ? { dialect: 'postgres', url: env.DATABASE_URL }
    : { dialect: 'sqlite', path: `${dataDir}/read-models.db` };
}

/**
 * Kysely over tables whose names are only known at run time (the physical
 * tables of a projection version). Typed queries go through the views.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- dynamic table names
export type AnyKysely = Kysely<any>;
