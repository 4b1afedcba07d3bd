import { addDays, addMonths } from '@werkbezoek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlatform, tokens, type LivePlatform } from './harness.js';

/*
 * Joint-mission candidates (issue 12) over the demo history, whose pipeline
 * of undecided requests for the coming year overlaps in several southern
 * regions. The platform loads the history up to the day it starts
 * (services/api/src/demoData.ts), not up to the generator's fixed
 * DEMO_TODAY, so the clock is set to that same day: the pipeline then lies
 * ahead of it whatever day the suite runs.
 */

interface Candidate {
  regionCodes: string[];
  countryCode: string;
  groupKind: 'REGION' | 'COUNTRY';
  windowStart: string;
  windowEnd: string;
  tripStart: string;
  tripEnd: string;
  requests: { id: string; nisCode: string; municipalityName: string | null; reasons: string[]; newReasons: string[] }[];
  municipalities: { nisCode: string; name: string | null }[];
  missionType: string;
  combinedStaffDays: number;
  separateStaffDays: number;
  combinedCostEur: number;
  separateCostEur: number;
  savingEur: number;
  why: { nl: string; en: string };
}

const query = `query Candidates($from: LocalDate!, $to: LocalDate!, $countryCode: String, $regionCode: String, $windowDays: Int) {
  jointMissionCandidates(from: $from, to: $to, countryCode: $countryCode, regionCode: $regionCode, windowDays: $windowDays) {
    regionCodes countryCode groupKind windowStart windowEnd tripStart tripEnd
    requests { id nisCode municipalityName reasons newReasons }
    municipalities { nisCode name }
    missionType combinedStaffDays separateStaffDays combinedCostEur separateCostEur savingEur
    why { nl en }
  }
}`;

let live: LivePlatform;
const today = new Date().toISOString().slice(0, 10);
const nextYear = { from: today, to: addMonths(today, 12) };

beforeAll(async () => {
  live = await livePlatform({ demoData: true });
  live.setToday(today);
}, 180_000);
afterAll(() => live?.close());

const candidates = async (token: string, variables: Record<string, unknown>) => {
  const response = await live.gql<{ jointMissionCandidates: Candidate[] }>(token, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.jointMissionCandidates;
};

describe('jointMissionCandidates', () => {
  it('proposes, for the next 12 months, joint missions of at least two municipalities that save money, best saving first', async () => {
    const found = await candidates(tokens.planner, nextYear);
    expect(found.length).toBeGreaterThan(1);
    for (const c of found) {
      expect(new Set(c.municipalities.map((m) => m.nisCode)).size).toBeGreaterThanOrEqual(2);
      expect(c.requests.length).toBeGreaterThanOrEqual(2);
      expect(c.savingEur).toBeGreaterThan(0);
      expect(c.savingEur).toBeCloseTo(c.separateCostEur - c.combinedCostEur, 2);
      expect(c.combinedStaffDays).toBeLessThan(c.separateStaffDays);
      expect(c.tripStart >= today && c.tripEnd <= nextYear.to).toBe(true);
      expect(c.windowStart).toBe(c.tripStart);
      expect(c.tripEnd <= c.windowEnd).toBe(true);
      expect(c.regionCodes.every((r) => r.startsWith(`${c.countryCode}-`))).toBe(true);
      for (const r of c.requests) {
        expect(r.reasons).toContain('COMBINED_VISITS');
        expect(r.reasons).toEqual(expect.arrayContaining(r.newReasons));
      }
      expect(c.why.en).toContain('a saving of');
      expect(c.why.nl).toContain('een besparing van');
    }
    const savings = found.map((c) => c.savingEur);
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
    // The demo's pipeline overlaps in more than one region.
    expect(new Set(found.flatMap((c) => c.regionCodes)).size).toBeGreaterThan(1);
  });

  it("names requests that exist, each in one of the candidate's municipalities", async () => {
    const found = await candidates(tokens.planner, nextYear);
    const ids = [...new Set(found.flatMap((c) => c.requests.map((r) => r.id)))];
    // One query for them all, aliased, rather than one round trip per request.
    const fields = ids.map(
      (id, i) => `r${i}: accompanimentRequest(id: ${JSON.stringify(id)}) { id municipality { nisCode } }`,
    );
    const response = await live.gql<Record<string, { id: string; municipality: { nisCode: string } } | null>>(
      tokens.planner,
      `{ ${fields.join('\n')} }`,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const byId = new Map(Object.values(response.data!).map((r) => [r!.id, r!.municipality.nisCode]));
    for (const c of found) {
      for (const r of c.requests) {
        expect(byId.get(r.id), r.id).toBe(r.nisCode);
        expect(c.municipalities.map((m) => m.nisCode)).toContain(r.nisCode);
      }
    }
  });

  it('leaves out candidates whose requests are all decided already: each holds an undecided request', async () => {
    const found = await candidates(tokens.planner, nextYear);
    const open = await live.gql<{ accompanimentRequests: { edges: { node: { id: string } }[] } }>(
      tokens.planner,
      `{ accompanimentRequests(first: 100, filter: { status: [SUBMITTED] }) { edges { node { id } } } }`,
    );
    const undecided = new Set(open.data!.accompanimentRequests.edges.map((e) => e.node.id));
    expect(undecided.size).toBeGreaterThan(0);
    for (const c of found)
      expect(
        c.requests.some((r) => undecided.has(r.id)),
        JSON.stringify(c.requests),
      ).toBe(true);
  });

  it('keeps to the region asked for', async () => {
    const all = await candidates(tokens.planner, nextYear);
    const region = all.find((c) => c.groupKind === 'REGION')!.regionCodes[0]!;
    const found = await candidates(tokens.planner, { ...nextYear, regionCode: region });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.regionCodes.length === 1 && c.regionCodes[0] === region)).toBe(true);
    const country = region.slice(0, 2);
    const inCountry = await candidates(tokens.planner, { ...nextYear, countryCode: country });
    expect(inCountry.length).toBeGreaterThan(0);
    expect(inCountry.every((c) => c.countryCode === country)).toBe(true);
  });

  it('is for planners, management and staff; coordinators and analysts are refused', async () => {
    for (const token of [tokens.management, tokens.staff]) {
      expect((await candidates(token, nextYear)).length).toBeGreaterThan(0);
    }
    for (const token of [tokens.zoersel, tokens.analyst]) {
      const response = await live.gql(token, query, nextYear);
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
    }
  });

  it.each([
    ['from after to', { from: addDays(today, 1), to: today }, 'from'],
    ['a period longer than 2 years', { from: today, to: addDays(addMonths(today, 24), 1) }, 'to'],
    ['a window of 0 days', { ...nextYear, windowDays: 0 }, 'windowDays'],
    ['a window of 61 days', { ...nextYear, windowDays: 61 }, 'windowDays'],
    ['a malformed country code', { ...nextYear, countryCode: 'Benin' }, 'countryCode'],
    ['a malformed region code', { ...nextYear, regionCode: 'zo' }, 'regionCode'],
    ['a region outside the country', { ...nextYear, countryCode: 'ZA', regionCode: 'BJ-ZO' }, 'regionCode'],
  ])('answers %s with BAD_USER_INPUT naming the field', async (_name, variables, field) => {
    const response = await live.gql(tokens.planner, query, variables);
    const error = response.errors?.[0];
    expect(error?.extensions?.code, JSON.stringify(response.errors)).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.fields).toContain(field);
    expect(error?.message).toContain(field);
  });
});
