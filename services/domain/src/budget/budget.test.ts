import { IllegalStateError, NotFoundError, ValidationError } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import {
  budgetAllocated,
  budgetReleased,
  budgetReserved,
  commandsFor,
  costRecorded,
  ids,
  on,
  type Refusal as RefusalOf,
} from '../testing/builders.js';
import { spec } from '../testing/spec.js';
import {
  budgetDecider,
  reservedCents,
  unreservedEur,
  type BudgetCommand,
  type BudgetEvent,
  type RecordCost,
  type ReleaseBudget,
  type ReserveBudget,
  type SettleReservation,
} from './budget.js';

const command = commandsFor<BudgetCommand>();
const given = (events: BudgetEvent[]) => spec(budgetDecider).given(events);
const management = on('2026-01-06', { id: 'mgmt-test', role: 'MANAGEMENT' });

const allocate = (amountEur: number, year = 2026) => command('AllocateBudget', { year, amountEur }, management);
const reserve = (data: Partial<ReserveBudget['data']> = {}) =>
  command(
    'ReserveBudget',
    {
      year: 2026,
      reservationId: ids.reservation,
      amountEur: 2350,
      missionId: ids.mission,
      requestId: ids.request,
      ...data,
    },
    on('2026-02-10'),
  );
const release = (data: Partial<ReleaseBudget['data']> = {}) =>
  command(
    'ReleaseBudget',
    { year: 2026, reservationId: ids.reservation, amountEur: 150, reason: 'Minder kosten dan geraamd.', ...data },
    on('2026-04-30'),
  );
const cost = (data: Partial<RecordCost['data']> = {}) =>
  command(
    'RecordCost',
    {
      year: 2026,
      costId: ids.cost,
      reservationId: ids.reservation,
      missionId: ids.mission,
      amountEur: 950,
      category: 'TRAVEL',
      incurredOn: '2026-04-12',
      ...data,
    },
    on('2026-04-30'),
  );
const settle = (data: Partial<SettleReservation['data']> = {}) =>
  command(
    'SettleReservation',
    {
      year: 2026,
      reservationId: ids.reservation,
      costs: [
        { costId: ids.cost, missionId: ids.mission, amountEur: 950, category: 'TRAVEL', incurredOn: '2026-04-12' },
        {
          costId: ids.otherCost,
          missionId: ids.mission,
          amountEur: 1250,
          category: 'ALLOWANCE',
          incurredOn: '2026-04-22',
        },
      ],
      reason: 'Minder kosten dan geraamd.',
      ...data,
    },
    on('2026-04-30'),
  );

/** The 2026 programme budget of €20,000, with €2,350 reserved for the April mission. */
const allocated = [budgetAllocated()];
const reserved = [...allocated, budgetReserved()];

type Refusal = RefusalOf<BudgetEvent, BudgetCommand>;

