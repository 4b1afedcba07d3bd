import {
  IllegalStateError,
  NotFoundError,
  StaffCapacityDeclared,
  StaffDaysBooked,
  StaffDaysReleased,
  StaffMemberRegistered,
  ValidationError,
  type Command,
  type EventData,
} from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { PersistentMap } from '../persistentMap.js';
import { checkInput, commandDate, event, type EventsOf } from '../events.js';
import { yearOf } from '../dates.js';

export type StaffEvent = EventsOf<
  'StaffMemberRegistered' | 'StaffCapacityDeclared' | 'StaffDaysBooked' | 'StaffDaysReleased'
>;

export interface Booking {
  readonly missionId: string | undefined;
  readonly year: number;
  readonly days: number;
  readonly released: number;
}

export type StaffState =
  | { readonly status: 'ABSENT' }
  | {
      readonly status: 'REGISTERED';
      readonly staffMemberId: string;
      readonly name: string;
      /** Declared days per year, from a year on: the latest declaration at or before a year applies. */
      readonly capacity: ReadonlyMap<number, number>;
      readonly bookings: PersistentMap<Booking>;
      /** Days booked and not released, per year: kept as events arrive, so a check costs nothing per booking. */
      readonly bookedByYear: ReadonlyMap<number, number>;
    };

export type RegisterStaffMember = Command<
  'RegisterStaffMember',
  EventData<'StaffMemberRegistered'> & { daysPerYear?: number; fromYear?: number }
>;
export type DeclareStaffCapacity = Command<'DeclareStaffCapacity', EventData<'StaffCapacityDeclared'>>;
export type BookStaffDays = Command<'BookStaffDays', EventData<'StaffDaysBooked'>>;
export type ReleaseStaffDays = Command<'ReleaseStaffDays', EventData<'StaffDaysReleased'>>;
export type StaffCommand = RegisterStaffMember | DeclareStaffCapacity | BookStaffDays | ReleaseStaffDays;

export const staffStream = (staffMemberId: string) => `staff-${staffMemberId}`;

/** Days per year declared for `year` (the latest declaration at or before it). */
export function capacityIn(state: StaffState, year: number): number {
  if (state.status === 'ABSENT') return 0;
  let best: [number, number] | undefined;
  for (const [from, days] of state.capacity) if (from <= year && (!best || from > best[0])) best = [from, days];
  return best?.[1] ?? 0;
}

export function bookedIn(state: StaffState, year: number): number {
  if (state.status === 'ABSENT') return 0;
  return state.bookedByYear.get(year) ?? 0;
}

export function freeDaysIn(state: StaffState, year: number): number {
  return capacityIn(state, year) - bookedIn(state, year);
}

export function evolve(state: StaffState, e: StaffEvent): StaffState {
  switch (e.type) {
    case 'StaffMemberRegistered':
      return {
        status: 'REGISTERED',
        staffMemberId: e.data.staffMemberId,
        name: e.data.name,
        capacity: new Map(),
        bookings: PersistentMap.empty(),
        bookedByYear: new Map(),
      };
    case 'StaffCapacityDeclared':
      if (state.status === 'ABSENT') return state;
      return { ...state, capacity: new Map(state.capacity).set(e.data.year, e.data.days) };
    case 'StaffDaysBooked':
      if (state.status === 'ABSENT') return state;
      return {
        ...state,
        bookings: state.bookings.with(e.data.bookingId, {
          missionId: e.data.missionId,
          year: e.data.year,
          days: e.data.days,
          released: 0,
        }),
        bookedByYear: new Map(state.bookedByYear).set(e.data.year, bookedIn(state, e.data.year) + e.data.days),
      };
    case 'StaffDaysReleased': {
      if (state.status === 'ABSENT') return state;
      const booking = state.bookings.get(e.data.bookingId);
      if (!booking) return state;
      return {
        ...state,
        bookings: state.bookings.with(e.data.bookingId, {
          ...booking,
          released: booking.released + e.data.days,
        }),
        bookedByYear: new Map(state.bookedByYear).set(booking.year, bookedIn(state, booking.year) - e.data.days),
      };
    }
    default:
      return state;
  }
}

