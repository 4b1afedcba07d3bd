import { sql, type Kysely } from 'kysely';
import type { EventData } from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadModels } from '../db/database.js';
import type { Page } from '../db/pagination.js';
import { physicalName } from '../runner/projection.js';
import { readModelVersion } from '../runner/readModelVersion.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { History, id } from '../testing/history.js';
import { lessonsProjection } from './projection.js';
import {
  countLessons,
  getLessonById,
  lessonCatalogueVersion,
  lessonFacetNames,
  lessonFacets,
  searchLessons,
  type LessonFacetName,
  type LessonFilter,
  type LessonSearch,
  type LessonsDb,
  type LessonView,
} from './queries.js';
import { ftsQuery, MATCH_END, MATCH_START, searchingActive, searchTerms, withEllipses } from './search.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const lessonId = (name: string) => id(`lesson-${name}`);
const missionId = (name: string) => id(`mission-${name}`);

async function scheduled(
  history: History,
  name: string,
  mission: Pick<EventData<'MissionScheduled'>, 'missionType' | 'countryCode' | 'regionCode' | 'nisCodes'>,
): Promise<void> {
  await history.add(`mission-${missionId(name)}`, 'MissionScheduled', {
    missionId: missionId(name),
    requestIds: [],
    twinningIds: [id('tw-zoersel')],
    startDate: '2026-05-04',
    endDate: '2026-05-13',
    staffMemberIds: [id('lies')],
    bookedDays: 8,
    reservedBudgetEur: 2500,
    ...mission,
  });
}

async function recorded(
  history: History,
  name: string,
  lesson: Partial<EventData<'LessonRecorded'>> & Pick<EventData<'LessonRecorded'>, 'title' | 'body'>,
): Promise<string> {
  await history.add(`lesson-${lessonId(name)}`, 'LessonRecorded', {
    lessonId: lessonId(name),
    missionId: missionId('zou'),
    recordedOn: '2026-05-20',
    authorStaffMemberId: id('lies'),
    language: 'nl',
    level: 'PROCESS',
    phase: 'DURING',
    policyDomains: [],
    sdgs: [],
    dacCriteria: [],
    ...lesson,
  });
  return lessonId(name);
}

/** Two missions (Zou in Benin, Western Cape) and four lessons, two Dutch and two English. */
async function catalogue(history = new History()): Promise<History> {
  await history.basics();
  await scheduled(history, 'zou', {
    missionType: 'EVALUATION',
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    nisCodes: ['11055'],
  });
  await scheduled(history, 'cape', {
    missionType: 'TECHNICAL',
    countryCode: 'ZA',
    regionCode: 'ZA-WC',
    nisCodes: ['11002', '11055'],
  });
  await recorded(history, 'births', {
    title: 'Geboorteaktes sneller afleveren',
    body: 'De dienst burgerlijke stand in Bohicon digitaliseert het register, zodat ouders niet meer dagen wachten.',
    policyDomains: ['CIVIL_REGISTRATION', 'DIGITALISATION'],
    sdgs: [16],
    dacCriteria: ['EFFECTIVENESS'],
  });
  await recorded(history, 'youth', {
    title: 'Jongeren betrekken bij de begroting',
    body: 'Een jongerenraad gaf advies over de begroting; voor de inschrijving volstond een kopie van de geboorteakte.',
    level: 'RESULTS',
    phase: 'PROCESSING',
    policyDomains: ['YOUTH', 'PARTICIPATION'],
    recordedOn: '2026-05-21',
  });
  await recorded(history, 'waste', {
    missionId: missionId('cape'),
    title: 'Waste collection by local associations',
    body: 'The municipality contracted neighbourhood associations; certificates of completion were handed out after the training.',
    language: 'en',
    level: 'RESULTS',
    policyDomains: ['WASTE_MANAGEMENT'],
    recordedOn: '2026-06-10',
  });
  await recorded(history, 'taxes', {
    missionId: missionId('cape'),
    title: 'Preparing a local tax census',
    body: 'Terms of reference were drafted with the partner before the visit.',
    language: 'en',
    phase: 'PREPARATION',
    policyDomains: ['LOCAL_TAXES'],
    recordedOn: '2026-06-11',
  });
  return history;
}

