import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../assessment/policy.js';
import { jointMissionCandidates, type CandidateVisit } from './candidates.js';
import { bundleTrip, requestTrip, type PlanRequest } from './planInput.js';

const request = (id: string, startDate: string, endDate: string, more: Partial<PlanRequest> = {}): PlanRequest => ({
  requestId: id,
  countryCode: 'BJ',
  missionType: 'EVALUATION',
  startDate,
  endDate,
  assessment: { satisfiedReasons: ['FOLLOW_UP', 'CONTENT_PROBLEMS'], recommendation: 'ACCEPT' },
  ...more,
});

describe('requestTrip', () => {
  it('counts staff days and cost as the assessment does, and weighs the request by the priority policy', () => {
    // 5 visit days in Benin: 2 + 5 + 2 staff days; travel 950 + 5 × 140 allowance.
    const trip = requestTrip(request('r1', '2027-03-02', '2027-03-06'), defaultPolicy);
    expect(trip).toEqual({
      requestId: 'r1',
      startDate: '2027-03-02',
      endDate: '2027-03-06',
      days: 9,
      costEur: 1650,
      // Evaluation 30 + one reason beyond the one required 5 + ACCEPT 10.
      priority: 45,
    });
  });

  it('gives an unassessed request no recommendation or reason points, and the default cost where the country is unknown', () => {
    const unassessed: PlanRequest = {
      requestId: 'r2',
      countryCode: null,
      missionType: 'EVALUATION',
      startDate: '2027-03-02',
      endDate: '2027-03-02',
    };
    const trip = requestTrip(unassessed, defaultPolicy);
    expect(trip.priority).toBe(30);
    expect(trip.costEur).toBe(defaultPolicy.defaultCost.travelEur + defaultPolicy.defaultCost.dailyAllowanceEur);
  });
});

describe('bundleTrip', () => {
  const visit = (r: PlanRequest, nisCode: string): CandidateVisit => ({
    kind: 'REQUEST',
    id: r.requestId,
    requestIds: [r.requestId],
    nisCode,
    municipalityName: nisCode,
    regionCode: 'BJ-ZO',
    countryCode: 'BJ',
    missionType: r.missionType,
    startDate: r.startDate,
    endDate: r.endDate,
    satisfiedReasons: r.assessment?.satisfiedReasons ?? [],
  });
  const a = request('a', '2027-03-02', '2027-03-06');
  const b = request('b', '2027-03-05', '2027-03-09', { missionType: 'TECHNICAL' });
  const [candidate] = jointMissionCandidates(
    {
      visits: [visit(a, '11055'), visit(b, '44043')],
      lastAccompaniedOn: { '11055': '2026-10-01', '44043': '2026-10-01' },
      period: { from: '2027-01-01', to: '2027-12-31' },
      today: '2026-12-01',
    },
    defaultPolicy,
  );

  it("takes the combined trip's days and cost, and weighs its requests with the reasons it gives them plus its saving", () => {
    expect(candidate).toBeDefined();
    const bundle = bundleTrip(candidate!, new Map([a, b].map((r) => [r.requestId, r])))!;
    expect(bundle.requestIds).toEqual(['a', 'b']);
    expect(bundle.days).toBe(candidate!.combinedStaffDays);
    expect(bundle.costEur).toBe(candidate!.combinedCostEur);
    // a: 30 + 2 extra reasons (CONTENT_PROBLEMS, COMBINED_VISITS beyond the one required) × 5 + 10 = 50;
    // b: technical 20 + one reason beyond the two required × 5 + 10 = 35; saving one point per 100 euro.
    expect(bundle.priority).toBe(50 + 35 + Math.floor(candidate!.savingEur / 100));
  });

  it('is no bundle when one of its requests is not undecided', () => {
    expect(bundleTrip(candidate!, new Map([[a.requestId, a]]))).toBeUndefined();
  });
});
