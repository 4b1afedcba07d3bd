import { ValidationError } from '@werkbezoek/schema';
import { expressionBuilder, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ReadModelDb } from '../db/database.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../db/pagination.js';
import { lessonsProjection } from './projection.js';
import {
  lessonHighlights,
  lessonMatches,
  overMatchingLessons,
  searchingActive,
  searchTerms,
  type LessonHighlight,
} from './search.js';
import type { ProjectionStateTable } from '../runner/registry.js';
import {
  lessonColumns,
  lessons,
  type LessonCounterTable,
  type LessonPolicyDomainTable,
  type LessonTable,
} from './table.js';

/**
 * Which lessons to list. Within a facet the lists are alternatives (a lesson
 * in any of the regions); facets, and the single-value fields beside their
 * lists, narrow each other.
 */
export interface LessonFilter {
  readonly policyDomain?: string;
  readonly regionCode?: string;
  readonly countryCode?: string;
  readonly missionType?: string;
  readonly phase?: string;
  readonly level?: string;
  readonly policyDomains?: readonly string[];
  readonly regionCodes?: readonly string[];
  readonly countryCodes?: readonly string[];
  readonly missionTypes?: readonly string[];
  readonly phases?: readonly string[];
  readonly levels?: readonly string[];
  readonly goodPracticeOnly?: boolean;
  /** True: only good practices; false: only lessons that are not. */
  readonly goodPractice?: boolean;
  /** Retracted lessons are left out unless this is true. */
  readonly includeRetracted?: boolean;
}

/** The facets of the catalogue an analyst narrows a list by. */
export const lessonFacetNames = [
  'policyDomain',
  'country',
  'region',
  'missionType',
  'phase',
  'level',
  'goodPractice',
] as const;
export type LessonFacetName = (typeof lessonFacetNames)[number];

/** How many lessons of a list have one value of a facet. */
export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/**
 * Per facet, its values with their counts among the lessons the search and
 * every other facet's filter leave, most first: choosing a value (alone) in
 * a facet gives a list of exactly that count, and the other values of the
 * same facet stay visible to widen the choice. goodPractice's values are
 * "true" and "false".
 */
export type LessonFacets = Record<LessonFacetName, FacetCount[]>;

export interface LessonSearch extends PageRequest {
  /** Words to look for in titles and bodies (Dutch or English); any other characters only separate words. */
  readonly search?: string;
  readonly filter?: LessonFilter;
}

export interface LessonView {
  readonly lessonId: string;
  readonly missionId: string;
  readonly title: string;
  readonly body: string;
  readonly language: string;
  readonly level: string;
  readonly phase: string;
  readonly policyDomains: string[];
  readonly sdgs: number[];
  readonly dacCriteria: string[];
  readonly missionType: string | null;
  readonly countryCode: string | null;
  readonly regionCode: string | null;
  readonly nisCodes: string[];
  readonly recordedOn: string;
  readonly authorStaffMemberId: string;
  readonly authorName: string | null;
  readonly goodPractice: boolean;
  readonly promotedOn: string | null;
  readonly retracted: boolean;
  readonly retractionReason: string | null;
  readonly editedCount: number;
  /** Relevance to the search text, higher is better; comparable only within one search. Null without search text. */
  readonly rank: number | null;
  /** The matches in the title and the body; null without search text. */
  readonly highlight: LessonHighlight | null;
}

export interface LessonsDb {
  lessons: LessonTable;
  lesson_policy_domains: LessonPolicyDomainTable;
}

type LessonColumns = Omit<LessonTable, 'rowid_ref'>;
const viewColumns = lessonColumns.filter((c): c is Exclude<typeof c, 'rowid_ref'> => c !== 'rowid_ref');
const selection = viewColumns.map((c) => `lessons.${c}` as const);

const parse = <T>(text: string): T => JSON.parse(text) as T;

export function toLessonView(
  r: LessonColumns,
  rank: number | null = null,
  highlight: LessonHighlight | null = null,
): LessonView {
  return {
    lessonId: r.lesson_id,
    missionId: r.mission_id,
    title: r.title,
    body: r.body,
    language: r.language,
    level: r.level,
    phase: r.phase,
    policyDomains: parse<string[]>(r.policy_domains),
    sdgs: parse<number[]>(r.sdgs),
    dacCriteria: parse<string[]>(r.dac_criteria),
    missionType: r.mission_type,
    countryCode: r.country_code,
    regionCode: r.region_code,
    nisCodes: parse<string[]>(r.nis_codes),
    recordedOn: r.recorded_on,
    authorStaffMemberId: r.author_staff_member_id,
    authorName: r.author_name,
    goodPractice: r.good_practice === 1,
    promotedOn: r.promoted_on,
    retracted: r.retracted === 1,
    retractionReason: r.retraction_reason,
    editedCount: r.edited_count,
    rank,
    highlight,
  };
}

