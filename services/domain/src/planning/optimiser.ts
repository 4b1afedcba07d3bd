import highsModule, { type Highs } from 'highs';
import { defaultPolicy } from '../assessment/policy.js';
import { daysBetween, yearOf } from '../dates.js';

/** A request VVSG could accompany on its own. */
export interface RequestTrip {
  readonly requestId: string;
  /** First and last day of the visit (ISO dates). */
  readonly startDate: string;
  readonly endDate: string;
  /** Staff days: preparation + visit days + processing. */
  readonly days: number;
  readonly costEur: number;
  readonly priority: number;
}

/** A joint mission candidate: one staff member accompanies several requests in one trip. */
export interface BundleTrip {
  readonly bundleId: string;
  readonly requestIds: readonly string[];
  /** The joint window: first and last visit day. */
  readonly startDate: string;
  readonly endDate: string;
  readonly days: number;
  readonly costEur: number;
  readonly priority: number;
}

export interface StaffAvailability {
  readonly staffMemberId: string;
  /** Free days in the year: declared capacity minus days already booked. */
  readonly freeDays: number;
}

/**
 * An accepted request or scheduled mission. It stays in the plan and consumes
 * no new days or budget (they are already booked and reserved), but its staff
 * member is busy on its dates and its requests are served.
 */
export interface FixedTrip {
  readonly id: string;
  readonly requestIds: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly staffMemberId?: string;
}

export interface AccompanimentPlanInput {
  readonly year: number;
  readonly requests: readonly RequestTrip[];
  readonly bundles: readonly BundleTrip[];
  readonly staff: readonly StaffAvailability[];
  /** The year's budget not yet reserved, in euro. */
  readonly unreservedEur: number;
  readonly fixed?: readonly FixedTrip[];
  /** Wall-clock limit per HiGHS solve; 20 s unless given. */
  readonly timeLimitSeconds?: number;
  /** How many times a trip set that cannot be staffed is cut off and the model solved again; 50 unless given. */
  readonly maxRounds?: number;
}

export interface PlannedTrip {
  readonly kind: 'REQUEST' | 'BUNDLE';
  /** The request id for a single request, the bundle id for a bundle. */
  readonly tripId: string;
  readonly requestIds: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly days: number;
  readonly costEur: number;
  readonly priority: number;
  readonly staffMemberId: string;
}

/**
 * OPTIMAL: proved best. TIME_LIMIT: HiGHS stopped at its time limit; the plan
 * is the best staffed one found, `mipGap` says how far from the bound.
 * ROUND_LIMIT: every solved trip set so far could not be staffed within
 * `maxRounds`; the plan is the greedy one. INFEASIBLE / ERROR: HiGHS could not
 * solve the model; the plan is the greedy one.
 */
export type PlanStatus = 'OPTIMAL' | 'TIME_LIMIT' | 'ROUND_LIMIT' | 'INFEASIBLE' | 'ERROR';

export interface StaffUse {
  readonly staffMemberId: string;
  readonly freeDays: number;
  readonly usedDays: number;
  readonly slackDays: number;
  /** Whether the slack is too small for any candidate trip left out of the plan. */
  readonly binding: boolean;
}

export interface BudgetUse {
  readonly unreservedEur: number;
  readonly usedEur: number;
  readonly slackEur: number;
  /** Whether the slack is too small for any candidate trip left out of the plan. */
  readonly binding: boolean;
}

export interface AccompanimentPlan {
  readonly year: number;
  readonly status: PlanStatus;
  readonly trips: readonly PlannedTrip[];
  readonly fixed: readonly FixedTrip[];
  /** Total priority of the chosen trips (fixed trips excluded: they are in every plan). */
  readonly objective: number;
  /** The best bound proved on the objective. */
  readonly bound: number;
  /** (bound − objective) / objective, as HiGHS defines it; 0 when proved optimal. */
  readonly mipGap: number;
  readonly staff: readonly StaffUse[];
  readonly budget: BudgetUse;
  /** Highest priority first under the same constraints and staff rule: what the optimum gains over. */
  readonly greedy: { readonly objective: number; readonly trips: readonly PlannedTrip[] };
  /** HiGHS solves of the trip-choice model (one more per trip set that could not be staffed). */
  readonly rounds: number;
}

// highs ships a CommonJS-shaped declaration (`export default` in a CJS .d.ts), so under NodeNext the
// default import types as the module object; at runtime Node and Vite load build/highs.mjs, whose
// default export is the loader itself.
const loadHighs = highsModule as unknown as typeof highsModule.default;

