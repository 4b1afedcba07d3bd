import type Database from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { AnyKysely, DialectName } from '../db/database.js';
import type { AnyTableDef, TableDef } from './projection.js';

type Row = Record<string, unknown>;
type Entry = {
  row: Row | undefined;
  dirty: boolean;
  key: Row;
  /** The committed row, when known: null when there is none, undefined when it was never read. */
  stored: Row | null | undefined;
};

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
const quote = (name: string) => `"${name}"`;

/** `"a" = ? AND "b" = ?`: the row with these key columns. */
const byKey = (keys: readonly string[]) => keys.map((k) => `${quote(k)} = ?`).join(' AND ');

/** The clause that turns an INSERT of `columns` into an upsert on the table's key. */
function onConflict(keys: readonly string[], columns: readonly string[]): string {
  const nonKey = columns.filter((c) => !keys.includes(c));
  const action =
    nonKey.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${nonKey.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`).join(', ')}`;
  return ` ON CONFLICT (${keys.map(quote).join(', ')}) ${action}`;
}

/**
 * One statement of a flush on PostgreSQL: `text` writes it with its values
 * appended to `parameters`, numbered after those already there, so several
 * statements can be joined into one.
 */
interface PostgresWrite {
  readonly parameters: number;
  text(parameters: unknown[]): string;
}

/** PostgreSQL takes at most 65,535 parameters in a statement. */
const MAX_PARAMETERS = 60_000;

/** `rows` as statements of at most MAX_PARAMETERS values: `statement` gets the `(…), (…)` tuples. */
function chunks(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  statement: (tuples: string) => string,
): PostgresWrite[] {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const writes: PostgresWrite[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement);
    writes.push({
      parameters: slice.length * columns.length,
      text: (parameters) =>
        statement(
          slice.map((row) => `(${columns.map((c) => `$${parameters.push(row[c] ?? null)}`).join(', ')})`).join(', '),
        ),
    });
  }
  return writes;
}

/**
 * SQLite through its own connection, inside the transaction Kysely opened on
 * it: one prepared statement per table and operation, run once per row. On
 * SQLite that beats building large multi-row statements (whose preparation
 * costs grow with their size) several times over.
 */
class SqliteRows {
  private readonly cache: Map<string, Database.Statement>;

  constructor(private readonly db: Database.Database) {
    let cache = statements.get(db);
    if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
    this.cache = cache;
  }

