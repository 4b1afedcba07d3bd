import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { capacityProjection } from './projection.js';
import { budgetOverview, capacitySummary, staffCapacity, staffNames, type CapacityDb } from './queries.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number]): Promise<Kysely<CapacityDb>> {
  database = await freshDatabase(dialect);
  await new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [capacityProjection],
    batchSize: 4,
  }).catchUp();
  return database.readModels.db as Kysely<CapacityDb>;
}

const zou = { nisCodes: ['11055'], twinningIds: [id('tw-zoersel')], regionCode: 'BJ-ZO' };

describe.each(DIALECTS)('capacity and budget on %s', (dialect) => {
  it("counts each staff member's declared, booked, used and free days in a year", async () => {
    const history = new VisitHistory();
    await history.basics(); // Lies Janssens
    await history.staffMember('jan', 'Jan Peeters');
    await history.staffMember('piet', 'Piet Claes');
    const declare = (staff: string, year: number, days: number) =>
      history.add(`staff-${id(staff)}`, 'StaffCapacityDeclared', { staffMemberId: id(staff), year, days });
    const book = (staff: string, booking: string, year: number, days: number) =>
      history.add(`staff-${id(staff)}`, 'StaffDaysBooked', {
        staffMemberId: id(staff),
        year,
        bookingId: id(booking),
        days,
      });
    const release = (staff: string, booking: string, year: number, days: number) =>
      history.add(`staff-${id(staff)}`, 'StaffDaysReleased', {
        staffMemberId: id(staff),
        year,
        bookingId: id(booking),
        days,
        reason: 'Fewer days used',
      });
    await declare('lies', 2024, 40);
    await declare('lies', 2026, 60);
    await declare('jan', 2025, 30);
    await book('lies', 'b1', 2026, 12);
    await book('lies', 'b2', 2026, 10);
    await book('jan', 'b3', 2026, 8.5);
    await release('lies', 'b2', 2026, 4);
    await release('lies', 'unknown', 2026, 3); // ignored, as the staff decider does
    const m1 = await history.scheduled('m1', {
      ...zou,
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      staff: ['lies'],
    });
    await history.completed(m1, '2026-05-29', 11);
    await release('lies', 'b1', 2026, 1);
    const joint = await history.scheduled('joint', {
      ...zou,
      startDate: '2026-09-01',
      endDate: '2026-09-03',
      staff: ['lies', 'jan', 'piet'],
    });
    await history.completed(joint, '2026-09-20', 5);
    const late = await history.scheduled('late', {
      ...zou,
      startDate: '2025-12-28',
      endDate: '2026-01-03',
      staff: ['jan'],
    });
    await history.completed(late, '2026-01-15', 4);
    await history.scheduled('to-come', { ...zou, startDate: '2026-11-02', endDate: '2026-11-06', staff: ['piet'] });
    const db = await project(history, dialect);

    expect(await staffCapacity(db, 2026)).toEqual([
      {
        staffMemberId: id('jan'),
        name: 'Jan Peeters',
        year: 2026,
        declaredDays: 30,
        bookedDays: 8.5,
        usedDays: 1.67,
        freeDays: 21.5,
      },
      {
        staffMemberId: id('lies'),
        name: 'Lies Janssens',
        year: 2026,
        declaredDays: 60,
        bookedDays: 17,
        usedDays: 12.67,
        freeDays: 43,
      },
      {
        staffMemberId: id('piet'),
        name: 'Piet Claes',
        year: 2026,
        declaredDays: 0,
        bookedDays: 0,
        usedDays: 1.67,
        freeDays: 0,
      },
    ]);
    // A year without a declaration of its own takes the latest earlier one; before any, there is none.
    expect((await staffCapacity(db, 2025)).map((s) => [s.name, s.declaredDays, s.usedDays])).toEqual([
      ['Jan Peeters', 30, 4],
      ['Lies Janssens', 40, 0],
      ['Piet Claes', 0, 0],
    ]);
    expect((await staffCapacity(db, 2031)).map((s) => s.declaredDays)).toEqual([30, 60, 0]);
    expect((await staffCapacity(db, 2023)).map((s) => s.declaredDays)).toEqual([0, 0, 0]);
    await expect(staffCapacity(db, 26)).rejects.toThrow(/programme year/);
    // The summary of a range, from one read of it, sums each year's staffCapacity.
    const years = [2023, 2024, 2025, 2026, 2027];
    const summed = [];
    for (const year of years) {
      const staff = await staffCapacity(db, year);
      const sum = (field: 'declaredDays' | 'bookedDays' | 'usedDays' | 'freeDays') =>
        Math.round(staff.reduce((total, s) => total + s[field], 0) * 100) / 100;
      summed.push({
        year,
        declaredDays: sum('declaredDays'),
        bookedDays: sum('bookedDays'),
        usedDays: sum('usedDays'),
        freeDays: sum('freeDays'),
      });
    }
    expect(await capacitySummary(db, { fromYear: 2023, toYear: 2027 })).toEqual(summed);
    expect(summed[3]).toEqual({ year: 2026, declaredDays: 90, bookedDays: 25.5, usedDays: 16.01, freeDays: 64.5 });
  });

  it('shows per year the budget allocated, still reserved, spent and unreserved, in euro', async () => {
    const history = new VisitHistory();
    const budget = (year: number) => `budget-${year}`;
    await history.add(budget(2026), 'BudgetAllocated', { year: 2026, amountEur: 20000 });
    await history.add(budget(2026), 'BudgetAllocated', { year: 2026, amountEur: 5000 });
    await history.add(budget(2025), 'BudgetAllocated', { year: 2025, amountEur: 18000 });
    const reserve = (name: string, amountEur: number) =>
      history.add(budget(2026), 'BudgetReserved', { year: 2026, reservationId: id(name), amountEur });
    const release = (name: string, amountEur: number) =>
      history.add(budget(2026), 'BudgetReleased', {
        year: 2026,
        reservationId: id(name),
        amountEur,
        reason: 'Settled',
      });
    let costs = 0;
    const cost = (amountEur: number, reservation?: string) =>
      history.add(budget(2026), 'CostRecorded', {
        year: 2026,
        costId: id(`cost-${++costs}`),
        ...(reservation ? { reservationId: id(reservation) } : {}),
        amountEur,
        category: 'TRAVEL',
        incurredOn: '2026-05-20',
      });
    // A completed mission: spent 1300 of its 1500, the rest released.
    await reserve('res1', 1500);
    await cost(1200, 'res1');
    await cost(100, 'res1');
    await release('res1', 200);
    // Under way: 1000 of 3000 spent, 2000 still held back.
    await reserve('res2', 3000);
    await cost(1000, 'res2');
    // Partly given back: 500 of 800 still held back.
    await reserve('res3', 800);
    await release('res3', 300);
    // Overspent: holds back nothing, never less.
    await reserve('res4', 100);
    await cost(150, 'res4');
    // Costs without a reservation, and a release of an unknown reservation (ignored).
    await cost(99.99);
    await release('nowhere', 50);
    const db = await project(history, dialect);

    expect(await budgetOverview(db, { fromYear: 2025, toYear: 2027 })).toEqual([
      { year: 2025, allocatedEur: 18000, reservedEur: 0, spentEur: 0, unreservedEur: 18000 },
      { year: 2026, allocatedEur: 25000, reservedEur: 2500, spentEur: 2549.99, unreservedEur: 19950.01 },
      { year: 2027, allocatedEur: 0, reservedEur: 0, spentEur: 0, unreservedEur: 0 },
    ]);
    await expect(budgetOverview(db, { fromYear: 2027, toYear: 2025 })).rejects.toThrow(/before fromYear/);
  });

  it('gives the names of the staff members asked for, by id, in one query', async () => {
    const history = new VisitHistory();
    const jan = await history.staffMember('jan', 'Jan Peeters');
    const piet = await history.staffMember('piet', 'Piet Claes');
    await history.staffMember('els', 'Els Maes');
    const db = await project(history, dialect);
    expect(await staffNames(db, [jan, piet, id('nobody')])).toEqual(
      new Map([
        [jan, 'Jan Peeters'],
        [piet, 'Piet Claes'],
      ]),
    );
    expect(await staffNames(db, [])).toEqual(new Map());
  });
});
