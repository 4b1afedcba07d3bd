import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates.js';
import {
  optimiseAccompanimentPlan,
  type AccompanimentPlan,
  type AccompanimentPlanInput,
  type BundleTrip,
  type PlannedTrip,
  type RequestTrip,
} from './optimiser.js';
import { bundlePriority, priorityPolicy, requestPriority } from './priority.js';

const YEAR = 2027;

/** A request of `visitDays` days from `start`; staff days are 2 + visit + 2. */
function request(id: string, start: string, visitDays: number, costEur: number, priority: number): RequestTrip {
  return {
    requestId: id,
    startDate: start,
    endDate: addDays(start, visitDays - 1),
    days: visitDays + 4,
    costEur,
    priority,
  };
}

function plan(input: Partial<AccompanimentPlanInput>): Promise<AccompanimentPlan> {
  return optimiseAccompanimentPlan({ year: YEAR, requests: [], bundles: [], staff: [], unreservedEur: 0, ...input });
}

const ids = (p: { readonly trips: readonly PlannedTrip[] }) => p.trips.map((t) => t.tripId).sort();

describe('the priority policy', () => {
  it('weighs mission types by relevance, extra reasons, the recommendation and a bundle saving', () => {
    const evaluation = requestPriority({
      missionType: 'EVALUATION',
      satisfiedReasons: ['FOLLOW_UP', 'CONTENT_PROBLEMS', 'FOLLOW_UP'],
      recommendation: 'ACCEPT',
    });
    expect(evaluation).toMatchObject({ points: 30 + 5 + 10, policyVersion: priorityPolicy.version });
    const political = requestPriority({ missionType: 'POLITICAL', satisfiedReasons: [], recommendation: 'DECLINE' });
    expect(political.points).toBe(10);
    const identification = requestPriority({
      missionType: 'IDENTIFICATION',
      satisfiedReasons: [],
      recommendation: 'DECLINE',
    });
    expect(identification.points).toBeGreaterThan(political.points);
    const members = [
      { missionType: 'EVALUATION', satisfiedReasons: ['FOLLOW_UP'], recommendation: 'ACCEPT' },
      { missionType: 'POLITICAL', satisfiedReasons: [], recommendation: 'DECLINE' },
    ] as const;
    expect(bundlePriority(members, 1_250).points).toBe(40 + 10 + 12);
    expect(bundlePriority(members, -300).points).toBe(50);
  });
});

