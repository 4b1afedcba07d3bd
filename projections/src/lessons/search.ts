import { sql, type AliasedRawBuilder, type CompiledQuery, type Kysely } from 'kysely';
import type { AnyKysely, DialectName } from '../db/database.js';
import { physicalName } from '../runner/projection.js';
import { activeBuild } from '../runner/registry.js';
import type { LessonTable } from './table.js';

/*
 * Full-text search over lessons: the one place where SQLite and PostgreSQL
 * differ. Both take the same user words (`searchTerms`), AND them, and match
 * each as a prefix, so that a half-typed word already finds something and the
 * two engines mostly agree on what a search means:
 * - SQLite (FTS5, unicode61 without diacritics): each word is a quoted
 *   prefix ("geboorteakte" finds "geboorteaktes"); no stemming.
 * - PostgreSQL: the lesson's text is stemmed in its language (English for
 *   'en', Dutch for the rest, which is what the catalogue mostly holds); each
 *   word is stemmed and matched as a prefix of a lexeme, in Dutch or in
 *   English. Prefix matching is needed: the Dutch snowball stemmer leaves
 *   "geboorteaktes" whole but cuts "geboorteakte" to "geboorteakt", so
 *   websearch_to_tsquery('dutch', 'geboorteakte') does not find the plural.
 * Titles weigh more than bodies on both.
 */

/** At most this many words are searched; the rest of a pasted paragraph would only narrow to nothing. */
const MAX_TERMS = 16;
const MAX_TERM_LENGTH = 64;

/**
 * The words of a user's search text: runs of letters, digits and marks.
 * Everything else (quotes, `*`, parentheses, `-`, `:`, SQL) separates words,
 * so no user input reaches either engine as query syntax.
 */
export function searchTerms(text: string | undefined): string[] {
  if (!text) return [];
  const words = (text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return [...new Set(words.map((w) => [...w.toLowerCase()].slice(0, MAX_TERM_LENGTH).join('')))].slice(0, MAX_TERMS);
}

/** An FTS5 query that ANDs every word as a quoted prefix: `"geboorteakte"* AND "bohicon"*`. */
export function ftsQuery(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' AND ');
}

/**
 * A to_tsquery text that ANDs every word as a quoted prefix: `'geboorteakte':* & 'bohicon':*`.
 * The words hold only letters, digits and marks; the quoting is there all the same.
 */
export function tsQuery(terms: readonly string[]): string {
  return terms.map((t) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`).join(' & ');
}

/**
 * The words as a PostgreSQL tsquery in Dutch or English (see tsQuery). Where
 * both stemmers leave the words alike ("water"), the query is the Dutch one
 * alone: `'water':* | 'water':*` finds and ranks the same lessons (ts_rank
 * counts each word once), but the planner, which evaluates the query to
 * estimate it, counts such a word twice, expects twice the matches and reads
 * the whole table instead of the search index: at 41,643 lessons a search for
 * "belasting" took 25 ms that way and 4 ms through the index. Only for
 * finding and ranking: ts_headline picks other fragments when a word is there
 * twice, so the highlights keep the query both ways.
 */
function eitherLanguage(text: string) {
  const dutch = sql`to_tsquery('dutch', ${text})`;
  const english = sql`to_tsquery('english', ${text})`;
  return sql`(CASE WHEN ${dutch} = ${english} THEN ${dutch} ELSE ${dutch} || ${english} END)`;
}

/** Names come from `physicalName` and the snake_case check in `defineProjection`; this keeps raw SQL honest. */
function identifier(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a safe table name`);
  return name;
}

const ftsName = (physical: string) => `${physical}_fts`;
const searchIndexName = (physical: string) => `${physical}_search_facets`;

/**
 * What a search filters, orders and counts its matches by. On SQLite an
 * index on these, led by `rowid_ref`, takes a full-text match to them without
 * visiting the table, whose rows (bodies included) lie spread over many more
 * pages: a search visits every match, to rank it and for the facets, so that
 * visit is most of its cost in a large catalogue. PostgreSQL reads its
 * matches from the table all the same (a GIN index has no index-only scan).
 */
export const lessonSearchColumns = [
  'rowid_ref',
  'retracted',
  'good_practice',
  'level',
  'phase',
  'mission_type',
  'country_code',
  'region_code',
  'recorded_on',
  'lesson_id',
  'policy_domains',
] as const satisfies readonly (keyof LessonTable)[];

const triggerNames = (physical: string) => ['ai', 'ad', 'au'].map((s) => `${physical}_fts_${s}`);

