import { addDays, defaultPolicy, visitDays } from '@werkbezoek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlatform, tokens, type LivePlatform } from './harness.js';

/*
 * The optimal accompaniment plan (issue 12) over the demo history, whose
 * pipeline of undecided requests lies in the twelve months after the day the
 * platform starts (see planner.e2e.test.ts): the plan for the next calendar
 * year holds most of it, with that year's declared staff days and budget.
 * The constraints are checked here from the outside: against the staff
 * capacity and budget queries, and with the policy's preparation and
 * processing days.
 */

interface Trip {
  kind: 'REQUEST' | 'BUNDLE';
  tripId: string;
  requests: {
    id: string;
    nisCode: string;
    municipalityName: string | null;
    missionType: string;
    startDate: string;
    endDate: string;
  }[];
  startDate: string;
  endDate: string;
  staffDays: number;
  costEur: number;
  priority: number;
  staffMember: { id: string; name: string | null };
}

interface Plan {
  year: number;
  status: string;
  objective: number;
  bound: number | null;
  mipGap: number | null;
  policyVersion: string;
  trips: Trip[];
  fixed: { id: string; requestIds: string[]; startDate: string; endDate: string; staff: { id: string }[] }[];
  staff: {
    staffMember: { id: string; name: string | null };
    freeDays: number;
    usedDays: number;
    slackDays: number;
    binding: boolean;
  }[];
  budget: { unreservedEur: number; usedEur: number; slackEur: number; binding: boolean };
  greedy: { objective: number; trips: Trip[]; solveMs: number };
  gainOverGreedy: number;
  objectiveToGreedy: number | null;
  rounds: number;
  solveMs: number;
  candidatesMs: number;
  requestsConsidered: number;
  bundlesConsidered: number;
  staffConsidered: number;
}

const trip = `kind tripId requests { id nisCode municipalityName missionType startDate endDate }
  startDate endDate staffDays costEur priority staffMember { id name }`;
const query = `query Plan($from: LocalDate!, $to: LocalDate!) {
  optimizeAccompanimentPlan(from: $from, to: $to) {
    year from to status objective bound mipGap policyVersion
    trips { ${trip} }
    fixed { id missionId requestIds municipalities { nisCode name } startDate endDate staff { id name } }
    staff { staffMember { id name } freeDays usedDays slackDays binding }
    budget { unreservedEur usedEur slackEur binding }
    greedy { objective solveMs trips { ${trip} } }
    gainOverGreedy objectiveToGreedy rounds solveMs candidatesMs
    requestsConsidered bundlesConsidered staffConsidered
  }
}`;

let live: LivePlatform;
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4)) + 1;
const nextYear = { from: `${year}-01-01`, to: `${year}-12-31` };
let plan: Plan;

beforeAll(async () => {
  live = await livePlatform({ demoData: true });
  live.setToday(today);
  const response = await live.gql<{ optimizeAccompanimentPlan: Plan }>(tokens.planner, query, nextYear);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  plan = response.data!.optimizeAccompanimentPlan;
}, 180_000);
afterAll(() => live?.close());

/** The days a trip occupies its staff member: preparation before the visit, processing after it. */
const occupied = (t: { startDate: string; endDate: string }) => ({
  from: addDays(t.startDate, -defaultPolicy.preparationDays),
  to: addDays(t.endDate, defaultPolicy.processingDays),
});
const overlap = (a: { from: string; to: string }, b: { from: string; to: string }) => a.from <= b.to && b.from <= a.to;

