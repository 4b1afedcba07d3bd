import type { MissionType } from '../gql/graphql';
import { addQuarters, isQuarter, quarterDates, quarterOf, yearOf, type Quarter } from '../period/quarters';
import { requestsHref, type RequestParams } from '../requests/filters';

export interface DashboardFilters {
  readonly from: Quarter;
  readonly to: Quarter;
  readonly countryCode?: string;
  readonly missionType?: MissionType;
}

const missionTypes = new Set(['IDENTIFICATION', 'EVALUATION', 'TECHNICAL', 'POLITICAL']);

/** The URL's filters; by default the last eight quarters up to today's. */
export function readDashboardFilters(search: URLSearchParams, today: Date): DashboardFilters {
  const current = quarterOf(today);
  const from = search.get('van');
  const to = search.get('tot');
  const validTo: Quarter = isQuarter(to) ? to : current;
  const validFrom: Quarter = isQuarter(from) && from <= validTo ? from : addQuarters(validTo, -7);
  const country = search.get('land');
  const type = search.get('type');
  return {
    from: validFrom,
    to: validTo,
    ...(country && /^[A-Z]{2}$/.test(country) ? { countryCode: country } : {}),
    ...(type && missionTypes.has(type) ? { missionType: type as MissionType } : {}),
  };
}

export function writeDashboardFilters(filters: DashboardFilters): URLSearchParams {
  const search = new URLSearchParams({ van: filters.from, tot: filters.to });
  if (filters.countryCode) search.set('land', filters.countryCode);
  if (filters.missionType) search.set('type', filters.missionType);
  return search;
}

/** Capacity and budget cover the period's years, and the next year too when the period reaches today: it is being planned. */
export function dashboardVariables(filters: DashboardFilters, today: Date) {
  const toYear = yearOf(filters.to);
  return {
    fromQuarter: filters.from,
    toQuarter: filters.to,
    missionType: filters.missionType ?? null,
    countryCode: filters.countryCode ?? null,
    fromYear: yearOf(filters.from),
    toYear: toYear >= today.getUTCFullYear() ? toYear + 1 : toYear,
  };
}

/**
 * The requests behind a dashboard figure: submitted in the quarter (or the
 * whole period), of the mission type and country filtered on, plus what the
 * figure counts (an outcome, a decline reason, agreement).
 */
export function drillThrough(
  filters: DashboardFilters,
  figure: Omit<RequestParams, 'submittedFrom' | 'submittedTo'> & { quarter?: Quarter },
): string {
  const { quarter, ...rest } = figure;
  const period = quarter
    ? quarterDates(quarter)
    : { from: quarterDates(filters.from).from, to: quarterDates(filters.to).to };
  return requestsHref({
    submittedFrom: period.from,
    submittedTo: period.to,
    ...(filters.missionType ? { missionType: filters.missionType } : {}),
    ...(filters.countryCode ? { countryCode: filters.countryCode } : {}),
    ...rest,
  });
}

/** Coverage buckets: how long ago a municipality was last accompanied. */
export const coverageBuckets = ['lt12', '12to24', '24to36', 'gt36', 'never'] as const;
export type CoverageBucket = (typeof coverageBuckets)[number];

export function coverageBucket(months: number | null | undefined): CoverageBucket {
  if (months === null || months === undefined) return 'never';
  if (months < 12) return 'lt12';
  if (months < 24) return '12to24';
  if (months < 36) return '24to36';
  return 'gt36';
}
