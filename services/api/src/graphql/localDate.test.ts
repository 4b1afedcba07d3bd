import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LocalDateScalar } from './localDate.js';

/* Dates found valid are remembered; that must never let an invalid one through. */
describe('LocalDate', () => {
  it('passes calendar dates, also when seen before', () => {
    for (let i = 0; i < 3; i++) {
      expect(LocalDateScalar.serialize('2028-02-29')).toBe('2028-02-29');
      expect(LocalDateScalar.parseValue('2027-12-31')).toBe('2027-12-31');
      expect(LocalDateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-01-01' })).toBe('2026-01-01');
    }
  });

  it('refuses what is not a calendar date, however often asked and whatever was seen before', () => {
    LocalDateScalar.serialize('2027-02-28');
    for (let i = 0; i < 3; i++) {
      for (const value of [
        '2027-02-30',
        '2027-2-28',
        '2027-02-28T00:00:00Z',
        '',
        20270228,
        null,
        { date: '2027-02-28' },
      ]) {
        expect(() => LocalDateScalar.serialize(value), JSON.stringify(value)).toThrow(GraphQLError);
        expect(() => LocalDateScalar.parseValue(value), JSON.stringify(value)).toThrow(GraphQLError);
      }
    }
  });

  it('still checks dates after remembering many', () => {
    const start = Date.UTC(2000, 0, 1);
    for (let day = 0; day < 12_000; day++) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      expect(LocalDateScalar.serialize(date)).toBe(date);
    }
    expect(() => LocalDateScalar.serialize('2031-02-29')).toThrow(GraphQLError);
    expect(LocalDateScalar.serialize('2000-01-01')).toBe('2000-01-01');
  });
});
