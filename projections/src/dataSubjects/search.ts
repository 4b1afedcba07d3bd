import { sql } from 'kysely';
import type { AnyKysely, ReadModelDb } from '../db/database.js';
import { allProjections } from '../projections.js';
import type { Projection } from '../runner/projection.js';
import { dataSubjectsProjection } from './projection.js';

/** A read-model row that holds a subject's id or one of their values, reduced to what mentions them. */
export interface MentioningRow {
  /** The projection that writes the table. */
  readonly readModel: string;
  /** The view readers query. */
  readonly table: string;
  /** The row's key columns and their values. */
  readonly key: Readonly<Record<string, unknown>>;
  /**
   * The columns that mention the subject, with their values; a JSON column
   * keeps only the elements that mention them, since its others may be
   * other people's.
   */
  readonly columns: Readonly<Record<string, unknown>>;
}

/** Needles shorter than this match too much by chance (initials, "nl"); an id or a name is longer. */
const MIN_NEEDLE = 3;
/** Needles per statement: well under SQLite's and PostgreSQL's limits on parameters. */
const NEEDLES_PER_QUERY = 1000;

const mentions = (text: string, needles: readonly string[]) => needles.some((n) => text.includes(n));
/** A cell as text: what the database compared (numbers and text as written, anything else as JSON). */
const asText = (cell: unknown): string =>
  typeof cell === 'string'
    ? cell
    : typeof cell === 'number' || typeof cell === 'bigint'
      ? String(cell)
      : JSON.stringify(cell);

/** A JSON value cut down to what mentions a needle: array elements and object entries that do. */
function prune(value: unknown, needles: readonly string[]): unknown {
  if (Array.isArray(value))
    return value.filter((v) => mentions(JSON.stringify(v), needles)).map((v) => prune(v, needles));
  if (value !== null && typeof value === 'object') {
    const kept = Object.entries(value).filter(([, v]) => mentions(JSON.stringify(v), needles));
    // An object that mentions them as a whole (a staff entry { id, name }) is theirs: kept whole.
    return kept.length === Object.keys(value).length
      ? value
      : Object.fromEntries(kept.map(([k, v]) => [k, prune(v, needles)]));
  }
  return value;
}

/** A column's value as shown: a JSON array or object in a text column is pruned to the subject's part. */
function shown(value: unknown, needles: readonly string[]): unknown {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) return value;
  try {
    return prune(JSON.parse(value), needles);
  } catch {
    return value;
  }
}

/**
 * Every read-model row that holds one of `needles` (a subject's id and their
 * personal values) in any column, found generically: every view of every
 * projection, every column compared as text. The data-subject read model
 * itself is left out (it holds ids only and names every subject). Full
 * scans: fine for one person's access report, not for bulk use.
 */
export async function findRowsMentioning(
  readModels: ReadModelDb,
  needles: readonly string[],
  projections: readonly Projection[] = allProjections,
): Promise<MentioningRow[]> {
  const terms = [...new Set(needles.filter((n) => n.length >= MIN_NEEDLE))];
  if (terms.length === 0) return [];
  const db = readModels.db as AnyKysely;
  const columnsOf = new Map<string, string[]>();
  for (const t of await db.introspection.getTables())
    columnsOf.set(
      t.name,
      t.columns.map((c) => c.name),
    );
  const contains = (column: string) =>
    readModels.dialect === 'postgres'
      ? sql`strpos(cast(${sql.ref(`t.${column}`)} as text), needles.v) > 0`
      : sql`instr(cast(${sql.ref(`t.${column}`)} as text), needles.v) > 0`;

  const found: MentioningRow[] = [];
  for (const projection of projections) {
    if (projection.name === dataSubjectsProjection.name) continue;
    for (const table of projection.tables) {
      const columns = columnsOf.get(table.name);
      if (!columns) continue;
      const seen = new Set<string>();
      // The needles as a table, so the condition has one term per column (SQLite caps an expression's depth at 1000).
      for (let i = 0; i < terms.length; i += NEEDLES_PER_QUERY) {
        const needles = terms.slice(i, i + NEEDLES_PER_QUERY).map((n) => sql`(${n})`);
        const { rows } = await sql<Record<string, unknown>>`with needles(v) as (values ${sql.join(needles)})
          select t.* from ${sql.table(table.name)} as t
          where exists (select 1 from needles where ${sql.join(columns.map(contains), sql` or `)})`.execute(db);
        for (const row of rows) {
          const key = Object.fromEntries(table.key.map((k) => [k, row[k]]));
          const id = JSON.stringify(key);
          if (seen.has(id)) continue;
          seen.add(id);
          const matched = columns.filter((c) => row[c] !== null && mentions(asText(row[c]), terms));
          found.push({
            readModel: projection.name,
            table: table.name,
            key,
            columns: Object.fromEntries(matched.map((c) => [c, shown(row[c], terms)])),
          });
        }
      }
    }
  }
  return found;
}