let solver: Promise<Highs> | undefined;
/** HiGHS compiles its WebAssembly once per process (~0.2 s); every plan reuses it. */
function highs(): Promise<Highs> {
  const loading =
    solver ??
    loadHighs().catch((error: unknown) => {
      solver = undefined;
      throw error;
    });
  solver = loading;
  return loading;
}

interface Trip {
  readonly index: number;
  readonly kind: PlannedTrip['kind'];
  readonly tripId: string;
  readonly requestIds: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly days: number;
  readonly costEur: number;
  readonly priority: number;
  /** Occupied interval in day numbers, preparation and processing included. */
  readonly from: number;
  readonly to: number;
  /** Indexes into the staff list of members free on the whole interval with enough free days. */
  readonly eligible: readonly number[];
}

interface Busy {
  readonly from: number;
  readonly to: number;
}

const EPOCH = '1970-01-01';
const overlaps = (a: Busy, b: Busy): boolean => a.from <= b.to && b.from <= a.to;

/** The staff, fixed trips and budget clamped, and the candidate trips some staff member could take alone. */
function prepare(input: AccompanimentPlanInput) {
  const staff = input.staff.map((s) => ({ ...s, freeDays: Math.max(0, s.freeDays) }));
  const fixed = input.fixed ?? [];
  const served = new Set(fixed.flatMap((f) => f.requestIds));
  const busy = staff.map((s) => fixed.filter((f) => f.staffMemberId === s.staffMemberId).map((f) => occupied(f)));
  const budget = Math.max(0, input.unreservedEur);

  const candidates = [
    ...input.requests.map((r) => ({ ...r, kind: 'REQUEST' as const, tripId: r.requestId, requestIds: [r.requestId] })),
    ...input.bundles.map((b) => ({ ...b, kind: 'BUNDLE' as const, tripId: b.bundleId })),
  ];
  const trips: Trip[] = [];
  for (const c of candidates) {
    // Free days are counted per year; a trip of another year, or one whose requests are already served, is no candidate.
    if (yearOf(c.startDate) !== input.year || c.requestIds.some((r) => served.has(r))) continue;
    if (c.costEur > budget || new Set(c.requestIds).size !== c.requestIds.length) continue;
    const interval = occupied(c);
    const eligible = staff.flatMap((s, i) =>
      s.freeDays >= c.days && !(busy[i] ?? []).some((b) => overlaps(b, interval)) ? [i] : [],
    );
    if (eligible.length === 0) continue;
    trips.push({ ...c, ...interval, index: trips.length, eligible });
  }

  return { staff, fixed, budget, trips };
}

/**
 * The greedy plan alone (highest priority first, same constraints and staff
 * rule as the one optimiseAccompanimentPlan reports): the baseline the
 * benchmark times the optimiser against.
 */
export function greedyAccompanimentPlan(input: AccompanimentPlanInput): AccompanimentPlan['greedy'] {
  const { staff, budget, trips } = prepare(input);
  const greedy = greedyPlan(trips, staff, budget);
  return { objective: greedy.reduce((sum, t) => sum + t.priority, 0), trips: greedy };
}

/**
 * The plan that accompanies the most valuable set of visits (issue 12).
 *
 * Model. One binary x_t per candidate trip (request or bundle):
 * maximise Σ priority_t·x_t subject to
 * - budget: Σ cost_t·x_t ≤ unreserved budget;
 * - team days: Σ days_t·x_t ≤ Σ free days of the staff;
 * - each request served at most once: Σ_{t ∋ r} x_t ≤ 1;
 * - capacity: at the start of each trip's occupied interval (2 preparation
 *   days before the visit to 2 processing days after), the trips occupying
 *   that day number at most the staff members eligible for any of them
 *   (interval graphs: these cliques cover every overlap).
 * A trip no staff member could take alone (too few free days, or busy with a
 * fixed trip) is left out first. This is a relaxation of the real problem:
 * a chosen trip set is then staffed exactly (first fit by most remaining free
 * days, else an assignment MIP with one binary per trip × eligible member,
 * each member's own free days and no overlap per member). A set that cannot be
 * staffed is cut off (Σ_{t∈T} x_t ≤ |T| − 1) and the model solved again, so the
 * first staffed set is optimal for the real constraints. One binary per
 * (trip × member) from the start was measured far slower: the members are
 * interchangeable and branch-and-bound explores each symmetric copy.
 */
