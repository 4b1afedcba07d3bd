import { describe, expect, it } from 'vitest';
import { checkProposal, distinctGoodPractices, eventDays, parseEuro, reestimate, suggestionKey } from './proposal';

const draft = { title: 'Workshop jeugd', startDate: '2027-01-31', endDate: '2027-02-04', invitedNisCodes: ['1', '2'] };

describe('a regional event proposal', () => {
  it('counts an event’s days with both ends included', () => {
    expect(eventDays('2027-01-31', '2027-02-04')).toBe(5);
    expect(eventDays('2027-01-31', '2027-01-31')).toBe(1);
  });

  it('passes the API’s rules before asking it', () => {
    expect(checkProposal(draft)).toEqual([]);
    expect(checkProposal({ ...draft, title: '  ' })).toEqual([{ field: 'title', problem: 'required' }]);
    expect(checkProposal({ ...draft, endDate: '2027-01-30' })).toEqual([
      { field: 'endDate', problem: 'endBeforeStart' },
    ]);
    expect(checkProposal({ ...draft, endDate: '2027-02-14' })).toEqual([
      { field: 'endDate', problem: 'tooLong', days: 15 },
    ]);
    expect(checkProposal({ ...draft, endDate: '2027-02-13' })).toEqual([]);
    expect(checkProposal({ ...draft, invitedNisCodes: ['1', '1'] })).toEqual([
      { field: 'invitedNisCodes', problem: 'twoInvitees' },
    ]);
    expect(checkProposal({ ...draft, startDate: '', endDate: '' }).map((p) => p.field)).toEqual([
      'startDate',
      'endDate',
    ]);
  });

  it('estimates the cost for other dates and invitees by the suggestion’s own parts', () => {
    // travel €950 + 5 days × €140 + 15 participants (3 per municipality) × 5 days × €45
    const s = {
      days: 5,
      participants: 15,
      invitees: [1, 2, 3, 4, 5],
      travelCostEur: 950,
      allowanceCostEur: 700,
      organisationCostEur: 3375,
    };
    expect(reestimate(s, 5, 5)).toBe(5025);
    expect(reestimate(s, 3, 4)).toBe(950 + 3 * 140 + 12 * 3 * 45);
    expect(reestimate(s, Number.NaN, 5)).toBe(5025);
  });

  it('brings each good practice once', () => {
    const practices = [
      { lessonId: 'a', title: 'Mobiele registratiedagen' },
      { lessonId: 'b', title: 'Digitale geboorteaktes' },
      { lessonId: 'c', title: 'mobiele registratiedagen ' },
    ];
    expect(distinctGoodPractices(practices).map((p) => p.lessonId)).toEqual(['a', 'b']);
  });

  it('keys a suggestion by what it is, and reads an amount of euro', () => {
    expect(
      suggestionKey({
        kind: 'WORKSHOP',
        scopeCode: 'BJ',
        regionCodes: ['BJ-KO', 'BJ-ZO'],
        startDate: '2027-01-31',
        themes: ['YOUTH'],
      }),
    ).toBe('WORKSHOP:BJ:BJ-KO+BJ-ZO:2027-01-31:YOUTH');
    expect(parseEuro('')).toBeUndefined();
    expect(parseEuro('1230')).toBe(1230);
    expect(parseEuro('1230,5')).toBe(1230.5);
    expect(parseEuro('-5')).toBeNull();
    expect(parseEuro('abc')).toBeNull();
  });
});
