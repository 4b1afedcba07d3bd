import type { RecordedEvent, WerkbezoekEvent } from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, periodsMeet } from '../dates.js';
import { at, managementActor, sqliteWorld, twinned } from '../testing/world.js';
import { EventLogContext } from './eventLogContext.js';

let world: ReturnType<typeof sqliteWorld>;
afterEach(async () => world.close());

/** The visits of a region as the plain fold of the whole log finds them: what the indexed answers must equal. */
async function foldedVisits(world: ReturnType<typeof sqliteWorld>) {
  const regionOf = new Map<string, string>();
  const requests = new Map<string, { id: string; region: string; start: string; end: string; status: string }>();
  const missions = new Map<string, { id: string; region: string; start: string; end: string; status: string }>();
  for await (const event of world.store.readAll()) {
    const e = event as RecordedEvent<WerkbezoekEvent>;
    if (e.type === 'TwinningEstablished') regionOf.set(e.data.twinningId, e.data.regionCode);
    if (e.type === 'AccompanimentRequestSubmitted') {
      const { requestId: id, twinningId, startDate: start, endDate: end } = e.data;
      requests.set(id, { id, region: regionOf.get(twinningId)!, start, end, status: 'SUBMITTED' });
    }
    if (e.type === 'AccompanimentRequestAmended') {
      const r = requests.get(e.data.requestId)!;
      r.start = e.data.startDate ?? r.start;
      r.end = e.data.endDate ?? r.end;
    }
    if (e.type === 'AccompanimentAccepted') requests.get(e.data.requestId)!.status = 'ACCEPTED';
    if (e.type === 'AccompanimentDeclined' || e.type === 'AccompanimentRequestWithdrawn')
      requests.get(e.data.requestId)!.status = 'CLOSED';
    if (e.type === 'MissionScheduled') {
      const { missionId: id, regionCode: region, startDate: start, endDate: end } = e.data;
      missions.set(id, { id, region, start, end, status: 'SCHEDULED' });
    }
  }
  return { requests: [...requests.values()], missions: [...missions.values()] };
}

describe('EventLogContext', () => {
  it('answers about a region and a window exactly as a fold of the whole log does, after amendments move visits', async () => {
    world = sqliteWorld();
    const { handlers } = world;
    const twinnings = [
      await twinned(handlers, '11055', 'Zoersel'),
      await twinned(handlers, '13014', 'Hoogstraten'),
      await twinned(handlers, '44021', 'Gent', 'BJ-AK', 'Natitingou'),
    ];
    const { id: staffMemberId } = await handlers.registerStaffMember(
      { name: 'Lies', daysPerYear: 200 },
      at('2026-01-05'),
    );
    for (const year of [2026, 2027])
      await handlers.allocateBudget({ year, amountEur: 100_000 }, at('2026-01-05', managementActor));
    const ids: string[] = [];
    for (let i = 0; i < 18; i++) {
      const startDate = addDays('2026-03-02', i * 23);
      const { id } = await handlers.submitRequest(
        {
          twinningId: twinnings[i % 3]!,
          missionType: 'IDENTIFICATION',
          startDate,
          endDate: addDays(startDate, 4 + (i % 9)),
          delegationSize: 3,
          policyDomains: ['LOCAL_GOVERNANCE'],
          claimedReasons: [],
        },
        at('2026-02-02'),
      );
      ids.push(id);
    }
    // Moved by months, in both directions; one to another year.
    for (const [i, days] of [
      [1, 95],
      [4, -60],
      [7, 300],
      [10, 3],
    ] as const) {
      const { startDate } = { startDate: addDays('2026-03-02', i * 23 + days) };
      await handlers.amendRequest({ requestId: ids[i]!, startDate, endDate: addDays(startDate, 6) }, at('2026-02-10'));
    }
    await handlers.withdrawRequest({ requestId: ids[2]!, reason: 'Verschoven.' }, at('2026-02-11'));
    await handlers.decideRequest(
      { requestId: ids[5]!, decision: 'DECLINE', declineReason: 'NOT_OPPORTUNE', note: 'Niet opportuun.' },
      at('2026-02-12'),
    );
    await handlers.decideRequest({ requestId: ids[3]!, decision: 'ACCEPT', staffMemberId }, at('2026-02-12'));

    const context = new EventLogContext(world.store);
    const { requests, missions } = await foldedVisits(world);
    for (const region of ['BJ-ZO', 'BJ-AK', 'BJ-CO']) {
      for (let d = -40; d < 720; d += 11) {
        const from = addDays('2026-03-02', d);
        const to = addDays(from, d % 17);
        const meets = (v: { start: string; end: string }) => periodsMeet(from, to, v.start, v.end, 14);
        const visits = await context.visitsInRegion(region, from, to, 14);
        expect(visits.map((v) => v.id).sort(), `${region} ${from}..${to}`).toEqual(
          [
            ...requests.filter((r) => r.region === region && r.status !== 'CLOSED' && meets(r)).map((r) => r.id),
            ...missions.filter((m) => m.region === region && meets(m)).map((m) => m.id),
          ].sort(),
        );
        const open = await context.openRequestsInRegion(region, from, to, 14);
        // In the order the requests were submitted.
        expect(open.map((o) => o.requestId)).toEqual(
          ids.filter((id) =>
            requests.some((r) => r.id === id && r.region === region && r.status === 'SUBMITTED' && meets(r)),
          ),
        );
      }
    }
  });

  it("answers a year's staff availability anew after a booking changes it", async () => {
    world = sqliteWorld();
    const { handlers } = world;
    const twinningId = await twinned(handlers, '11055', 'Zoersel');
    const { id: staffMemberId } = await handlers.registerStaffMember(
      { name: 'Lies', daysPerYear: 40 },
      at('2026-01-05'),
    );
    await handlers.allocateBudget({ year: 2026, amountEur: 100_000 }, at('2026-01-05', managementActor));
    const context = new EventLogContext(world.store);
    expect((await context.staffAvailability(2026)).map((s) => s.freeDays)).toEqual([40]);
    const { id: requestId } = await handlers.submitRequest(
      {
        twinningId,
        missionType: 'IDENTIFICATION',
        startDate: '2026-05-04',
        endDate: '2026-05-08',
        delegationSize: 3,
        policyDomains: [],
        claimedReasons: [],
      },
      at('2026-02-02'),
    );
    await handlers.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId }, at('2026-02-03'));
    const [after] = await context.staffAvailability(2026);
    expect(after!.bookedDays).toBeGreaterThan(0);
    expect(after!.freeDays).toBe(40 - after!.bookedDays);
  });

  it('reads a long log in slices, letting other work run between them', async () => {
    world = sqliteWorld();
    for (let i = 0; i < 600; i++)
      await world.handlers.registerMunicipality(
        { nisCode: String(10_000 + i), name: `Gemeente ${i}`, province: 'ANTWERPEN' },
        at('2026-01-05'),
      );
    const context = new EventLogContext(world.store, { sliceMs: 0 });
    let turns = 0;
    let reading = true;
    const other = (async () => {
      while (reading) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    const before = turns;
    await context.lastAccompaniedVisit('10000', '2026-12-31');
    reading = false;
    await other;
    // 600 events, a slice every 256: the other work ran at least twice while the log was read.
    expect(turns - before).toBeGreaterThanOrEqual(2);
  });
});
