import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { World, expectRefused, type Variables } from './scenario.js';

/*
 * From a dashboard cell to the requests it counts: the request list's
 * filters (submission dates, recommendation, decline reason, agreement) and
 * its totalCount, over HTTP.
 */

let world: World;
beforeAll(async () => {
  world = await World.start({ staffDays: 200, budgetEur: 100_000 });
  const zoersel = (overrides: Variables) => world.submit(overrides);
  const merelbeke = (overrides: Variables) =>
    world.submit({ twinningId: world.merelbekeTwinningId, ...overrides }, tokens.merelbeke);
  const decline = (requestId: string, declineReason: string) =>
    world.mutate(tokens.staff, 'decideAccompaniment', {
      input: { requestId, decision: 'DECLINE', declineReason, note: 'Sorry' },
    });
  // 2026-Q1
  const r1 = await zoersel({}); // recommended ACCEPT
  await world.accept(r1.id); // agrees
  const r2 = await merelbeke({ missionType: 'POLITICAL', reasons: [] }); // recommended DECLINE, NOT_OPPORTUNE
  await decline(r2.id, 'NOT_OPPORTUNE'); // agrees
  world.setToday('2026-02-10');
  const r3 = await zoersel({ startDate: '2026-03-16', endDate: '2026-03-18' });
  await decline(r3.id, 'NO_BUDGET'); // disagrees
  const r4 = await merelbeke({ missionType: 'TECHNICAL' });
  await world.mutate(tokens.merelbeke, 'withdrawAccompanimentRequest', {
    input: { requestId: r4.id, reason: 'Postponed' },
  });
  // 2026-Q2
  world.setToday('2026-04-02');
  await zoersel({ startDate: '2026-05-04', endDate: '2026-05-08' }); // pending
  await merelbeke({ missionType: 'IDENTIFICATION', startDate: '2026-06-01', endDate: '2026-06-05', reasons: [] });
});
afterAll(() => world.close());

const LIST = `query($filter: RequestFilter, $first: Int) {
  accompanimentRequests(filter: $filter, first: $first) { totalCount edges { node { id } } } }`;

async function total(filter: Variables, token: string = tokens.analyst, first = 1): Promise<number> {
  const data = await world.run<{ accompanimentRequests: { totalCount: number; edges: unknown[] } }>(token, LIST, {
    filter,
    first,
  });
  return data.accompanimentRequests.totalCount;
}

const bounds = {
  '2026-Q1': { submittedFrom: '2026-01-01', submittedTo: '2026-03-31' },
  '2026-Q2': { submittedFrom: '2026-04-01', submittedTo: '2026-06-30' },
} as Record<string, Variables>;

interface Row {
  quarter: string;
  missionType: string;
  submitted: number;
  accepted: number;
  declinedByReason: { reason: string; count: number }[];
  withdrawn: number;
  pending: number;
  assessedDecisions: number;
  agreements: number;
}

describe('drill-through from the dashboard', () => {
  it('lists, for every cell and figure of the dashboard, as many requests as it counts', async () => {
    const { dashboard } = await world.run<{ dashboard: { rows: Row[] } }>(
      tokens.management,
      `{ dashboard(fromQuarter: "2026-Q1", toQuarter: "2026-Q2") { rows { quarter missionType submitted accepted
        declinedByReason { reason count } withdrawn pending assessedDecisions agreements } } }`,
    );
    let submitted = 0;
    for (const row of dashboard.rows) {
      const cell = { ...bounds[row.quarter], missionType: [row.missionType] };
      const label = `${row.quarter} ${row.missionType}`;
      expect(await total(cell), label).toBe(row.submitted);
      expect(await total({ ...cell, status: ['ACCEPTED', 'COMPLETED'] }), `${label} accepted`).toBe(row.accepted);
      for (const { reason, count } of row.declinedByReason)
        expect(await total({ ...cell, declineReason: reason }), `${label} ${reason}`).toBe(count);
      expect(await total({ ...cell, status: ['WITHDRAWN'] }), `${label} withdrawn`).toBe(row.withdrawn);
      expect(await total({ ...cell, status: ['SUBMITTED'] }), `${label} pending`).toBe(row.pending);
      expect(await total({ ...cell, agreement: true }), `${label} agreements`).toBe(row.agreements);
      expect(await total({ ...cell, agreement: false }), `${label} disagreements`).toBe(
        row.assessedDecisions - row.agreements,
      );
      submitted += row.submitted;
    }
    expect(submitted).toBe(6);
    expect(await total({ agreement: true })).toBe(2);
    expect(await total({ agreement: false })).toBe(1);
  });

  it('filters by the latest recommendation and counts every page alike', async () => {
    const declines = await total({ recommendation: 'DECLINE' }, tokens.analyst, 100);
    const accepts = await total({ recommendation: 'ACCEPT' }, tokens.analyst, 1);
    expect(declines + accepts).toBe(6);
    const all = await world.run<{ accompanimentRequests: { totalCount: number; edges: unknown[] } }>(
      tokens.staff,
      LIST,
      { first: 2 },
    );
    expect(all.accompanimentRequests).toMatchObject({ totalCount: 6 });
    expect(all.accompanimentRequests.edges).toHaveLength(2);
  });

  it("counts only a coordinator's own municipality", async () => {
    expect(await total({}, tokens.zoersel)).toBe(3);
    expect(await total({ status: ['WITHDRAWN'] }, tokens.merelbeke)).toBe(1);
  });

  it('refuses submission dates in the wrong order, naming them', async () => {
    expectRefused(
      await world.send(tokens.analyst, LIST, { filter: { submittedFrom: '2026-04-01', submittedTo: '2026-03-31' } }),
      'BAD_USER_INPUT',
      /submittedFrom.*after.*submittedTo/,
      ['filter.submittedFrom'],
    );
    expectRefused(
      await world.send(tokens.analyst, LIST, { filter: { submittedFrom: '2026-13-01' } }),
      'BAD_USER_INPUT',
    );
  });
});
