import { Worker } from 'node:worker_threads';
import {
  SelectQueryNode,
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';

/*
 * SQLite read models with their reads run off the event loop. better-sqlite3
 * is synchronous: a read that takes 100 ms (the dashboard's coverage over
 * every municipality, the planner's clusters at 1.3 million events) holds up
 * every other request of the server meanwhile. Here a SELECT outside a
 * transaction goes to a reader thread with a connection of its own; every
 * other statement, and every statement of a transaction, runs on the main
 * connection as before. SQLite in WAL mode lets the two connections work at
 * once, and a reader's statement sees every transaction committed before it
 * began, so a read after a write (on either connection) sees the write.
 */

/** What a reader thread is given. */
export interface ReaderTask {
  readonly path: string;
}
export interface ReaderRequest {
  readonly id: number;
  readonly sql: string;
  readonly parameters: readonly unknown[];
}
export type ReaderReply =
  | { readonly id: number; readonly names: readonly string[]; readonly rows: unknown[][] }
  | { readonly id: number; readonly error: { readonly message: string; readonly code?: string } };

/** A reader failure as a SQLite error of the main connection would look: the same message and code. */
export class ReaderError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

interface Pending {
  readonly compiled: CompiledQuery;
  resolve(rows: Record<string, unknown>[]): void;
  reject(error: Error): void;
}

/** One reader thread and the statements sent to it, answered in order. */
class Reader {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Why the thread stopped, if it did; its statements then run on the main connection. */
  stopped: Error | undefined;

  /** `onStop` is given the reads the thread had not answered when it stopped. */
  constructor(
    path: string,
    private readonly onStop: (reader: Reader, error: Error, unanswered: readonly Pending[]) => void,
  ) {
    this.worker = new Worker(new URL('./readerThread.boot.mjs', import.meta.url), {
      workerData: { path } satisfies ReaderTask,
    });
    this.worker.on('message', (reply: ReaderReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!pending) return;
      if ('error' in reply) return pending.reject(new ReaderError(reply.error.message, reply.error.code));
      const { names, rows } = reply;
      const objects = new Array<Record<string, unknown>>(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const values = rows[r]!;
        const row: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
        objects[r] = row;
      }
      pending.resolve(objects);
    });
    this.worker.on('error', (error) => this.stop(new Error(`A read-model reader thread failed: ${error.message}`)));
    this.worker.on('exit', (code) => this.stop(new Error(`A read-model reader thread stopped (exit code ${code})`)));
  }

  private stop(error: Error): void {
    if (this.stopped) return;
    this.stopped = error;
    const unanswered = [...this.pending.values()];
    this.pending.clear();
    this.onStop(this, error, unanswered);
  }

  get load(): number {
    return this.pending.size;
  }

  query(compiled: CompiledQuery): Promise<Record<string, unknown>[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { compiled, resolve, reject });
      this.worker.postMessage({ id, sql: compiled.sql, parameters: compiled.parameters } satisfies ReaderRequest);
    });
  }

  /** Stops the thread; the reads it had not answered go to onStop, as when it fails. */
  async close(): Promise<void> {
    this.stop(new Error('The read models were closed before this read was answered'));
    await this.worker.terminate();
  }
}

/** A connection that sends plain SELECTs to a reader and everything else, and all of a transaction, to the main one. */
class RoutingConnection implements DatabaseConnection {
  /** The main connection while this one holds it (a transaction). */
  held: DatabaseConnection | undefined;

  constructor(private readonly driver: OffThreadReadsDriver) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.held) return this.held.executeQuery<R>(compiled);
    const reader = SelectQueryNode.is(compiled.query) ? this.driver.reader() : undefined;
    if (reader) return { rows: (await reader.query(compiled)) as R[] };
    return this.driver.onMain((main) => main.executeQuery<R>(compiled));
  }

  async *streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.held) {
      yield* this.held.streamQuery<R>(compiled, chunkSize);
      return;
    }
    // A stream holds the main connection until it ends, as with Kysely's own driver.
    const main = await this.driver.inner.acquireConnection();
    try {
      yield* main.streamQuery<R>(compiled, chunkSize);
    } finally {
      await this.driver.inner.releaseConnection(main);
    }
  }
}

class OffThreadReadsDriver implements Driver {
  private readers: Reader[] = [];

  constructor(
    readonly inner: Driver,
    private readonly path: string,
    private readonly threads: number,
    private readonly log: (message: string) => void,
  ) {}

  async init(): Promise<void> {
    await this.inner.init();
    const onStop = (reader: Reader, error: Error, unanswered: readonly Pending[]) => {
      // Closing: the main connection is about to close too, so the reads fail with the reason.
      if (!this.readers.includes(reader)) {
        for (const p of unanswered) p.reject(error);
        return;
      }
      this.readers = this.readers.filter((r) => r !== reader);
      this.log(`${error.message}; its reads run on the main connection`);
      // A read changes nothing: the ones it had not answered run again on the main connection.
      for (const p of unanswered)
        this.onMain((main) => main.executeQuery<Record<string, unknown>>(p.compiled)).then(
          (result) => p.resolve(result.rows),
          (e: unknown) => p.reject(e as Error),
        );
    };
    this.readers = Array.from({ length: this.threads }, () => new Reader(this.path, onStop));
  }

  /** The reader with the fewest statements waiting, or none when every one has stopped. */
  reader(): Reader | undefined {
    let best: Reader | undefined;
    for (const r of this.readers) if (!r.stopped && (!best || r.load < best.load)) best = r;
    return best;
  }

  async onMain<T>(run: (main: DatabaseConnection) => Promise<T>): Promise<T> {
    const main = await this.inner.acquireConnection();
    try {
      return await run(main);
    } finally {
      await this.inner.releaseConnection(main);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutingConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const routing = connection as RoutingConnection;
    const main = await this.inner.acquireConnection();
    try {
      await this.inner.beginTransaction(main, settings);
    } catch (error) {
      await this.inner.releaseConnection(main);
      throw error;
    }
    routing.held = main;
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(this.main(connection));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(this.main(connection));
  }

  // Savepoints run in the transaction, so on the main connection the routing one holds.
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.inner.savepoint!(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.rollbackToSavepoint!(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.inner.releaseSavepoint!(connection, name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const routing = connection as RoutingConnection;
    const held = routing.held;
    routing.held = undefined;
    if (held) await this.inner.releaseConnection(held);
  }

  async destroy(): Promise<void> {
    const readers = this.readers;
    this.readers = [];
    await Promise.all(readers.map((r) => r.close()));
    await this.inner.destroy();
  }

  private main(connection: DatabaseConnection): DatabaseConnection {
    const held = (connection as RoutingConnection).held;
    if (!held) throw new Error('No transaction is open on this read-model connection');
    return held;
  }
}

/** Kysely's SQLite dialect over `config`'s connection, with plain SELECTs run by `threads` reader threads on `path`. */
export class OffThreadReadsDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly reads: {
      readonly path: string;
      readonly threads: number;
      readonly log?: (message: string) => void;
    },
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new OffThreadReadsDriver(
      super.createDriver(),
      this.reads.path,
      this.reads.threads,
      this.reads.log ?? (() => {}),
    );
  }
}
