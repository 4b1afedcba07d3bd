import { describe, expect, it } from 'vitest';
import { localDateOf } from './dates.js';

const brussels = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('the date in Brussels', () => {
  it('agrees with the time-zone database around midnight every day, across summer-time switches, 2017–2030', () => {
    for (let t = Date.UTC(2017, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000) {
      for (const hour of [21, 22, 23, 0.5]) {
        const instant = new Date(t + hour * 3_600_000 - 1).toISOString();
        expect(localDateOf(instant), instant).toBe(brussels.format(new Date(instant)));
      }
    }
  });

  it('switches on the last Sundays of March and October at 01:00 UTC', () => {
    expect(localDateOf('2026-03-28T22:59:59.000Z')).toBe('2026-03-28'); // CET: 23:59
    expect(localDateOf('2026-03-29T22:00:00.000Z')).toBe('2026-03-30'); // CEST: 00:00
    expect(localDateOf('2026-10-25T22:00:00.000Z')).toBe('2026-10-25'); // CET again: 23:00
  });
});
