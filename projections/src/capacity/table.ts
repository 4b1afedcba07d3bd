import type { Selectable } from 'kysely';
import { defineTable } from '../runner/projection.js';

export interface CapacityStaffTable {
  staff_member_id: string;
  name: string;
}

/** A declaration applies from `from_year` until a later declaration; queries pick the latest at or before a year. */
export interface CapacityDeclarationTable {
  staff_member_id: string;
  from_year: number;
  days: number;
}

/** One booking, so a release (which may name another year) lands on the booking's own staff member and year. */
export interface CapacityBookingTable {
  booking_id: string;
  staff_member_id: string;
  year: number;
  days: number;
  released_days: number;
}

/** Per staff member and year: booked days (booked less released) and days used by completed missions. */
export interface CapacityStaffYearTable {
  staff_member_id: string;
  year: number;
  booked_days: number;
  used_days: number;
}

/** What a mission's completion needs: its staff, and the year its days count in (that of its start, as its bookings). */
export interface CapacityMissionTable {
  mission_id: string;
  /** JSON array of staff member ids. */
  staff_member_ids: string;
  year: number;
}

/** One budget reservation, in cents; `outstanding_cents` is what it still holds back. */
export interface CapacityReservationTable {
  reservation_id: string;
  year: number;
  amount_cents: number;
  released_cents: number;
  spent_cents: number;
  outstanding_cents: number;
}

/** The programme budget of a year, in cents; `reserved_cents` sums the reservations' outstanding amounts. */
export interface CapacityBudgetYearTable {
  year: number;
  allocated_cents: number;
  reserved_cents: number;
  spent_cents: number;
}

export type CapacityStaffYearRow = Selectable<CapacityStaffYearTable>;
export type CapacityBudgetYearRow = Selectable<CapacityBudgetYearTable>;

// Days come in half days, and used days split among several staff members
// (5 / 3), so they are doubles: PostgreSQL's `real` would round them.
export const capacityStaff = defineTable<CapacityStaffTable>({
  name: 'capacity_staff',
  key: ['staff_member_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('staff_member_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
  },
});

export const capacityDeclarations = defineTable<CapacityDeclarationTable>({
  name: 'capacity_declarations',
  key: ['staff_member_id', 'from_year'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('staff_member_id', 'text', (c) => c.notNull())
      .addColumn('from_year', 'integer', (c) => c.notNull())
      .addColumn('days', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['staff_member_id', 'from_year'])
      .execute();
  },
});

export const capacityBookings = defineTable<CapacityBookingTable>({
  name: 'capacity_bookings',
  key: ['booking_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('booking_id', 'text', (c) => c.primaryKey())
      .addColumn('staff_member_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('days', 'double precision', (c) => c.notNull())
      .addColumn('released_days', 'double precision', (c) => c.notNull())
      .execute();
  },
});

export const capacityStaffYears = defineTable<CapacityStaffYearTable>({
  name: 'capacity_staff_years',
  key: ['staff_member_id', 'year'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('staff_member_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('booked_days', 'double precision', (c) => c.notNull())
      .addColumn('used_days', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${t}_pk`, ['staff_member_id', 'year'])
      .execute();
    await db.schema.createIndex(`${t}_year`).ifNotExists().on(t).column('year').execute();
  },
});

export const capacityMissions = defineTable<CapacityMissionTable>({
  name: 'capacity_missions',
  key: ['mission_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('mission_id', 'text', (c) => c.primaryKey())
      .addColumn('staff_member_ids', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .execute();
  },
});

export const capacityReservations = defineTable<CapacityReservationTable>({
  name: 'capacity_reservations',
  key: ['reservation_id'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('reservation_id', 'text', (c) => c.primaryKey())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('amount_cents', 'bigint', (c) => c.notNull())
      .addColumn('released_cents', 'bigint', (c) => c.notNull())
      .addColumn('spent_cents', 'bigint', (c) => c.notNull())
      .addColumn('outstanding_cents', 'bigint', (c) => c.notNull())
      .execute();
  },
});

export const capacityBudgetYears = defineTable<CapacityBudgetYearTable>({
  name: 'capacity_budget_years',
  key: ['year'],
  create: async (db, t) => {
    await db.schema
      .createTable(t)
      .ifNotExists()
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('allocated_cents', 'bigint', (c) => c.notNull())
      .addColumn('reserved_cents', 'bigint', (c) => c.notNull())
      .addColumn('spent_cents', 'bigint', (c) => c.notNull())
      .execute();
  },
});
