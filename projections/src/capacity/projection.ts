import { defineProjection } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import {
  capacityBookings,
  capacityBudgetYears,
  capacityDeclarations,
  capacityMissions,
  capacityReservations,
  capacityStaff,
  capacityStaffYears,
  type CapacityBudgetYearTable,
  type CapacityReservationTable,
  type CapacityStaffYearTable,
} from './table.js';

const cents = (eur: number) => Math.round(eur * 100);
const yearOf = (date: string) => Number(date.slice(0, 4));

async function changeStaffYear(
  uow: UnitOfWork,
  staffMemberId: string,
  year: number,
  change: (row: CapacityStaffYearTable) => Partial<CapacityStaffYearTable>,
): Promise<void> {
  const row = (await uow.get(capacityStaffYears, { staff_member_id: staffMemberId, year })) ?? {
    staff_member_id: staffMemberId,
    year,
    booked_days: 0,
    used_days: 0,
  };
  uow.put(capacityStaffYears, { ...row, ...change(row) });
}

async function changeBudgetYear(
  uow: UnitOfWork,
  year: number,
  change: (row: CapacityBudgetYearTable) => Partial<CapacityBudgetYearTable>,
): Promise<void> {
  const row = (await uow.get(capacityBudgetYears, { year })) ?? {
    year,
    allocated_cents: 0,
    reserved_cents: 0,
    spent_cents: 0,
  };
  uow.put(capacityBudgetYears, { ...row, ...change(row) });
}

/** What a reservation still holds back: reserved, less released and spent against it (as the budget decider counts). */
const outstanding = (r: Pick<CapacityReservationTable, 'amount_cents' | 'released_cents' | 'spent_cents'>) =>
  Math.max(0, r.amount_cents - r.released_cents - r.spent_cents);

/** Writes the reservation and moves its year's reserved total by the change in what it holds back. */
async function putReservation(
  uow: UnitOfWork,
  before: CapacityReservationTable | undefined,
  next: Omit<CapacityReservationTable, 'outstanding_cents'>,
): Promise<void> {
  const row = { ...next, outstanding_cents: outstanding(next) };
  uow.put(capacityReservations, row);
  const delta = row.outstanding_cents - (before?.year === row.year ? before.outstanding_cents : 0);
  if (before && before.year !== row.year)
    await changeBudgetYear(uow, before.year, (y) => ({ reserved_cents: y.reserved_cents - before.outstanding_cents }));
  await changeBudgetYear(uow, row.year, (y) => ({ reserved_cents: y.reserved_cents + delta }));
}

/**
 * Staff time and programme budget: per staff member and year the declared,
 * booked and used days; per year the allocated, reserved, spent and
 * unreserved budget. Mirrors the staff and budget deciders, so management
 * sees the numbers the assessment policy works with.
 */
export const capacityProjection = defineProjection({
  name: 'capacity',
  version: 1,
  cost: 2,
  tables: [
    capacityStaff,
    capacityDeclarations,
    capacityBookings,
    capacityStaffYears,
    capacityMissions,
    capacityReservations,
    capacityBudgetYears,
  ],
  handles: [
    'StaffMemberRegistered',
    'StaffCapacityDeclared',
    'StaffDaysBooked',
    'StaffDaysReleased',
    'MissionScheduled',
    'MissionCompleted',
    'BudgetAllocated',
    'BudgetReserved',
    'BudgetReleased',
    'CostRecorded',
  ],
  async apply(e, uow) {
    switch (e.type) {
      case 'StaffMemberRegistered':
        uow.put(capacityStaff, { staff_member_id: e.data.staffMemberId, name: e.data.name });
        return;
      case 'StaffCapacityDeclared':
        uow.put(capacityDeclarations, {
          staff_member_id: e.data.staffMemberId,
          from_year: e.data.year,
          days: e.data.days,
        });
        return;
      case 'StaffDaysBooked': {
        const d = e.data;
        // A booking id booked again replaces the booking, as the staff decider's state does.
        const before = await uow.get(capacityBookings, { booking_id: d.bookingId });
        if (before)
          await changeStaffYear(uow, before.staff_member_id, before.year, (r) => ({
            booked_days: r.booked_days - (before.days - before.released_days),
          }));
        uow.put(capacityBookings, {
          booking_id: d.bookingId,
          staff_member_id: d.staffMemberId,
          year: d.year,
          days: d.days,
          released_days: 0,
        });
        await changeStaffYear(uow, d.staffMemberId, d.year, (r) => ({ booked_days: r.booked_days + d.days }));
        return;
      }
      case 'StaffDaysReleased': {
        // The staff decider ignores a release of an unknown booking; so do we.
        const booking = await uow.update(capacityBookings, { booking_id: e.data.bookingId }, (b) => ({
          released_days: b.released_days + e.data.days,
        }));
        if (booking)
          await changeStaffYear(uow, booking.staff_member_id, booking.year, (r) => ({
            booked_days: r.booked_days - e.data.days,
          }));
        return;
      }
      case 'MissionScheduled':
        uow.put(capacityMissions, {
          mission_id: e.data.missionId,
          staff_member_ids: JSON.stringify([...new Set(e.data.staffMemberIds)]),
          year: yearOf(e.data.startDate),
        });
        return;
      case 'MissionCompleted': {
        const mission = await uow.get(capacityMissions, { mission_id: e.data.missionId });
        if (!mission) return;
        const staff = JSON.parse(mission.staff_member_ids) as string[];
        const share = e.data.daysSpent / staff.length;
        for (const staffMemberId of staff)
          await changeStaffYear(uow, staffMemberId, mission.year, (r) => ({ used_days: r.used_days + share }));
        return;
      }
      case 'BudgetAllocated':
        await changeBudgetYear(uow, e.data.year, (y) => ({
          allocated_cents: y.allocated_cents + cents(e.data.amountEur),
        }));
        return;
      case 'BudgetReserved': {
        const d = e.data;
        const before = await uow.get(capacityReservations, { reservation_id: d.reservationId });
        await putReservation(uow, before, {
          reservation_id: d.reservationId,
          year: d.year,
          amount_cents: cents(d.amountEur),
          released_cents: 0,
          spent_cents: 0,
        });
        return;
      }
      case 'BudgetReleased': {
        const before = await uow.get(capacityReservations, { reservation_id: e.data.reservationId });
        if (!before) return;
        await putReservation(uow, before, {
          ...before,
          released_cents: before.released_cents + cents(e.data.amountEur),
        });
        return;
      }
      case 'CostRecorded': {
        const d = e.data;
        await changeBudgetYear(uow, d.year, (y) => ({ spent_cents: y.spent_cents + cents(d.amountEur) }));
        const before = d.reservationId
          ? await uow.get(capacityReservations, { reservation_id: d.reservationId })
          : undefined;
        if (before)
          await putReservation(uow, before, { ...before, spent_cents: before.spent_cents + cents(d.amountEur) });
        return;
      }
      default:
        return;
    }
  },
});