describe('optimiseAccompanimentPlan', () => {
  const roomy = [{ staffMemberId: 'ann', freeDays: 200 }];

  it('keeps the most valuable trips the budget allows', async () => {
    const p = await plan({
      requests: [
        request('a', '2027-02-01', 3, 1_000, 10),
        request('b', '2027-04-01', 3, 1_000, 20),
        request('c', '2027-06-01', 3, 1_000, 30),
      ],
      staff: roomy,
      unreservedEur: 2_500,
    });
    expect(p).toMatchObject({ status: 'OPTIMAL', objective: 50, mipGap: 0 });
    expect(ids(p)).toEqual(['b', 'c']);
    expect(p.budget).toEqual({ unreservedEur: 2_500, usedEur: 2_000, slackEur: 500, binding: true });
    expect(p.staff[0]).toMatchObject({ usedDays: 14, slackDays: 186, binding: false });
  });

  it("fills one member's free days exactly where the greedy plan takes the single biggest trip", async () => {
    const p = await plan({
      requests: [
        request('big', '2027-02-01', 8, 100, 10),
        request('small1', '2027-04-01', 2, 100, 6),
        request('small2', '2027-06-01', 2, 100, 6),
      ],
      staff: [{ staffMemberId: 'ann', freeDays: 12 }],
      unreservedEur: 10_000,
    });
    expect(p).toMatchObject({ status: 'OPTIMAL', objective: 12 });
    expect(ids(p)).toEqual(['small1', 'small2']);
    expect(p.staff[0]).toMatchObject({ freeDays: 12, usedDays: 12, slackDays: 0, binding: true });
    expect(p.budget.binding).toBe(false);
    expect(p.greedy.objective).toBe(10);
  });

  it('never sends one member on two trips whose preparation or processing overlaps, but two members can go', async () => {
    // b starts 3 days after a ends: a's processing (2 days) and b's preparation (2 days) meet.
    const requests = [request('a', '2027-03-01', 5, 1_000, 10), request('b', '2027-03-08', 5, 1_000, 9)];
    const one = await plan({ requests, staff: roomy, unreservedEur: 10_000 });
    expect(ids(one)).toEqual(['a']);
    const two = await plan({
      requests,
      staff: [...roomy, { staffMemberId: 'bert', freeDays: 200 }],
      unreservedEur: 10_000,
    });
    expect(ids(two)).toEqual(['a', 'b']);
    expect(new Set(two.trips.map((t) => t.staffMemberId)).size).toBe(2);
    // Five days apart, one member takes both.
    const apart = await plan({
      requests: [request('a', '2027-03-01', 5, 1_000, 10), request('b', '2027-03-10', 5, 1_000, 9)],
      staff: roomy,
      unreservedEur: 10_000,
    });
    expect(ids(apart)).toEqual(['a', 'b']);
  });

  it('prefers a bundle to its two requests alone and serves each request once', async () => {
    const bundle: BundleTrip = {
      bundleId: 'joint',
      requestIds: ['a', 'b'],
      startDate: '2027-05-03',
      endDate: '2027-05-09',
      days: 11,
      costEur: 3_000,
      priority: 65,
    };
    const p = await plan({
      requests: [request('a', '2027-05-03', 5, 2_000, 30), request('b', '2027-05-05', 5, 2_000, 30)],
      bundles: [bundle],
      staff: [...roomy, { staffMemberId: 'bert', freeDays: 200 }],
      unreservedEur: 10_000,
    });
    expect(p).toMatchObject({ status: 'OPTIMAL', objective: 65 });
    expect(p.trips).toHaveLength(1);
    expect(p.trips[0]).toMatchObject({ kind: 'BUNDLE', tripId: 'joint', requestIds: ['a', 'b'] });
  });

  it('cuts off a trip set the team days allow but no member can staff, and solves again', async () => {
    // The team has 21 days for 8 + 8 + 5, but 10 and 11 days cannot hold them.
    const input = {
      requests: [
        request('a', '2027-02-01', 4, 100, 10),
        request('b', '2027-04-01', 4, 100, 10),
        request('c', '2027-06-01', 1, 100, 9),
      ],
      staff: [
        { staffMemberId: 'ann', freeDays: 10 },
        { staffMemberId: 'bert', freeDays: 11 },
      ],
      unreservedEur: 10_000,
    };
    const p = await plan(input);
    expect(p).toMatchObject({ status: 'OPTIMAL', objective: 20 });
    expect(p.rounds).toBeGreaterThanOrEqual(2);
    // Out of rounds: the greedy plan, still a valid one, with the bound it could not reach.
    const short = await plan({ ...input, maxRounds: 1 });
    expect(short).toMatchObject({ status: 'ROUND_LIMIT', objective: short.greedy.objective, bound: 29 });
    expect(short.mipGap).toBeGreaterThan(0);
  });

  it('keeps fixed trips: their requests are served and their staff member is busy on their dates', async () => {
    const p = await plan({
      requests: [request('a', '2027-03-01', 5, 1_000, 10), request('b', '2027-03-03', 5, 1_000, 9)],
      staff: roomy,
      unreservedEur: 10_000,
      fixed: [{ id: 'm1', requestIds: ['a'], startDate: '2027-03-01', endDate: '2027-03-05', staffMemberId: 'ann' }],
    });
    expect(p.trips).toEqual([]);
    expect(p.fixed).toHaveLength(1);
  });

  it('returns an empty optimal plan for empty or impossible input', async () => {
    expect(await plan({})).toMatchObject({ status: 'OPTIMAL', trips: [], objective: 0, mipGap: 0 });
    const impossible = await plan({
      requests: [request('a', '2027-03-01', 5, 1_000, 10), request('old', '2026-03-01', 5, 1_000, 10)],
      staff: [{ staffMemberId: 'ann', freeDays: -3 }],
      unreservedEur: -500,
    });
    expect(impossible).toMatchObject({ status: 'OPTIMAL', trips: [], objective: 0, greedy: { objective: 0 } });
    expect(impossible.budget).toMatchObject({ usedEur: 0, slackEur: -500 });
  });
});

