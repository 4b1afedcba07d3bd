import { describe, expect, it } from 'vitest';
import { daysIncluded, layoutRows, monthTicks, span, visitState, type TimelineVisit } from './timeline';

const visit = (
  id: string,
  nisCodes: string[],
  startDate: string,
  endDate: string,
  more: Partial<TimelineVisit> = {},
): TimelineVisit => ({ id, kind: 'REQUEST', status: 'SUBMITTED', startDate, endDate, nisCodes, ...more });

describe('the timeline of a region', () => {
  it('places a visit by its days in the period, both ends included', () => {
    // 2027 has 365 days: January is 31 of them
    const january = span('2027-01-01', '2027-12-31', '2027-01-01', '2027-01-31')!;
    expect(january.left).toBe(0);
    expect(january.width).toBeCloseTo((31 / 365) * 100);
    const december = span('2027-01-01', '2027-12-31', '2027-12-01', '2027-12-31')!;
    expect(december.left + december.width).toBeCloseTo(100);
    expect(span('2027-01-01', '2027-12-31', '2026-05-01', '2026-05-10')).toBeUndefined();
  });

  it('clips a visit that crosses the period’s edge and says so', () => {
    const crossing = span('2027-04-01', '2027-06-30', '2027-03-25', '2027-04-05')!;
    expect(crossing.left).toBe(0);
    expect(crossing.clippedStart).toBe(true);
    expect(crossing.clippedEnd).toBe(false);
  });

  it('tells undecided and accepted requests and missions apart', () => {
    expect(visitState({ kind: 'REQUEST', status: 'SUBMITTED' })).toBe('undecided');
    expect(visitState({ kind: 'REQUEST', status: 'ACCEPTED' })).toBe('accepted');
    expect(visitState({ kind: 'MISSION', status: 'SCHEDULED' })).toBe('mission');
  });

  it('gives each municipality a row, a mission in every row it takes along, and overlapping visits their own lane', () => {
    const rows = layoutRows(
      '2027-01-01',
      '2027-12-31',
      ['A', 'B'],
      [
        visit('a1', ['A'], '2027-02-01', '2027-02-10'),
        visit('a2', ['A'], '2027-02-05', '2027-02-12'),
        visit('a3', ['A'], '2027-02-11', '2027-02-20'),
        visit('m', ['A', 'B'], '2027-09-01', '2027-09-10', { kind: 'MISSION', status: 'SCHEDULED' }),
      ],
      [{ startDate: '2027-02-01', endDate: '2027-02-12', nisCodes: ['A'], visitIds: ['a1', 'a2'] }],
    );
    expect(rows.map((r) => r.nisCode)).toEqual(['A', 'B']);
    const [a, b] = rows;
    expect(a!.bars.map((bar) => [bar.visit.id, bar.lane, bar.grouped])).toEqual([
      ['a1', 0, true],
      ['a2', 1, true],
      ['a3', 0, false],
      ['m', 0, false],
    ]);
    expect(a!.lanes).toBe(2);
    expect(a!.groups).toHaveLength(1);
    expect(b!.bars.map((bar) => [bar.visit.id, bar.state])).toEqual([['m', 'mission']]);
    expect(b!.groups).toHaveLength(0);
  });

  it('marks the first of every month on the axis', () => {
    expect(monthTicks('2027-01-01', '2027-12-31').map((t) => t.date)).toHaveLength(12);
    const quarter = monthTicks('2027-04-01', '2027-06-30');
    expect(quarter.map((t) => t.date)).toEqual(['2027-04-01', '2027-05-01', '2027-06-01']);
    expect(quarter[0]!.left).toBe(0);
  });

  it('counts a window’s days with both ends', () => {
    expect(daysIncluded('2027-09-27', '2027-10-08')).toBe(12);
  });
});
