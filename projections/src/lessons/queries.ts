import { ValidationError } from '@werkbezoek/schema';
import { expressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ReadModelDb } from '../db/database.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../db/pagination.js';
import { lessonsProjection } from './projection.js';
import { lessonMatches, searchTerms } from './search.js';
import { lessonColumns, lessons, type LessonPolicyDomainTable, type LessonTable } from './table.js';

export interface LessonFilter {
  readonly policyDomain?: string;
  readonly regionCode?: string;
  readonly countryCode?: string;
  readonly missionType?: string;
  readonly phase?: string;
  readonly level?: string;
  readonly goodPracticeOnly?: boolean;
  /** Retracted lessons are left out unless this is true. */
  readonly includeRetracted?: boolean;
}

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
}

export interface LessonsDb {
  lessons: LessonTable;
  lesson_policy_domains: LessonPolicyDomainTable;
}

type LessonColumns = Omit<LessonTable, 'rowid_ref'>;
const viewColumns = lessonColumns.filter((c): c is Exclude<typeof c, 'rowid_ref'> => c !== 'rowid_ref');
const selection = viewColumns.map((c) => `lessons.${c}` as const);

const parse = <T>(text: string): T => JSON.parse(text) as T;

export function toLessonView(r: LessonColumns, rank: number | null = null): LessonView {
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
  };
}

export async function getLessonById(db: Kysely<LessonsDb>, lessonId: string): Promise<LessonView | undefined> {
  const row = await db.selectFrom('lessons').select(selection).where('lesson_id', '=', lessonId).executeTakeFirst();
  return row ? toLessonView(row) : undefined;
}

function filterExpression(filter: LessonFilter): Expression<SqlBool> {
  const eb = expressionBuilder<LessonsDb, 'lessons'>();
  const conditions: Expression<SqlBool>[] = [];
  if (filter.policyDomain !== undefined)
    conditions.push(
      eb(
        'lessons.lesson_id',
        'in',
        eb
          .selectFrom('lesson_policy_domains')
          .select('lesson_policy_domains.lesson_id')
          .where('lesson_policy_domains.policy_domain', '=', filter.policyDomain),
      ),
    );
  if (filter.regionCode !== undefined) conditions.push(eb('lessons.region_code', '=', filter.regionCode));
  if (filter.countryCode !== undefined) conditions.push(eb('lessons.country_code', '=', filter.countryCode));
  if (filter.missionType !== undefined) conditions.push(eb('lessons.mission_type', '=', filter.missionType));
  if (filter.phase !== undefined) conditions.push(eb('lessons.phase', '=', filter.phase));
  if (filter.level !== undefined) conditions.push(eb('lessons.level', '=', filter.level));
  if (filter.goodPracticeOnly) conditions.push(eb('lessons.good_practice', '=', 1));
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
 * The catalogue of lessons, filtered and optionally searched, in pages.
 * Without search text: newest recording first (cursor: recorded_on and
 * lesson_id, stable under concurrent writes). With search text: best match
 * first, then newest, then by id. Relevance is not a stable key (it shifts
 * as other lessons are indexed), so that cursor is an offset into the
 * ranking: stable as long as the catalogue does not change between pages.
 *
 * @example
 * await searchLessons(readModels, { search: 'geboorteakte', filter: { regionCode: 'BJ-ZO' }, first: 20 });
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
      const [recordedOn, lessonId] = after;
      if (after.length !== 2 || typeof recordedOn !== 'string' || typeof lessonId !== 'string')
        throw badCursor(request.after, 'lessons listed without search text');
      query = query.where((eb) =>
        eb.or([
          eb('lessons.recorded_on', '<', recordedOn),
          eb.and([eb('lessons.recorded_on', '=', recordedOn), eb('lessons.lesson_id', '<', lessonId)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('lessons.recorded_on', 'desc')
      .orderBy('lessons.lesson_id', 'desc')
      .limit(first + 1)
      .execute();
    const nodes = rows.slice(0, first).map((r) => toLessonView(r));
    return {
      edges: nodes.map((node) => ({ cursor: encodeCursor([node.recordedOn, node.lessonId]), node })),
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
  // One transaction: on SQLite the index found through projection_state and
  // the `lessons` view must belong to the same generation.
  return db.transaction().execute(async (tx) => {
    const matches = await lessonMatches(tx, readModels.dialect, lessonsProjection.name, lessons.name, terms);
    if (!matches) return { edges: [], hasNextPage: false };
    const rows = await tx
      .selectFrom('lessons')
      .innerJoin(matches, (join) => join.onRef('m.lesson_id', '=', 'lessons.lesson_id'))
      .select(selection)
      .select('m.rank')
      .where(filter)
      .orderBy('m.rank', 'desc')
      .orderBy('lessons.recorded_on', 'desc')
      .orderBy('lessons.lesson_id', 'desc')
      .limit(first + 1)
      .offset(offset)
      .execute();
    const nodes = rows.slice(0, first).map((r) => toLessonView(r, Number(r.rank)));
    return {
      edges: nodes.map((node, i) => ({ cursor: encodeCursor(['offset', offset + i + 1]), node })),
      hasNextPage: rows.length > first,
    };
  });
}
