import type { PlannerPeriod } from '../period';

/**
 * What one optimised plan covers: a stretch of the workbench period inside one
 * calendar year, because staff days and the budget are declared per year and
 * the API refuses a period that crosses a year's end.
 */
export interface PlanScope {
  /** `period`, a year (`2027`) or a quarter (`2027-Q1`). */
  readonly key: string;
  readonly kind: 'period' | 'year' | 'quarter';
  readonly year: number;
  readonly quarter?: 1 | 2 | 3 | 4;
  /** First and last day (ISO), both inside the workbench period and inside `year`. */
  readonly from: string;
  readonly to: string;
  /** Whether the whole year or quarter is covered (else the workbench period cuts it). */
  readonly whole: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

function quarterBounds(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay)}` };
}

function days(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
}

/** At most this many years are offered: a longer period is cut to its first years. */
const maxYears = 4;

/**
 * The plans one can ask for within the period. A period inside one year is a
 * plan by itself (the first choice), and its quarters refine it when it holds
 * more than one. A period across years is offered year by year and quarter by
 * quarter, each cut to the period, so no choice sends the API an invalid period.
 */
export function planScopes(period: Pick<PlannerPeriod, 'from' | 'to'>): PlanScope[] {
  if (!(period.from <= period.to)) return [];
  const firstYear = Number(period.from.slice(0, 4));
  const lastYear = Math.min(Number(period.to.slice(0, 4)), firstYear + maxYears - 1);
  const scopes: PlanScope[] = [];
  if (firstYear === lastYear && Number(period.to.slice(0, 4)) === firstYear) {
    const whole = period.from === `${firstYear}-01-01` && period.to === `${firstYear}-12-31`;
    scopes.push({ key: 'period', kind: 'period', year: firstYear, from: period.from, to: period.to, whole });
  } else {
    for (let year = firstYear; year <= lastYear; year++) {
      const from = max(period.from, `${year}-01-01`);
      const to = min(period.to, `${year}-12-31`);
      scopes.push({
        key: String(year),
        kind: 'year',
        year,
        from,
        to,
        whole: from.endsWith('-01-01') && to.endsWith('-12-31'),
      });
    }
  }
  for (let year = firstYear; year <= lastYear; year++) {
    for (let quarter = 1 as 1 | 2 | 3 | 4; quarter <= 4; quarter = (quarter + 1) as 1 | 2 | 3 | 4) {
      const bounds = quarterBounds(year, quarter);
      const from = max(period.from, bounds.from);
      const to = min(period.to, bounds.to);
      if (from > to) continue;
      // A quarter that is already a choice (the period itself) is not offered twice.
      if (scopes.some((s) => s.from === from && s.to === to)) continue;
      scopes.push({
        key: `${year}-Q${quarter}`,
        kind: 'quarter',
        year,
        quarter,
        from,
        to,
        whole: from === bounds.from && to === bounds.to,
      });
    }
  }
  return scopes;
}

/** The first plan to show: the period itself when it lies in one year, else the year holding most of it (the later on a tie). */
export function defaultScope(scopes: readonly PlanScope[]): PlanScope | undefined {
  const period = scopes.find((s) => s.kind === 'period');
  if (period) return period;
  let best: PlanScope | undefined;
  for (const scope of scopes) {
    if (scope.kind !== 'year') continue;
    if (!best || days(scope.from, scope.to) >= days(best.from, best.to)) best = scope;
  }
  return best ?? scopes[0];
}

/** The chosen scope if the period still offers it, else the default: a stale choice never reaches the API. */
export function resolveScope(scopes: readonly PlanScope[], chosen: string | undefined): PlanScope | undefined {
  return scopes.find((s) => s.key === chosen) ?? defaultScope(scopes);
}

/** Whether the period crosses a year's end, so the plan covers only part of it. */
export function spansYears(period: Pick<PlannerPeriod, 'from' | 'to'>): boolean {
  return period.from.slice(0, 4) !== period.to.slice(0, 4);
}
