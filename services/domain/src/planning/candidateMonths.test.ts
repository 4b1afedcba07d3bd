import type { MissionType } from '@werkbezoek/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../assessment/policy.js';
import { addDays } from '../dates.js';
import { candidateMonth, monthRankingSteps, monthSlices } from './candidateMonths.js';
import {
  candidateRankKey,
  compareCandidateRankKeys,
  rankJointMissionCandidates,
  sweptVisits,
  type CandidateSweepInput,
  type CandidateVisit,
  type RankedCandidate,
} from './candidates.js';

const FROM = '2027-01-20';
const DAYS = 120;

/** Dense visits across four month boundaries, in two countries, some of them missions taking requests along. */
const arbInput = fc
  .record({
    rows: fc.array(
      fc.record({
        nisCode: fc.constantFrom('11002', '44021', '24062', '31005', '12025'),
        place: fc.constantFrom(['BJ', 'BJ-ZO'], ['BJ', 'BJ-CO'], ['BJ', 'BJ-AL'], ['SN', 'SN-DK']),
        offset: fc.integer({ min: 0, max: DAYS - 1 }),
        length: fc.integer({ min: 1, max: 8 }),
        missionType: fc.constantFrom<MissionType>('IDENTIFICATION', 'EVALUATION', 'TECHNICAL', 'POLITICAL'),
        mission: fc.boolean(),
      }),
      { minLength: 10, maxLength: 40 },
    ),
    windowDays: fc.integer({ min: 1, max: 60 }),
    todayOffset: fc.integer({ min: -5, max: 20 }),
  })
  .map(({ rows, windowDays, todayOffset }): CandidateSweepInput => {
    const visits: CandidateVisit[] = rows.map((r, i) => {
      const id = `${r.mission ? 'm' : 'r'}${i}`;
      return {
        kind: r.mission ? 'MISSION' : 'REQUEST',
        id,
        // A mission takes the request before it along (that request is then left out), and one of its own.
        requestIds: r.mission ? [`r${i - 1}`, `q${i}`] : [id],
        nisCode: r.nisCode,
        municipalityName: r.nisCode,
        regionCode: r.place[1],
        countryCode: r.place[0],
        missionType: r.missionType,
        startDate: addDays(FROM, r.offset),
        endDate: addDays(FROM, r.offset + r.length - 1),
      };
    });
    return {
      visits,
      period: { from: FROM, to: addDays(FROM, DAYS + 5) },
      windowDays,
      today: addDays(FROM, todayOffset),
    };
  });

/** The month parts put together as the planner does: in month order, then sorted (stably) by rank key. */
function byMonths(input: CandidateSweepInput): RankedCandidate[] {
  const parts = monthSlices(sweptVisits(input), input.windowDays).map((slice) => {
    const steps = monthRankingSteps(slice, input, defaultPolicy);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  });
  return parts
    .flat()
    .map((c) => ({ c, key: candidateRankKey(c) }))
    .sort((a, b) => compareCandidateRankKeys(a.key, b.key))
    .map(({ c }) => c);
}

const said = (cs: readonly RankedCandidate[]) =>
  cs.map((c) => ({ group: c.group, visitIds: c.visitIds, windowStart: c.windowStart, savingEur: c.savingEur }));

describe('joint-mission candidates swept a month at a time (issue 16)', () => {
  it('are the candidates, in the order, of the sweep over every visit at once, whatever the window', () => {
    let found = 0;
    fc.assert(
      fc.property(arbInput, (input) => {
        const whole = rankJointMissionCandidates(input, defaultPolicy);
        found += whole.length;
        expect(said(byMonths(input))).toEqual(said(whole));
      }),
      { numRuns: 400 },
    );
    // The comparison meant something: the generated visits combine.
    expect(found).toBeGreaterThan(1_000);
  });

  it('cuts each month the visits starting within a window of it, and lists only months in which a visit starts', () => {
    const visit = (id: string, startDate: string): CandidateVisit => ({
      kind: 'REQUEST',
      id,
      requestIds: [id],
      nisCode: id,
      municipalityName: id,
      regionCode: 'BJ-ZO',
      countryCode: 'BJ',
      missionType: 'TECHNICAL',
      startDate,
      endDate: startDate,
    });
    const slices = monthSlices(
      [visit('a', '2027-03-02'), visit('b', '2027-03-20'), visit('c', '2027-04-10'), visit('d', '2027-06-30')],
      14,
    );
    expect(slices.map((s) => [s.month, s.visits.map((v) => v.id)])).toEqual([
      ['2027-03', ['a', 'b', 'c']],
      ['2027-04', ['b', 'c']],
      ['2027-06', ['d']],
    ]);
    expect(candidateMonth({ windowStart: '2027-04-30' } as RankedCandidate)).toBe('2027-04');
  });
});
