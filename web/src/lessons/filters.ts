import type { LessonFilter, LessonLevel, MissionType, Phase } from '../gql/graphql';

/**
 * The lesson catalogue's search and facets as they stand in the URL (Dutch
 * parameter names, so links read well and can be shared), and the API's
 * LessonFilter they become. Several values of one facet are alternatives,
 * joined with commas: `/lessen?zoek=afval&land=BJ,SN&goed=ja`.
 */
export interface LessonParams {
  search?: string;
  policyDomains?: string[];
  countryCodes?: string[];
  regionCodes?: string[];
  missionTypes?: MissionType[];
  phases?: Phase[];
  levels?: LessonLevel[];
  goodPractice?: boolean;
}

/** The facets a reader can tick, in the order the page shows them. */
export const facetKeys = [
  'goodPractice',
  'policyDomains',
  'countryCodes',
  'regionCodes',
  'missionTypes',
  'phases',
  'levels',
] as const;
export type FacetKey = (typeof facetKeys)[number];
export type ListFacet = Exclude<FacetKey, 'goodPractice'>;

export const lessonParamNames: Record<keyof LessonParams, string> = {
  search: 'zoek',
  policyDomains: 'domein',
  countryCodes: 'land',
  regionCodes: 'regio',
  missionTypes: 'type',
  phases: 'fase',
  levels: 'niveau',
  goodPractice: 'goed',
};

/** The cursors of the pages before this one, so "previous" and a shared link work. */
export const trailParam = 'na';

const patterns: Record<ListFacet, RegExp> = {
  policyDomains: /^[A-Z][A-Z_]{1,40}$/,
  countryCodes: /^[A-Z]{2}$/,
  regionCodes: /^[A-Z]{2}-[A-Z0-9]{1,3}$/,
  missionTypes: /^(IDENTIFICATION|EVALUATION|TECHNICAL|POLITICAL)$/,
  phases: /^(PREPARATION|DURING|PROCESSING)$/,
  levels: /^(PROCESS|RESULTS)$/,
};

const MAX_SEARCH = 200;

/** What the URL says, with anything malformed left out rather than sent to the API. */
export function readLessonParams(search: URLSearchParams): LessonParams {
  const params: LessonParams = {};
  const text = (search.get(lessonParamNames.search) ?? '').trim().slice(0, MAX_SEARCH);
  if (text) params.search = text;
  for (const key of facetKeys) {
    if (key === 'goodPractice') continue;
    const values = [
      ...new Set((search.get(lessonParamNames[key]) ?? '').split(',').filter((v) => patterns[key].test(v))),
    ];
    if (values.length) (params as Record<ListFacet, string[]>)[key] = values;
  }
  const good = search.get(lessonParamNames.goodPractice);
  if (good === 'ja' || good === 'nee') params.goodPractice = good === 'ja';
  return params;
}

/** The URL query for a search and its facets; other parameters of `base` stay. */
export function writeLessonParams(params: LessonParams, base = new URLSearchParams()): URLSearchParams {
  const search = new URLSearchParams(base);
  for (const key of Object.keys(lessonParamNames) as (keyof LessonParams)[]) {
    const name = lessonParamNames[key];
    const value = params[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) search.delete(name);
    else
      search.set(
        name,
        typeof value === 'boolean' ? (value ? 'ja' : 'nee') : Array.isArray(value) ? value.join(',') : value,
      );
  }
  return search;
}

/** Ticks or unticks one value of a facet; goodPractice takes "true" or "false" and holds at most one. */
export function toggleFacet(params: LessonParams, facet: FacetKey, value: string, on: boolean): LessonParams {
  if (facet === 'goodPractice') return { ...params, goodPractice: on ? value === 'true' : undefined };
  const current = params[facet] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  return { ...params, [facet]: next.length ? next : undefined };
}

/** Whether a value of a facet is ticked. */
export function isTicked(params: LessonParams, facet: FacetKey, value: string): boolean {
  if (facet === 'goodPractice') return params.goodPractice !== undefined && String(params.goodPractice) === value;
  return (params[facet] as readonly string[] | undefined)?.includes(value) ?? false;
}

/** The API's filter for the URL's facets (the search text goes beside it). */
export function toLessonFilter(params: LessonParams): LessonFilter {
  const filter: LessonFilter = {};
  if (params.policyDomains) filter.policyDomains = params.policyDomains;
  if (params.countryCodes) filter.countryCodes = params.countryCodes;
  if (params.regionCodes) filter.regionCodes = params.regionCodes;
  if (params.missionTypes) filter.missionTypes = params.missionTypes;
  if (params.phases) filter.phases = params.phases;
  if (params.levels) filter.levels = params.levels;
  if (params.goodPractice !== undefined) filter.goodPractice = params.goodPractice;
  return filter;
}

/** A link to the catalogue narrowed to some facets (e.g. from a lesson's page). */
export function lessonsHref(params: LessonParams): string {
  const query = writeLessonParams(params).toString();
  return query ? `/lessen?${query}` : '/lessen';
}

export const lessonHref = (id: string) => `/lessen/${encodeURIComponent(id)}`;
