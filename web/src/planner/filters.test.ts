import { describe, expect, it } from 'vitest';
import { planningYear, plannerPeriod, readPlannerFilters, writePlannerFilters, yearOptions } from './filters';

const december = new Date('2026-12-02T10:00:00Z');
const march = new Date('2027-03-15T10:00:00Z');

describe('the planner’s period in the URL', () => {
  it('plans next year in the autumn and this year in the spring', () => {
    expect(planningYear(december)).toBe(2027);
    expect(planningYear(new Date('2026-06-30T00:00:00Z'))).toBe(2026);
    expect(planningYear(new Date('2026-07-01T00:00:00Z'))).toBe(2027);
    expect(planningYear(march)).toBe(2027);
  });

  it('defaults to the year being planned, every country', () => {
    expect(readPlannerFilters(new URLSearchParams(), december)).toEqual({ year: 2027 });
    expect(plannerPeriod({ year: 2027 })).toEqual({ from: '2027-01-01', to: '2027-12-31', countryCode: null });
  });

  it('reads a quarter and a country, and ignores what is not one', () => {
    const filters = readPlannerFilters(new URLSearchParams('jaar=2027&kwartaal=2&land=BJ'), december);
    expect(filters).toEqual({ year: 2027, quarter: 2, countryCode: 'BJ' });
    expect(plannerPeriod(filters)).toEqual({ from: '2027-04-01', to: '2027-06-30', countryCode: 'BJ' });
    expect(readPlannerFilters(new URLSearchParams('jaar=abc&kwartaal=5&land=benin'), december)).toEqual({
      year: 2027,
    });
  });

  it('writes what it reads', () => {
    const filters = { year: 2026, quarter: 4 as const, countryCode: 'ZA' };
    expect(writePlannerFilters(filters).toString()).toBe('jaar=2026&kwartaal=4&land=ZA');
    expect(readPlannerFilters(writePlannerFilters(filters), december)).toEqual(filters);
  });

  it('offers the years from three back to the year after the planning year, newest first', () => {
    expect(yearOptions(december, 2027)).toEqual([2028, 2027, 2026, 2025, 2024, 2023]);
    expect(yearOptions(december, 2019)).toContain(2019);
  });
});