export async function optimiseAccompanimentPlan(input: AccompanimentPlanInput): Promise<AccompanimentPlan> {
  const { staff, fixed, budget, trips } = prepare(input);
  const greedy = greedyPlan(trips, staff, budget);
  const result = (
    status: PlanStatus,
    chosen: readonly PlannedTrip[],
    bound: number,
    rounds: number,
  ): AccompanimentPlan => {
    const objective = chosen.reduce((sum, t) => sum + t.priority, 0);
    return {
      year: input.year,
      status,
      trips: [...chosen].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.tripId.localeCompare(b.tripId)),
      fixed,
      objective,
      bound,
      mipGap: gap(objective, bound, trips),
      ...uses(chosen, trips, input.staff, input.unreservedEur),
      greedy: { objective: greedy.reduce((sum, t) => sum + t.priority, 0), trips: greedy },
      rounds,
    };
  };
  if (trips.length === 0) return result('OPTIMAL', [], 0, 0);

  const lp = new TripChoiceModel(trips, staff, budget);
  const timeLimit = input.timeLimitSeconds ?? 20;
  const maxRounds = input.maxRounds ?? 50;
  const solverInstance = await highs();
  const integral = trips.every((t) => Number.isInteger(t.priority));
  let bound = Infinity;
  for (let round = 1; round <= maxRounds; round++) {
    const solved = solve(solverInstance, lp.text(), timeLimit, integral);
    bound = Math.min(bound, solved.bound);
    if (!solved.values) {
      // HiGHS found nothing usable; the greedy plan is still a valid one.
      return result(solved.status === 'INFEASIBLE' ? 'INFEASIBLE' : 'ERROR', greedy, bound, round);
    }
    const chosen = trips.filter((t) => (solved.values?.get(`x${t.index}`) ?? 0) > 0.5);
    const assignment = await assignStaff(chosen, staff, timeLimit);
    if (assignment) {
      const plan = chosen.map((t, i) => planned(t, staff[assignment[i] ?? -1]?.staffMemberId ?? ''));
      const objective = plan.reduce((sum, t) => sum + t.priority, 0);
      const greedyObjective = greedy.reduce((sum, t) => sum + t.priority, 0);
      // Under a time limit HiGHS's incumbent may be worse than greedy; never return the worse plan.
      if (solved.status !== 'OPTIMAL' && greedyObjective > objective)
        return result(solved.status, greedy, bound, round);
      return result(solved.status, plan, solved.status === 'OPTIMAL' ? objective : bound, round);
    }
    if (solved.status !== 'OPTIMAL') return result(solved.status, greedy, bound, round);
    lp.cut(chosen);
  }
  return result('ROUND_LIMIT', greedy, bound, maxRounds);
}

function occupied(trip: { readonly startDate: string; readonly endDate: string }): Busy {
  return {
    from: daysBetween(EPOCH, trip.startDate) - defaultPolicy.preparationDays,
    to: daysBetween(EPOCH, trip.endDate) + defaultPolicy.processingDays,
  };
}

function planned(t: Trip, staffMemberId: string): PlannedTrip {
  return {
    kind: t.kind,
    tripId: t.tripId,
    requestIds: t.requestIds,
    startDate: t.startDate,
    endDate: t.endDate,
    days: t.days,
    costEur: t.costEur,
    priority: t.priority,
    staffMemberId,
  };
}

function gap(objective: number, bound: number, trips: readonly Trip[]): number {
  if (!Number.isFinite(bound) || bound <= objective) return bound <= objective ? 0 : Infinity;
  // With whole-number priorities a bound less than one above the objective proves it optimal.
  if (trips.every((t) => Number.isInteger(t.priority)) && bound - objective < 1 - 1e-6) return 0;
  return objective === 0 ? Infinity : (bound - objective) / Math.abs(objective);
}

/** Groups of trips that share a day: at the start of each interval, every trip occupying it. */
function cliques<T extends Busy>(trips: readonly T[]): T[][] {
  const seen = new Set<string>();
  const out: T[][] = [];
  for (const day of new Set(trips.map((t) => t.from))) {
    const clique = trips.filter((t) => t.from <= day && day <= t.to);
    const key = clique.map((t) => trips.indexOf(t)).join(',');
    if (clique.length > 1 && !seen.has(key)) {
      seen.add(key);
      out.push(clique);
    }
  }
  return out;
}

class TripChoiceModel {
  private readonly rows: string[] = [];
  private cuts = 0;