/** The objects `createLessonSearch` adds beside the physical table, for the runner to drop with it. */
export function lessonSearchCompanions(physical: string): readonly { kind: 'table' | 'trigger'; name: string }[] {
  return [
    { kind: 'table', name: ftsName(physical) },
    ...triggerNames(physical).map((name) => ({ kind: 'trigger' as const, name })),
  ];
}

/**
 * Adds the full-text index to the physical lessons table `physical`.
 * SQLite: an external-content FTS5 table on (title, body) keyed by
 * `rowid_ref`, kept in step by triggers. The unit of work upserts with
 * INSERT … ON CONFLICT DO UPDATE, which fires the UPDATE trigger on a
 * conflict, and rewrites whole rows; the trigger's WHEN skips rows whose
 * text did not change (a promotion, a retraction).
 * PostgreSQL: a generated, stored tsvector column `search` with a GIN index.
 * The unit of work never writes it because rows put by the projection do
 * not carry it.
 */
export async function createLessonSearch(db: AnyKysely, physical: string, dialect: DialectName): Promise<void> {
  const table = identifier(physical);
  if (dialect === 'postgres') {
    await sql`
      ALTER TABLE ${sql.table(table)} ADD COLUMN search tsvector GENERATED ALWAYS AS (
        CASE language
          WHEN 'en' THEN setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
          ELSE setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', body), 'B')
        END
      ) STORED`.execute(db);
    await db.schema.createIndex(`${table}_search`).ifNotExists().on(table).using('gin').column('search').execute();
    return;
  }
  await db.schema
    .createIndex(searchIndexName(table))
    .ifNotExists()
    .on(table)
    .columns([...lessonSearchColumns])
    .execute();
  const fts = identifier(ftsName(physical));
  const [inserted, deleted, updated] = triggerNames(physical).map((n) => sql.id(identifier(n)));
  // content= and content_rowid= take names as string literals; `identifier` made them safe to inline.
  await sql`
    CREATE VIRTUAL TABLE IF NOT EXISTS ${sql.table(fts)} USING fts5(
      title, body,
      content = '${sql.raw(table)}',
      content_rowid = 'rowid_ref',
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`
    CREATE TRIGGER IF NOT EXISTS ${inserted} AFTER INSERT ON ${sql.table(table)} BEGIN
      INSERT INTO ${sql.table(fts)} (rowid, title, body) VALUES (new.rowid_ref, new.title, new.body);
    END`.execute(db);
  await sql`
    CREATE TRIGGER IF NOT EXISTS ${deleted} AFTER DELETE ON ${sql.table(table)} BEGIN
      INSERT INTO ${sql.table(fts)} (${sql.table(fts)}, rowid, title, body)
        VALUES ('delete', old.rowid_ref, old.title, old.body);
    END`.execute(db);
  await sql`
    CREATE TRIGGER IF NOT EXISTS ${updated} AFTER UPDATE ON ${sql.table(table)}
    WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.rowid_ref IS NOT new.rowid_ref
    BEGIN
      INSERT INTO ${sql.table(fts)} (${sql.table(fts)}, rowid, title, body)
        VALUES ('delete', old.rowid_ref, old.title, old.body);
      INSERT INTO ${sql.table(fts)} (rowid, title, body) VALUES (new.rowid_ref, new.title, new.body);
    END`.execute(db);
}

/** The active generation's physical table and its FTS5 index (SQLite); undefined before the first activation. */
async function activeSearchTables(
  db: AnyKysely,
  projectionName: string,
  tableName: string,
): Promise<{ physical: string; fts: string } | undefined> {
  const active = await activeBuild(db, projectionName);
  if (!active) return undefined;
  const physical = identifier(physicalName(tableName, active.version, active.generation));
  return { physical, fts: identifier(ftsName(physical)) };
}

/** A lesson that matches a search, with its relevance (higher is better; only comparable within one search). */
export interface LessonMatch {
  rowid_ref: number;
  rank: number;
}

/**
 * The lessons matching `terms` (non-empty) as a derived table `m` to join
 * on `rowid_ref` (unique on both dialects); undefined when the lessons
 * projection has no active version yet. Run the query that joins it within
 * `searchingActive`, so that SQLite's index and the `lessons` view are of the
 * same generation. Unranked (`rank` 0), it spares computing a relevance for
 * every match where only the set counts (totals, facets).
 */
export async function lessonMatches(
  db: AnyKysely,
  dialect: DialectName,
  projectionName: string,
  tableName: string,
  terms: readonly string[],
  { ranked = true }: { readonly ranked?: boolean } = {},
): Promise<AliasedRawBuilder<LessonMatch, 'm'> | undefined> {
  if (dialect === 'postgres') {
    const text = tsQuery(terms);
    const search = sql.ref(`${tableName}.search`);
    const rank = ranked ? sql`ts_rank(${search}, query.q)` : sql`0`;
    // The `lessons` view is SELECT * of the active physical table, generated column included.
    // A word that is a stop word in one language drops out of that language's query only.
    return sql<LessonMatch>`(
      SELECT ${sql.ref(`${tableName}.rowid_ref`)} AS rowid_ref, ${rank} AS rank
      FROM ${sql.table(tableName)},
        (SELECT ${eitherLanguage(text)} AS q) AS query
      WHERE ${search} @@ query.q
    )`.as('m');
  }
  const names = await activeSearchTables(db, projectionName, tableName);
  if (!names) return undefined;
  const fts = sql.table(names.fts);
  // bm25 is lower for better matches; negated so that higher is better on both dialects.
  const rank = ranked ? sql`-bm25(${fts}, 10.0, 1.0)` : sql`0`;
  // The index's rowid is the lesson's rowid_ref: no need to visit the table to name the lesson.
  return sql<LessonMatch>`(
    SELECT ${sql.ref(`${names.fts}.rowid`)} AS rowid_ref, ${rank} AS rank
    FROM ${fts}
    WHERE ${fts} MATCH ${ftsQuery(terms)}
  )`.as('m');
}

/**
 * The statement `query` (which reads `columns` of `lessons`) over only the
 * lessons that match `terms`: a materialised common table named `lessons`
 * holding those columns of the matching rows of the active physical table,
 * so that the index is searched once for all of a statement's parts (the
 * facets' seven GROUP BYs) and each part reads a few rows instead of the
 * catalogue. Undefined when the lessons projection has no active version yet.
 */
export async function overMatchingLessons<R>(
  db: AnyKysely,
  dialect: DialectName,
  projectionName: string,
  tableName: string,
  terms: readonly string[],
  columns: readonly string[],
  query: CompiledQuery<R>,
): Promise<CompiledQuery<R> | undefined> {
  const names = await activeSearchTables(db, projectionName, tableName);
  if (!names) return undefined;
  const selected = sql.join(columns.map((c) => sql.ref(`p.${c}`)));
  const text = tsQuery(terms);
  const matching =
    dialect === 'postgres'
      ? sql`SELECT ${selected} FROM ${sql.table(names.physical)} AS p,
          (SELECT ${eitherLanguage(text)} AS q) AS query
        WHERE p.search @@ query.q`
      : // Without statistics SQLite would take the unique index on rowid_ref and then visit the table.
        sql`SELECT ${selected} FROM ${sql.table(names.fts)}
          JOIN ${sql.table(names.physical)} AS p INDEXED BY ${sql.id(searchIndexName(names.physical))}
            ON p.rowid_ref = ${sql.ref(`${names.fts}.rowid`)}
        WHERE ${sql.table(names.fts)} MATCH ${ftsQuery(terms)}`;
  // PostgreSQL numbers its placeholders: the statement's own come after the common table's.
  const prefix = sql`WITH ${sql.table(tableName)} AS MATERIALIZED (${matching}) `.compile(db);
  const body =
    dialect === 'postgres'
      ? query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + prefix.parameters.length}`)
      : query.sql;
  // Still the SELECT `query` is: its node tells SQLite's read-model connection it may run on a reader thread.
  return { ...query, sql: prefix.sql + body, parameters: [...prefix.parameters, ...query.parameters] };
}

