import { afterEach, describe, expect, it } from 'vitest';
import { historyProjection } from '../history/projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { dataSubjectsProjection } from './projection.js';
import { findRowsMentioning } from './search.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe.each(DIALECTS)('the read-model rows that mention a subject, on %s', (dialect) => {
  it("are found in any column of any view by id or value, a JSON column cut down to the subject's part", async () => {
    const history = new VisitHistory();
    await history.basics();
    await history.staffMember('jan', 'Jan Peeters');
    await history.scheduled('m1', {
      nisCodes: ['11055'],
      twinningIds: [id('tw-zoersel')],
      regionCode: 'BJ-ZO',
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      staff: ['lies', 'jan'],
    });
    database = await freshDatabase(dialect);
    const projections = [historyProjection, dataSubjectsProjection];
    await new ProjectionRunner({ store: history.store, readModels: database.readModels, projections }).catchUp();

    const rows = await findRowsMentioning(database.readModels, [id('lies'), 'Lies Janssens', 'nl'], projections);
    expect(rows.map((r) => [r.readModel, r.table, r.key])).toEqual([
      ['history', 'history_visits', { visit_id: `${id('m1')}/11055` }],
      ['history', 'history_staff', { staff_member_id: id('lies') }],
    ]);
    // The visit's staff list keeps Lies and leaves her colleague out; a needle of two letters matches nothing.
    expect(rows[0]!.columns).toEqual({ staff: [{ staffMemberId: id('lies'), name: 'Lies Janssens' }] });
    expect(rows[1]!.columns).toEqual({ staff_member_id: id('lies'), name: 'Lies Janssens' });
    // The data-subject index names everyone and holds no values: never reported as a row about them.
    expect(rows.some((r) => r.readModel === 'dataSubjects')).toBe(false);
    expect(await findRowsMentioning(database.readModels, ['Nobody Known'], projections)).toEqual([]);
    // A staff member's notes and reports make many needles: two statements' worth, the same rows.
    const many = [...Array.from({ length: 1500 }, (_, i) => `nota ${i} over het bezoek`), id('lies'), 'Lies Janssens'];
    expect(await findRowsMentioning(database.readModels, many, projections)).toEqual(rows);
  });
});