// ---- Property: the optimiser against a brute force over every subset and assignment ----

interface Candidate {
  readonly tripId: string;
  readonly requestIds: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly days: number;
  readonly costEur: number;
  readonly priority: number;
}

const occupied = (t: { startDate: string; endDate: string }) => ({
  from: daysBetween(`${YEAR}-01-01`, t.startDate) - 2,
  to: daysBetween(`${YEAR}-01-01`, t.endDate) + 2,
});
const clash = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }) => {
  const x = occupied(a);
  const y = occupied(b);
  return x.from <= y.to && y.from <= x.to;
};

function candidatesOf(input: AccompanimentPlanInput): Candidate[] {
  return [
    ...input.requests.map((r) => ({ ...r, tripId: r.requestId, requestIds: [r.requestId] })),
    ...input.bundles.map((b) => ({ ...b, tripId: b.bundleId })),
  ];
}

/** Every rule a plan must keep, checked from the input alone. */
function assertValid(input: AccompanimentPlanInput, trips: readonly PlannedTrip[]): void {
  const byId = new Map(candidatesOf(input).map((c) => [c.tripId, c]));
  const fixed = input.fixed ?? [];
  const served = new Set(fixed.flatMap((f) => f.requestIds));
  for (const t of trips) {
    const c = byId.get(t.tripId);
    expect(c).toBeDefined();
    expect(t).toMatchObject({ requestIds: c?.requestIds, days: c?.days, costEur: c?.costEur, priority: c?.priority });
    expect(t.startDate.startsWith(String(input.year))).toBe(true);
    for (const r of t.requestIds) {
      expect(served.has(r)).toBe(false);
      served.add(r);
    }
  }
  expect(trips.reduce((s, t) => s + t.costEur, 0)).toBeLessThanOrEqual(Math.max(0, input.unreservedEur));
  for (const s of input.staff) {
    const own = trips.filter((t) => t.staffMemberId === s.staffMemberId);
    expect(own.reduce((sum, t) => sum + t.days, 0)).toBeLessThanOrEqual(Math.max(0, s.freeDays));
    const busy = [...own, ...fixed.filter((f) => f.staffMemberId === s.staffMemberId)];
    for (let i = 0; i < busy.length; i++)
      for (let j = i + 1; j < busy.length; j++) expect(clash(busy[i]!, busy[j]!)).toBe(false);
  }
  for (const t of trips) expect(input.staff.some((s) => s.staffMemberId === t.staffMemberId)).toBe(true);
}

function staffable(input: AccompanimentPlanInput, trips: readonly Candidate[]): boolean {
  const fixed = input.fixed ?? [];
  const left = input.staff.map((s) => s.freeDays);
  const taken = input.staff.map((s): { startDate: string; endDate: string }[] =>
    fixed.filter((f) => f.staffMemberId === s.staffMemberId),
  );
  const place = (k: number): boolean => {
    const t = trips[k];
    if (!t) return true;
    return input.staff.some((_, s) => {
      if (left[s]! < t.days || taken[s]!.some((b) => clash(b, t))) return false;
      left[s]! -= t.days;
      taken[s]!.push(t);
      const ok = place(k + 1);
      left[s]! += t.days;
      taken[s]!.pop();
      return ok;
    });
  };
  return place(0);
}