describe('optimizeAccompanimentPlan', () => {
  it("proves the demo's next year optimal, at least as good as the greedy plan", () => {
    expect(plan.year).toBe(year);
    expect(plan.status).toBe('OPTIMAL');
    expect(plan.mipGap).toBe(0);
    expect(plan.policyVersion).toBe('2026.1');
    expect(plan.requestsConsidered).toBeGreaterThan(10);
    expect(plan.staffConsidered).toBeGreaterThan(1);
    expect(plan.trips.length).toBeGreaterThan(0);
    expect(plan.objective).toBe(plan.trips.reduce((sum, t) => sum + t.priority, 0));
    expect(plan.objective).toBeGreaterThanOrEqual(plan.greedy.objective);
    expect(plan.gainOverGreedy).toBe(plan.objective - plan.greedy.objective);
    expect(plan.bound ?? Infinity).toBeGreaterThanOrEqual(plan.objective);
    expect(plan.bound ?? Infinity).toBeLessThan(plan.objective + 1);
  });

  it('plans each undecided request at most once, in the year, with days and cost as the policy counts them', () => {
    const ids = plan.trips.flatMap((t) => t.requests.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    const fixedIds = new Set(plan.fixed.flatMap((f) => f.requestIds));
    for (const t of plan.trips) {
      expect(t.startDate.slice(0, 4)).toBe(String(year));
      expect(t.startDate >= today).toBe(true);
      if (t.kind === 'REQUEST') expect(t.requests.map((r) => r.id)).toEqual([t.tripId]);
      else expect(t.requests.length).toBeGreaterThanOrEqual(2);
      expect(t.staffDays).toBe(
        defaultPolicy.preparationDays + visitDays(t.startDate, t.endDate) + defaultPolicy.processingDays,
      );
      expect(t.costEur).toBeGreaterThan(0);
      for (const r of t.requests) {
        expect(fixedIds.has(r.id)).toBe(false);
        expect(r.startDate >= t.startDate && r.endDate <= t.endDate).toBe(true);
      }
    }
  });

  it('keeps every staff member within their free days and never on two overlapping trips (preparation and processing included)', async () => {
    const response = await live.gql<{
      staffCapacity: { staffMemberId: string; freeDays: number; declaredDays: number }[];
    }>(tokens.planner, `query ($year: Int!) { staffCapacity(year: $year) { staffMemberId freeDays declaredDays } }`, {
      year,
    });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const free = new Map(response.data!.staffCapacity.map((s) => [s.staffMemberId, s.freeDays]));
    const byMember = new Map<string, Trip[]>();
    for (const t of plan.trips) byMember.set(t.staffMember.id, [...(byMember.get(t.staffMember.id) ?? []), t]);
    for (const [member, trips] of byMember) {
      expect(free.has(member), member).toBe(true);
      const used = trips.reduce((sum, t) => sum + t.staffDays, 0);
      expect(used).toBeLessThanOrEqual(free.get(member)!);
      expect(plan.staff.find((s) => s.staffMember.id === member)?.usedDays).toBe(used);
      const busy = [
        ...trips.map(occupied),
        ...plan.fixed.filter((f) => f.staff.some((s) => s.id === member)).map(occupied),
      ];
      for (let i = 0; i < busy.length; i++)
        for (let j = i + 1; j < busy.length; j++)
          expect(overlap(busy[i]!, busy[j]!), `${member}: ${JSON.stringify([busy[i], busy[j]])}`).toBe(false);
      expect(trips.every((t) => t.staffMember.name !== null)).toBe(true);
    }
  });

  it("costs at most the year's unreserved budget", async () => {
    const response = await live.gql<{ budgets: { unreservedEur: number }[] }>(
      tokens.planner,
      `query ($year: Int!) { budgets(fromYear: $year, toYear: $year) { unreservedEur } }`,
      { year },
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const unreserved = response.data!.budgets[0]!.unreservedEur;
    expect(plan.budget.unreservedEur).toBe(unreserved);
    const cost = plan.trips.reduce((sum, t) => sum + t.costEur, 0);
    expect(plan.budget.usedEur).toBeCloseTo(cost, 2);
    expect(cost).toBeLessThanOrEqual(unreserved + 1e-6);
    expect(plan.budget.slackEur).toBeCloseTo(unreserved - cost, 2);
  });

  it('is for planners, management and staff; coordinators and analysts are refused', async () => {
    for (const token of [tokens.management, tokens.staff]) {
      const response = await live.gql<{ optimizeAccompanimentPlan: Plan }>(token, query, nextYear);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      expect(response.data!.optimizeAccompanimentPlan.objective).toBe(plan.objective);
    }
    for (const token of [tokens.zoersel, tokens.analyst]) {
      const response = await live.gql(token, query, nextYear);
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
  });

  it.each([
    ['a period spanning two years', { from: `${year}-12-01`, to: `${year + 1}-01-31` }, 'to', 'same year'],
    ['from after to', { from: `${year}-06-02`, to: `${year}-06-01` }, 'from', 'on or before'],
  ])('answers %s with BAD_USER_INPUT naming the field', async (_name, variables, field, words) => {
    const response = await live.gql(tokens.planner, query, variables);
    const error = response.errors?.[0];
    expect(error?.extensions?.code, JSON.stringify(response.errors)).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields).toContain(field);
    expect(error?.message).toContain(field);
    expect(error?.message).toContain(words);
  });
});
