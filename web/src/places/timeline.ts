import type { MissionStatus, RequestStatus } from '../gql/graphql';

/**
 * What became of a work visit, as a person reads it: accompanied by VVSG, or
 * why not (yet). `accompanied` comes from the API (a mission, not cancelled,
 * that had started), so the pages and the assessment policy agree.
 */
export type Outcome = 'accompanied' | 'planned' | 'pending' | 'declined' | 'withdrawn' | 'cancelled' | 'notAccompanied';

export interface VisitState {
  readonly accompanied: boolean;
  /** The request's status; null for a mission without a request of its own. */
  readonly status?: RequestStatus | null;
  readonly missionStatus?: MissionStatus | null;
}

export function visitOutcome(visit: VisitState): Outcome {
  if (visit.accompanied) return 'accompanied';
  if (visit.missionStatus === 'CANCELLED') return 'cancelled';
  if (visit.missionStatus === 'SCHEDULED') return 'planned';
  switch (visit.status) {
    case 'DECLINED':
      return 'declined';
    case 'WITHDRAWN':
      return 'withdrawn';
    case 'SUBMITTED':
      return 'pending';
    case 'ACCEPTED':
      return 'planned';
    default:
      return 'notAccompanied';
  }
}

/** Outcomes in the order a chart stacks them and a legend lists them. */
export const outcomes: readonly Outcome[] = [
  'accompanied',
  'planned',
  'pending',
  'declined',
  'withdrawn',
  'cancelled',
  'notAccompanied',
];

/**
 * A timeline's layout: the items grouped by the year they start in, latest
 * year first and latest item first within a year (ties keep their order).
 */
export function byYear<T extends { readonly startDate: string }>(items: readonly T[]): { year: number; items: T[] }[] {
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.startDate.localeCompare(a.item.startDate) || a.index - b.index)
    .map((e) => e.item);
  const groups: { year: number; items: T[] }[] = [];
  for (const item of sorted) {
    const year = Number(item.startDate.slice(0, 4));
    const last = groups.at(-1);
    if (last?.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}

/** Whole months from `from` to `to` (YYYY-MM-DD), rounded down, as the API counts them: 2024-05-13 to 2026-11-27 is 30. */
export function monthsBetween(from: string, to: string): number {
  const [ya, ma, da] = from.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = to.split('-').map(Number) as [number, number, number];
  return (yb - ya) * 12 + (mb - ma) - (db < da ? 1 : 0);
}

/** Today as a calendar date (YYYY-MM-DD) in Brussels, where the programme's days are counted. */
export function todayInBrussels(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

export interface MissionDates {
  readonly status: MissionStatus;
  readonly startDate: string;
  readonly endDate: string;
}

/**
 * When VVSG was last there, as of `today`: the end of the latest mission that
 * is not cancelled and had started (one under way counts up to today), with the
 * whole months since. Null when no mission went there yet.
 */
export function lastAccompaniment(
  missions: readonly MissionDates[],
  today: string,
): { readonly on: string; readonly months: number } | null {
  let last: string | null = null;
  for (const m of missions) {
    if (m.status === 'CANCELLED' || m.startDate > today) continue;
    const end = m.endDate < today ? m.endDate : today;
    if (last === null || end > last) last = end;
  }
  return last === null ? null : { on: last, months: monthsBetween(last, today) };
}

export type YearRow = { readonly year: string; readonly missions: number } & Record<Outcome, number>;

/**
 * Visits per year of departure by outcome, and the VVSG missions that started
 * in each year (cancelled ones left out): every year from the first to the
 * last, empty years included, so a chart's axis does not skip time.
 */
export function visitsPerYear(
  visits: readonly (VisitState & { readonly startDate: string })[],
  missions: readonly MissionDates[],
): YearRow[] {
  const years = [...visits.map((v) => v.startDate), ...missions.map((m) => m.startDate)].map((d) =>
    Number(d.slice(0, 4)),
  );
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows = new Map<number, Record<Outcome | 'missions', number>>();
  for (let year = first; year <= last; year++)
    rows.set(
      year,
      Object.fromEntries([...outcomes, 'missions'].map((k) => [k, 0])) as Record<Outcome | 'missions', number>,
    );
  for (const v of visits) rows.get(Number(v.startDate.slice(0, 4)))![visitOutcome(v)] += 1;
  for (const m of missions) if (m.status !== 'CANCELLED') rows.get(Number(m.startDate.slice(0, 4)))!.missions += 1;
  return [...rows].map(([year, counts]) => ({ year: String(year), ...counts }));
}
