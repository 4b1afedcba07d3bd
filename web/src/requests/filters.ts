import type { Decision, DeclineReason, MissionType, RequestFilter, RequestStatus } from '../gql/graphql';

/**
 * The requests list's filters as they stand in the URL (Dutch parameter
 * names, so links read well), and the API's RequestFilter they become. The
 * dashboard's drill-through links are written with the same names.
 */
export interface RequestParams {
  /** One or more (accepted requests that were since completed count as accepted). */
  status?: RequestStatus[];
  missionType?: MissionType;
  countryCode?: string;
  regionCode?: string;
  /** Visits ending on or after. */
  from?: string;
  /** Visits starting on or before. */
  to?: string;
  recommendation?: Decision;
  submittedFrom?: string;
  submittedTo?: string;
  declineReason?: DeclineReason;
  agreement?: boolean;
  nisCode?: string;
}

const requestParamNames: Record<keyof RequestParams, string> = {
  status: 'status',
  missionType: 'type',
  countryCode: 'land',
  regionCode: 'regio',
  from: 'van',
  to: 'tot',
  recommendation: 'advies',
  submittedFrom: 'ingediendVan',
  submittedTo: 'ingediendTot',
  declineReason: 'weigering',
  agreement: 'overeenstemming',
  nisCode: 'gemeente',
};

const statuses = new Set<string>(['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'COMPLETED']);
const missionTypes = new Set<string>(['IDENTIFICATION', 'EVALUATION', 'TECHNICAL', 'POLITICAL']);
const decisions = new Set<string>(['ACCEPT', 'DECLINE']);
const declineReasons = new Set<string>(['NOT_OPPORTUNE', 'NO_STAFF_TIME', 'NO_BUDGET']);
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

function pick<T extends string>(value: string | null, allowed: Set<string>): T | undefined {
  return value && allowed.has(value) ? (value as T) : undefined;
}
function list<T extends string>(value: string | null, allowed: Set<string>): T[] | undefined {
  const items = (value ?? '').split(',').filter((item) => allowed.has(item)) as T[];
  return items.length ? items : undefined;
}
function date(value: string | null): string | undefined {
  return value && datePattern.test(value) ? value : undefined;
}
function code(value: string | null, pattern: RegExp): string | undefined {
  return value && pattern.test(value) ? value : undefined;
}

/** What the URL says, with anything malformed left out rather than sent to the API. */
export function readRequestParams(search: URLSearchParams): RequestParams {
  const get = (key: keyof RequestParams) => search.get(requestParamNames[key]);
  const agreement = get('agreement');
  const params: RequestParams = {
    status: list<RequestStatus>(get('status'), statuses),
    missionType: pick<MissionType>(get('missionType'), missionTypes),
    countryCode: code(get('countryCode'), /^[A-Z]{2}$/),
    regionCode: code(get('regionCode'), /^[A-Z]{2}-[A-Z0-9]{1,3}$/),
    from: date(get('from')),
    to: date(get('to')),
    recommendation: pick<Decision>(get('recommendation'), decisions),
    submittedFrom: date(get('submittedFrom')),
    submittedTo: date(get('submittedTo')),
    declineReason: pick<DeclineReason>(get('declineReason'), declineReasons),
    agreement: agreement === 'ja' ? true : agreement === 'nee' ? false : undefined,
    nisCode: code(get('nisCode'), /^\d{5}$/),
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

/** The URL query for a set of filters (drill-through links, the filter form). */
export function writeRequestParams(params: RequestParams, base = new URLSearchParams()): URLSearchParams {
  const search = new URLSearchParams(base);
  for (const key of Object.keys(requestParamNames) as (keyof RequestParams)[]) {
    const value = params[key];
    const name = requestParamNames[key];
    if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) search.delete(name);
    else
      search.set(
        name,
        typeof value === 'boolean' ? (value ? 'ja' : 'nee') : Array.isArray(value) ? value.join(',') : value,
      );
  }
  return search;
}

export function requestsHref(params: RequestParams): string {
  const query = writeRequestParams(params).toString();
  return query ? `/aanvragen?${query}` : '/aanvragen';
}

/** The API's filter for the URL's parameters. */
export function toRequestFilter(params: RequestParams): RequestFilter {
  const filter: RequestFilter = {};
  if (params.status) filter.status = params.status;
  if (params.missionType) filter.missionType = [params.missionType];
  if (params.countryCode) filter.countryCode = params.countryCode;
  if (params.regionCode) filter.regionCode = params.regionCode;
  if (params.from) filter.from = params.from;
  if (params.to) filter.to = params.to;
  if (params.recommendation) filter.recommendation = params.recommendation;
  if (params.submittedFrom) filter.submittedFrom = params.submittedFrom;
  if (params.submittedTo) filter.submittedTo = params.submittedTo;
  if (params.declineReason) filter.declineReason = params.declineReason;
  if (params.agreement !== undefined) filter.agreement = params.agreement;
  if (params.nisCode) filter.nisCode = params.nisCode;
  return filter;
}
