import { IllegalStateError, NotFoundError, ValidationError } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import {
  capacityDeclared,
  commandsFor,
  ids,
  on,
  staffDaysBooked,
  staffDaysReleased,
  staffRegistered,
  type Refusal as RefusalOf,
} from '../testing/builders.js';
import { meta, spec } from '../testing/spec.js';
import {
  bookedIn,
  capacityIn,
  freeDaysIn,
  staffDecider,
  type BookStaffDays,
  type RegisterStaffMember,
  type StaffCommand,
  type StaffEvent,
} from './staffMember.js';

const command = commandsFor<StaffCommand>();
const given = (events: StaffEvent[]) => spec(staffDecider).given(events);

const register = (data: Partial<RegisterStaffMember['data']> = {}, metadata = on('2026-01-05')) =>
  command('RegisterStaffMember', { staffMemberId: ids.staff, name: 'Lies Janssens', ...data }, metadata);
const declare = (year: number, days: number) =>
  command('DeclareStaffCapacity', { staffMemberId: ids.staff, year, days }, on('2026-01-05'));
const book = (data: Partial<BookStaffDays['data']> = {}) =>
  command(
    'BookStaffDays',
    {
      staffMemberId: ids.staff,
      year: 2026,
      bookingId: ids.booking,
      days: 14,
      missionId: ids.mission,
      requestId: ids.request,
      ...data,
    },
    on('2026-02-10'),
  );
const release = (days: number, bookingId: string = ids.booking) =>
  command(
    'ReleaseStaffDays',
    { staffMemberId: ids.staff, year: 2026, bookingId, days, reason: 'Twee dagen minder nodig dan geboekt.' },
    on('2026-04-30'),
  );

/** Lies Janssens, 40 days a year from 2026, with the April mission's 14 days booked. */
const lies = [staffRegistered(), capacityDeclared()];
const liesBooked = [...lies, staffDaysBooked()];

type Refusal = RefusalOf<StaffEvent, StaffCommand>;

