import { describe, expect, it } from 'vitest';
import { budgetShare, isGreedyFallback, staffRows, statusTone, tripCounts } from './summary';

const member = (name: string, freeDays: number, usedDays: number, binding: boolean) => ({
  freeDays,
  usedDays,
  slackDays: freeDays - usedDays,
  binding,
  staffMember: { id: name.toLowerCase(), name },
});

describe('the plan’s summary', () => {
  it('reads the status as a tone, and knows when the plan is the greedy fallback', () => {
    expect(statusTone('OPTIMAL')).toBe('ok');
    expect(statusTone('TIME_LIMIT')).toBe('warn');
    expect(statusTone('INFEASIBLE')).toBe('bad');
    expect(isGreedyFallback('OPTIMAL')).toBe(false);
    expect(isGreedyFallback('TIME_LIMIT')).toBe(false);
    expect(isGreedyFallback('ROUND_LIMIT')).toBe(true);
  });

  it('puts binding staff first, names them as binding in words, and splits their days left from the others’', () => {
    const rows = staffRows(
      [
        member('Bram', 33, 18, false),
        member('Ellen', 25, 16, true),
        member('Hanne', 2, 0, false),
        member('Jonas', 19, 13, true),
      ],
      (name) => `${name} (bindend)`,
    );
    expect(rows.map((r) => r.label)).toEqual(['Ellen (bindend)', 'Jonas (bindend)', 'Bram', 'Hanne']);
    expect(rows[0]).toMatchObject({ used: 16, free: 25, slack: 9, slackBinding: 9, slackFree: 0, binding: true });
    expect(rows[2]).toMatchObject({ used: 18, slack: 15, slackBinding: 0, slackFree: 15 });
    // used + left = free, so the stacked bar reaches the free days
    for (const r of rows) expect(r.used + r.slackBinding + r.slackFree).toBe(r.free);
  });

  it('names a staff member without a name by id, and never draws negative days left', () => {
    const [row] = staffRows([{ ...member('X', 2, 3, true), staffMember: { id: 'id-1', name: null } }], (n) => n);
    expect(row).toMatchObject({ name: 'id-1', slack: 0 });
  });

  it('gives the budget share between 0 and 1', () => {
    expect(budgetShare(12_430, 13_440)).toBeCloseTo(0.925, 3);
    expect(budgetShare(0, 0)).toBe(0);
    expect(budgetShare(100, 0)).toBe(1);
    expect(budgetShare(200, 100)).toBe(1);
  });

  it('counts trips, joint missions and the requests they accompany', () => {
    expect(
      tripCounts([
        { kind: 'BUNDLE', requests: [1, 2] },
        { kind: 'REQUEST', requests: [3] },
      ]),
    ).toEqual({ trips: 2, bundles: 1, requests: 3 });
  });
});
