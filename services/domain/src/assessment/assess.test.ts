import { renderStaffTokens, staffToken, type AdditionalReason, type MissionType } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { assessmentFacts, baseAssessmentFacts } from '../testing/assessmentFacts.js';
import { assess, assessInDetail } from './assess.js';
import { defaultPolicy } from './policy.js';

const base = baseAssessmentFacts;
const facts = assessmentFacts;

const claim = (missionType: MissionType, claimedReasons: AdditionalReason[]) =>
  facts({ request: { missionType, claimedReasons } });

describe('the assessment: opportunity by mission type (the source document rule)', () => {
  // The lower a type stands, the more additional reasons it needs: rank − 1.
  it.each([
    ['IDENTIFICATION', 0, [], 'ACCEPT'],
    ['EVALUATION', 1, [], 'DECLINE'],
    ['EVALUATION', 1, ['CONTENT_PROBLEMS'], 'ACCEPT'],
    ['TECHNICAL', 2, ['CONTENT_PROBLEMS'], 'DECLINE'],
    ['TECHNICAL', 2, ['CONTENT_PROBLEMS', 'EXPERTISE_ACTIVITIES'], 'ACCEPT'],
    ['POLITICAL', 3, ['CONTENT_PROBLEMS', 'RELATIONAL_PROBLEMS'], 'DECLINE'],
    ['POLITICAL', 3, ['CONTENT_PROBLEMS', 'RELATIONAL_PROBLEMS', 'EXPERTISE_ACTIVITIES'], 'ACCEPT'],
  ] as const)('%s needs %i reasons; with %j it recommends %s', (type, required, claimed, recommendation) => {
    const result = assess(claim(type, [...claimed]), defaultPolicy);
    expect(result.requiredReasons).toBe(required);
    expect(result.recommendation).toBe(recommendation);
    expect(result.opportune).toBe(recommendation === 'ACCEPT');
    if (recommendation === 'DECLINE') expect(result.declineReason).toBe('NOT_OPPORTUNE');
    else expect(result.declineReason).toBeUndefined();
  });

  it('counts a reason once when it is both claimed and derived', () => {
    const result = assess(
      facts({ lastAccompaniedOn: undefined, request: { missionType: 'EVALUATION', claimedReasons: ['FOLLOW_UP'] } }),
      defaultPolicy,
    );
    expect(result.claimedReasons).toEqual(['FOLLOW_UP']);
    expect(result.derivedReasons).toEqual(['FOLLOW_UP']);
    expect(result.satisfiedReasons).toEqual(['FOLLOW_UP']);
  });
});