  constructor(
    private readonly trips: readonly Trip[],
    staff: readonly StaffAvailability[],
    budget: number,
  ) {
    const sum = (ts: readonly Trip[], coef: (t: Trip) => number) =>
      ts.map((t) => `${t.index === ts[0]?.index ? '' : '+ '}${coef(t)} x${t.index}`).join(' ');
    this.rows.push(`budget: ${sum(trips, (t) => t.costEur)} <= ${budget}`);
    this.rows.push(`days: ${sum(trips, (t) => t.days)} <= ${staff.reduce((s, m) => s + m.freeDays, 0)}`);
    const byRequest = new Map<string, Trip[]>();
    for (const t of trips) for (const r of t.requestIds) byRequest.set(r, [...(byRequest.get(r) ?? []), t]);
    let i = 0;
    for (const ts of byRequest.values()) if (ts.length > 1) this.rows.push(`r${i++}: ${sum(ts, () => 1)} <= 1`);
    i = 0;
    for (const clique of cliques(trips)) {
      // Trips sharing a day need distinct members, each eligible for its trip.
      const free = new Set(clique.flatMap((t) => t.eligible)).size;
      if (clique.length > free) this.rows.push(`c${i++}: ${sum(clique, () => 1)} <= ${free}`);
    }
  }

  /** Excludes exactly this set of trips from every later solution. */
  cut(chosen: readonly Trip[]): void {
    const terms = chosen.map((t, i) => `${i === 0 ? '' : '+ '}x${t.index}`).join(' ');
    this.rows.push(`n${this.cuts++}: ${terms} <= ${chosen.length - 1}`);
  }

  text(): string {
    const objective = this.trips.map((t, i) => `${i === 0 ? '' : '+ '}${t.priority} x${t.index}`).join(' ');
    return [
      'Maximize',
      ` obj: ${objective}`,
      'Subject To',
      ...this.rows.map((r) => ` ${r}`),
      'Binary',
      ` ${this.trips.map((t) => `x${t.index}`).join(' ')}`,
      'End',
    ].join('\n');
  }
}

interface Solved {
  readonly status: PlanStatus;
  readonly bound: number;
  readonly values?: ReadonlyMap<string, number>;
}

const STATUS: Readonly<Record<number, PlanStatus>> = { 7: 'OPTIMAL', 8: 'INFEASIBLE', 13: 'TIME_LIMIT' };

function solve(solverInstance: Highs, text: string, timeLimit: number, integral = false): Solved {
  return solverInstance.withModel({ format: 'lp', data: text }, (model) => {
    // mip_rel_gap 0: HiGHS's default (1e-4) would call a plan 0.01% short of the best optimal. With
    // whole-number priorities a bound less than one above a plan proves it best, so HiGHS may stop there.
    model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: integral ? 1 - 1e-6 : 1e-6,
      time_limit: timeLimit,
    });
    model.run();
    const status = STATUS[model.getModelStatus()] ?? 'ERROR';
    const feasible = Number(model.info.get('primal_solution_status')) === 2;
    const bound = status === 'OPTIMAL' ? model.getObjectiveValue() : Number(model.info.get('mip_dual_bound'));
    if (!feasible || (status !== 'OPTIMAL' && status !== 'TIME_LIMIT')) return { status, bound };
    const solution = model.getSolution().colValue;
    const values = new Map<string, number>();
    for (let c = 0; c < solution.length; c++) values.set(model.getColName(c), solution[c] ?? 0);
    return { status, bound, values };
  });
}

/**
 * A staff member for each trip: each member's own free days, no member on two
 * overlapping trips, only members eligible for the trip. First fit (most or
 * least remaining free days first) over a few orders settles most sets; when
 * none does, an exact assignment MIP decides. The MIP is the slow path: on a
 * 300-request year with 6 members it took 1.3–4 s against 0.4 s for the trip
 * choice, because members are interchangeable (issue 12's symmetry). Returns staff indexes per trip, or undefined
 * when no assignment exists.
 */
