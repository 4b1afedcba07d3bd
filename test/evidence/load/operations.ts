import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * What the load sends: the web UI's own operations, read as text from the
 * codegen's map of every document in web/src (web/src/gql/gql.ts), with the
 * variables each page sends when it opens with its default filters. Reading
 * the text, not importing it, keeps the web package's sources out of the test
 * package's build while the load stays exactly what the UI asks.
 */

const gqlMap = fileURLToPath(new URL('../../../web/src/gql/gql.ts', import.meta.url));

/** One request the load generator can send: a GraphQL body and the bearer token of the role that sends it. */
export interface Operation {
  /** The query it belongs to in the figures (several variants may share one). */
  readonly name: string;
  readonly token: string;
  /** The JSON body, serialised once. */
  readonly body: string;
}

/** Every document of the web UI by its operation or fragment name. */
export function uiDocuments(source = readFileSync(gqlMap, 'utf8')): Map<string, string> {
  const documents = new Map<string, string>();
  // The map's keys are the documents as JSON string literals, one per line of its `Documents` type.
  for (const match of source.matchAll(/^ {4}("(?:[^"\\]|\\.)*"): typeof types\.\w+,$/gm)) {
    const text = JSON.parse(match[1]!) as string;
    const name = /^\s*(?:query|mutation|subscription|fragment)\s+(\w+)/.exec(text)?.[1];
    if (name) documents.set(name, text);
  }
  if (documents.size === 0)
    throw new Error(`No GraphQL documents found in ${gqlMap}: run \`cd web && pnpm codegen\` to write it.`);
  return documents;
}

/** An operation's text with every fragment it spreads, as the UI's client sends it. */
export function uiOperation(name: string, documents = uiDocuments()): string {
  const text = documents.get(name);
  if (!text || /^\s*fragment\s/.test(text))
    throw new Error(`The web UI has no operation ${name} (web/src/gql/gql.ts); the load's list must follow the UI`);
  const parts = [text];
  const seen = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    for (const [, spread] of parts[i]!.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
      if (spread === 'on' || seen.has(spread!)) continue;
      seen.add(spread!);
      const fragment = documents.get(spread!);
      if (!fragment) throw new Error(`Operation ${name} spreads ${spread}, which web/src/gql/gql.ts does not define`);
      parts.push(fragment);
    }
  }
  return parts.join('\n');
}

const quarterOf = (d: Date) => ({ year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 });
const quarterName = (q: { year: number; quarter: number }) => `${q.year}-Q${q.quarter}`;
function addQuarters(q: { year: number; quarter: number }, n: number) {
  const index = q.year * 4 + q.quarter - 1 + n;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/**
 * Searches analysts type in the lessons catalogue (words of the demo's lessons, Dutch and English, from a
 * handful of matches to thousands). More of them than the API keeps answers for (16 a shelf), so a search
 * comes back only after its kept answer is gone: each is measured as computed, not as remembered.
 */
export const lessonSearches = [
  'afval',
  'geboorteaktes',
  'belasting',
  'participatie',
  'water',
  'pijlers',
  'registration',
  'nationale',
  'gemeente',
  'vrouwelijke',
  'stedenband',
  'software',
  'delegatie',
  'council',
  'technische',
  'budget',
  'energie',
  'school',
  'jongeren',
  'lokale',
  'markt',
  'inkomsten',
  'women',
  'youth',
] as const;

/**
 * The reads of the mixed load, each page as it opens (web/src: the default filters of each page):
 * the management dashboard (the last eight quarters), the staff's request list and its inbox of
 * submitted requests (first 25), the planner's regional clusters (the year being planned) and the
 * analyst's lesson search (first 20).
 */
export function readOperations(today: Date): Operation[] {
  const documents = uiDocuments();
  const body = (name: string, variables: Record<string, unknown>) =>
    JSON.stringify({ operationName: name, query: uiOperation(name, documents), variables });
  const to = quarterOf(today);
  const from = addQuarters(to, -7);
  // The dashboard's years: the period's, and the next one when the period reaches today (web/src/dashboard/filters.ts).
  const dashboard = {
    fromQuarter: quarterName(from),
    toQuarter: quarterName(to),
    missionType: null,
    countryCode: null,
    fromYear: from.year,
    toYear: to.year + 1,
  };
  // The year being planned: the one six months ahead (web/src/planner/filters.ts).
  const planned = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 6, 1)).getUTCFullYear();
  const period = { from: `${planned}-01-01`, to: `${planned}-12-31` };
  return [
    { name: 'dashboard', token: 'demo-management', body: body('DashboardPage', dashboard) },
    { name: 'requests', token: 'demo-staff', body: body('RequestsPage', { filter: {}, first: 25, after: null }) },
    {
      name: 'inbox',
      token: 'demo-staff',
      body: body('RequestsPage', { filter: { status: ['SUBMITTED'] }, first: 25, after: null }),
    },
    {
      name: 'clusters',
      token: 'demo-planner',
      body: body('PlannerPage', { ...period, countryCode: null, filter: period }),
    },
    ...lessonSearches.map((search) => ({
      name: 'lessons',
      token: 'demo-analyst',
      body: body('LessonsPage', { search, filter: {}, first: 20, after: null }),
    })),
  ];
}

/** The UI's mutations the writes send (SubmitRequest, AmendRequest, Decide); lessons are recorded through the API's own mutation, as the UI has no form for it. */
export function writeDocuments(): Record<'submit' | 'amend' | 'decide' | 'recordLesson', string> {
  const documents = uiDocuments();
  return {
    submit: uiOperation('SubmitRequest', documents),
    amend: uiOperation('AmendRequest', documents),
    decide: uiOperation('Decide', documents),
    recordLesson: `mutation RecordLesson($input: RecordLessonInput!) {
  recordLesson(input: $input) { id title level phase policyDomains recordedOn missionId }
}`,
  };
}