export async function getLessonById(db: Kysely<LessonsDb>, lessonId: string): Promise<LessonView | undefined> {
  const row = await db.selectFrom('lessons').select(selection).where('lesson_id', '=', lessonId).executeTakeFirst();
  return row ? toLessonView(row) : undefined;
}

/** Values given for one facet: its single-value field and its list, each narrowing (empty lists are ignored). */
function valueSets(single: string | undefined, list: readonly string[] | undefined): (readonly string[])[] {
  return [...(single !== undefined ? [[single]] : []), ...(list?.length ? [list] : [])];
}

/** A good practice as readers see it: a retracted lesson left the catalogue, good practice included. */
const isGoodPractice = sql<number>`(CASE WHEN lessons.good_practice = 1 AND lessons.retracted = 0 THEN 1 ELSE 0 END)`;

/** The filter as a condition on `lessons`, without the facet `except` (for that facet's counts). */
function filterExpression(filter: LessonFilter, except?: LessonFacetName): Expression<SqlBool> {
  const eb = expressionBuilder<LessonsDb, 'lessons'>();
  const conditions: Expression<SqlBool>[] = [];
  if (except !== 'policyDomain')
    for (const domains of valueSets(filter.policyDomain, filter.policyDomains))
      conditions.push(
        eb(
          'lessons.lesson_id',
          'in',
          eb
            .selectFrom('lesson_policy_domains')
            .select('lesson_policy_domains.lesson_id')
            .where('lesson_policy_domains.policy_domain', 'in', domains),
        ),
      );
  const columns = [
    ['region', 'lessons.region_code', filter.regionCode, filter.regionCodes],
    ['country', 'lessons.country_code', filter.countryCode, filter.countryCodes],
    ['missionType', 'lessons.mission_type', filter.missionType, filter.missionTypes],
    ['phase', 'lessons.phase', filter.phase, filter.phases],
    ['level', 'lessons.level', filter.level, filter.levels],
  ] as const;
  for (const [facet, column, single, list] of columns) {
    if (facet === except) continue;
    for (const values of valueSets(single, list)) conditions.push(eb(column, 'in', values));
  }
  if (except !== 'goodPractice') {
    if (filter.goodPracticeOnly) conditions.push(eb('lessons.good_practice', '=', 1));
    if (filter.goodPractice !== undefined) conditions.push(eb(isGoodPractice, '=', filter.goodPractice ? 1 : 0));
  }
  if (!filter.includeRetracted) conditions.push(eb('lessons.retracted', '=', 0));
  return eb.and(conditions);
}

function pageSize(first: number | undefined): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 0)
    throw new ValidationError(`first must be a whole number of 0 or more, not ${n}`, ['first']);
  return n;
}

function badCursor(after: string, what: string): ValidationError {
  return new ValidationError(
    `"${after}" is not a cursor of ${what}; pass an endCursor from an earlier page of the same search`,
    ['after'],
  );
}

/**
 * The catalogue of lessons, filtered and optionally searched, in pages; good
 * practices first (training other municipalities is what the catalogue is
 * for, issue 13). Without search text, then newest recording first (cursor:
 * good practice, recorded_on and lesson_id, stable under concurrent writes).
 * With search text, then best match, newest, by id, with the matches
 * highlighted. Relevance is not a stable key (it shifts as other lessons are
 * indexed), so that cursor is an offset into the ranking: stable as long as
 * the catalogue does not change between pages.
 *
 * @example
 * await searchLessons(readModels, { search: 'geboorteakte', filter: { regionCodes: ['BJ-ZO'] }, first: 20 });
 */
