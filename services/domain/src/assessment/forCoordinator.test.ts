import { staffToken } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { yearOf } from '../dates.js';
import { assessmentFacts } from '../testing/assessmentFacts.js';
import { assessInDetail, type AssessmentFacts } from './assess.js';
import { explanationForCoordinator, neutralBudgetSentence, neutralStaffTimeSentence } from './forCoordinator.js';
import { defaultPolicy } from './policy.js';

/** What AccompanimentRequestAssessed stores of an assessment, and the year of its visit. */
const stored = (facts: AssessmentFacts) => {
  const { result } = assessInDetail(facts, defaultPolicy);
  return { assessment: result, year: yearOf(facts.request.startDate) };
};

const janssens = { staffMemberId: 's9', name: 'Lies Janssens', declaredDays: 60, bookedDays: 22, freeDays: 38 };
const noMoney = { year: 2027, allocatedEur: 0, reservedEur: 0, spentEur: 0, unreservedEur: 0 };
const gent = {
  kind: 'REQUEST' as const,
  id: 'r2',
  nisCode: '44021',
  municipalityName: 'Gent',
  startDate: '2027-05-05',
  endDate: '2027-05-10',
};

describe("a stored assessment's explanation, as a coordinator reads it", () => {
  const cases: [string, AssessmentFacts][] = [
    ['an accepted identification visit', assessmentFacts({ staff: [janssens] })],
    [
      'a technical mission with every kind of reason, in 2027',
      assessmentFacts({
        lastAccompaniedOn: undefined,
        request: {
          missionType: 'TECHNICAL',
          claimedReasons: ['CONTENT_PROBLEMS'],
          startDate: '2027-05-04',
          endDate: '2027-05-13',
        },
        visitsInRegion: [gent],
        actorChanges: [{ side: 'NORTH', actorKind: 'MAYOR', changedOn: '2026-01-10' } as never],
        staff: [janssens],
      }),
    ],
    ['no one with the days', assessmentFacts({ staff: [{ ...janssens, freeDays: 3 }] })],
    ['no staff at all, no budget', assessmentFacts({ staff: [], budget: noMoney })],
    ['not opportune', assessmentFacts({ request: { missionType: 'POLITICAL' }, staff: [janssens] })],
  ];

  it.each(cases)('is what assessInDetail gives a coordinator for the same facts: %s', (_, facts) => {
    const { assessment, year } = stored(facts);
    expect(explanationForCoordinator(assessment, year)).toEqual(
      assessInDetail(facts, defaultPolicy).coordinatorExplanation,
    );
  });

  it('names no staff member and no euro figure, where the full explanation does', () => {
    const { assessment, year } = stored(cases[1]![1]);
    const full = [...assessment.explanation.nl, ...assessment.explanation.en].join(' ');
    expect(full).toContain(`${staffToken('s9')} heeft er het meest vrij in 2027: 38`);
    expect(full).toMatch(/€/);
    const shown = explanationForCoordinator(assessment, year);
    expect([...shown.nl, ...shown.en].join(' ')).not.toMatch(/Janssens|s9|€/);
    expect(shown.nl).toContain(neutralStaffTimeSentence(assessment.daysNeeded, true, 2027).nl);
    expect(shown.en).toContain(neutralBudgetSentence(true, 2027).en);
    expect(shown.en).toHaveLength(assessment.explanation.en.length);
  });

  it('does not trust an explanation without the shape its policy version writes', () => {
    // Sentences in an order, and with words, that assess() of 2026.1 never wrote.
    const odd = {
      policyVersion: '2026.1',
      daysNeeded: 9,
      staffTimeAvailable: false,
      budgetAvailable: true,
      explanation: {
        nl: [
          'Een identificatiemissie is het meest relevante type werkbezoek.',
          'Lies Janssens heeft het meest vrij in 2027: 38.',
          `Begeleiding door ${staffToken('s9')}.`,
          'Reis € 950, verblijf € 700.',
          'Opvolging: de gemeente werd nog nooit begeleid op werkbezoek.',
          'Advies: weigeren, er is onvoldoende personeelstijd.',
        ],
        en: ['Lies Janssens has the most free days in 2027: 38.', 'Recommendation: accept.', 'Cost EUR 1,650.'],
      },
    };
    expect(explanationForCoordinator(odd, 2027)).toEqual({
      nl: [
        'Een identificatiemissie is het meest relevante type werkbezoek.',
        'Personeelstijd: 9 dagen nodig; er is onvoldoende personeelstijd in 2027.',
        'Budget: het budget van 2027 laat het toe.',
        'Opvolging: de gemeente werd nog nooit begeleid op werkbezoek.',
      ],
      en: [
        'Staff time: 9 days needed; there is not enough staff time in 2027.',
        'Budget: the budget of 2027 allows it.',
        'Recommendation: accept.',
      ],
    });
  });

  it("reads another policy version's explanation as one of unknown shape", () => {
    const { assessment, year } = stored(cases[0]![1]);
    const later = { ...assessment, policyVersion: '2027.1' };
    const shown = explanationForCoordinator(later, year);
    expect([...shown.nl, ...shown.en].join(' ')).not.toMatch(/Janssens|s9|€/);
    expect(shown.en).toContain(neutralStaffTimeSentence(assessment.daysNeeded, true, year).en);
    expect(shown.en).toContain(neutralBudgetSentence(true, year).en);
  });

  it('leaves an explanation with nothing to hide as it is', () => {
    const plain = { nl: ['Advies: aanvaarden.'], en: ['Recommendation: accept.'] };
    const shown = explanationForCoordinator(
      { policyVersion: '2027.1', daysNeeded: 9, staffTimeAvailable: true, budgetAvailable: true, explanation: plain },
      2027,
    );
    expect(shown).toEqual(plain);
  });
});
