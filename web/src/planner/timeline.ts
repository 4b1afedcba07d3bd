/**
 * The layout of a region's visits on a shared time axis: pure, so it is tested
 * without a browser. Positions are percentages of the period's width, so the
 * timeline follows its container without measuring it.
 */

const DAY = 86_400_000;

function day(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** How a visit stands: an undecided request, an accepted one, or a mission (scheduled or done). */
export type VisitState = 'undecided' | 'accepted' | 'mission';

export interface TimelineVisit {
  readonly id: string;
  readonly kind: 'REQUEST' | 'MISSION';
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly nisCodes: readonly string[];
}

export interface TimelineGroup {
  readonly startDate: string;
  readonly endDate: string;
  readonly nisCodes: readonly string[];
  readonly visitIds: readonly string[];
}

export interface Span {
  /** Percent of the period's width from its start. */
  readonly left: number;
  readonly width: number;
  /** The span starts before the period or ends after it. */
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

export function visitState(visit: Pick<TimelineVisit, 'kind' | 'status'>): VisitState {
  if (visit.kind === 'MISSION') return 'mission';
  return visit.status === 'SUBMITTED' ? 'undecided' : 'accepted';
}

/**
 * Where [start, end] (both days included) lies in [from, to]; undefined when
 * outside it. A one-day visit keeps a visible minimum width.
 */
export function span(from: string, to: string, start: string, end: string, minWidth = 0.6): Span | undefined {
  const first = day(from);
  const total = day(to) - first + 1;
  const s = day(start);
  const e = day(end) + 1;
  if (e <= first || s > day(to)) return undefined;
  const left = Math.max(0, s - first);
  const right = Math.min(total, e - first);
  const width = Math.max(((right - left) / total) * 100, minWidth);
  return {
    left: Math.min((left / total) * 100, 100 - width),
    width,
    clippedStart: s < first,
    clippedEnd: e - first > total,
  };
}

/** The first day of every month in the period (and where it falls), for the axis. */
export function monthTicks(from: string, to: string): { date: string; left: number }[] {
  const ticks: { date: string; left: number }[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  if (cursor.getTime() < start.getTime())
    cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const first = day(from);
  const total = day(to) - first + 1;
  while (cursor.toISOString().slice(0, 10) <= to) {
    const date = cursor.toISOString().slice(0, 10);
    ticks.push({ date, left: ((day(date) - first) / total) * 100 });
    cursor = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
  }
  return ticks;
}

export interface Bar {
  readonly visit: TimelineVisit;
  readonly state: VisitState;
  readonly span: Span;
  /** Which line of the row it takes: visits of one municipality that overlap do not cover each other. */
  readonly lane: number;
  /** It belongs to a group of overlapping visits (a joint mission in the making). */
  readonly grouped: boolean;
}

export interface Row {
  readonly nisCode: string;
  readonly bars: readonly Bar[];
  readonly lanes: number;
  /** The overlapping groups this municipality is part of, as spans. */
  readonly groups: readonly Span[];
}

/**
 * One row per municipality (in the order given), each with its visits in the
 * period as bars; a mission for several municipalities shows in each of their
 * rows. Visits of one municipality that overlap in time take separate lanes.
 */
export function layoutRows(
  from: string,
  to: string,
  nisCodes: readonly string[],
  visits: readonly TimelineVisit[],
  groups: readonly TimelineGroup[],
): Row[] {
  const grouped = new Set(groups.flatMap((g) => g.visitIds));
  return nisCodes.map((nisCode) => {
    const mine = visits
      .filter((v) => v.nisCodes.includes(nisCode))
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.endDate.localeCompare(b.endDate));
    const laneEnds: string[] = [];
    const bars: Bar[] = [];
    for (const visit of mine) {
      const where = span(from, to, visit.startDate, visit.endDate);
      if (!where) continue;
      let lane = laneEnds.findIndex((end) => end < visit.startDate);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = visit.endDate;
      bars.push({ visit, state: visitState(visit), span: where, lane, grouped: grouped.has(visit.id) });
    }
    const mineGroups = groups
      .filter((g) => g.nisCodes.includes(nisCode))
      .map((g) => span(from, to, g.startDate, g.endDate))
      .filter((s): s is Span => !!s);
    return { nisCode, bars, lanes: Math.max(1, laneEnds.length), groups: mineGroups };
  });
}

/** Days from start to end, both included. */
export function daysIncluded(start: string, end: string): number {
  return day(end) - day(start) + 1;
}