export async function searchLessons(readModels: ReadModelDb, request: LessonSearch = {}): Promise<Page<LessonView>> {
  const first = pageSize(request.first);
  const filter = filterExpression(request.filter ?? {});
  const terms = searchTerms(request.search);
  const db = readModels.db as Kysely<LessonsDb>;

  if (terms.length === 0) {
    let query = db.selectFrom('lessons').select(selection).where(filter);
    if (request.after) {
      const after = decodeCursor<unknown[]>(request.after);
      const [goodPractice, recordedOn, lessonId] = after;
      if (
        after.length !== 3 ||
        (goodPractice !== 0 && goodPractice !== 1) ||
        typeof recordedOn !== 'string' ||
        typeof lessonId !== 'string'
      )
        throw badCursor(request.after, 'lessons listed without search text');
      query = query.where((eb) =>
        eb.or([
          eb(isGoodPractice, '<', goodPractice),
          eb.and([
            eb(isGoodPractice, '=', goodPractice),
            eb.or([
              eb('lessons.recorded_on', '<', recordedOn),
              eb.and([eb('lessons.recorded_on', '=', recordedOn), eb('lessons.lesson_id', '<', lessonId)]),
            ]),
          ]),
        ]),
      );
    }
    const rows = await query
      .orderBy(isGoodPractice, 'desc')
      .orderBy('lessons.recorded_on', 'desc')
      .orderBy('lessons.lesson_id', 'desc')
      .limit(first + 1)
      .execute();
    const nodes = rows.slice(0, first).map((r) => toLessonView(r));
    return {
      edges: nodes.map((node) => ({
        cursor: encodeCursor([node.goodPractice && !node.retracted ? 1 : 0, node.recordedOn, node.lessonId]),
        node,
      })),
      hasNextPage: rows.length > first,
    };
  }

  let offset = 0;
  if (request.after) {
    const after = decodeCursor<unknown[]>(request.after);
    const [kind, n] = after;
    if (after.length !== 2 || kind !== 'offset' || typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      throw badCursor(request.after, 'a search');
    offset = n;
  }
  // No transaction (see searchingActive): on SQLite each statement runs on a reader thread.
  return searchingActive(readModels.dialect, async () => {
    const matches = await lessonMatches(db, readModels.dialect, lessonsProjection.name, lessons.name, terms);
    if (!matches) return { edges: [], hasNextPage: false };
    // The matches are ranked and ordered on what the filter and the order read (on SQLite an
    // index holds it: lessonSearchColumns); only the page's rows are read whole.
    const ordered = db
      .selectFrom('lessons')
      .innerJoin(matches, (join) => join.onRef('m.rowid_ref', '=', 'lessons.rowid_ref'))
      .select(['lessons.rowid_ref', 'm.rank', isGoodPractice.as('good'), 'lessons.recorded_on', 'lessons.lesson_id'])
      .where(filter)
      .orderBy('good', 'desc')
      .orderBy('m.rank', 'desc')
      .orderBy('lessons.recorded_on', 'desc')
      .orderBy('lessons.lesson_id', 'desc')
      .limit(first + 1)
      .offset(offset)
      .as('page');
    const rows = await db
      .selectFrom('lessons')
      .innerJoin(ordered, (join) => join.onRef('page.rowid_ref', '=', 'lessons.rowid_ref'))
      .select(selection)
      .select(['page.rank', 'page.rowid_ref'])
      .orderBy('page.good', 'desc')
      .orderBy('page.rank', 'desc')
      .orderBy('page.recorded_on', 'desc')
      .orderBy('page.lesson_id', 'desc')
      .execute();
    const page = rows.slice(0, first);
    const highlights = await lessonHighlights(
      db,
      readModels.dialect,
      lessonsProjection.name,
      lessons.name,
      terms,
      page.map((r) => ({ lessonId: r.lesson_id, rowidRef: r.rowid_ref, body: r.body })),
    );
    const nodes = page.map((r) => toLessonView(r, Number(r.rank), highlights.get(r.lesson_id) ?? null));
    return {
      edges: nodes.map((node, i) => ({ cursor: encodeCursor(['offset', offset + i + 1]), node })),
      hasNextPage: rows.length > first,
    };
  });
}

/** How many lessons a search and filter find (every page's total). */
export async function countLessons(
  readModels: ReadModelDb,
  request: Omit<LessonSearch, 'first' | 'after'> = {},
): Promise<number> {
  const filter = filterExpression(request.filter ?? {});
  const terms = searchTerms(request.search);
  const db = readModels.db as Kysely<LessonsDb>;
  return searchingActive(readModels.dialect, async () => {
    let query = db.selectFrom('lessons');
    if (terms.length > 0) {
      const matches = await lessonMatches(db, readModels.dialect, lessonsProjection.name, lessons.name, terms, {
        ranked: false,
      });
      if (!matches) return 0;
      query = query.innerJoin(matches, (join) => join.onRef('m.rowid_ref', '=', 'lessons.rowid_ref'));
    }
    const row = await query
      .select((eb) => eb.fn.countAll().as('n'))
      .where(filter)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
}

/**
 * The columns of `lessons` the facets of `filter` read: every match's are
 * copied once into a table of the statement's own, so none more than needed
 * (all of them are in SQLite's index of lessonSearchColumns).
 */
function facetColumns(filter: LessonFilter): (keyof LessonTable)[] {
  const byDomain = filter.policyDomain !== undefined || (filter.policyDomains?.length ?? 0) > 0;
  return [
    'retracted',
    'good_practice',
    'level',
    'phase',
    'mission_type',
    'country_code',
    'region_code',
    'policy_domains',
    // The domain filter looks the lesson up in lesson_policy_domains.
    ...(byDomain ? (['lesson_id'] as const) : []),
  ];
}

/**
 * The facet counts of a search and filter (see `LessonFacets`), in one
 * statement: a UNION ALL of one GROUP BY per facet, each under the filter
 * without that facet's own condition.
 */
export async function lessonFacets(
  readModels: ReadModelDb,
  request: Omit<LessonSearch, 'first' | 'after'> = {},
): Promise<LessonFacets> {
  const filter = request.filter ?? {};
  const terms = searchTerms(request.search);
  const db = readModels.db as Kysely<LessonsDb>;
  const facets = Object.fromEntries(lessonFacetNames.map((name) => [name, [] as FacetCount[]])) as LessonFacets;
  const rows = await searchingActive(readModels.dialect, async () => {
    // With search text, `lessons` is a table of the matching lessons only (see overMatchingLessons).
    const base = () => db.selectFrom('lessons');
    const byColumn = (
      facet: Exclude<LessonFacetName, 'policyDomain' | 'goodPractice'>,
      column: 'region_code' | 'country_code' | 'mission_type' | 'phase' | 'level',
    ) =>
      base()
        .select((eb) => [
          sql.lit(facet).as('facet'),
          sql<string>`${sql.ref(`lessons.${column}`)}`.as('value'),
          eb.fn.countAll().as('n'),
        ])
        .where(filterExpression(filter, facet))
        .where(`lessons.${column}`, 'is not', null)
        .groupBy(`lessons.${column}`);
    // A lesson's domains from its own row rather than from lesson_policy_domains: counted as the
    // matches are read, with no lookup per match in a table of the whole catalogue.
    const domains = (
      readModels.dialect === 'postgres'
        ? base().innerJoinLateral(
            sql<{ value: string }>`(SELECT jsonb_array_elements_text(lessons.policy_domains::jsonb) AS value)`.as('d'),
            (join) => join.onTrue(),
          )
        : base().innerJoin(sql<{ value: string }>`json_each(lessons.policy_domains)`.as('d'), (join) => join.onTrue())
    )
      .select((eb) => [sql.lit('policyDomain').as('facet'), sql<string>`d.value`.as('value'), eb.fn.countAll().as('n')])
      .where(filterExpression(filter, 'policyDomain'))
      .groupBy('d.value');
    const goodPractice = base()
      .select((eb) => [
        sql.lit('goodPractice').as('facet'),
        sql<string>`(CASE WHEN ${isGoodPractice} = 1 THEN 'true' ELSE 'false' END)`.as('value'),
        eb.fn.countAll().as('n'),
      ])
      .where(filterExpression(filter, 'goodPractice'))
      .groupBy(isGoodPractice);
    const query = domains
      .unionAll(byColumn('country', 'country_code'))
      .unionAll(byColumn('region', 'region_code'))
      .unionAll(byColumn('missionType', 'mission_type'))
      .unionAll(byColumn('phase', 'phase'))
      .unionAll(byColumn('level', 'level'))
      .unionAll(goodPractice)
      .compile();
    if (terms.length === 0) return (await db.executeQuery(query)).rows;
    const overMatches = await overMatchingLessons(
      db,
      readModels.dialect,
      lessonsProjection.name,
      lessons.name,
      terms,
      facetColumns(filter),
      query,
    );
    return overMatches ? (await db.executeQuery(overMatches)).rows : [];
  });
  for (const row of rows) facets[row.facet as LessonFacetName].push({ value: String(row.value), count: Number(row.n) });
  for (const name of lessonFacetNames)
    facets[name].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return facets;
}

/**
 * Where the catalogue stands, as one string: the active generation of the
 * lessons projection and how many changes its lessons have seen. Searches
 * (pages, totals, facets) answer the same while it stands, so a reader may
 * keep their answers under it. Unlike readModelVersion, it stays put through
 * events that change no lesson: the projection's checkpoint moves with every
 * event of the log, a request's submission as much as a lesson's recording.
 * One statement, so the generation and the count are of one moment.
 */
export async function lessonCatalogueVersion(readModels: ReadModelDb): Promise<string> {
  const db = readModels.db as Kysely<{ projection_state: ProjectionStateTable; lesson_counters: LessonCounterTable }>;
  const row = await db
    .selectFrom('projection_state')
    .select((eb) => [
      'version',
      'generation',
      eb
        .selectFrom('lesson_counters')
        .select('lesson_counters.value')
        .where('lesson_counters.name', '=', 'changes')
        .as('changes'),
    ])
    .where('name', '=', lessonsProjection.name)
    .where('status', '=', 'ACTIVE')
    .executeTakeFirst();
  return row ? `lessons v${row.version} g${row.generation} #${row.changes ?? 0}` : 'lessons (not yet built)';
}