describe('search terms', () => {
  it('keeps only words, so no input reaches FTS5 as syntax', () => {
    expect(searchTerms('  "Geboorteakte*" OR NEAR(x y) -Bohicon; DROP TABLE lessons --')).toEqual([
      'geboorteakte',
      'or',
      'near',
      'x',
      'y',
      'bohicon',
      'drop',
      'table',
      'lessons',
    ]);
    expect(searchTerms('coöperatie')).toEqual(['coöperatie']);
    expect(searchTerms('*** "" ()')).toEqual([]);
    expect(ftsQuery(['geboorteakte', 'or'])).toBe('"geboorteakte"* AND "or"*');
  });

  it('marks where a snippet cuts the body, and only there', () => {
    const body = 'Een twee drie vier vijf.';
    expect(withEllipses(`Een ${MATCH_START}twee${MATCH_END} drie`, body)).toBe(
      `Een ${MATCH_START}twee${MATCH_END} drie …`,
    );
    expect(withEllipses('drie vier vijf.', body)).toBe('… drie vier vijf.');
    expect(withEllipses(body, body)).toBe(body);
    expect(withEllipses('twee … vier', body)).toBe('… twee … vier …');
  });
});

/** The lessons table's first build of the current version (its FTS5 index and companions are named after it). */
const firstGeneration = physicalName('lessons', lessonsProjection.version, 0);

