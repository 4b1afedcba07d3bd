import { describe, expect, it } from 'vitest';
import { byYear, lastAccompaniment, monthsBetween, todayInBrussels, visitOutcome, visitsPerYear } from './timeline';

describe('a visit’s outcome', () => {
  it('is accompanied once its mission started, whatever the request says', () => {
    expect(visitOutcome({ accompanied: true, status: 'ACCEPTED', missionStatus: 'SCHEDULED' })).toBe('accompanied');
    expect(visitOutcome({ accompanied: true, status: null, missionStatus: 'COMPLETED' })).toBe('accompanied');
  });

  it('says why a visit was not accompanied', () => {
    expect(visitOutcome({ accompanied: false, status: 'DECLINED' })).toBe('declined');
    expect(visitOutcome({ accompanied: false, status: 'WITHDRAWN' })).toBe('withdrawn');
    expect(visitOutcome({ accompanied: false, status: 'ACCEPTED', missionStatus: 'CANCELLED' })).toBe('cancelled');
  });

  it('tells a visit still to come from one still to decide', () => {
    expect(visitOutcome({ accompanied: false, status: 'ACCEPTED', missionStatus: 'SCHEDULED' })).toBe('planned');
    expect(visitOutcome({ accompanied: false, status: 'ACCEPTED', missionStatus: null })).toBe('planned');
    expect(visitOutcome({ accompanied: false, status: 'SUBMITTED' })).toBe('pending');
  });
});

describe('the timeline’s layout', () => {
  it('groups by year, latest year and latest visit first', () => {
    const groups = byYear([
      { id: 'a', startDate: '2024-03-01' },
      { id: 'b', startDate: '2026-01-10' },
      { id: 'c', startDate: '2024-11-20' },
      { id: 'd', startDate: '2026-05-02' },
    ]);
    expect(groups.map((g) => [g.year, g.items.map((i) => i.id)])).toEqual([
      [2026, ['d', 'b']],
      [2024, ['c', 'a']],
    ]);
  });

  it('is empty without visits', () => {
    expect(byYear([])).toEqual([]);
  });
});

describe('months since', () => {
  it('counts whole months as the API does', () => {
    expect(monthsBetween('2024-05-13', '2026-11-27')).toBe(30);
    expect(monthsBetween('2026-03-31', '2026-04-30')).toBe(0);
    expect(monthsBetween('2026-03-15', '2026-04-15')).toBe(1);
    expect(monthsBetween('2026-12-02', '2026-12-02')).toBe(0);
  });

  it('dates the last accompaniment by the latest mission that started, capped at today', () => {
    const today = '2026-12-02';
    expect(
      lastAccompaniment(
        [
          { status: 'COMPLETED', startDate: '2026-03-10', endDate: '2026-03-20' },
          { status: 'CANCELLED', startDate: '2026-10-01', endDate: '2026-10-10' },
          { status: 'SCHEDULED', startDate: '2027-02-09', endDate: '2027-02-19' },
        ],
        today,
      ),
    ).toEqual({ on: '2026-03-20', months: 8 });
    // under way: VVSG is there today
    expect(lastAccompaniment([{ status: 'SCHEDULED', startDate: '2026-11-28', endDate: '2026-12-08' }], today)).toEqual(
      { on: today, months: 0 },
    );
    expect(lastAccompaniment([], today)).toBeNull();
  });

  it('takes today in Brussels, where the programme counts its days', () => {
    expect(todayInBrussels(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('visits per year', () => {
  it('counts each year from the first to the last, empty years included', () => {
    const rows = visitsPerYear(
      [
        { startDate: '2023-05-01', accompanied: true, status: 'COMPLETED', missionStatus: 'COMPLETED' },
        { startDate: '2023-09-01', accompanied: false, status: 'DECLINED' },
        { startDate: '2025-02-01', accompanied: false, status: 'SUBMITTED' },
      ],
      [
        { status: 'COMPLETED', startDate: '2023-05-01', endDate: '2023-05-10' },
        { status: 'CANCELLED', startDate: '2025-02-01', endDate: '2025-02-10' },
      ],
    );
    expect(rows.map((r) => [r.year, r.accompanied, r.declined, r.pending, r.missions])).toEqual([
      ['2023', 1, 1, 0, 1],
      ['2024', 0, 0, 0, 0],
      ['2025', 0, 0, 1, 0],
    ]);
  });
});
