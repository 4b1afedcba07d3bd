import { describe, expect, it } from 'vitest';
import { defaultScope, planScopes, resolveScope, spansYears } from './scope';

const keys = (from: string, to: string) => planScopes({ from, to }).map((s) => `${s.key} ${s.from}..${s.to}`);

describe('the plan’s year or quarter within the workbench period', () => {
  it('plans a year as it is, with its four quarters to narrow it', () => {
    expect(keys('2027-01-01', '2027-12-31')).toEqual([
      'period 2027-01-01..2027-12-31',
      '2027-Q1 2027-01-01..2027-03-31',
      '2027-Q2 2027-04-01..2027-06-30',
      '2027-Q3 2027-07-01..2027-09-30',
      '2027-Q4 2027-10-01..2027-12-31',
    ]);
    const scopes = planScopes({ from: '2027-01-01', to: '2027-12-31' });
    expect(defaultScope(scopes)).toMatchObject({ key: 'period', whole: true, year: 2027 });
  });

  it('plans a quarter as it is, without offering it twice', () => {
    expect(keys('2027-04-01', '2027-06-30')).toEqual(['period 2027-04-01..2027-06-30']);
  });

  it('offers a period across a year’s end year by year and quarter by quarter, each cut to the period', () => {
    const scopes = planScopes({ from: '2026-12-02', to: '2027-12-01' });
    // December 2026 is both the year's part and its fourth quarter's: offered once.
    expect(scopes.map((s) => s.key)).toEqual(['2026', '2027', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(scopes.find((s) => s.key === '2026')).toMatchObject({ from: '2026-12-02', to: '2026-12-31', whole: false });
    expect(scopes.find((s) => s.key === '2027-Q4')).toMatchObject({
      from: '2027-10-01',
      to: '2027-12-01',
      whole: false,
    });
    expect(scopes.find((s) => s.key === '2027-Q2')).toMatchObject({ whole: true });
    // Every choice stays inside one calendar year: the API never sees an invalid period.
    for (const s of scopes) expect(s.from.slice(0, 4)).toBe(s.to.slice(0, 4));
    // The year holding most of the period comes first.
    expect(defaultScope(scopes)?.key).toBe('2027');
    expect(spansYears({ from: '2026-12-02', to: '2027-12-01' })).toBe(true);
  });

  it('prefers the later year when the period is split evenly', () => {
    const scopes = planScopes({ from: '2026-07-03', to: '2027-07-01' });
    expect(defaultScope(scopes)?.key).toBe('2027');
  });

  it('keeps a choice the period still offers, and falls back when the period changed under it', () => {
    const wide = planScopes({ from: '2026-12-02', to: '2027-12-01' });
    expect(resolveScope(wide, '2027-Q3')?.key).toBe('2027-Q3');
    const narrow = planScopes({ from: '2027-01-01', to: '2027-03-31' });
    expect(resolveScope(narrow, '2027-Q3')?.key).toBe('period');
    expect(resolveScope(narrow, undefined)?.key).toBe('period');
  });

  it('offers nothing for a period that ends before it starts', () => {
    expect(planScopes({ from: '2027-05-01', to: '2027-04-01' })).toEqual([]);
    expect(defaultScope([])).toBeUndefined();
  });
});
