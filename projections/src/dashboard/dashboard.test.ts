import { afterEach, describe, expect, it } from 'vitest';
import type { ReadModelDb } from '../db/database.js';
import { VisitHistory } from '../testing/visitHistory.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { quarterOf, dashboardProjection } from './projection.js';
import { dashboardMetrics, median } from './queries.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number]): Promise<ReadModelDb> {
  database = await freshDatabase(dialect);
  await new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [dashboardProjection],
    batchSize: 6,
  }).catchUp();
  return database.readModels;
}

/** Requests of 2025-Q4 to 2026-Q2, with their assessments and decisions. */
async function demand(): Promise<VisitHistory> {
  const h = new VisitHistory();
  await h.basics();
  // 2026-Q1, evaluation missions.
  const a = await h.submit('a', '2026-01-05');
  await h.assessed(a, '2026-01-06', 'DECLINE', 'NO_BUDGET');
  await h.declined(a, '2026-01-12', 'NO_BUDGET'); // 7 days, as recommended
  await h.assessed(a, '2026-01-20', 'ACCEPT'); // after the decision: does not count
  const b = await h.submit('b', '2026-02-02');
  await h.assessed(b, '2026-02-02', 'ACCEPT');
  await h.assessed(b, '2026-02-09', 'DECLINE', 'NO_BUDGET'); // the latest before the decision
  await h.declined(b, '2026-02-13', 'NO_BUDGET'); // 11 days, as recommended
  const c = await h.submit('c', '2026-03-02');
  await h.assessed(c, '2026-03-03', 'DECLINE', 'NO_STAFF_TIME');
  await h.declined(c, '2026-03-11', 'NOT_OPPORTUNE'); // 9 days, another reason than recommended
  const d = await h.submit('d', '2026-03-10');
  await h.accepted(d, '2026-03-19', { mission: 'md', staff: 'lies' }); // 9 days, never assessed
  const e = await h.submit('e', '2026-03-20');
  await h.withdrawn(e, '2026-03-22');
  const f = await h.submit('f', '2026-03-25');
  await h.assessed(f, '2026-03-26', 'ACCEPT'); // still undecided
  // 2026-Q1, submitted as an evaluation, amended to a technical mission.
  const g = await h.submit('g', '2026-02-10');
  await h.amended(g, '2026-02-11', { missionType: 'TECHNICAL' });
  await h.assessed(g, '2026-02-11', 'ACCEPT');
  await h.declined(g, '2026-02-24', 'NO_STAFF_TIME'); // 14 days, against the recommendation
  // 2026-Q2, a political mission.
  const i = await h.submit('i', '2026-04-01', { missionType: 'POLITICAL' });
  await h.assessed(i, '2026-04-01', 'DECLINE', 'NOT_OPPORTUNE');
  await h.accepted(i, '2026-04-05', { mission: 'mi', staff: 'lies' }); // 4 days, against the recommendation
  // 2025-Q4: decided in 2026, but counted in the quarter of its submission.
  const j = await h.submit('j', '2025-12-15');
  await h.declined(j, '2026-01-05', 'NO_BUDGET');
  return h;
}

const none = { NOT_OPPORTUNE: 0, NO_STAFF_TIME: 0, NO_BUDGET: 0 };