describe('registering a staff member', () => {
  it('registers the staff member and declares the days per year from the year given', () => {
    given([])
      .when(register({ daysPerYear: 40, fromYear: 2026 }))
      .then([staffRegistered(), capacityDeclared({ year: 2026, days: 40 })]);
  });

  it('registers without capacity when no days are given', () => {
    given([])
      .when(register({ email: 'lies.janssens@vvsg.be' }))
      .then([staffRegistered({ email: 'lies.janssens@vvsg.be' })]);
  });

  it('declares the capacity from the current Brussels year when no year is given', () => {
    // 23:30 UTC on New Year's Eve is already 2027 in Brussels.
    given([])
      .when(register({ daysPerYear: 30 }, meta({ issuedAt: '2026-12-31T23:30:00.000Z' })))
      .then([staffRegistered(), capacityDeclared({ year: 2027, days: 30 })]);
  });

  it.each<Refusal>([
    [
      'the staff member is already registered',
      [staffRegistered()],
      register(),
      IllegalStateError,
      new RegExp(`Staff member ${ids.staff} \\(Lies Janssens\\) is already registered`),
    ],
    ['the name is empty', [], register({ name: '  ' }), ValidationError, /name: must not be empty/],
    [
      'the email is not an address',
      [],
      register({ email: 'lies' }),
      ValidationError,
      /email: expected an email address/,
    ],
    [
      'more days are declared than a year has',
      [],
      register({ daysPerYear: 400, fromYear: 2026 }),
      ValidationError,
      /days: a year has at most 366 days/,
    ],
    [
      'the first year lies before the programme',
      [],
      register({ daysPerYear: 40, fromYear: 1999 }),
      ValidationError,
      /year: a programme year is 2000 or later/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('declaring capacity', () => {
  it('declares the days for a year', () => {
    given(lies)
      .when(declare(2027, 35))
      .then([capacityDeclared({ year: 2027, days: 35 })]);
  });

  it('may lower the days to exactly what is booked', () => {
    given(liesBooked)
      .when(declare(2026, 14))
      .then([capacityDeclared({ days: 14 })]);
  });

  it('counts released days as no longer booked', () => {
    given([...liesBooked, staffDaysReleased({ days: 4 })])
      .when(declare(2026, 10))
      .then([capacityDeclared({ days: 10 })]);
  });

  it.each<Refusal>([
    ['the staff member is not registered', [], declare(2026, 40), NotFoundError, /is not registered/],
    [
      'the capacity drops below the days booked in that year',
      liesBooked,
      declare(2026, 13.5),
      IllegalStateError,
      /Lies Janssens already has 14 days booked in 2026, which this declaration \(from 2026\) covers; declare at least that many/,
    ],
    [
      'a later year that inherits the declaration has more days booked',
      [...lies, staffDaysBooked({ year: 2027, days: 30 })],
      declare(2026, 10),
      IllegalStateError,
      /already has 30 days booked in 2027, which this declaration \(from 2026\) covers/,
    ],
    ['the days are not half days', lies, declare(2026, 20.3), ValidationError, /days are counted in half days/],
    ['the days are negative', lies, declare(2026, -1), ValidationError, /a number of days cannot be negative/],
    ['the year lies after 2100', lies, declare(2101, 40), ValidationError, /a programme year is 2100 or earlier/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('booking staff days', () => {
  it('books days within the free capacity', () => {
    given(lies).when(book()).then([staffDaysBooked()]);
  });

  it('books exactly the free days', () => {
    given(liesBooked)
      .when(book({ bookingId: ids.otherBooking, days: 26 }))
      .then([staffDaysBooked({ bookingId: ids.otherBooking, days: 26 })]);
  });

  it('books half days', () => {
    given(lies)
      .when(book({ days: 0.5 }))
      .then([staffDaysBooked({ days: 0.5 })]);
  });

  it('uses the latest declaration at or before the year', () => {
    given(lies)
      .when(book({ year: 2028, days: 40 }))
      .then([staffDaysBooked({ year: 2028, days: 40 })]);
  });

  it('frees released days for new bookings', () => {
    given([...liesBooked, staffDaysReleased({ days: 14 })])
      .when(book({ bookingId: ids.otherBooking, days: 40 }))
      .then([staffDaysBooked({ bookingId: ids.otherBooking, days: 40 })]);
  });

  it.each<Refusal>([
    ['the staff member is not registered', [], book(), NotFoundError, /is not registered/],
    ['the booking already exists', liesBooked, book({ days: 1 }), IllegalStateError, /Booking .* already exists/],
    ['no days are booked', lies, book({ days: 0 }), ValidationError, /A booking needs at least half a day/],
    [
      'more days are needed than are free (naming free and needed days)',
      liesBooked,
      book({ bookingId: ids.otherBooking, days: 30 }),
      IllegalStateError,
      /Lies Janssens has 26 free days in 2026 \(of 40 declared\); 30 are needed: choose another staff member, or decline with NO_STAFF_TIME/,
    ],
    [
      'more days are needed than are free, for a joint mission (no request to decline)',
      liesBooked,
      book({ bookingId: ids.otherBooking, days: 30, requestId: undefined }),
      IllegalStateError,
      /30 are needed: name another staff member, or reject the joint mission or event/,
    ],
    [
      'no capacity was declared for the year',
      lies,
      book({ year: 2025, days: 2 }),
      IllegalStateError,
      /has 0 free days in 2025 \(of 0 declared\); 2 are needed/,
    ],
    [
      'a later declaration lowers the capacity',
      [...lies, capacityDeclared({ year: 2027, days: 10 })],
      book({ year: 2028, days: 12 }),
      IllegalStateError,
      /has 10 free days in 2028 \(of 10 declared\); 12 are needed/,
    ],
    ['the days are not half days', lies, book({ days: 1.25 }), ValidationError, /days: days are counted in half days/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('releasing staff days', () => {
  it('releases part of a booking', () => {
    given(liesBooked)
      .when(release(2))
      .then([staffDaysReleased({ days: 2 })]);
  });

  it('releases what is left of a booking', () => {
    given([...liesBooked, staffDaysReleased({ days: 2 })])
      .when(release(12))
      .then([staffDaysReleased({ days: 12 })]);
  });

  it('records nothing for a release of no days', () => {
    given(liesBooked).when(release(0)).then([]);
  });

  it.each<Refusal>([
    ['the staff member is not registered', [], release(2), NotFoundError, /is not registered/],
    [
      'the booking does not exist',
      lies,
      release(2),
      NotFoundError,
      new RegExp(`Lies Janssens has no booking ${ids.booking}`),
    ],
    [
      'more days are released than the booking still holds',
      [...liesBooked, staffDaysReleased({ days: 2 })],
      release(13),
      IllegalStateError,
      /has 12 days left to release, not 13/,
    ],
    [
      'no reason is given',
      liesBooked,
      { ...release(2), data: { ...release(2).data, reason: '' } },
      ValidationError,
      /reason: must not be empty/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('the staff state', () => {
  it('counts capacity, booked and free days per year', () => {
    const state = fold(staffDecider, [
      ...liesBooked,
      staffDaysReleased({ days: 2 }),
      staffDaysBooked({ bookingId: ids.otherBooking, year: 2027, days: 5 }),
      capacityDeclared({ year: 2028, days: 20 }),
    ]);
    expect(
      [2025, 2026, 2027, 2028, 2029].map((y) => [capacityIn(state, y), bookedIn(state, y), freeDaysIn(state, y)]),
    ).toEqual([
      [0, 0, 0],
      [40, 12, 28],
      [40, 5, 35],
      [20, 0, 20],
      [20, 0, 20],
    ]);
  });

  it('has no capacity before registration', () => {
    expect(freeDaysIn(staffDecider.initialState(), 2026)).toBe(0);
  });
});