describe.each(DIALECTS)('the lessons catalogue on %s', (dialect) => {
  async function project(history: History, batchSize?: number) {
    database = await freshDatabase(dialect);
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [lessonsProjection],
      batchSize,
    });
    await runner.catchUp();
    expect((await runner.health())[0]!.error).toBeUndefined();
    return { readModels: database.readModels, db: database.readModels.db as Kysely<LessonsDb>, runner };
  }

  const ids = (page: Page<LessonView>) => page.edges.map((e) => e.node.lessonId);

  it('records a lesson with its mission, its author and its policy domains', async () => {
    const { db } = await project(await catalogue());
    expect(await getLessonById(db, lessonId('births'))).toEqual({
      lessonId: lessonId('births'),
      missionId: missionId('zou'),
      title: 'Geboorteaktes sneller afleveren',
      body: 'De dienst burgerlijke stand in Bohicon digitaliseert het register, zodat ouders niet meer dagen wachten.',
      language: 'nl',
      level: 'PROCESS',
      phase: 'DURING',
      policyDomains: ['CIVIL_REGISTRATION', 'DIGITALISATION'],
      sdgs: [16],
      dacCriteria: ['EFFECTIVENESS'],
      missionType: 'EVALUATION',
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      nisCodes: ['11055'],
      recordedOn: '2026-05-20',
      authorStaffMemberId: id('lies'),
      authorName: 'Lies Janssens',
      goodPractice: false,
      promotedOn: null,
      retracted: false,
      retractionReason: null,
      editedCount: 0,
      rank: null,
      highlight: null,
    });
    expect(await getLessonById(db, lessonId('waste'))).toMatchObject({
      missionType: 'TECHNICAL',
      regionCode: 'ZA-WC',
      nisCodes: ['11002', '11055'],
    });
    expect(await getLessonById(db, id('nothing'))).toBeUndefined();
    const domains = await db
      .selectFrom('lesson_policy_domains')
      .selectAll()
      .where('lesson_id', '=', lessonId('births'))
      .orderBy('policy_domain')
      .execute();
    expect(domains.map((d) => d.policy_domain)).toEqual(['CIVIL_REGISTRATION', 'DIGITALISATION']);
  });

  // Batch size 1 makes every event read its lesson back from the database (on
  // PostgreSQL with the generated `search` column) instead of from the batch.
  it.each([2000, 1])('applies edits to the row, the domain rows and the search index (batch size %i)', async (size) => {
    const history = await catalogue();
    await history.add(`lesson-${lessonId('births')}`, 'LessonEdited', {
      lessonId: lessonId('births'),
      title: 'Uittreksels uit het bevolkingsregister',
      policyDomains: ['CIVIL_REGISTRATION', 'LOCAL_GOVERNANCE'],
    });
    await history.add(`lesson-${lessonId('births')}`, 'LessonEdited', {
      lessonId: lessonId('births'),
      sdgs: [16, 5],
    });
    const { readModels, db } = await project(history, size);
    expect(await getLessonById(db, lessonId('births'))).toMatchObject({
      title: 'Uittreksels uit het bevolkingsregister',
      body: expect.stringContaining('burgerlijke stand') as unknown,
      policyDomains: ['CIVIL_REGISTRATION', 'LOCAL_GOVERNANCE'],
      sdgs: [16, 5],
      editedCount: 2,
    });
    const domains = await db
      .selectFrom('lesson_policy_domains')
      .select('policy_domain')
      .where('lesson_id', '=', lessonId('births'))
      .orderBy('policy_domain')
      .execute();
    expect(domains.map((d) => d.policy_domain)).toEqual(['CIVIL_REGISTRATION', 'LOCAL_GOVERNANCE']);
    expect(ids(await searchLessons(readModels, { filter: { policyDomain: 'DIGITALISATION' } }))).toEqual([]);
    expect(ids(await searchLessons(readModels, { filter: { policyDomain: 'LOCAL_GOVERNANCE' } }))).toEqual([
      lessonId('births'),
    ]);
    // The old title left the index, the new one is in it.
    expect(ids(await searchLessons(readModels, { search: 'sneller afleveren' }))).toEqual([]);
    expect(ids(await searchLessons(readModels, { search: 'uittreksels bevolkingsregister' }))).toEqual([
      lessonId('births'),
    ]);
    // FTS5 compares its index with the content table, token by token, and throws on any difference.
    if (dialect === 'sqlite')
      await sql`INSERT INTO ${sql.table(`${firstGeneration}_fts`)} (${sql.table(`${firstGeneration}_fts`)}, rank)
        VALUES ('integrity-check', 1)`.execute(db);
  });

  it('marks good practices and hides retracted lessons unless asked', async () => {
    const history = await catalogue();
    await history.add(`lesson-${lessonId('waste')}`, 'LessonPromotedToGoodPractice', {
      lessonId: lessonId('waste'),
      promotedOn: '2026-07-01',
      rationale: 'Useful for every municipality starting waste collection.',
    });
    await history.add(`lesson-${lessonId('taxes')}`, 'LessonRetracted', {
      lessonId: lessonId('taxes'),
      reason: 'Recorded on the wrong mission.',
    });
    const { readModels, db } = await project(history, 1);
    expect(await getLessonById(db, lessonId('waste'))).toMatchObject({ goodPractice: true, promotedOn: '2026-07-01' });
    expect(await getLessonById(db, lessonId('taxes'))).toMatchObject({
      retracted: true,
      retractionReason: 'Recorded on the wrong mission.',
    });
    expect(ids(await searchLessons(readModels, { filter: { goodPracticeOnly: true } }))).toEqual([lessonId('waste')]);
    expect(ids(await searchLessons(readModels))).toEqual([lessonId('waste'), lessonId('youth'), lessonId('births')]);
    expect(ids(await searchLessons(readModels, { search: 'census' }))).toEqual([]);
    expect(ids(await searchLessons(readModels, { search: 'census', filter: { includeRetracted: true } }))).toEqual([
      lessonId('taxes'),
    ]);
  });

  it('finds Dutch text by Dutch words, also other forms of the word, title matches first', async () => {
    const { readModels } = await project(await catalogue());
    const page = await searchLessons(readModels, { search: 'geboorteakte' });
    // "Geboorteaktes" in the title of one beats "geboorteakte" in the body of the other.
    expect(ids(page)).toEqual([lessonId('births'), lessonId('youth')]);
    const [title, body] = page.edges.map((e) => e.node.rank!);
    expect(title).toBeGreaterThan(body!);
    expect(ids(await searchLessons(readModels, { search: 'Burgerlijke Stand' }))).toEqual([lessonId('births')]);
    expect(ids(await searchLessons(readModels, { search: 'jongerenraad begroting' }))).toEqual([lessonId('youth')]);
    // Every word must match.
    expect(ids(await searchLessons(readModels, { search: 'geboorteakte jongerenraad' }))).toEqual([lessonId('youth')]);
    expect(ids(await searchLessons(readModels, { search: 'geboorteakte waste' }))).toEqual([]);
  });

  it('finds English text by English words', async () => {
    const { readModels } = await project(await catalogue());
    expect(ids(await searchLessons(readModels, { search: 'certificate' }))).toEqual([lessonId('waste')]);
    expect(ids(await searchLessons(readModels, { search: 'Waste associations' }))).toEqual([lessonId('waste')]);
    expect(ids(await searchLessons(readModels, { search: 'terms of reference' }))).toEqual([lessonId('taxes')]);
    // Only PostgreSQL stems (SQLite matches prefixes): "contracting" meets "contracted".
    if (dialect === 'postgres')
      expect(ids(await searchLessons(readModels, { search: 'contracting' }))).toEqual([lessonId('waste')]);
  });

  it('combines search text with filters', async () => {
    const { readModels } = await project(await catalogue());
    const search = (request: LessonSearch) => searchLessons(readModels, request).then(ids);
    expect(await search({ search: 'geboorteakte', filter: { policyDomain: 'YOUTH' } })).toEqual([lessonId('youth')]);
    expect(await search({ search: 'geboorteakte', filter: { regionCode: 'ZA-WC' } })).toEqual([]);
    expect(await search({ search: 'geboorteakte', filter: { missionType: 'EVALUATION', level: 'PROCESS' } })).toEqual([
      lessonId('births'),
    ]);
    expect(await search({ search: 'geboorteakte', filter: { phase: 'PROCESSING', countryCode: 'BJ' } })).toEqual([
      lessonId('youth'),
    ]);
    expect(await search({ filter: { countryCode: 'ZA' } })).toEqual([lessonId('taxes'), lessonId('waste')]);
    expect(await search({ filter: { policyDomain: 'CIVIL_REGISTRATION', missionType: 'EVALUATION' } })).toEqual([
      lessonId('births'),
    ]);
  });

  it('pages through every result exactly once, with and without search text', async () => {
    const history = await catalogue();
    for (let n = 0; n < 23; n++) {
      await recorded(history, `training-${n}`, {
        title: n % 3 === 0 ? `Vorming ${n} voor de delegatie` : `Voorbereiding ${n}`,
        body: `Een voorbereidende vorming met de delegatie, sessie ${n}.`,
        // Several lessons a day, so the order needs the id to break ties.
        recordedOn: `2026-04-${String(10 + (n % 5)).padStart(2, '0')}`,
      });
    }
    const { readModels } = await project(history);
    for (const search of [undefined, 'vorming delegatie']) {
      const all = ids(await searchLessons(readModels, { search, first: 100 }));
      expect(all.length).toBe(search ? 23 : 27);
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await searchLessons(readModels, { search, first: 5, after });
        seen.push(...ids(page));
        if (!page.hasNextPage) break;
        after = page.edges[page.edges.length - 1]!.cursor;
      }
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(all.length);
    }
    const ranked = await searchLessons(readModels, { search: 'vorming', first: 100 });
    const ranks = ranked.edges.map((e) => e.node.rank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // Title matches (every third lesson) come before body-only matches.
    expect(ranked.edges.slice(0, 8).every((e) => e.node.title.startsWith('Vorming'))).toBe(true);
    await expect(searchLessons(readModels, { after: ranked.edges[0]!.cursor })).rejects.toThrow(/not a cursor/);
    await expect(searchLessons(readModels, { search: 'x', after: 'garbage' })).rejects.toThrow(/not a cursor/);
  });

  it('ranks good practices first, then relevance, with and without search text', async () => {
    const history = await catalogue();
    // The same text twice: the older one is promoted, so only the good practice can put it first.
    for (const [name, recordedOn] of [
      ['compost-a', '2026-06-01'],
      ['compost-b', '2026-06-20'],
    ] as const)
      await recorded(history, name, {
        title: 'Compost uit marktafval',
        body: 'De markt van Bohicon scheidt groente-afval voor compost.',
        policyDomains: ['WASTE_MANAGEMENT'],
        recordedOn,
      });
    // A good practice that matches only in its body ranks above a title match that is not one.
    await recorded(history, 'bins', {
      title: 'Containers op het marktplein',
      body: 'Ook het marktafval van de vrijdagmarkt gaat naar de compost.',
      recordedOn: '2026-05-01',
    });
    for (const name of ['compost-a', 'bins'])
      await history.add(`lesson-${lessonId(name)}`, 'LessonPromotedToGoodPractice', {
        lessonId: lessonId(name),
        promotedOn: '2026-07-01',
      });
    const { readModels } = await project(history);
    expect(ids(await searchLessons(readModels, { search: 'marktafval' }))).toEqual([
      lessonId('compost-a'),
      lessonId('bins'),
      lessonId('compost-b'),
    ]);
    const browsed = ids(await searchLessons(readModels));
    expect(browsed.slice(0, 3)).toEqual([lessonId('compost-a'), lessonId('bins'), lessonId('compost-b')]);
    // The keyset cursor keeps that order across pages.
    const paged: string[] = [];
    let after: string | undefined;
    do {
      const page = await searchLessons(readModels, { first: 2, after });
      paged.push(...ids(page));
      after = page.hasNextPage ? page.edges.at(-1)!.cursor : undefined;
    } while (after);
    expect(paged).toEqual(browsed);
  });

  it('highlights the matches in the title and the body, in both languages', async () => {
    const { readModels } = await project(await catalogue());
    const mark = (word: string) => `${MATCH_START}${word}${MATCH_END}`;
    const [births, youth] = (await searchLessons(readModels, { search: 'geboorteakte' })).edges.map((e) => e.node);
    expect(births!.highlight!.title).toBe(`${mark('Geboorteaktes')} sneller afleveren`);
    expect(births!.highlight!.snippet).toContain('burgerlijke stand');
    expect(youth!.highlight!.title).toBe('Jongeren betrekken bij de begroting');
    expect(youth!.highlight!.snippet).toContain(mark('geboorteakte'));
    const [waste] = (await searchLessons(readModels, { search: 'waste associations' })).edges.map((e) => e.node);
    expect(waste!.highlight!.title).toContain(mark('Waste'));
    expect(waste!.highlight!.title).toContain(mark('associations'));
    expect(waste!.highlight!.snippet).toContain(mark('associations'));
    // Without search text there is nothing to highlight.
    expect((await searchLessons(readModels)).edges[0]!.node.highlight).toBeNull();
  });

  it('filters by several values of a facet, and by good practice or not', async () => {
    const history = await catalogue();
    await history.add(`lesson-${lessonId('waste')}`, 'LessonPromotedToGoodPractice', {
      lessonId: lessonId('waste'),
      promotedOn: '2026-07-01',
    });
    const { readModels } = await project(history);
    const search = (filter: LessonFilter, text?: string) =>
      searchLessons(readModels, { search: text, filter }).then(ids);
    expect(await search({ policyDomains: ['YOUTH', 'LOCAL_TAXES'] })).toEqual([lessonId('taxes'), lessonId('youth')]);
    expect(await search({ phases: ['PREPARATION', 'PROCESSING'], countryCodes: ['ZA'] })).toEqual([lessonId('taxes')]);
    expect(await search({ levels: ['RESULTS'], regionCodes: ['BJ-ZO', 'ZA-WC'] })).toEqual([
      lessonId('waste'),
      lessonId('youth'),
    ]);
    expect(await search({ missionTypes: ['TECHNICAL'], goodPractice: false })).toEqual([lessonId('taxes')]);
    expect(await search({ goodPractice: true })).toEqual([lessonId('waste')]);
    expect(await search({ policyDomains: [] })).toHaveLength(4);
  });

  it('counts facets that equal the totals of the lists they lead to', async () => {
    const history = await catalogue();
    await history.add(`lesson-${lessonId('waste')}`, 'LessonPromotedToGoodPractice', {
      lessonId: lessonId('waste'),
      promotedOn: '2026-07-01',
    });
    await history.add(`lesson-${lessonId('births')}`, 'LessonRetracted', {
      lessonId: lessonId('births'),
      reason: 'Dubbel.',
    });
    const { readModels } = await project(history);
    const listFilter: Record<LessonFacetName, (value: string) => LessonFilter> = {
      policyDomain: (v) => ({ policyDomains: [v] }),
      country: (v) => ({ countryCodes: [v] }),
      region: (v) => ({ regionCodes: [v] }),
      missionType: (v) => ({ missionTypes: [v] }),
      phase: (v) => ({ phases: [v] }),
      level: (v) => ({ levels: [v] }),
      goodPractice: (v) => ({ goodPractice: v === 'true' }),
    };
    const cases: { search?: string; filter: LessonFilter }[] = [
      { filter: {} },
      { search: 'geboorteakte', filter: {} },
      { filter: { countryCodes: ['ZA'] } },
      { filter: { levels: ['RESULTS'], missionTypes: ['EVALUATION', 'TECHNICAL'] } },
      { search: 'the', filter: { goodPractice: false } },
      { filter: { includeRetracted: true, policyDomains: ['CIVIL_REGISTRATION', 'WASTE_MANAGEMENT'] } },
    ];
    for (const { search, filter } of cases) {
      const facets = await lessonFacets(readModels, { search, filter });
      const total = await countLessons(readModels, { search, filter });
      expect(total).toBe(ids(await searchLessons(readModels, { search, filter, first: 100 })).length);
      for (const name of lessonFacetNames) {
        for (const { value, count } of facets[name]) {
          const narrowed = { ...filter, ...listFilter[name](value) };
          const found = ids(await searchLessons(readModels, { search, filter: narrowed, first: 100 }));
          expect(count, `${search ?? ''} ${JSON.stringify(filter)} ${name}=${value}`).toBe(found.length);
          expect(await countLessons(readModels, { search, filter: narrowed })).toBe(found.length);
        }
      }
      // A facet the filter does not narrow adds up to the total (each lesson has one value).
      if (!filter.countryCodes) expect(facets.country.reduce((s, f) => s + f.count, 0)).toBe(total);
    }
    const all = await lessonFacets(readModels);
    expect(all.goodPractice).toEqual([
      { value: 'false', count: 2 },
      { value: 'true', count: 1 },
    ]);
    expect(all.country).toEqual([
      { value: 'ZA', count: 2 },
      { value: 'BJ', count: 1 },
    ]);
    expect(all.policyDomain).toContainEqual({ value: 'YOUTH', count: 1 });
    // The country facet ignores the country filter, so the other country stays choosable.
    const za = await lessonFacets(readModels, { filter: { countryCodes: ['ZA'] } });
    expect(za.country).toEqual(all.country);
    expect(za.level).toEqual(
      [
        { value: 'RESULTS', count: 1 },
        { value: 'PROCESS', count: 1 },
      ].sort((a, b) => (a.value < b.value ? -1 : 1)),
    );
  });

  it('counts facets and totals exactly as a plain recount of the rows does, in a varied catalogue', async () => {
    // A catalogue of 48 lessons drawn from a fixed sequence: regions, domains (some edited), good practices,
    // retractions, and lessons of a mission that was never scheduled (no country, no region).
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const pick = <T>(values: readonly T[]) => values[next(values.length)]!;
    const history = new History();
    await history.basics();
    const places = [
      ['zou', 'BJ', 'BJ-ZO', 'EVALUATION'],
      ['atlantique', 'BJ', 'BJ-AQ', 'TECHNICAL'],
      ['cape', 'ZA', 'ZA-WC', 'TECHNICAL'],
      ['gauteng', 'ZA', 'ZA-GP', 'POLITICAL'],
      ['kivu', 'CD', 'CD-NK', 'EVALUATION'],
    ] as const;
    for (const [name, countryCode, regionCode, missionType] of places)
      await scheduled(history, name, { countryCode, regionCode, missionType, nisCodes: ['11055'] });
    const domains = ['CIVIL_REGISTRATION', 'LOCAL_TAXES', 'WASTE_MANAGEMENT', 'YOUTH', 'PARTICIPATION'] as const;
    const words = ['waterput', 'waterschap', 'afvalberg', 'pompstation', 'registers', 'budget'];
    for (let i = 0; i < 48; i++) {
      const name = `l${i}`;
      const own = domains.filter(() => next(3) === 0);
      await recorded(history, name, {
        missionId: i % 11 === 5 ? missionId('unscheduled') : missionId(pick(places)[0]),
        title: `Les ${i} ${pick(words)}`,
        body: `${pick(words)} en ${pick(words)} in de gemeente.`,
        level: pick(['PROCESS', 'RESULTS'] as const),
        phase: pick(['PREPARATION', 'DURING', 'PROCESSING'] as const),
        policyDomains: [...own],
        recordedOn: `2026-0${1 + next(9)}-1${next(10)}`,
      });
      if (next(4) === 0)
        await history.add(`lesson-${lessonId(name)}`, 'LessonEdited', {
          lessonId: lessonId(name),
          policyDomains: [pick(domains)],
        });
      if (next(4) === 0)
        await history.add(`lesson-${lessonId(name)}`, 'LessonPromotedToGoodPractice', {
          lessonId: lessonId(name),
          promotedOn: '2026-10-01',
        });
      if (next(6) === 0)
        await history.add(`lesson-${lessonId(name)}`, 'LessonRetracted', {
          lessonId: lessonId(name),
          reason: 'Dubbel.',
        });
    }
    const { readModels, db } = await project(history);
    const rows = (await db.selectFrom('lessons').selectAll().execute()).map((r) => ({
      ...r,
      domains: JSON.parse(r.policy_domains) as string[],
      goodPractice: r.good_practice === 1 && r.retracted === 0,
    }));
    type Row = (typeof rows)[number];
    const found = (row: Row, search: string | undefined) =>
      !search ||
      `${row.title} ${row.body}`
        .toLowerCase()
        .split(/\W+/)
        .some((w) => w.startsWith(search));
    const within = (values: string | null, single: string | undefined, list: readonly string[] | undefined) =>
      [...(single !== undefined ? [[single]] : []), ...(list?.length ? [list] : [])].every(
        (set) => values !== null && set.includes(values),
      );
    // The filter's meaning, written out again over plain rows, without the facet `except`.
    const kept = (row: Row, f: LessonFilter, except?: LessonFacetName) =>
      (except === 'policyDomain' ||
        [
          ...(f.policyDomain !== undefined ? [[f.policyDomain]] : []),
          ...(f.policyDomains?.length ? [f.policyDomains] : []),
        ].every((set) => row.domains.some((d) => set.includes(d)))) &&
      (except === 'region' || within(row.region_code, f.regionCode, f.regionCodes)) &&
      (except === 'country' || within(row.country_code, f.countryCode, f.countryCodes)) &&
      (except === 'missionType' || within(row.mission_type, f.missionType, f.missionTypes)) &&
      (except === 'phase' || within(row.phase, f.phase, f.phases)) &&
      (except === 'level' || within(row.level, f.level, f.levels)) &&
      (except === 'goodPractice' ||
        ((!f.goodPracticeOnly || row.good_practice === 1) &&
          (f.goodPractice === undefined || row.goodPractice === f.goodPractice))) &&
      (f.includeRetracted === true || row.retracted === 0);
    const valuesOf: Record<LessonFacetName, (row: Row) => (string | null)[]> = {
      policyDomain: (r) => r.domains,
      country: (r) => [r.country_code],
      region: (r) => [r.region_code],
      missionType: (r) => [r.mission_type],
      phase: (r) => [r.phase],
      level: (r) => [r.level],
      goodPractice: (r) => [String(r.goodPractice)],
    };
    const recount = (search: string | undefined, filter: LessonFilter) =>
      Object.fromEntries(
        lessonFacetNames.map((name) => {
          const counts = new Map<string, number>();
          for (const row of rows)
            if (found(row, search) && kept(row, filter, name))
              for (const value of valuesOf[name](row))
                if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
          const sorted = [...counts].map(([value, count]) => ({ value, count }));
          return [name, sorted.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))];
        }),
      );
    const searches = [undefined, 'water', 'waterschap', 'afval', 'pomp', 'budget'];
    const filters: LessonFilter[] = [
      {},
      { includeRetracted: true },
      { policyDomains: ['YOUTH'] },
      { policyDomain: 'LOCAL_TAXES', policyDomains: ['LOCAL_TAXES', 'YOUTH'], phases: ['DURING', 'PROCESSING'] },
      { countryCodes: ['BJ', 'CD'], levels: ['RESULTS'] },
      { regionCode: 'ZA-WC', missionTypes: ['TECHNICAL'] },
      { goodPractice: true },
      { goodPracticeOnly: true, includeRetracted: true },
      { goodPractice: false, countryCode: 'ZA' },
    ];
    // The server reads SQLite through a reader thread (offThreadReads.ts): the same answers from there.
    const threaded = dialect === 'sqlite' ? openReadModels(database!.config, { readerThreads: 1 }) : undefined;
    let nonEmpty = 0;
    try {
      for (const search of searches)
        for (const filter of filters) {
          const what = `${search ?? ''} ${JSON.stringify(filter)}`;
          const total = rows.filter((r) => found(r, search) && kept(r, filter)).length;
          if (total > 0) nonEmpty++;
          for (const models of threaded ? [readModels, threaded] : [readModels]) {
            expect(await lessonFacets(models, { search, filter }), what).toEqual(recount(search, filter));
            expect(await countLessons(models, { search, filter }), what).toBe(total);
            expect(ids(await searchLessons(models, { search, filter, first: 100 })), what).toHaveLength(total);
          }
        }
    } finally {
      await threaded?.close();
    }
    // The recount is not trivially empty: about half of the 54 cases find lessons.
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('keeps its catalogue version through events that change no lesson, and moves it with each change to one', async () => {
    const history = await catalogue();
    const { readModels, runner } = await project(history);
    const catalogueAt = () => lessonCatalogueVersion(readModels);
    const checkpointAt = () => readModelVersion(readModels.db, [lessonsProjection.name]);
    const [version, checkpoint] = [await catalogueAt(), await checkpointAt()];
    await scheduled(history, 'kivu', {
      missionType: 'POLITICAL',
      countryCode: 'CD',
      regionCode: 'CD-NK',
      nisCodes: ['11055'],
    });
    await history.add(`lesson-${lessonId('nowhere')}`, 'LessonPromotedToGoodPractice', {
      lessonId: lessonId('nowhere'),
      promotedOn: '2026-10-01',
    });
    await runner.catchUp();
    expect(await checkpointAt()).not.toBe(checkpoint);
    expect(await catalogueAt()).toBe(version);
    const changes = [
      () => recorded(history, 'kivu', { missionId: missionId('kivu'), title: 'Een les uit Kivu', body: 'Tekst.' }),
      () => history.add(`lesson-${lessonId('kivu')}`, 'LessonEdited', { lessonId: lessonId('kivu'), title: 'Kivu' }),
      () =>
        history.add(`lesson-${lessonId('kivu')}`, 'LessonPromotedToGoodPractice', {
          lessonId: lessonId('kivu'),
          promotedOn: '2026-10-01',
        }),
      () =>
        history.add(`lesson-${lessonId('kivu')}`, 'LessonRetracted', { lessonId: lessonId('kivu'), reason: 'Dubbel.' }),
    ];
    const seen = new Set([version]);
    for (const change of changes) {
      await change();
      await runner.catchUp();
      const now = await catalogueAt();
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    }
  });

  it('treats hostile search text as words and never fails', async () => {
    const { readModels, db } = await project(await catalogue());
    const hostile = [
      '"',
      '"geboorteakte',
      'geboorteakte"*',
      '*',
      'OR',
      'AND NOT',
      'geboorteakte OR jongerenraad',
      'NEAR(geboorteakte jongerenraad',
      'title:geboorteakte',
      '-geboorteakte',
      '^geboorteakte',
      "'); DROP TABLE lessons; --",
      "geboorteakte' OR '1'='1",
      '\\',
      '!!:*&|<->',
      'e\u0301\u0301',
      '🦆 🦆',
      'x'.repeat(5000),
      Array.from({ length: 200 }, (_, n) => `word${n}`).join(' '),
    ];
    for (const search of hostile) {
      const page = await searchLessons(readModels, { search });
      expect(Array.isArray(page.edges), search).toBe(true);
    }
    // Quotes and stars are separators: these are plain searches for the word.
    for (const search of ['"geboorteakte', 'geboorteakte"*', '^geboorteakte', '-geboorteakte'])
      expect(ids(await searchLessons(readModels, { search })), search).toEqual([lessonId('births'), lessonId('youth')]);
    // OR is a word, not an operator: no lesson holds a word starting with "or" next to both.
    expect(ids(await searchLessons(readModels, { search: 'geboorteakte OR jongerenraad' }))).toEqual([]);
    expect(ids(await searchLessons(readModels, { search: 'NEAR(geboorteakte jongerenraad' }))).toEqual([]);
    // Only separators: no search text, the whole catalogue.
    expect(ids(await searchLessons(readModels, { search: '*' }))).toHaveLength(4);
    const count = await db
      .selectFrom('lessons')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4);
  });

  it('searches the new generation after a rebuild and drops the old index with its table', async () => {
    const { readModels, runner } = await project(await catalogue());
    await runner.rebuild(['lessons']);
    expect((await runner.health())[0]).toMatchObject({ generation: 1, status: 'ACTIVE', error: undefined });
    expect(ids(await searchLessons(readModels, { search: 'geboorteakte' }))).toEqual([
      lessonId('births'),
      lessonId('youth'),
    ]);
    const tables =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE name LIKE ${`${firstGeneration}%`}`.execute(
            readModels.db,
          )
        : await sql<{
            name: string;
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE ${`${firstGeneration}%`}`.execute(
            readModels.db,
          );
    expect(tables.rows).toEqual([]);
  });
});