function requireRegistered(state: StaffState, staffMemberId: string): Extract<StaffState, { status: 'REGISTERED' }> {
  if (state.status === 'ABSENT') throw new NotFoundError(`Staff member ${staffMemberId} is not registered`);
  return state;
}

export function decide(command: StaffCommand, state: StaffState): StaffEvent[] {
  switch (command.type) {
    case 'RegisterStaffMember': {
      const { daysPerYear, fromYear, ...input } = command.data;
      const data = checkInput(StaffMemberRegistered.schema, input, 'staff member');
      if (state.status !== 'ABSENT')
        throw new IllegalStateError(`Staff member ${data.staffMemberId} (${state.name}) is already registered`);
      const events: StaffEvent[] = [event('StaffMemberRegistered', data)];
      if (daysPerYear !== undefined) {
        const year = fromYear ?? yearOf(commandDate(command.metadata.issuedAt));
        events.push(
          event(
            'StaffCapacityDeclared',
            checkInput(
              StaffCapacityDeclared.schema,
              { staffMemberId: data.staffMemberId, year, days: daysPerYear },
              'capacity',
            ),
          ),
        );
      }
      return events;
    }
    case 'DeclareStaffCapacity': {
      const data = checkInput(StaffCapacityDeclared.schema, command.data, 'capacity');
      const staff = requireRegistered(state, data.staffMemberId);
      // The declaration holds from its year until the next declaration: check every year it covers.
      const next = Math.min(...[...staff.capacity.keys()].filter((y) => y > data.year), Infinity);
      const years = new Set([data.year, ...staff.bookedByYear.keys()]);
      for (const year of [...years].filter((y) => y >= data.year && y < next).sort()) {
        const booked = bookedIn(staff, year);
        if (data.days < booked) {
          throw new IllegalStateError(
            `${staff.name} already has ${booked} days booked in ${year}, which this declaration (from ${data.year}) covers; ` +
              'declare at least that many, or release bookings first',
          );
        }
      }
      return [event('StaffCapacityDeclared', data)];
    }
    case 'BookStaffDays': {
      const data = checkInput(StaffDaysBooked.schema, command.data, 'booking');
      const staff = requireRegistered(state, data.staffMemberId);
      if (staff.bookings.has(data.bookingId)) throw new IllegalStateError(`Booking ${data.bookingId} already exists`);
      if (data.days <= 0) throw new ValidationError('A booking needs at least half a day', ['days']);
      const free = freeDaysIn(staff, data.year);
      if (data.days > free) {
        throw new IllegalStateError(
          `${staff.name} has ${free} free days in ${data.year} (of ${capacityIn(staff, data.year)} declared); ${data.days} are needed: ` +
            (data.requestId
              ? 'choose another staff member, or decline with NO_STAFF_TIME'
              : 'name another staff member, or reject the joint mission or event'),
        );
      }
      return [event('StaffDaysBooked', data)];
    }
    case 'ReleaseStaffDays': {
      const data = checkInput(StaffDaysReleased.schema, command.data, 'release');
      const staff = requireRegistered(state, data.staffMemberId);
      const booking = staff.bookings.get(data.bookingId);
      if (!booking) throw new NotFoundError(`${staff.name} has no booking ${data.bookingId}`);
      if (booking.year !== data.year) {
        throw new ValidationError(`Booking ${data.bookingId} is for ${booking.year}, not ${data.year}`, ['year']);
      }
      const outstanding = booking.days - booking.released;
      if (data.days > outstanding) {
        throw new IllegalStateError(
          `Booking ${data.bookingId} has ${outstanding} days left to release, not ${data.days}`,
        );
      }
      if (data.days === 0) return [];
      return [event('StaffDaysReleased', data)];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const staffDecider: Decider<StaffState, StaffCommand, StaffEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'ABSENT' }),
};