/**
 * `run`, a search's statements, run once more when the generation of the
 * lessons projection they read was replaced meanwhile (SQLite). They are not
 * held to one snapshot by a transaction: on SQLite a transaction runs on the
 * main connection, on the event loop, where a broad search's ranking and
 * facets held up every other request; outside one, each SELECT runs on a
 * reader thread. Each statement names the FTS5 index of the generation found
 * active and reads the `lessons` view; the runner points the views at a new
 * generation and drops the old one's tables in one transaction, so a statement
 * that finds its index read the generation the views showed, and one that
 * started after the switch fails with "no such table".
 */
export async function searchingActive<T>(dialect: DialectName, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (dialect !== 'sqlite' || !/no such table: \w+_fts\b/.test(String((error as Error).message))) throw error;
    return run();
  }
}

/**
 * Where a match starts and ends in a highlighted text: private-use code
 * points, which text typed in Dutch or English does not hold, so a reader
 * splits on them into text and marks and never has to parse HTML.
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** A lesson's title with every match marked, and the part of its body around the best matches. */
export interface LessonHighlight {
  readonly title: string;
  /** Marked like the title; starts or ends with "… " / " …" where it cuts the body. */
  readonly snippet: string;
}

/** Words of the body shown around the matches. */
const SNIPPET_TOKENS = 32;

