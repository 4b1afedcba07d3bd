import { describe, expect, it } from 'vitest';
import { checkApproval, checkProposal, checkRejection, parseEuro, type RequestVisit } from './forms';

const visits = new Map<string, RequestVisit>([
  ['dilbeek', { startDate: '2027-09-27', endDate: '2027-10-03', label: 'Dilbeek' }],
  ['kapellen', { startDate: '2027-09-29', endDate: '2027-10-08', label: 'Kapellen' }],
]);
const today = '2026-12-02';
const good = {
  startDate: '2027-09-27',
  endDate: '2027-10-08',
  requestIds: ['dilbeek', 'kapellen'],
  rationale: 'Eén reis voor twee delegaties.',
};

describe('proposing a joint mission', () => {
  it('accepts a window around at least two visits with a rationale', () => {
    expect(checkProposal(good, today, visits)).toEqual({});
  });

  it('needs two requests and a rationale', () => {
    const problems = checkProposal({ ...good, requestIds: ['dilbeek'], rationale: '  ' }, today, visits);
    expect(problems.requestIds?.id).toBe('planner.form.atLeastTwo');
    expect(problems.rationale?.id).toBe('planner.form.required');
  });

  it('refuses a window that starts before today, ends before it starts, or lasts over 60 days', () => {
    expect(checkProposal({ ...good, startDate: '2026-11-01' }, today, visits).startDate?.id).toBe(
      'planner.form.startPast',
    );
    expect(checkProposal({ ...good, endDate: '2027-09-01' }, today, visits).endDate?.id).toBe(
      'planner.form.endBeforeStart',
    );
    expect(checkProposal({ ...good, endDate: '2027-12-31' }, today, visits).endDate).toEqual({
      id: 'planner.form.tooLong',
      values: { days: 96, max: 60 },
    });
    expect(checkProposal({ ...good, endDate: '' }, today, visits).endDate?.id).toBe('planner.form.required');
  });

  it('names the visits that fall outside the window', () => {
    expect(checkProposal({ ...good, endDate: '2027-10-05' }, today, visits).requestIds).toEqual({
      id: 'planner.form.outsideWindow',
      values: { visits: 'Kapellen' },
    });
  });
});

describe('deciding on a joint mission', () => {
  it('approves with at least one staff member and, optionally, a positive budget', () => {
    expect(checkApproval({ staffMemberIds: ['s1'], budget: '' })).toEqual({});
    expect(checkApproval({ staffMemberIds: ['s1'], budget: '2540' })).toEqual({});
    expect(checkApproval({ staffMemberIds: [], budget: '-3' })).toEqual({
      staffMemberIds: { id: 'planner.form.chooseStaff' },
      budgetEur: { id: 'planner.form.euro' },
    });
  });

  it('reads a number input’s value', () => {
    expect(parseEuro('')).toBeUndefined();
    expect(parseEuro('2540.5')).toBe(2540.5);
    expect(parseEuro('abc')).toBeNaN();
  });

  it('rejects only with a reason', () => {
    expect(checkRejection(' ')).toEqual({ reason: { id: 'planner.form.reasonRequired' } });
    expect(checkRejection('Te vroeg')).toEqual({});
  });
});