describe('allocating budget', () => {
  it('allocates the budget of a year', () => {
    given([]).when(allocate(20_000)).then([budgetAllocated()]);
  });

  it('adds a later allocation to the year', () => {
    given(allocated)
      .when(allocate(5_000.5))
      .then([budgetAllocated({ amountEur: 5_000.5 })]);
    expect(unreservedEur(fold(budgetDecider, [...allocated, budgetAllocated({ amountEur: 5_000.5 })]))).toBe(25_000.5);
  });

  it.each<Refusal>([
    ['nothing is allocated', [], allocate(0), ValidationError, /An allocation must be more than €0/],
    ['the amount is negative', [], allocate(-100), ValidationError, /an amount in euro cannot be negative/],
    [
      'the amount has fractions of cents',
      [],
      allocate(10.005),
      ValidationError,
      /an amount in euro has at most two decimals/,
    ],
    [
      'the budget is of another year',
      allocated,
      allocate(1_000, 2027),
      ValidationError,
      /This is the budget of 2026, not 2027/,
    ],
    [
      'the year lies before the programme',
      [],
      allocate(1_000, 1999),
      ValidationError,
      /a programme year is 2000 or later/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('reserving budget', () => {
  it('reserves within the unreserved budget', () => {
    given(allocated).when(reserve()).then([budgetReserved()]);
  });

  it('reserves exactly what is unreserved, to the cent', () => {
    given([
      budgetAllocated({ amountEur: 2_350.1 }),
      budgetReserved({ amountEur: 0.1, reservationId: ids.otherReservation }),
    ])
      .when(reserve())
      .then([budgetReserved()]);
  });

  it('counts released budget as unreserved again', () => {
    given([
      budgetAllocated({ amountEur: 2_350 }),
      budgetReserved({ reservationId: ids.otherReservation }),
      budgetReleased({ reservationId: ids.otherReservation, amountEur: 2_350 }),
    ])
      .when(reserve())
      .then([budgetReserved()]);
  });

  it.each<Refusal>([
    [
      'more is needed than is unreserved',
      reserved,
      reserve({ reservationId: ids.otherReservation, amountEur: 18_000 }),
      IllegalStateError,
      /The 2026 budget has €17650.00 unreserved; €18000.00 is needed: allocate more, or decline with NO_BUDGET/,
    ],
    [
      'more is needed than is unreserved, for a joint mission (no request to decline)',
      reserved,
      reserve({ reservationId: ids.otherReservation, amountEur: 18_000, requestId: undefined }),
      IllegalStateError,
      /€18000.00 is needed: allocate more, ask for less, or reject the joint mission or event/,
    ],
    [
      'no budget was allocated',
      [],
      reserve(),
      IllegalStateError,
      /The 2026 budget has €0.00 unreserved; €2350.00 is needed/,
    ],
    [
      'costs have used the budget',
      [budgetAllocated({ amountEur: 3_000 }), costRecorded({ reservationId: undefined, amountEur: 1_000 })],
      reserve(),
      IllegalStateError,
      /has €2000.00 unreserved; €2350.00 is needed/,
    ],
    [
      'the reservation already exists',
      reserved,
      reserve({ amountEur: 1 }),
      IllegalStateError,
      /Reservation .* already exists/,
    ],
    [
      'the budget is of another year',
      allocated,
      reserve({ year: 2027 }),
      ValidationError,
      /This is the budget of 2026, not 2027/,
    ],
    [
      'the reservation id is not a UUID',
      allocated,
      reserve({ reservationId: 'r-1' }),
      ValidationError,
      /reservationId: expected a lowercase UUID/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('releasing a reservation', () => {
  it('releases part of a reservation', () => {
    given(reserved).when(release()).then([budgetReleased()]);
  });

  it('releases what a reservation still holds after costs against it', () => {
    given([...reserved, costRecorded()])
      .when(release({ amountEur: 1_400 }))
      .then([budgetReleased({ amountEur: 1_400 })]);
  });

  it('records nothing for a release of €0', () => {
    given(reserved)
      .when(release({ amountEur: 0 }))
      .then([]);
  });

  it.each<Refusal>([
    [
      'the reservation does not exist',
      allocated,
      release(),
      NotFoundError,
      new RegExp(`The 2026 budget has no reservation ${ids.reservation}`),
    ],
    [
      'more is released than the reservation holds',
      reserved,
      release({ amountEur: 2_400 }),
      IllegalStateError,
      /holds €2350.00; cannot release €2400.00/,
    ],
    [
      'more is released than is left after costs and earlier releases',
      [...reserved, costRecorded(), budgetReleased({ amountEur: 400 })],
      release({ amountEur: 1_000.01 }),
      IllegalStateError,
      /holds €1000.00; cannot release €1000.01/,
    ],
    [
      'the budget is of another year',
      reserved,
      release({ year: 2025 }),
      ValidationError,
      /This is the budget of 2026, not 2025/,
    ],
    ['no reason is given', reserved, release({ reason: ' ' }), ValidationError, /reason: must not be empty/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('recording costs', () => {
  it('records a cost against a reservation', () => {
    given(reserved).when(cost()).then([costRecorded()]);
  });

  it('records a cost outside any reservation, even beyond the budget (costs may overspend)', () => {
    given(allocated)
      .when(cost({ reservationId: undefined, amountEur: 25_000 }))
      .then([costRecorded({ reservationId: undefined, amountEur: 25_000 })]);
    expect(
      unreservedEur(fold(budgetDecider, [...allocated, costRecorded({ reservationId: undefined, amountEur: 25_000 })])),
    ).toBe(-5_000);
  });

  it.each<Refusal>([
    ['the reservation does not exist', allocated, cost(), NotFoundError, /has no reservation/],
    [
      'the budget is of another year',
      reserved,
      cost({ year: 2027 }),
      ValidationError,
      /This is the budget of 2026, not 2027/,
    ],
    [
      'the category is unknown',
      reserved,
      cost({ category: 'GIFTS' as never }),
      ValidationError,
      /unknown cost category "GIFTS"/,
    ],
    [
      'the date is not a date',
      reserved,
      cost({ incurredOn: '12/04/2026' }),
      ValidationError,
      /incurredOn: "12\/04\/2026" is not a calendar date/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('settling a reservation', () => {
  it('records the real costs and releases what the reservation still holds', () => {
    given(reserved)
      .when(settle())
      .then([
        costRecorded(),
        costRecorded({ costId: ids.otherCost, amountEur: 1250, category: 'ALLOWANCE', incurredOn: '2026-04-22' }),
        budgetReleased({ amountEur: 150 }),
      ]);
  });

  it('releases nothing when the costs use the whole reservation or more', () => {
    given(reserved)
      .when(settle({ costs: [{ costId: ids.cost, amountEur: 2_500, category: 'TRAVEL', incurredOn: '2026-04-12' }] }))
      .then([costRecorded({ missionId: undefined, amountEur: 2_500 })]);
  });

  it('releases everything when there were no costs', () => {
    given(reserved)
      .when(settle({ costs: [] }))
      .then([budgetReleased({ amountEur: 2_350 })]);
  });

  it('takes earlier releases and costs into account', () => {
    given([...reserved, costRecorded(), budgetReleased({ amountEur: 400 })])
      .when(settle({ costs: [] }))
      .then([budgetReleased({ amountEur: 1_000 })]);
  });

  it('records costs without a reservation', () => {
    given(allocated)
      .when(settle({ reservationId: undefined }))
      .then([
        costRecorded({ reservationId: undefined }),
        costRecorded({
          reservationId: undefined,
          costId: ids.otherCost,
          amountEur: 1250,
          category: 'ALLOWANCE',
          incurredOn: '2026-04-22',
        }),
      ]);
  });

  it.each<Refusal>([
    ['the reservation does not exist', allocated, settle(), NotFoundError, /has no reservation/],
    [
      'the budget is of another year',
      reserved,
      settle({ year: 2027 }),
      ValidationError,
      /This is the budget of 2026, not 2027/,
    ],
    [
      'a cost is malformed',
      reserved,
      settle({ costs: [{ costId: ids.cost, amountEur: -5, category: 'TRAVEL', incurredOn: '2026-04-12' }] }),
      ValidationError,
      /amountEur: an amount in euro cannot be negative/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('the budget state', () => {
  it('counts what reservations still hold and what was spent, in cents', () => {
    const state = fold(budgetDecider, [
      ...reserved,
      costRecorded({ amountEur: 0.1 }),
      costRecorded({ costId: ids.otherCost, amountEur: 0.2 }),
      budgetReleased({ amountEur: 0.3 }),
    ]);
    expect(reservedCents(state)).toBe(234_940);
    expect(unreservedEur(state)).toBe(17_650.3);
  });

  it('never counts a reservation as holding less than nothing', () => {
    const state = fold(budgetDecider, [...reserved, costRecorded({ amountEur: 3_000 })]);
    expect(reservedCents(state)).toBe(0);
    expect(unreservedEur(state)).toBe(17_000);
  });
});
