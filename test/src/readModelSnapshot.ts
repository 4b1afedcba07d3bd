import { physicalName, type ProjectionStateTable, type ReadModelDb } from '@werkbezoek/projections';
import { sql, type Kysely } from 'kysely';

/** Every row of every read-model view, by view name, each view's rows in a total order. */
export type Snapshot = Record<string, readonly Record<string, unknown>[]>;

/**
 * The views readers query, from the database's own catalogue, so that a read
 * model added later is compared without touching the test.
 */
export async function listViews(readModels: ReadModelDb): Promise<string[]> {
  const { db, dialect } = readModels;
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'view' order by name`.execute(db)
      : await sql<{ name: string }>`
          select table_name as name from information_schema.views
          where table_schema = current_schema() order by table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}

async function columnCount(readModels: ReadModelDb, view: string): Promise<number> {
  const { db, dialect } = readModels;
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${view})`.execute(db)
      : await sql<{ name: string }>`
          select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${view}`.execute(db);
  return rows.rows.length;
}

/** All rows of a view, ordered by every column, so that two databases with the same rows give equal arrays. */
export async function dumpView(readModels: ReadModelDb, view: string): Promise<Record<string, unknown>[]> {
  const columns = await columnCount(readModels, view);
  if (columns === 0) throw new Error(`View ${view} has no columns in the catalogue`);
  const orderBy = sql.raw(Array.from({ length: columns }, (_, i) => String(i + 1)).join(', '));
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(view)} order by ${orderBy}`.execute(
    readModels.db,
  );
  return result.rows;
}

export async function snapshot(readModels: ReadModelDb): Promise<Snapshot> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const view of await listViews(readModels)) out[view] = await dumpView(readModels, view);
  return out;
}

/**
 * SQLite's full-text index of the lessons is an FTS5 table beside the
 * physical lessons table, kept by triggers, and no view shows it. This checks
 * it against its content table (FTS5's integrity check with rank 1) and
 * returns every indexed token (fts5vocab, 'instance'), so that two databases'
 * indexes can be compared too. Undefined on PostgreSQL, where the index is
 * the generated `search` column of the `lessons` view.
 */
export async function lessonSearchIndex(readModels: ReadModelDb): Promise<readonly unknown[] | undefined> {
  if (readModels.dialect !== 'sqlite') return undefined;
  const db = readModels.db as Kysely<{ projection_state: ProjectionStateTable }>;
  const active = await db
    .selectFrom('projection_state')
    .select(['version', 'generation'])
    .where('name', '=', 'lessons')
    .where('status', '=', 'ACTIVE')
    .executeTakeFirstOrThrow();
  const fts = `${physicalName('lessons', active.version, active.generation)}_fts`;
  await sql`insert into ${sql.table(fts)} (${sql.table(fts)}, rank) values ('integrity-check', 1)`.execute(db);
  await sql`drop table if exists temp.lesson_search_vocabulary`.execute(db);
  await sql`create virtual table temp.lesson_search_vocabulary using fts5vocab(main, ${sql.lit(fts)}, 'instance')`.execute(
    db,
  );
  const rows = await sql<Record<string, unknown>>`
    select term, doc, col, "offset" from temp.lesson_search_vocabulary order by doc, col, "offset", term`.execute(db);
  return rows.rows;
}
