import { DeclineReasons } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardProjection } from '../dashboard/projection.js';
import { dashboardMetrics } from '../dashboard/queries.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { requestsProjection } from './projection.js';
import { countRequests, listRequests, type RequestFilter, type RequestsDb } from './queries.js';

/*
 * Drill-through from the dashboard: for every cell (quarter × mission type)
 * and every figure in it, the request list's filter finds exactly the
 * requests the cell counts.
 */

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function history(): Promise<VisitHistory> {
  const h = new VisitHistory();
  await h.basics();
  await h.staffMember('jan', 'Jan Peeters');
  // 2026-Q1: agreements and disagreements of every kind.
  const a = await h.submit('a', '2026-01-05');
  await h.assessed(a, '2026-01-06', 'ACCEPT');
  const ma = await h.accepted(a, '2026-01-20', { mission: 'm-a', staff: 'jan' }); // agrees
  await h.scheduled('m-a', {
    requestIds: [a],
    nisCodes: ['11055'],
    twinningIds: [id('tw-zoersel')],
    regionCode: 'BJ-ZO',
    startDate: '2026-05-04',
    endDate: '2026-05-13',
    staff: ['jan'],
  });
  await h.completed(ma, '2026-05-20', 10); // completed: still accepted on the dashboard
  const b = await h.submit('b', '2026-02-02');
  await h.assessed(b, '2026-02-02', 'DECLINE', 'NO_BUDGET');
  await h.declined(b, '2026-02-13', 'NO_BUDGET'); // agrees
  const c = await h.submit('c', '2026-03-02');
  await h.assessed(c, '2026-03-03', 'DECLINE', 'NO_STAFF_TIME');
  await h.declined(c, '2026-03-10', 'NO_BUDGET'); // another reason: disagrees
  const d = await h.submit('d', '2026-03-09', { missionType: 'TECHNICAL' });
  await h.assessed(d, '2026-03-09', 'DECLINE', 'NOT_OPPORTUNE');
  await h.accepted(d, '2026-03-16', { mission: 'm-d', staff: 'jan' }); // disagrees
  const e = await h.submit('e', '2026-03-31', { missionType: 'TECHNICAL' });
  await h.accepted(e, '2026-04-02', { mission: 'm-e', staff: 'jan' }); // unassessed: neither
  // 2026-Q2: withdrawn, pending, and a request whose type was amended.
  const f = await h.submit('f', '2026-04-01');
  await h.withdrawn(f, '2026-04-03');
  const g = await h.submit('g', '2026-05-15', { missionType: 'POLITICAL' });
  await h.assessed(g, '2026-05-15', 'ACCEPT');
  const i = await h.submit('i', '2026-06-30', { missionType: 'POLITICAL' });
  await h.amended(i, '2026-07-01', { missionType: 'IDENTIFICATION' });
  await h.assessed(i, '2026-07-01', 'DECLINE', 'NO_STAFF_TIME');
  await h.declined(i, '2026-07-03', 'NO_STAFF_TIME');
  // 2025-Q4 and 2026-Q3: outside the period asked for.
  await h.submit('j', '2025-12-31');
  await h.submit('k', '2026-07-01');
  return h;
}

function quarterBounds(quarter: string): { submittedFrom: string; submittedTo: string } {
  const year = quarter.slice(0, 4);
  const q = Number(quarter.slice(6));
  const lastMonth = String(q * 3).padStart(2, '0');
  const lastDay = { 1: '31', 2: '30', 3: '30', 4: '31' }[q] ?? '31';
  return {
    submittedFrom: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`,
    submittedTo: `${year}-${lastMonth}-${lastDay}`,
  };
}

describe.each(DIALECTS)('drill-through from the dashboard on %s', (dialect) => {
  it('finds, for every cell and figure, as many requests as the cell counts', async () => {
    const h = await history();
    database = await freshDatabase(dialect);
    await new ProjectionRunner({
      store: h.store,
      readModels: database.readModels,
      projections: [requestsProjection, dashboardProjection],
    }).catchUp();
    const db = database.readModels.db as Kysely<RequestsDb>;
    const metrics = await dashboardMetrics(database.readModels, { fromQuarter: '2026-Q1', toQuarter: '2026-Q2' });
    const count = async (filter: RequestFilter) => {
      const n = await countRequests(db, filter);
      // The list shows the same requests as the count.
      expect((await listRequests(db, filter, { first: 100 })).edges).toHaveLength(n);
      return n;
    };
    let checked = 0;
    for (const row of metrics.rows) {
      const cell: RequestFilter = { ...quarterBounds(row.quarter), missionType: [row.missionType] };
      const label = `${row.quarter} ${row.missionType}`;
      expect(await count(cell), `${label} submitted`).toBe(row.submitted);
      expect(await count({ ...cell, status: ['ACCEPTED', 'COMPLETED'] }), `${label} accepted`).toBe(row.accepted);
      expect(await count({ ...cell, status: ['DECLINED'] }), `${label} declined`).toBe(row.declined);
      for (const reason of DeclineReasons.codes)
        expect(await count({ ...cell, declineReason: reason }), `${label} ${reason}`).toBe(
          row.declinedByReason[reason],
        );
      expect(await count({ ...cell, status: ['WITHDRAWN'] }), `${label} withdrawn`).toBe(row.withdrawn);
      expect(await count({ ...cell, status: ['SUBMITTED'] }), `${label} pending`).toBe(row.pending);
      expect(await count({ ...cell, agreement: true }), `${label} agreements`).toBe(row.agreements);
      expect(await count({ ...cell, agreement: false }), `${label} disagreements`).toBe(
        row.assessedDecisions - row.agreements,
      );
      checked += row.submitted;
    }
    expect(checked).toBe(8);
    expect(metrics.totals.agreements).toBe(3);
    expect(metrics.totals.assessedDecisions).toBe(5);
    // The recommendation of the latest assessment.
    expect(await count({ recommendation: 'ACCEPT' })).toBe(2);
    expect(await count({ recommendation: 'DECLINE', submittedFrom: '2026-03-01' })).toBe(3);
    expect(await count({})).toBe(10);
  });
});