describe('the assessment: reasons the platform derives', () => {
  it('derives FOLLOW_UP when the municipality was never accompanied, or not in the last 24 months', () => {
    expect(assess(facts({ lastAccompaniedOn: undefined }), defaultPolicy).derivedReasons).toContain('FOLLOW_UP');
    expect(assess(facts({ lastAccompaniedOn: '2024-03-01' }), defaultPolicy).derivedReasons).toContain('FOLLOW_UP');
    expect(assess(facts({ lastAccompaniedOn: '2024-03-02' }), defaultPolicy).derivedReasons).not.toContain('FOLLOW_UP');
    expect(assess(facts({ lastAccompaniedOn: '2025-11-20' }), defaultPolicy).derivedReasons).not.toContain('FOLLOW_UP');
  });

  it('derives COMBINED_VISITS from another municipality visiting the same region within 14 days, not from itself', () => {
    const visit = (nisCode: string, startDate: string, endDate: string) => ({
      kind: 'REQUEST' as const,
      id: `r-${nisCode}`,
      nisCode,
      municipalityName: 'Hoogstraten',
      startDate,
      endDate,
    });
    const withVisit = (v: ReturnType<typeof visit>) =>
      assess(facts({ visitsInRegion: [v] }), defaultPolicy).derivedReasons;
    expect(withVisit(visit('13014', '2026-05-10', '2026-05-20'))).toContain('COMBINED_VISITS'); // overlaps
    expect(withVisit(visit('13014', '2026-05-27', '2026-06-03'))).toContain('COMBINED_VISITS'); // 14 days after the end
    expect(withVisit(visit('13014', '2026-05-28', '2026-06-03'))).not.toContain('COMBINED_VISITS'); // 15 days after
    expect(withVisit(visit('13014', '2026-04-10', '2026-04-20'))).toContain('COMBINED_VISITS'); // 14 days before the start
    expect(withVisit(visit('11055', '2026-05-04', '2026-05-13'))).not.toContain('COMBINED_VISITS'); // the same municipality
  });

  it('names a visit once when both its accepted request and its mission are in the region', () => {
    const request = {
      kind: 'REQUEST' as const,
      id: 'r1',
      nisCode: '13014',
      municipalityName: 'Hoogstraten',
      startDate: '2026-05-10',
      endDate: '2026-05-20',
    };
    const result = assess(
      facts({ visitsInRegion: [request, { ...request, kind: 'MISSION', id: 'm1' }] }),
      defaultPolicy,
    );
    const combination = result.explanation.nl.find((line) => line.startsWith('Combinatie'));
    expect(combination).toBe('Combinatie: ook Hoogstraten (2026-05-10 – 2026-05-20) bezoekt BJ-ZO binnen 14 dagen.');
  });

  it('derives ACTOR_RENEWAL from an actor change on the twinning in the last 12 months', () => {
    const change = (changedOn: string) => [{ changedOn, side: 'SOUTH' as const, actorKind: 'COORDINATOR' as const }];
    expect(assess(facts({ actorChanges: change('2025-03-02') }), defaultPolicy).derivedReasons).toContain(
      'ACTOR_RENEWAL',
    );
    expect(assess(facts({ actorChanges: change('2025-03-01') }), defaultPolicy).derivedReasons).not.toContain(
      'ACTOR_RENEWAL',
    );
    expect(assess(facts({ actorChanges: change('2026-04-01') }), defaultPolicy).derivedReasons).not.toContain(
      'ACTOR_RENEWAL',
    ); // after the assessment
  });

  it('lets derived reasons make a political mission opportune', () => {
    const result = assess(
      facts({
        request: { missionType: 'POLITICAL', claimedReasons: ['RELATIONAL_PROBLEMS'] },
        lastAccompaniedOn: undefined,
        actorChanges: [{ changedOn: '2025-10-15', side: 'NORTH', actorKind: 'COALITION' }],
      }),
      defaultPolicy,
    );
    expect(result.satisfiedReasons).toEqual(['RELATIONAL_PROBLEMS', 'ACTOR_RENEWAL', 'FOLLOW_UP']);
    expect(result.recommendation).toBe('ACCEPT');
  });
});

describe('the assessment: staff time and budget', () => {
  it('needs preparation + visit + processing days from one staff member', () => {
    const result = assess(facts(), defaultPolicy);
    expect(result.daysNeeded).toBe(2 + 10 + 2);
    expect(result.freeStaffDays).toBe(40);
    expect(result.staffTimeAvailable).toBe(true);
  });

  it('declines for NO_STAFF_TIME when no single staff member has the days, even if the pool has', () => {
    const staff = [
      { staffMemberId: 's1', name: 'Lies', declaredDays: 20, bookedDays: 10, freeDays: 10 },
      { staffMemberId: 's2', name: 'Tom', declaredDays: 20, bookedDays: 8, freeDays: 12 },
    ];
    const result = assess(facts({ staff }), defaultPolicy);
    expect(result).toMatchObject({
      recommendation: 'DECLINE',
      declineReason: 'NO_STAFF_TIME',
      staffTimeAvailable: false,
      freeStaffDays: 12,
    });
    expect(result.explanation.en.join(' ')).toContain(`${staffToken('s2')} has the most free in 2026: 12`);
    expect(assess(facts({ staff: [] }), defaultPolicy).explanation.nl.join(' ')).toContain(
      'er is geen personeel met capaciteit in 2026',
    );
  });

  it('estimates the cost from the country table and declines for NO_BUDGET when the year cannot pay it', () => {
    expect(assess(facts(), defaultPolicy).estimatedCostEur).toBe(950 + 10 * 140);
    expect(assess(facts({ request: { countryCode: 'MA', regionCode: 'MA-02' } }), defaultPolicy).estimatedCostEur).toBe(
      350 + 10 * 130,
    );
    expect(assess(facts({ request: { countryCode: 'KE', regionCode: 'KE-01' } }), defaultPolicy).estimatedCostEur).toBe(
      1200 + 10 * 130,
    );
    const poor = assess(facts({ budget: { ...base.budget, unreservedEur: 2_000 } }), defaultPolicy);
    expect(poor).toMatchObject({
      recommendation: 'DECLINE',
      declineReason: 'NO_BUDGET',
      budgetAvailable: false,
      unreservedBudgetEur: 2000,
    });
  });

  it('gives the first failing factor as the reason: opportunity, then staff, then budget', () => {
    const everythingFails = facts({
      request: { missionType: 'POLITICAL' },
      staff: [],
      budget: { ...base.budget, unreservedEur: 0 },
    });
    expect(assess(everythingFails, defaultPolicy).declineReason).toBe('NOT_OPPORTUNE');
    expect(
      assess(
        { ...everythingFails, request: { ...everythingFails.request, missionType: 'IDENTIFICATION' } },
        defaultPolicy,
      ).declineReason,
    ).toBe('NO_STAFF_TIME');
  });
});