describe.each(DIALECTS)('the dashboard on %s', (dialect) => {
  it('counts demand, decisions by reason, agreement with the recommendation and the median days to a decision', async () => {
    const db = await project(await demand(), dialect);
    const metrics = await dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q2' });

    expect(metrics.rows.map((r) => [r.quarter, r.missionType, r.submitted])).toEqual([
      ['2026-Q1', 'IDENTIFICATION', 0],
      ['2026-Q1', 'EVALUATION', 6],
      ['2026-Q1', 'TECHNICAL', 1],
      ['2026-Q1', 'POLITICAL', 0],
      ['2026-Q2', 'IDENTIFICATION', 0],
      ['2026-Q2', 'EVALUATION', 0],
      ['2026-Q2', 'TECHNICAL', 0],
      ['2026-Q2', 'POLITICAL', 1],
    ]);
    const evaluation = metrics.rows[1]!;
    expect(evaluation).toEqual({
      quarter: '2026-Q1',
      missionType: 'EVALUATION',
      submitted: 6,
      accepted: 1,
      declined: 3,
      declinedByReason: { NOT_OPPORTUNE: 1, NO_STAFF_TIME: 0, NO_BUDGET: 2 },
      withdrawn: 1,
      pending: 1,
      assessedDecisions: 3,
      agreements: 2,
      agreementRate: 2 / 3,
      medianDaysToDecision: 9,
    });
    expect(metrics.rows[2]).toMatchObject({
      declinedByReason: { ...none, NO_STAFF_TIME: 1 },
      agreementRate: 0,
      medianDaysToDecision: 14,
    });
    expect(metrics.rows[0]).toMatchObject({ submitted: 0, agreementRate: null, medianDaysToDecision: null });
    expect(metrics.byQuarter.map((q) => [q.quarter, q.submitted, q.declined, q.medianDaysToDecision])).toEqual([
      ['2026-Q1', 7, 4, 9], // 7, 9, 9, 11, 14 days
      ['2026-Q2', 1, 0, 4],
    ]);
    expect(metrics.totals).toEqual({
      submitted: 8,
      accepted: 2,
      declined: 4,
      declinedByReason: { NOT_OPPORTUNE: 1, NO_STAFF_TIME: 1, NO_BUDGET: 2 },
      withdrawn: 1,
      pending: 1,
      assessedDecisions: 5,
      agreements: 2,
      agreementRate: 0.4,
      medianDaysToDecision: 9, // 4, 7, 9, 9, 11, 14: the mean of the middle two
    });
  });

  it('filters by mission type and period', async () => {
    const db = await project(await demand(), dialect);
    const technical = await dashboardMetrics(db, {
      fromQuarter: '2025-Q4',
      toQuarter: '2026-Q1',
      missionType: 'TECHNICAL',
    });
    expect(technical.rows.map((r) => [r.quarter, r.missionType, r.submitted])).toEqual([
      ['2025-Q4', 'TECHNICAL', 0],
      ['2026-Q1', 'TECHNICAL', 1],
    ]);
    expect(technical.totals).toMatchObject({ submitted: 1, declined: 1, medianDaysToDecision: 14 });
    const q4 = await dashboardMetrics(db, { fromQuarter: '2025-Q4', toQuarter: '2025-Q4' });
    expect(q4.totals).toMatchObject({
      submitted: 1,
      declinedByReason: { ...none, NO_BUDGET: 1 },
      assessedDecisions: 0,
      agreementRate: null,
      medianDaysToDecision: 21,
    });
    await expect(dashboardMetrics(db, { fromQuarter: '2026-Q5', toQuarter: '2026-Q4' })).rejects.toThrow(/YYYY-Qn/);
    await expect(dashboardMetrics(db, { fromQuarter: '2026-Q3', toQuarter: '2026-Q1' })).rejects.toThrow(/before/);
    await expect(
      dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q1', missionType: 'SCIENTIFIC' }),
    ).rejects.toThrow(/Unknown mission type/);
  });

  it('filters by the country visited', async () => {
    const h = await demand();
    await h.municipality('31042', 'Oostkamp');
    const come = await h.twinning('tw-oostkamp', { nisCode: '31042', partnerName: 'Comé', regionCode: 'BJ-MO' });
    await h.municipality('11002', 'Antwerpen');
    const durban = await h.twinning('tw-antwerpen', { nisCode: '11002', partnerName: 'Durban', regionCode: 'ZA-KZN' });
    await h.submit('k', '2026-01-15', { twinningId: come, nisCode: '31042' });
    const l = await h.submit('l', '2026-02-15', { twinningId: durban, nisCode: '11002', missionType: 'TECHNICAL' });
    await h.declined(l, '2026-02-20', 'NO_BUDGET');
    const db = await project(h, dialect);

    const all = await dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q2' });
    const benin = await dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q2', countryCode: 'BJ' });
    const southAfrica = await dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q2', countryCode: 'ZA' });
    expect(benin.totals.submitted + southAfrica.totals.submitted).toBe(all.totals.submitted);
    expect(southAfrica.totals).toMatchObject({
      submitted: 1,
      declined: 1,
      declinedByReason: { ...none, NO_BUDGET: 1 },
    });
    const technicalInSouthAfrica = await dashboardMetrics(db, {
      fromQuarter: '2026-Q1',
      toQuarter: '2026-Q1',
      missionType: 'TECHNICAL',
      countryCode: 'ZA',
    });
    expect(technicalInSouthAfrica.totals.submitted).toBe(1);
    expect(
      (await dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q2', countryCode: 'NI' })).totals
        .submitted,
    ).toBe(0);
    await expect(
      dashboardMetrics(db, { fromQuarter: '2026-Q1', toQuarter: '2026-Q1', countryCode: 'Benin' }),
    ).rejects.toThrow(/ISO 3166-1/);
  });
});

describe('dashboard arithmetic', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([11, 7, 9])).toBe(9);
    expect(median([14, 4, 9, 7])).toBe(8);
  });

  it('names the quarter of a date', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q4',
    ]);
  });
});
