import { describe, expect, it } from 'vitest';
import { readRequestParams } from '../requests/filters';
import {
  coverageBucket,
  dashboardVariables,
  drillThrough,
  readDashboardFilters,
  writeDashboardFilters,
} from './filters';

const today = new Date('2026-12-02T10:00:00Z');

describe('the dashboard filters', () => {
  it('shows the last eight quarters up to today by default', () => {
    const filters = readDashboardFilters(new URLSearchParams(), today);
    expect(filters).toEqual({ from: '2025-Q1', to: '2026-Q4' });
    // Capacity and budget include next year, which is being planned.
    expect(dashboardVariables(filters, today)).toEqual({
      fromQuarter: '2025-Q1',
      toQuarter: '2026-Q4',
      missionType: null,
      countryCode: null,
      fromYear: 2025,
      toYear: 2027,
    });
    expect(dashboardVariables({ from: '2019-Q1', to: '2020-Q4' }, today)).toMatchObject({
      fromYear: 2019,
      toYear: 2020,
    });
  });

  it('keeps valid filters from the URL and replaces invalid ones', () => {
    const filters = readDashboardFilters(new URLSearchParams('van=2024-Q2&tot=2024-Q3&land=BJ&type=POLITICAL'), today);
    expect(filters).toEqual({ from: '2024-Q2', to: '2024-Q3', countryCode: 'BJ', missionType: 'POLITICAL' });
    expect(readDashboardFilters(writeDashboardFilters(filters), today)).toEqual(filters);
    // A start after the end, a malformed quarter, an unknown type: the defaults instead.
    expect(readDashboardFilters(new URLSearchParams('van=2027-Q1&tot=2026-Q2&type=X&land=be'), today)).toEqual({
      from: '2024-Q3',
      to: '2026-Q2',
    });
    expect(readDashboardFilters(new URLSearchParams('tot=2026-Q5'), today).to).toBe('2026-Q4');
  });

  it('drills through to the requests behind a figure: submitted in its quarter, with the filters and what it counts', () => {
    const filters = { from: '2026-Q1' as const, to: '2026-Q4' as const, countryCode: 'SN' };
    const href = drillThrough(filters, { quarter: '2026-Q2', status: ['DECLINED'], declineReason: 'NO_BUDGET' });
    const [path, query] = href.split('?');
    expect(path).toBe('/aanvragen');
    expect(readRequestParams(new URLSearchParams(query))).toEqual({
      submittedFrom: '2026-04-01',
      submittedTo: '2026-06-30',
      countryCode: 'SN',
      status: ['DECLINED'],
      declineReason: 'NO_BUDGET',
    });
    // A total covers the whole period.
    const total = readRequestParams(
      new URLSearchParams(drillThrough({ ...filters, missionType: 'EVALUATION' }, { agreement: true }).split('?')[1]),
    );
    expect(total).toMatchObject({
      submittedFrom: '2026-01-01',
      submittedTo: '2026-12-31',
      missionType: 'EVALUATION',
      agreement: true,
    });
  });

  it('groups municipalities by the months since their last accompanied visit', () => {
    expect([0, 11, 12, 23, 24, 35, 36, 120, null].map(coverageBucket)).toEqual([
      'lt12',
      'lt12',
      '12to24',
      '12to24',
      '24to36',
      '24to36',
      'gt36',
      'gt36',
      'never',
    ]);
  });
});
