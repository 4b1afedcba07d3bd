import { sql } from 'kysely';
import type { AnyKysely, DialectName } from '../db/database.js';
import type { AnyTableDef, TableDef } from './projection.js';

type Entry = { row: Record<string, unknown> | undefined; dirty: boolean; key: Record<string, unknown> };

/**
 * The rows a projection reads and writes while applying one batch of events.
 * Reads go to the database once per row and are cached for the batch; writes
 * stay in memory and are flushed as multi-row upserts and deletes at the end,
 * in the same transaction as the checkpoint. One projection applies a batch
 * of thousands of events in a handful of statements.
 */
export class UnitOfWork {
  private readonly tables = new Map<string, Map<string, Entry>>();
  private readonly defs = new Map<string, AnyTableDef>();

  constructor(
    private readonly db: AnyKysely,
    private readonly dialect: DialectName,
    private readonly physical: (table: string) => string,
  ) {}

  private entries(table: AnyTableDef): Map<string, Entry> {
    let entries = this.tables.get(table.name);
    if (!entries) {
      entries = new Map();
      this.tables.set(table.name, entries);
      this.defs.set(table.name, table);
    }
    return entries;
  }

  private keyOf(table: AnyTableDef, values: Record<string, unknown>): string {
    return table.key
      .map((k) => {
        const v = values[k];
        if (v === undefined || v === null) throw new Error(`Row of ${table.name} lacks its key ${k}`);
        return JSON.stringify(v);
      })
      .join('\u0000');
  }

  /** The row with this key, or undefined; read from the database at most once per batch. */
  async get<Row extends object>(table: TableDef<Row>, key: Partial<Row>): Promise<Row | undefined> {
    const entries = this.entries(table);
    const k = this.keyOf(table, key);
    const cached = entries.get(k);
    // A copy: changing it in place must not change the batch's rows behind the unit of work's back.
    if (cached) return cached.row ? ({ ...cached.row } as Row) : undefined;
    let query = this.db.selectFrom(this.physical(table.name)).selectAll();
    for (const column of table.key) query = query.where(column, '=', (key as Record<string, unknown>)[column] as never);
    const row = (await query.executeTakeFirst()) as Row | undefined;
    entries.set(k, {
      row: row as Record<string, unknown> | undefined,
      dirty: false,
      key: key,
    });
    return row;
  }

  /** Inserts or replaces a whole row. */
  put<Row extends object>(table: TableDef<Row>, row: Row): void {
    this.entries(table).set(this.keyOf(table, row as Record<string, unknown>), {
      row: { ...row } as Record<string, unknown>,
      dirty: true,
      key: row as Record<string, unknown>,
    });
  }

  /** Changes an existing row; a missing row is left missing (the event came before its subject). */
  async update<Row extends object>(
    table: TableDef<Row>,
    key: Partial<Row>,
    change: (row: Row) => Partial<Row>,
  ): Promise<Row | undefined> {
    const row = await this.get(table, key);
    if (!row) return undefined;
    const next = { ...row, ...change(row) };
    this.put(table, next);
    return next;
  }

  delete<Row extends object>(table: TableDef<Row>, key: Partial<Row>): void {
    this.entries(table).set(this.keyOf(table, key), {
      row: undefined,
      dirty: true,
      key: key,
    });
  }

  /** Writes every changed row: upserts in chunks (within SQLite's variable limit), then deletes. */
  async flush(): Promise<void> {
    for (const [name, entries] of this.tables) {
      const def = this.defs.get(name)!;
      const table = this.physical(name);
      const upserts: Record<string, unknown>[] = [];
      const deletes: Record<string, unknown>[] = [];
      for (const entry of entries.values()) {
        if (!entry.dirty) continue;
        if (entry.row) upserts.push(entry.row);
        else deletes.push(entry.key);
      }
      if (upserts.length > 0) await this.upsert(def, table, upserts);
      const db = this.db;
      for (const key of deletes) {
        let query = db.deleteFrom(table);
        for (const column of def.key) query = query.where(column, '=', key[column] as never);
        await query.execute();
      }
      for (const entry of entries.values()) entry.dirty = false;
    }
  }

  private async upsert(def: AnyTableDef, table: string, rows: Record<string, unknown>[]): Promise<void> {
    // Every column any row sets: a row that leaves one out writes NULL there, as a whole-row put means.
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const perStatement = Math.max(1, Math.floor((this.dialect === 'sqlite' ? 32_000 : 60_000) / columns.length));
    const keys: readonly string[] = def.key;
    const nonKey = columns.filter((c) => !keys.includes(c));
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows
        .slice(i, i + perStatement)
        .map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
      const db = this.db;
      await db
        .insertInto(table)
        .values(chunk)
        .onConflict((oc) => {
          const target = oc.columns([...def.key]);
          if (nonKey.length === 0) return target.doNothing();
          return target.doUpdateSet(Object.fromEntries(nonKey.map((c) => [c, sql.ref(`excluded.${c}`)])));
        })
        .execute();
    }
  }
}
