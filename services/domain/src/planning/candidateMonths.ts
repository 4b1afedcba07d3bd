import { addDays, addMonths } from '../dates.js';
import {
  DEFAULT_WINDOW_DAYS,
  rankingSteps,
  type CandidateSweepInput,
  type CandidateVisit,
  type RankedCandidate,
} from './candidates.js';
import type { AssessmentPolicy } from '../assessment/policy.js';

/** The visits that decide the candidates whose window starts in one month. */
export interface MonthSlice {
  /** YYYY-MM. */
  readonly month: string;
  /** In the order of the swept visits they were cut from. */
  readonly visits: readonly CandidateVisit[];
}

const monthOf = (date: string) => date.slice(0, 7);
const nextMonth = (month: string) => monthOf(addMonths(`${month}-01`, 1));

/** The month a candidate is kept under: its window's first day's. */
export const candidateMonth = (c: RankedCandidate): string => monthOf(c.windowStart);

/**
 * The swept visits (sweptVisits) cut by month (issue 16), so that after a
 * write only the months it touched are swept again. The candidates whose
 * window starts in month M depend only on the visits starting from
 * `windowDays − 1` days before M to `windowDays − 1` days after it: such a
 * candidate's set is found by a window starting at most `windowDays − 1` days
 * before its first visit, and covers visits starting up to `windowDays − 1`
 * days after that window's start; a set that dominates it holds its visits,
 * so its window starts no earlier than `windowDays − 1` days before the
 * candidate's last day and ends no later than `windowDays − 1` days after its
 * first. A window cut short by the slice's end starts after M, so it neither
 * yields nor dominates one of M's candidates. Only months in which a visit
 * starts are listed: a window starts at a visit's start.
 */
export function monthSlices(swept: readonly CandidateVisit[], windowDays = DEFAULT_WINDOW_DAYS): MonthSlice[] {
  const starting = new Set(swept.map((v) => monthOf(v.startDate)));
  // The slices of each start date, worked out once: a busy country has a few hundred dates for thousands of visits.
  const slicesOf = new Map<string, CandidateVisit[][]>();
  const slices = new Map<string, CandidateVisit[]>();
  for (const v of swept) {
    let into = slicesOf.get(v.startDate);
    if (!into) {
      into = [];
      const last = monthOf(addDays(v.startDate, windowDays - 1));
      for (let m = monthOf(addDays(v.startDate, -(windowDays - 1))); m <= last; m = nextMonth(m)) {
        if (!starting.has(m)) continue;
        let slice = slices.get(m);
        if (!slice) slices.set(m, (slice = []));
        into.push(slice);
      }
      slicesOf.set(v.startDate, into);
    }
    for (const slice of into) slice.push(v);
  }
  return [...slices].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, visits]) => ({ month, visits }));
}

/**
 * The candidates of one month (windows starting in it), in the order
 * rankingSteps ranks them, from its slice alone; one group at a time, as
 * rankingSteps. Together the months' candidates are rankingSteps' over every
 * swept visit (candidateMonths.test.ts).
 */
export function* monthRankingSteps(
  slice: MonthSlice,
  input: CandidateSweepInput,
  policy: AssessmentPolicy,
): Generator<undefined, RankedCandidate[], undefined> {
  const ranked = yield* rankingSteps({ ...input, visits: slice.visits }, policy);
  return ranked.filter((c) => candidateMonth(c) === slice.month);
}
