import type { AssessmentFacts } from '../assessment/assess.js';

/**
 * The facts of one running example for the assessment policy's tests: an
 * identification visit to Bohicon (Benin) in May 2026, one staff member with
 * 40 free days, €35,000 unreserved; `assessmentFacts` changes only what a
 * test is about.
 */
export const baseAssessmentFacts: AssessmentFacts = {
  assessedOn: '2026-03-02',
  request: {
    requestId: '019c0000-0000-7000-8000-000000000001',
    nisCode: '11055',
    twinningId: '019c0000-0000-7000-8000-000000000002',
    missionType: 'IDENTIFICATION',
    startDate: '2026-05-04',
    endDate: '2026-05-13',
    claimedReasons: [],
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
  },
  lastAccompaniedOn: '2025-11-20',
  visitsInRegion: [],
  actorChanges: [],
  staff: [{ staffMemberId: 's1', name: 'Lies', declaredDays: 60, bookedDays: 20, freeDays: 40 }],
  budget: { year: 2026, allocatedEur: 50_000, reservedEur: 10_000, spentEur: 5_000, unreservedEur: 35_000 },
};

export function assessmentFacts(
  overrides: Partial<Omit<AssessmentFacts, 'request'>> & { request?: Partial<AssessmentFacts['request']> } = {},
): AssessmentFacts {
  return {
    ...baseAssessmentFacts,
    ...overrides,
    request: { ...baseAssessmentFacts.request, ...overrides.request },
  };
}
