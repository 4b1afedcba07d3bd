import { describe, expect, it } from 'vitest';
import { werkbezoekCatalogue as catalogue } from '../catalogue.js';
import { ERASED_VALUE } from '../personalData.js';
import { staffToken } from '../staffTokens.js';
import { AccompanimentRequestAssessed } from './request.js';

const requestId = '0190a5f2-1c2b-7d3e-8f40-1234567890ac';
const an = '0190a5f2-1c2b-7d3e-8f40-1234567890ae';

/** An assessment as version 1 stored it (assess() of policy 2026.1 before staff tokens): An Peeters by name. */
function storedV1(name = 'An Peeters', staffMemberId = an) {
  return {
    requestId,
    policyVersion: '2026.1',
    trigger: 'SUBMITTED',
    recommendation: 'ACCEPT',
    opportune: true,
    requiredReasons: 1,
    claimedReasons: ['CONTENT_PROBLEMS'],
    derivedReasons: ['FOLLOW_UP'],
    satisfiedReasons: ['CONTENT_PROBLEMS', 'FOLLOW_UP'],
    daysNeeded: 14,
    freeStaffDays: 188,
    staffTimeAvailable: true,
    estimatedCostEur: 2350,
    unreservedBudgetEur: 147940,
    budgetAvailable: true,
    inputs: {
      assessedOn: '2026-03-02',
      staff: {
        members: 4,
        mostFree: { staffMemberId, name, declaredDays: 200, bookedDays: 12, freeDays: 188 },
      },
      visitsInRegion: [{ kind: 'REQUEST', municipalityName: 'Molenbeek' }],
    },
    explanation: {
      nl: [
        'Een evaluatiemissie (rang 2) vraagt minstens 1 bijkomende reden; er zijn er 2.',
        'Combinatie: ook Molenbeek (2027-05-01 – 2027-05-09) bezoekt BJ-ZO binnen 21 dagen.',
        `Personeelstijd: 2 + 10 + 2 = 14 dagen nodig; ${name} heeft er het meest vrij in 2027: 188.`,
        'Budget: geschatte kost € 2.350 (reis € 950 + 10 dagen × € 140); nog niet gereserveerd in 2027: € 147.940.',
        'Advies: aanvaarden.',
      ],
      en: [
        'An evaluation mission (rank 2) needs at least 1 additional reason; 2 hold.',
        'Combined visits: Molenbeek (2027-05-01 – 2027-05-09) also visits BJ-ZO within 21 days.',
        `Staff time: 2 + 10 + 2 = 14 days needed; ${name} has the most free in 2027: 188.`,
        'Budget: estimated cost €2,350 (travel €950 + 10 days × €140); unreserved in 2027: €147,940.',
        'Recommendation: accept.',
      ],
    },
  };
}

const lift = (data: object) => catalogue.upcast('AccompanimentRequestAssessed', 1, data) as ReturnType<typeof storedV1>;

describe('AccompanimentRequestAssessed version 1 → 2: the staff member by id only', () => {
  it('is version 2, so a store reads every assessment stored before through the upcaster', () => {
    expect(AccompanimentRequestAssessed.version).toBe(2);
    expect(catalogue.upcast('AccompanimentRequestAssessed', 2, storedV1())).toEqual(storedV1());
  });

  it('puts her token where the sentences named her, drops her name from the inputs, and keeps the rest', () => {
    const old = storedV1();
    const lifted = lift(old);
    expect(lifted.explanation.nl[2]).toBe(
      `Personeelstijd: 2 + 10 + 2 = 14 dagen nodig; ${staffToken(an)} heeft er het meest vrij in 2027: 188.`,
    );
    expect(lifted.explanation.en[2]).toBe(
      `Staff time: 2 + 10 + 2 = 14 days needed; ${staffToken(an)} has the most free in 2027: 188.`,
    );
    expect(lifted.inputs.staff.mostFree).toEqual({
      staffMemberId: an,
      declaredDays: 200,
      bookedDays: 12,
      freeDays: 188,
    });
    expect(JSON.stringify(lifted)).not.toMatch(/An Peeters|Peeters/);
    const { explanation: _e, inputs: _i, ...rest } = lifted;
    const { explanation: _oe, inputs: _oi, ...oldRest } = old;
    expect(rest).toEqual(oldRest);
    expect(lifted.explanation.nl.filter((s, i) => s !== old.explanation.nl[i])).toHaveLength(1);
    // Valid against the current schema, and the stored data is left as it was (the memory store keeps it).
    expect(catalogue.validate('AccompanimentRequestAssessed', lifted)).toEqual(lifted);
    expect(old).toEqual(storedV1());
  });

  it('replaces the name as a whole word only, wherever it stands', () => {
    const lifted = lift(storedV1('Mol'));
    expect(lifted.explanation.nl[1]).toContain('ook Molenbeek (2027-05-01');
    expect(lifted.explanation.nl[2]).toContain(`${staffToken(an)} heeft er het meest vrij`);
    expect(lift(storedV1('Mol')).explanation.en.join(' ')).not.toMatch(/\bMol\b/);
  });

  it('reads an assessment whose request was erased (placeholders) or that had no staff as it is', () => {
    const erased = { ...storedV1(), inputs: {}, explanation: { nl: [ERASED_VALUE], en: [ERASED_VALUE] } };
    expect(lift(erased)).toEqual(erased);
    const noStaff = storedV1();
    noStaff.inputs.staff = { members: 0, mostFree: null } as never;
    noStaff.explanation.nl[2] =
      'Personeelstijd: 2 + 10 + 2 = 14 dagen nodig; er is geen personeel met capaciteit in 2027.';
    expect(lift(noStaff)).toEqual(noStaff);
  });

  it('never keeps a name it cannot put a token for', () => {
    const lifted = lift(storedV1('An Peeters', 'not an id'));
    expect(lifted.explanation.nl[2]).toContain(`${ERASED_VALUE} heeft er het meest vrij`);
    expect(JSON.stringify(lifted)).not.toContain('Peeters');
  });

  it('reads the sealed fields only when a reader asks for them, as the store opens them', () => {
    const reads: string[] = [];
    const old = storedV1();
    const sealed: Record<string, unknown> = { ...old };
    for (const field of ['explanation', 'inputs'] as const)
      Object.defineProperty(sealed, field, {
        enumerable: true,
        get: () => {
          reads.push(field);
          return old[field];
        },
      });
    const lifted = lift(sealed);
    expect(reads).toEqual([]);
    expect(lifted.recommendation).toBe('ACCEPT');
    expect(reads).toEqual([]);
    expect(lifted.inputs.staff.mostFree).not.toHaveProperty('name');
    expect(reads).toEqual(['inputs']);
    expect(lifted.explanation.en[2]).toContain(staffToken(an));
    expect(lifted.explanation).toBe(lifted.explanation);
    expect(Object.keys(lifted)).toEqual(Object.keys(old));
  });
});