  private statement(text: string): Database.Statement {
    let statement = this.cache.get(text);
    if (!statement) this.cache.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  get(table: string, keys: readonly string[], values: unknown[]): Record<string, unknown> | undefined {
    return this.statement(`SELECT * FROM ${quote(table)} WHERE ${byKey(keys)}`).get(...values) as
      Record<string, unknown> | undefined;
  }

  /** Inserts `rows`; `conflict` (an ON CONFLICT clause) makes them replace the rows with their keys. */
  write(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[], conflict: string): void {
    const statement = this.statement(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})` +
        conflict,
    );
    const values = new Array<unknown>(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
      statement.run(...values);
    }
  }

  /** Sets `columns` of the row with `keys`: indexes on other columns are left alone. */
  update(table: string, keys: readonly string[], columns: readonly string[], row: Row): void {
    const statement = this.statement(
      `UPDATE ${quote(table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${byKey(keys)}`,
    );
    const values = new Array<unknown>(columns.length + keys.length);
    for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
    for (let i = 0; i < keys.length; i++) values[columns.length + i] = row[keys[i]!];
    statement.run(...values);
  }

  delete(table: string, keys: readonly string[], values: unknown[]): void {
    this.statement(`DELETE FROM ${quote(table)} WHERE ${byKey(keys)}`).run(...values);
  }
}

/**
 * Flushes several units of work in the transaction each has begun. On
 * PostgreSQL their statements go as one (data-modifying WITH queries, each
 * run once to completion): a live batch's writes to every read model in one
 * round trip. They touch different tables, or different rows of one, so no
 * row is written twice in it. Where the values would exceed a statement's
 * parameters, each statement goes on its own.
 */
export async function flushTogether(units: readonly UnitOfWork[]): Promise<void> {
  const first = units[0];
  if (!first) return;
  if (first.dialectName !== 'postgres' || units.length === 1) {
    for (const uow of units) await uow.flush();
    return;
  }
  const writes = units.flatMap((uow) => uow.writesForPostgres());
  const total = writes.reduce((n, w) => n + w.parameters, 0);
  if (writes.length <= 1 || total > MAX_PARAMETERS) {
    for (const uow of units) await uow.flush();
    return;
  }
  const parameters: unknown[] = [];
  const texts = writes.map((w) => w.text(parameters));
  const last = texts.pop()!;
  await first.connection.executeQuery(
    CompiledQuery.raw(`WITH ${texts.map((t, i) => `w${i} AS (${t})`).join(', ')} ${last}`, parameters),
  );
  for (const uow of units) uow.markFlushed();
}

/**
 * Committed rows of one projection generation, kept between batches so a
 * rebuild does not read back what it has just written. Only committed rows
 * enter it, so a rolled-back batch leaves it true. It is sound because one
 * runner is the only writer of a generation's tables (one active projector).
 */
export class RowCache {
  /** Per table, the rows stored or read since the last turnover, and those from before it. */
  private readonly tables = new Map<
    string,
    { young: Map<string, Row | undefined>; old: Map<string, Row | undefined> }
  >();
  private youngRows = 0;
  /**
   * Per table, the key of every row the tables hold, when known: kept from
   * the moment they were empty (a new generation), so a key not here has no
   * row, and a rebuild's many new keys need no database read to learn that.
   */
  private keys: Map<string, Set<string>> | undefined;
  private readonly maxRows: number;
  private readonly followingMaxRows: number;
  private following = false;

  /**
   * `maxRows` while catching up (a rebuild comes back to rows thousands of
   * events apart); `followingMaxRows` once it follows the log live, where a
   * batch is a write or two and a large bound would only fill, over hours,
   * with rows the next writes never touch again (a request's row with its
   * assessment explained in two languages is about 7 KB).
   */
  constructor(
    options: { readonly maxRows?: number; readonly followingMaxRows?: number; readonly empty?: boolean } = {},
  ) {
    this.maxRows = options.maxRows ?? 400_000;
    this.followingMaxRows = options.followingMaxRows ?? 500;
    this.keys = options.empty ? new Map() : undefined;
  }

  /**
   * Whether the runner follows the log live (its batches are short) or
   * catches up. Following forgets the keys known from empty: they grow with
   * the tables and only a rebuild's many new rows gain from them.
   */
  follow(live: boolean): void {
    this.following = live;
    if (live) this.keys = undefined;
  }

  private table(name: string) {
    let rows = this.tables.get(name);
    if (!rows) this.tables.set(name, (rows = { young: new Map(), old: new Map() }));
    return rows;
  }

  lookup(table: string, key: string): { row: Row | undefined } | undefined {
    const rows = this.table(table);
    if (rows.young.has(key)) return { row: rows.young.get(key) };
    if (!rows.old.has(key)) return undefined;
    const row = rows.old.get(key);
    this.store(table, key, row);
    return { row };
  }

  store(table: string, key: string, row: Row | undefined): void {
    const { young } = this.table(table);
    if (!young.has(key)) this.youngRows++;
    young.set(key, row);
    if (!this.keys) return;
    let keys = this.keys.get(table);
    if (!keys) this.keys.set(table, (keys = new Set()));
    if (row) keys.add(key);
    else keys.delete(key);
  }

  /** True when the table certainly has no row with this key (without reading it). */
  absent(table: string, key: string): boolean {
    return this.keys !== undefined && !this.keys.get(table)?.has(key);
  }

  /**
   * Keeps at most about its bound: when the rows used since the last turnover
   * reach half of it, they become the old ones and the older ones are let go,
   * so the rows a rebuild keeps coming back to (open missions, this year's
   * budget) stay while those it is done with leave.
   */
  trim(): void {
    if (this.youngRows <= (this.following ? this.followingMaxRows : this.maxRows) / 2) return;
    for (const rows of this.tables.values()) {
      rows.old = rows.young;
      rows.young = new Map();
    }
    this.youngRows = 0;
  }
}

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
    private db: AnyKysely,
    private readonly dialect: DialectName,
    private readonly physical: (table: string) => string,
    private readonly cache?: RowCache,
    sqlite?: Database.Database,
  ) {
    this.sqlite = sqlite ? new SqliteRows(sqlite) : undefined;
  }

  private readonly sqlite: SqliteRows | undefined;

  /** Works inside this transaction from now on. */
  begin(tx: AnyKysely): void {
    this.db = tx;
  }

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
    const key = table.key;
    if (key.length === 1) {
      // Most tables have one key column, of one type: its value alone tells rows apart.
      const v = values[key[0]!];
      if (typeof v === 'string') return v;
      if (v === undefined || v === null) throw new Error(`Row of ${table.name} lacks its key ${key[0]}`);
      return JSON.stringify(v);
    }
    return key
      .map((k) => {
        const v = values[k];
        if (v === undefined || v === null) throw new Error(`Row of ${table.name} lacks its key ${k}`);
        return JSON.stringify(v);
      })
      .join('\u0000');
  }

  /** The batch's entry for a key: read from the row cache or the database at most once per batch. */
  private async entry(table: AnyTableDef, entries: Map<string, Entry>, k: string, key: Row): Promise<Entry> {
    const cached = entries.get(k);
    if (cached) return cached;
    const remembered = this.cache?.lookup(table.name, k);
    let row: Row | undefined;
    if (remembered) row = remembered.row;
    else if (this.cache?.absent(table.name, k)) row = undefined;
    else if (this.sqlite) {
      row = this.sqlite.get(
        this.physical(table.name),
        table.key,
        table.key.map((c) => key[c]),
      );
    } else {
      let query = this.db.selectFrom(this.physical(table.name)).selectAll();
      for (const column of table.key) query = query.where(column, '=', key[column] as never);
      row = await query.executeTakeFirst();
    }
    const entry: Entry = { row, dirty: false, key, stored: row ?? null };
    entries.set(k, entry);
    return entry;
  }

  /** The row with this key, or undefined; read from the database at most once per batch. */
  async get<R extends object>(table: TableDef<R>, key: Partial<R>): Promise<R | undefined> {
    const entries = this.entries(table);
    const { row } = await this.entry(table, entries, this.keyOf(table, key), key);
    // A copy: changing it in place must not change the batch's rows behind the unit of work's back.
    return row ? ({ ...row } as R) : undefined;
  }

  /** Inserts or replaces a whole row. */
  put<Row extends object>(table: TableDef<Row>, row: Row): void {
    const entries = this.entries(table);
    const k = this.keyOf(table, row as Record<string, unknown>);
    entries.set(k, {
      row: { ...row } as Record<string, unknown>,
      dirty: true,
      key: row as Record<string, unknown>,
      stored: entries.get(k)?.stored,
    });
  }

  /**
   * Changes an existing row; a missing row is left missing (the event came
   * before its subject). `change` gets the current row to read, not to change.
   */
  async update<R extends object>(
    table: TableDef<R>,
    key: Partial<R>,
    change: (row: Readonly<R>) => Partial<R>,
  ): Promise<Readonly<R> | undefined> {
    const entries = this.entries(table);
    const k = this.keyOf(table, key);
    const entry = await this.entry(table, entries, k, key);
    if (!entry.row) return undefined;
    const next = { ...entry.row, ...change(entry.row as R) };
    entries.set(k, { row: next, dirty: true, key: entry.key, stored: entry.stored });
    return next as R;
  }

  delete<Row extends object>(table: TableDef<Row>, key: Partial<Row>): void {
    const entries = this.entries(table);
    const k = this.keyOf(table, key);
    entries.set(k, { row: undefined, dirty: true, key: key, stored: entries.get(k)?.stored });
  }

  /** Writes every changed row: upserts, then deletes. */
  async flush(): Promise<void> {
    if (this.sqlite) this.flushSqlite(this.sqlite);
    else
      for (const write of this.postgresWrites()) {
        const parameters: unknown[] = [];
        await this.db.executeQuery(CompiledQuery.raw(write.text(parameters), parameters));
      }
    this.clean();
  }

  /** The dialect it writes (flushTogether joins PostgreSQL's statements). */
  get dialectName(): DialectName {
    return this.dialect;
  }

  /** The transaction it writes in (after begin). */
  get connection(): AnyKysely {
    return this.db;
  }

  /** Its statements, for flushTogether. */
  writesForPostgres(): PostgresWrite[] {
    return this.postgresWrites();
  }

  /** After flushTogether stored its statements. */
  markFlushed(): void {
    this.clean();
  }

  private clean(): void {
    for (const entries of this.tables.values()) for (const entry of entries.values()) entry.dirty = false;
  }

  private flushSqlite(sqlite: SqliteRows): void {
    for (const [name, entries] of this.tables) {
      const def = this.defs.get(name)!;
      const table = this.physical(name);
      const upserts: Record<string, unknown>[] = [];
      for (const entry of entries.values()) {
        if (!entry.dirty) continue;
        if (!entry.row)
          sqlite.delete(
            table,
            def.key,
            def.key.map((c) => entry.key[c]),
          );
        else if (entry.stored) this.updateChanged(def, table, entry.stored, entry.row);
        else upserts.push(entry.row);
      }
      if (upserts.length > 0) {
        // Every column any row sets: a row that leaves one out writes NULL there, as a whole-row put means.
        const columns = [...new Set(upserts.flatMap((row) => Object.keys(row)))];
        sqlite.write(table, columns, upserts, onConflict(def.key, columns));
      }
    }
  }

  /**
   * PostgreSQL: the changed rows as multi-row statements written out directly (Kysely's query builder
   * would spend longer compiling thousands of rows than the server spends storing them): per table, the
   * upserts, then one DELETE of the removed keys.
   */
  private postgresWrites(): PostgresWrite[] {
    const writes: PostgresWrite[] = [];
    for (const [name, entries] of this.tables) {
      const def = this.defs.get(name)!;
      const table = quote(this.physical(name));
      const upserts: Record<string, unknown>[] = [];
      const deletes: Record<string, unknown>[] = [];
      for (const entry of entries.values()) {
        if (!entry.dirty) continue;
        if (entry.row) upserts.push(entry.row);
        else deletes.push(entry.key);
      }
      if (upserts.length > 0) {
        const columns = [...new Set(upserts.flatMap((row) => Object.keys(row)))];
        const head = `INSERT INTO ${table} (${columns.map(quote).join(', ')}) VALUES `;
        const tail = onConflict(def.key, columns);
        writes.push(...chunks(upserts, columns, (tuples) => head + tuples + tail));
      }
      if (deletes.length > 0) {
        const keys = `(${def.key.map(quote).join(', ')})`;
        writes.push(...chunks(deletes, def.key, (tuples) => `DELETE FROM ${table} WHERE ${keys} IN (${tuples})`));
      }
    }
    return writes;
  }

  /**
   * On SQLite, a row known to be stored is updated in the columns that
   * changed only: an upsert sets every column, so SQLite rewrites every index
   * of the table, where a request's status change touches one.
   */
  private updateChanged(def: AnyTableDef, table: string, stored: Row, row: Row): void {
    const keys: readonly string[] = def.key;
    const generated = def.generatedColumns ?? [];
    const changed: string[] = [];
    // A whole-row put: a column the new row leaves out becomes NULL.
    for (const column in stored) {
      if (keys.includes(column) || generated.includes(column)) continue;
      if ((row[column] ?? null) !== (stored[column] ?? null)) changed.push(column);
    }
    for (const column in row) if (!(column in stored) && row[column] != null) changed.push(column);
    if (changed.length > 0) this.sqlite!.update(table, keys, changed.sort(), row);
  }

  /** After the transaction committed: what this batch read and wrote is now the database's state. */
  committed(): void {
    if (!this.cache) return;
    for (const [name, entries] of this.tables) for (const [k, entry] of entries) this.cache.store(name, k, entry.row);
    this.cache.trim();
  }
}