describe('the lessons catalogue read through reader threads (SQLite)', () => {
  async function project(history: History) {
    database = await freshDatabase('sqlite');
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [lessonsProjection],
    });
    await runner.catchUp();
    expect((await runner.health())[0]!.error).toBeUndefined();
    return { readModels: database.readModels, db: database.readModels.db as Kysely<LessonsDb> };
  }

  it('runs every statement of a search on a reader thread, none on the event loop', async () => {
    const { readModels } = await project(await catalogue());
    const threaded = openReadModels(database!.config, { readerThreads: 1 });
    try {
      // What runs on the main connection is prepared there (better-sqlite3 prepares on the calling thread).
      const onMain: string[] = [];
      const main = threaded.sqlite!;
      const prepare = main.prepare.bind(main);
      main.prepare = (text: string) => (onMain.push(text), prepare(text));
      const request = { search: 'geboorteakte', filter: { policyDomains: ['CIVIL_REGISTRATION'] } };
      const page = await searchLessons(threaded, { ...request, first: 10 });
      const facets = await lessonFacets(threaded, request);
      const count = await countLessons(threaded, request);
      expect(onMain).toEqual([]);
      expect(page).toEqual(await searchLessons(readModels, { ...request, first: 10 }));
      expect(page.edges[0]?.node.highlight?.title).toContain(MATCH_START);
      expect(facets).toEqual(await lessonFacets(readModels, request));
      expect(count).toBe(await countLessons(readModels, request));
      expect(count).toBeGreaterThan(0);
    } finally {
      await threaded.close();
    }
  });

  it('runs a search once more when the generation it read was dropped meanwhile, and only once', async () => {
    const { readModels, db } = await project(await catalogue());
    // A statement naming the index of a generation the runner has since dropped, as after a switch-over.
    const dropped = () => sql`SELECT rowid FROM lessons_v1_g0_fts`.execute(db);
    let runs = 0;
    const page = await searchingActive('sqlite', async () => {
      if (runs++ === 0) await dropped();
      return searchLessons(readModels, { search: 'geboorteakte' });
    });
    expect(runs).toBe(2);
    expect(page.edges.length).toBeGreaterThan(0);
    await expect(searchingActive('sqlite', dropped)).rejects.toThrow(/no such table: lessons_v1_g0_fts/);
    await expect(searchingActive('sqlite', () => sql`SELECT 1 FROM nothing_here`.execute(db))).rejects.toThrow(
      /no such table: nothing_here/,
    );
  });
});