async function assignStaff(
  trips: readonly Trip[],
  staff: readonly StaffAvailability[],
  timeLimit: number,
): Promise<number[] | undefined> {
  for (const order of orders(trips)) {
    for (const rule of ['most', 'least'] as const) {
      const fit = firstFit(order, staff, rule);
      if (fit) return trips.map((t) => fit.get(t) ?? -1);
    }
  }

  const y = (t: Trip, s: number) => `y${t.index}_${s}`;
  const rows: string[] = [];
  for (const t of trips) rows.push(`a${t.index}: ${t.eligible.map((s) => y(t, s)).join(' + ')} = 1`);
  staff.forEach((member, s) => {
    const own = trips.filter((t) => t.eligible.includes(s));
    if (own.length === 0) return;
    rows.push(`f${s}: ${own.map((t) => `${t.days} ${y(t, s)}`).join(' + ')} <= ${member.freeDays}`);
    cliques(own).forEach((clique, k) => rows.push(`o${s}_${k}: ${clique.map((t) => y(t, s)).join(' + ')} <= 1`));
  });
  const columns = trips.flatMap((t) => t.eligible.map((s) => y(t, s)));
  const text = [
    'Maximize',
    ` obj: ${columns.join(' + ')}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Binary',
    ` ${columns.join(' ')}`,
    'End',
  ].join('\n');
  const solved = solve(await highs(), text, timeLimit);
  if (!solved.values) return undefined;
  const values = solved.values;
  return trips.map((t) => t.eligible.find((s) => (values.get(y(t, s)) ?? 0) > 0.5) ?? -1);
}

/** Date order, longest first, and a few fixed pseudo-random shuffles (deterministic: same input, same plan). */
function* orders(trips: readonly Trip[]): Generator<readonly Trip[]> {
  yield [...trips].sort((a, b) => a.from - b.from || b.days - a.days);
  yield [...trips].sort((a, b) => b.days - a.days || a.from - b.from);
  let seed = 12;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let k = 0; k < 30; k++) {
    const shuffled = [...trips];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    yield shuffled;
  }
}

type Rule = 'most' | 'least';

/**
 * Each trip in turn to the eligible member free on its dates with the most
 * remaining free days (the assessment's rule), or with the least that still
 * suffice (best fit); ties by staff order.
 */
function firstFit(
  order: readonly Trip[],
  staff: readonly StaffAvailability[],
  rule: Rule,
): Map<Trip, number> | undefined {
  const left = staff.map((s) => s.freeDays);
  const taken = staff.map((): Busy[] => []);
  const out = new Map<Trip, number>();
  for (const t of order) {
    const s = pick(t, left, taken, rule);
    if (s === undefined) return undefined;
    out.set(t, s);
  }
  return out;
}

function pick(t: Trip, left: number[], taken: Busy[][], rule: Rule = 'most'): number | undefined {
  let best: number | undefined;
  for (const s of t.eligible) {
    if ((left[s] ?? 0) < t.days || (taken[s] ?? []).some((b) => overlaps(b, t))) continue;
    const better = rule === 'most' ? (left[s] ?? 0) > (left[best ?? s] ?? 0) : (left[s] ?? 0) < (left[best ?? s] ?? 0);
    if (best === undefined || better) best = s;
  }
  if (best !== undefined) {
    left[best] = (left[best] ?? 0) - t.days;
    taken[best]?.push(t);
  }
  return best;
}

/**
 * Highest priority first (ties: cheaper, then earlier, then id): take a trip
 * when its requests are not yet served, the budget still covers it and a staff
 * member can take it by the assessment's rule next to the trips already taken.
 */
function greedyPlan(trips: readonly Trip[], staff: readonly StaffAvailability[], budget: number): PlannedTrip[] {
  const order = [...trips].sort(
    (a, b) => b.priority - a.priority || a.costEur - b.costEur || a.from - b.from || a.tripId.localeCompare(b.tripId),
  );
  const left = staff.map((s) => s.freeDays);
  const taken = staff.map((): Busy[] => []);
  const served = new Set<string>();
  let spent = 0;
  const out: PlannedTrip[] = [];
  for (const t of order) {
    if (t.requestIds.some((r) => served.has(r)) || spent + t.costEur > budget) continue;
    const s = pick(t, left, taken);
    if (s === undefined) continue;
    spent += t.costEur;
    for (const r of t.requestIds) served.add(r);
    out.push(planned(t, staff[s]?.staffMemberId ?? ''));
  }
  return out;
}

/** What binds: each member's and the budget's use and slack, and whether any left-out trip would still fit. */
function uses(
  chosen: readonly PlannedTrip[],
  trips: readonly Trip[],
  staff: readonly StaffAvailability[],
  unreservedEur: number,
): { staff: StaffUse[]; budget: BudgetUse } {
  const served = new Set(chosen.flatMap((t) => t.requestIds));
  const left = trips.filter((t) => !t.requestIds.some((r) => served.has(r)));
  const usedEur = chosen.reduce((sum, t) => sum + t.costEur, 0);
  const slackEur = unreservedEur - usedEur;
  return {
    staff: staff.map((s, i) => {
      const usedDays = chosen.filter((t) => t.staffMemberId === s.staffMemberId).reduce((sum, t) => sum + t.days, 0);
      const slackDays = s.freeDays - usedDays;
      const wanted = left.filter((t) => t.eligible.includes(i));
      return {
        staffMemberId: s.staffMemberId,
        freeDays: s.freeDays,
        usedDays,
        slackDays,
        binding: wanted.length > 0 && wanted.every((t) => t.days > slackDays),
      };
    }),
    budget: {
      unreservedEur,
      usedEur,
      slackEur,
      binding: left.length > 0 && left.every((t) => t.costEur > slackEur),
    },
  };
}
