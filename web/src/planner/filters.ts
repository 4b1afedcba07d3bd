import { quarterDates } from '../period/quarters';
import type { PlannerPeriod } from './period';

/** What the workbench looks at, as the URL keeps it: a year, optionally one of its quarters, optionally a country. */
export interface PlannerFilters {
  readonly year: number;
  readonly quarter?: 1 | 2 | 3 | 4;
  readonly countryCode?: string;
}

/**
 * The year being planned: the year that holds most of the coming twelve
 * months (the year of today plus six months). In the autumn's planning round
 * that is next year, the year the undecided requests lie in; in the spring it
 * is still this year. A calendar year, not a rolling twelve months, because
 * the optimised plan, staff days and budgets are all per year.
 */
export function planningYear(today: Date): number {
  const ahead = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 6, 1));
  return ahead.getUTCFullYear();
}

/** The URL's filters (`jaar`, `kwartaal`, `land`); by default the year being planned, every country. */
export function readPlannerFilters(search: URLSearchParams, today: Date): PlannerFilters {
  const year = Number(search.get('jaar'));
  const quarter = Number(search.get('kwartaal'));
  const country = search.get('land');
  return {
    year: Number.isInteger(year) && year >= 2017 && year <= 2100 ? year : planningYear(today),
    ...(quarter >= 1 && quarter <= 4 && Number.isInteger(quarter) ? { quarter: quarter as 1 | 2 | 3 | 4 } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { countryCode: country } : {}),
  };
}

export function writePlannerFilters(filters: PlannerFilters): URLSearchParams {
  const search = new URLSearchParams({ jaar: String(filters.year) });
  if (filters.quarter) search.set('kwartaal', String(filters.quarter));
  if (filters.countryCode) search.set('land', filters.countryCode);
  return search;
}

/** The period's first and last day. */
export function plannerPeriod(filters: PlannerFilters): PlannerPeriod {
  const dates = filters.quarter
    ? quarterDates(`${filters.year}-Q${filters.quarter}`)
    : { from: `${filters.year}-01-01`, to: `${filters.year}-12-31` };
  return { ...dates, countryCode: filters.countryCode ?? null };
}

/** The years to choose from: a few back (to look at what happened), and up to the year after the planning year. */
export function yearOptions(today: Date, chosen: number): number[] {
  const last = planningYear(today) + 1;
  const first = Math.min(today.getUTCFullYear() - 3, chosen);
  const years: number[] = [];
  for (let y = Math.max(last, chosen); y >= first; y--) years.push(y);
  return years;
}
