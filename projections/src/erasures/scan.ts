import { sql } from 'kysely';
import type { ReadModelDb } from '../db/database.js';

export interface TraceFound {
  readonly table: string;
  readonly column: string;
  readonly value: string;
}

/** Every base table of the read-model database (views only repeat them), including the runner's own. */
export async function readModelTables(readModels: ReadModelDb): Promise<string[]> {
  const rows =
    readModels.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(
          readModels.db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
          readModels.db,
        );
  return rows.rows.map((r) => r.name);
}

/**
 * Looks for each of `values` in every column of every row of every table of
 * the read models (text, numbers, blobs as UTF-8): the check that an erasure
 * left no trace. Slow on large databases: for tests and one-off checks.
 */
export async function findInReadModels(readModels: ReadModelDb, values: readonly string[]): Promise<TraceFound[]> {
  const found: TraceFound[] = [];
  for (const table of await readModelTables(readModels)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(readModels.db);
    for (const row of rows.rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (cell === null || cell === undefined) continue;
        const text = Buffer.isBuffer(cell)
          ? cell.toString('utf8')
          : typeof cell === 'string'
            ? cell
            : typeof cell === 'number' || typeof cell === 'bigint'
              ? cell.toString()
              : JSON.stringify(cell);
        for (const value of values) if (text.includes(value)) found.push({ table, column, value });
      }
    }
  }
  return found;
}