describe('the assessment record', () => {
  it('explains itself in Dutch and English, sentence for sentence, ending with the recommendation', () => {
    const result = assess(
      facts({
        request: { missionType: 'TECHNICAL', claimedReasons: ['CONTENT_PROBLEMS'] },
        visitsInRegion: [
          {
            kind: 'MISSION',
            id: 'm1',
            nisCode: '13014',
            municipalityName: 'Hoogstraten',
            startDate: '2026-05-06',
            endDate: '2026-05-12',
          },
        ],
      }),
      defaultPolicy,
    );
    expect(result.explanation.nl).toHaveLength(result.explanation.en.length);
    expect(result.explanation.nl[0]).toBe(
      'Een technische missie (rang 3) vraagt minstens 2 bijkomende redenen; er zijn er 2.',
    );
    expect(result.explanation.en[0]).toBe('A technical mission (rank 3) needs at least 2 additional reasons; 2 hold.');
    expect(result.explanation.en).toContain(
      'Combined visits: Hoogstraten (2026-05-06 – 2026-05-12) also visits BJ-ZO within 14 days.',
    );
    expect(result.explanation.nl.at(-1)).toBe('Advies: aanvaarden.');
    expect(result.explanation.en.at(-1)).toBe('Recommendation: accept.');
  });

  it('records the policy version and every input it used, so it can be explained after the policy changes', () => {
    const stricter = { ...defaultPolicy, version: '2027.1', followUpMonths: 12 };
    const staff = [
      ...base.staff,
      { staffMemberId: 's2', name: 'Pieter', declaredDays: 80, bookedDays: 10, freeDays: 70 },
      { staffMemberId: 's3', name: 'An', declaredDays: 30, bookedDays: 30, freeDays: 0 },
    ];
    const old = assess(facts({ lastAccompaniedOn: '2025-01-10', staff }), defaultPolicy);
    const now = assess(facts({ lastAccompaniedOn: '2025-01-10', staff }), stricter);
    expect(old.policyVersion).toBe('2026.1');
    expect(now.policyVersion).toBe('2027.1');
    expect(old.derivedReasons).not.toContain('FOLLOW_UP');
    expect(now.derivedReasons).toContain('FOLLOW_UP');
    expect(now.inputs).toMatchObject({
      policy: {
        version: '2027.1',
        followUpMonths: 12,
        requiredReasons: 0,
        preparationDays: 2,
        processingDays: 2,
        cost: { travelEur: 950, dailyAllowanceEur: 140 },
      },
      assessedOn: '2026-03-02',
      lastAccompaniedOn: '2025-01-10',
      budget: base.budget,
      // The staff member the rule compared the days needed with, not the whole team.
      staff: {
        members: 3,
        mostFree: { staffMemberId: 's2', declaredDays: 80, bookedDays: 10, freeDays: 70 },
      },
    });
    expect(now.freeStaffDays).toBe(70);
  });

  it('stores the staff member with the most free days by id: no name in the explanation or the inputs', () => {
    const staff = [
      { staffMemberId: 's1', name: 'Lies Janssens', declaredDays: 60, bookedDays: 20, freeDays: 40 },
      { staffMemberId: 's2', name: 'Pieter Claes', declaredDays: 80, bookedDays: 10, freeDays: 70 },
    ];
    const result = assess(facts({ staff }), defaultPolicy);
    const stored = JSON.stringify(result);
    expect(stored).not.toMatch(/Lies|Janssens|Pieter|Claes/);
    expect(result.explanation.nl).toContain(
      `Personeelstijd: 2 + 10 + 2 = 14 dagen nodig; ${staffToken('s2')} heeft er het meest vrij in 2026: 70.`,
    );
    expect(result.explanation.en.filter((s) => s.includes(staffToken('s2')))).toHaveLength(1);
    expect(result.inputs.staff).toEqual({
      members: 2,
      mostFree: { staffMemberId: 's2', declaredDays: 80, bookedDays: 10, freeDays: 70 },
    });
    // Read back with the current name, as the API shows it.
    const names = new Map([['s2', 'Pieter Claes']]);
    expect(result.explanation.en.map((s) => renderStaffTokens(s, (id) => names.get(id) ?? '?')).join(' ')).toContain(
      'Pieter Claes has the most free in 2026: 70.',
    );
  });

  it('is a pure function: the same facts give the same result', () => {
    expect(assess(facts(), defaultPolicy)).toEqual(assess(facts(), defaultPolicy));
  });
});