/**
 * The highlights of some lessons (a page of a search) for `terms`, by lesson
 * id. Computed for the page only: ts_headline reads the whole text again and
 * is by far the costliest part of a search on PostgreSQL.
 */
export async function lessonHighlights(
  db: AnyKysely,
  dialect: DialectName,
  projectionName: string,
  tableName: string,
  terms: readonly string[],
  lessons: readonly { lessonId: string; rowidRef: number; body: string }[],
): Promise<Map<string, LessonHighlight>> {
  const result = new Map<string, LessonHighlight>();
  if (terms.length === 0 || lessons.length === 0) return result;
  const ids = lessons.map((l) => l.lessonId);
  let rows: { lesson_id: string; title: string; snippet: string }[];
  if (dialect === 'postgres') {
    const text = tsQuery(terms);
    const config = sql`CASE ${sql.ref(`${tableName}.language`)} WHEN 'en' THEN 'english'::regconfig ELSE 'dutch'::regconfig END`;
    const marks = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
    const titleOptions = `HighlightAll=true, ${marks}`;
    const bodyOptions = `MaxWords=${SNIPPET_TOKENS}, MinWords=${Math.round(SNIPPET_TOKENS / 2)}, MaxFragments=2, FragmentDelimiter=" … ", ${marks}`;
    rows = (
      await sql<{ lesson_id: string; title: string; snippet: string }>`
        SELECT ${sql.ref(`${tableName}.lesson_id`)} AS lesson_id,
          ts_headline(${config}, ${sql.ref(`${tableName}.title`)}, query.q, ${titleOptions}) AS title,
          ts_headline(${config}, ${sql.ref(`${tableName}.body`)}, query.q, ${bodyOptions}) AS snippet
        FROM ${sql.table(tableName)},
          (SELECT to_tsquery('dutch', ${text}) || to_tsquery('english', ${text}) AS q) AS query
        WHERE ${sql.ref(`${tableName}.lesson_id`)} IN (${sql.join(ids)})`.execute(db)
    ).rows;
  } else {
    const names = await activeSearchTables(db, projectionName, tableName);
    if (!names) return result;
    const fts = sql.table(names.fts);
    const byRowid = new Map(lessons.map((l) => [l.rowidRef, l.lessonId]));
    // `+ 0`: a plain rowid IN (…) would go to FTS5, which then runs the (prefix) query once per rowid;
    // this way it runs once and its matches are sifted, with no lookup in the lessons table.
    const found = await (db as Kysely<Record<string, { rowid: number }>>)
      .selectFrom(names.fts)
      .select([
        sql<number>`${sql.ref(`${names.fts}.rowid`)}`.as('rowid'),
        sql<string>`highlight(${fts}, 0, ${MATCH_START}, ${MATCH_END})`.as('title'),
        sql<string>`snippet(${fts}, 1, ${MATCH_START}, ${MATCH_END}, '', ${SNIPPET_TOKENS})`.as('snippet'),
      ])
      .where(
        sql<boolean>`${fts} MATCH ${ftsQuery(terms)} AND (${sql.ref(`${names.fts}.rowid`)} + 0) IN (${sql.join([...byRowid.keys()])})`,
      )
      .execute();
    rows = found.map((r) => ({ lesson_id: byRowid.get(r.rowid)!, title: r.title, snippet: r.snippet }));
  }
  const bodies = new Map(lessons.map((l) => [l.lessonId, l.body]));
  for (const row of rows)
    result.set(row.lesson_id, {
      title: row.title,
      snippet: withEllipses(row.snippet, bodies.get(row.lesson_id) ?? ''),
    });
  return result;
}

const unmarked = (text: string) => text.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');

/** "… " before a snippet that does not start the body, " …" after one that does not end it (both engines cut silently). */
export function withEllipses(snippet: string, body: string): string {
  const plain = unmarked(snippet).trim();
  const text = snippet.trim();
  if (!plain) return text;
  const first = plain.split(' … ')[0]!;
  const last = plain.split(' … ').at(-1)!;
  return `${body.trimStart().startsWith(first) ? '' : '… '}${text}${body.trimEnd().endsWith(last) ? '' : ' …'}`;
}