function bruteForce(input: AccompanimentPlanInput): number {
  const served = new Set((input.fixed ?? []).flatMap((f) => f.requestIds));
  const all = candidatesOf(input);
  let best = 0;
  for (let mask = 0; mask < 1 << all.length; mask++) {
    const set = all.filter((_, i) => mask & (1 << i));
    const requests = set.flatMap((t) => t.requestIds);
    if (new Set(requests).size !== requests.length || requests.some((r) => served.has(r))) continue;
    if (set.some((t) => !t.startDate.startsWith(String(input.year)))) continue;
    if (set.reduce((s, t) => s + t.costEur, 0) > input.unreservedEur) continue;
    const value = set.reduce((s, t) => s + t.priority, 0);
    if (value > best && staffable(input, set)) best = value;
  }
  return best;
}

const instance: fc.Arbitrary<AccompanimentPlanInput> = fc
  .record({
    requests: fc.array(
      fc.record({
        offset: fc.integer({ min: -5, max: 60 }),
        visit: fc.integer({ min: 1, max: 6 }),
        cost: fc.integer({ min: 300, max: 3_000 }),
        priority: fc.integer({ min: 1, max: 60 }),
      }),
      { maxLength: 7 },
    ),
    bundles: fc.array(
      fc.record({
        members: fc.uniqueArray(fc.nat(6), { minLength: 2, maxLength: 3 }),
        offset: fc.integer({ min: 0, max: 60 }),
        visit: fc.integer({ min: 2, max: 8 }),
        cost: fc.integer({ min: 500, max: 5_000 }),
        priority: fc.integer({ min: 1, max: 150 }),
      }),
      { maxLength: 2 },
    ),
    staff: fc.array(fc.integer({ min: -2, max: 30 }), { minLength: 0, maxLength: 3 }),
    budget: fc.integer({ min: -100, max: 12_000 }),
    fixed: fc.option(fc.record({ request: fc.nat(6), offset: fc.integer({ min: 0, max: 60 }), staff: fc.nat(2) })),
  })
  .map(({ requests, bundles, staff, budget, fixed }) => {
    const day = (offset: number) => addDays(`${YEAR}-01-10`, offset);
    const rs = requests.map((r, i) => request(`r${i}`, day(r.offset), r.visit, r.cost, r.priority));
    return {
      year: YEAR,
      requests: rs,
      bundles: bundles
        .map((b, i) => ({
          bundleId: `b${i}`,
          requestIds: b.members.filter((m) => m < rs.length).map((m) => `r${m}`),
          startDate: day(b.offset),
          endDate: day(b.offset + b.visit - 1),
          days: b.visit + 4,
          costEur: b.cost,
          priority: b.priority,
        }))
        .filter((b) => b.requestIds.length >= 2),
      staff: staff.map((freeDays, i) => ({ staffMemberId: `s${i}`, freeDays })),
      unreservedEur: budget,
      fixed:
        fixed && fixed.request < rs.length
          ? [
              {
                id: 'fixed',
                requestIds: [`r${fixed.request}`],
                startDate: day(fixed.offset),
                endDate: day(fixed.offset + 3),
                staffMemberId: `s${fixed.staff}`,
              },
            ]
          : [],
    };
  });

describe('optimiseAccompanimentPlan on small random instances', () => {
  it('finds the brute-force optimum, keeps every rule, and never does worse than greedy', async () => {
    await fc.assert(
      fc.asyncProperty(instance, async (input) => {
        const p = await optimiseAccompanimentPlan(input);
        expect(p.status).toBe('OPTIMAL');
        expect(p.mipGap).toBe(0);
        assertValid(input, p.trips);
        assertValid(input, p.greedy.trips);
        expect(p.objective).toBe(p.trips.reduce((s, t) => s + t.priority, 0));
        expect(p.objective).toBe(bruteForce(input));
        expect(p.objective).toBeGreaterThanOrEqual(p.greedy.objective);
      }),
      { numRuns: 300 },
    );
  });
});
