/**
 * A reader thread: runs the read-only statements of one SQLite read-model
 * database on a connection of its own, so a query that takes 100 ms holds up
 * this thread and not the server's event loop (better-sqlite3 is synchronous).
 * Rows go back as arrays with their column names: cloning arrays between
 * threads costs less than cloning objects.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ReaderReply, ReaderRequest, ReaderTask } from './offThreadReads.js';

const task = workerData as ReaderTask;
const database = new Database(task.path, { fileMustExist: true });
database.pragma('busy_timeout = 10000');
// This connection never writes: a statement that tried would fail here, not change the read models behind the main connection's back.
database.pragma('query_only = 1');
const schemaVersion = database.prepare('PRAGMA schema_version').pluck();

interface Prepared {
  readonly statement: Database.Statement;
  /** The column names, with the schema version they were read in (a replaced view may change them). */
  names?: { readonly list: readonly string[]; readonly version: number };
}
const statements = new Map<string, Prepared>();
const LIMIT = 500;

function run({ sql, parameters }: ReaderRequest): { names: readonly string[]; rows: unknown[][] } {
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = { statement: database.prepare(sql).raw(true) };
    if (statements.size >= LIMIT) statements.delete(statements.keys().next().value!);
    statements.set(sql, prepared);
  }
  const before = prepared.names ? undefined : (schemaVersion.get() as number);
  const rows = prepared.statement.all(parameters) as unknown[][];
  const after = schemaVersion.get() as number;
  if (prepared.names?.version === after) return { names: prepared.names.list, rows };
  const list = prepared.statement.columns().map((c) => c.name);
  // Kept only when the schema did not change during the run (as objectRows in database.ts).
  prepared.names = before === after ? { list, version: after } : undefined;
  return { names: list, rows };
}

parentPort!.on('message', (request: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    reply = { id: request.id, ...run(request) };
  } catch (error) {
    const e = error as Error & { code?: string };
    reply = { id: request.id, error: { message: e.message, ...(e.code ? { code: e.code } : {}) } };
  }
  parentPort!.postMessage(reply);
});
parentPort!.on('close', () => database.close());
