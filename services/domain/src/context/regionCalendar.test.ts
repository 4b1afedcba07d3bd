import { describe, expect, it } from 'vitest';
import { addDays, periodsMeet } from '../dates.js';
import { RegionCalendar } from './regionCalendar.js';

describe('RegionCalendar', () => {
  it('offers the visits of a region filed under the months a window touches', () => {
    const calendar = new RegionCalendar<string>();
    calendar.add('R1', '2027-03-28', '2027-04-03', 'across');
    calendar.add('R1', '2027-06-01', '2027-06-05', 'june');
    calendar.add('R2', '2027-04-01', '2027-04-05', 'other region');
    expect([...calendar.candidates('R1', '2027-04-10', '2027-04-20')]).toEqual(['across']);
    expect([...calendar.candidates('R1', '2027-01-01', '2027-02-28')]).toEqual([]);
    expect([...calendar.candidates('R1', '2027-03-30', '2027-06-02')].sort()).toEqual(['across', 'june']);
    expect([...calendar.candidates('R3', '2027-01-01', '2027-12-31')]).toEqual([]);
  });

  it('forgets a visit under its old dates once removed, and finds it under its new ones', () => {
    const calendar = new RegionCalendar<string>();
    calendar.add('R1', '2027-03-01', '2027-03-05', 'moved');
    calendar.remove('R1', '2027-03-01', '2027-03-05', 'moved');
    calendar.add('R1', '2027-09-01', '2027-09-05', 'moved');
    expect([...calendar.candidates('R1', '2027-03-01', '2027-03-31')]).toEqual([]);
    expect([...calendar.candidates('R1', '2027-09-04', '2027-09-04')]).toEqual(['moved']);
  });

  it('offers very long visits to every window, and reversed dates under the months between them', () => {
    const calendar = new RegionCalendar<string>();
    calendar.add('R1', '2020-01-01', '2029-12-31', 'decade');
    calendar.add('R1', '2027-05-10', '2027-04-10', 'reversed');
    expect([...calendar.candidates('R1', '2024-06-01', '2024-06-02')]).toEqual(['decade']);
    expect([...calendar.candidates('R1', '2027-04-20', '2027-04-21')].sort()).toEqual(['decade', 'reversed']);
    calendar.remove('R1', '2020-01-01', '2029-12-31', 'decade');
    expect([...calendar.candidates('R1', '2024-06-01', '2024-06-02')]).toEqual([]);
  });

  it('never misses a visit that meets a window within a margin (every pair of short periods over two years)', () => {
    const calendar = new RegionCalendar<string>();
    const visits: [string, string, string][] = [];
    for (let d = 0; d < 730; d += 9) {
      const start = addDays('2026-01-01', d);
      const visit: [string, string, string] = [`v${d}`, start, addDays(start, d % 40)];
      visits.push(visit);
      calendar.add('R', visit[1], visit[2], visit[0]);
    }
    const margin = 14;
    for (let d = 0; d < 760; d += 5) {
      const from = addDays('2025-12-20', d);
      const to = addDays(from, d % 23);
      const offered = calendar.candidates('R', addDays(from, -margin), addDays(to, margin));
      const meeting = visits.filter(([, s, e]) => periodsMeet(from, to, s, e, margin)).map(([id]) => id);
      for (const id of meeting) expect(offered.has(id), `${id} for ${from}..${to}`).toBe(true);
    }
  });
});