describe("the coordinator's view of an assessment", () => {
  const detailed = facts({
    lastAccompaniedOn: undefined,
    visitsInRegion: [
      {
        kind: 'REQUEST',
        id: 'r2',
        nisCode: '44021',
        municipalityName: 'Gent',
        startDate: '2026-05-05',
        endDate: '2026-05-10',
      },
    ],
    actorChanges: [{ side: 'NORTH', actorKind: 'MAYOR', changedOn: '2026-01-10', description: 'New mayor' } as never],
  });

  it('is the same assessment, its explanation without staff tokens or euro figures', () => {
    const detail = assessInDetail(detailed, defaultPolicy);
    expect(detail.result).toEqual(assess(detailed, defaultPolicy));
    const full = [...detail.result.explanation.nl, ...detail.result.explanation.en].join(' ');
    expect(full).toContain(staffToken('s1'));
    expect(full).toMatch(/€/);
    const shown = [...detail.coordinatorExplanation.nl, ...detail.coordinatorExplanation.en].join(' ');
    expect(shown).not.toMatch(/⟦|s1|Lies|€/);
    expect(detail.coordinatorExplanation.en).toContain(
      'Staff time: 14 days needed; there is enough staff time in 2026.',
    );
    expect(detail.coordinatorExplanation.nl).toContain('Budget: het budget van 2026 laat het toe.');
    expect(detail.coordinatorExplanation.en).toHaveLength(detail.result.explanation.en.length);
  });

  it('says why each derived reason holds', () => {
    const detail = assessInDetail(detailed, defaultPolicy);
    expect(Object.keys(detail.derivedWhy).sort()).toEqual([...detail.result.derivedReasons].sort());
    expect(detail.derivedWhy.FOLLOW_UP?.en).toMatch(/never been accompanied/);
    expect(detail.derivedWhy.COMBINED_VISITS?.nl).toMatch(/Gent/);
    expect(detail.derivedWhy.ACTOR_RENEWAL?.en).toMatch(/mayor/);
  });

  it('says so when staff time or budget fall short', () => {
    const short = assessInDetail(
      facts({
        staff: [],
        budget: { year: 2026, allocatedEur: 0, reservedEur: 0, spentEur: 0, unreservedEur: 0 },
      }),
      defaultPolicy,
    );
    expect(short.coordinatorExplanation.en).toEqual(
      expect.arrayContaining([
        'Staff time: 14 days needed; there is not enough staff time in 2026.',
        'Budget: the budget of 2026 does not allow it.',
      ]),
    );
  });
});
