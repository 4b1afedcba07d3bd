import {
  Activities,
  AdditionalReasons,
  CostCategories,
  DeclineReasons,
  DomainError,
  MissionTypes,
  PolicyDomains,
  werkbezoekCatalogue,
  type Actor,
  type Command,
  type CommandMetadata,
  type Event,
} from '@werkbezoek/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetDecider, outstandingCents, reservedCents, unreservedEur, type BudgetCommand } from './budget/budget.js';
import { addDays, visitDays } from './dates.js';
import { fold, type Decider } from './decider.js';
import { lessonDecider, type LessonCommand, type LessonState } from './lessons/lesson.js';
import { missionDecider, type MissionCommand, type MissionState } from './missions/mission.js';
import { MAX_VISIT_DAYS, requestDecider, type RequestCommand } from './requests/decide.js';
import type { RequestState } from './requests/request.js';
import { bookedIn, freeDaysIn, staffDecider, type StaffCommand } from './staff/staffMember.js';
import {
  assessmentResult,
  commandsFor,
  gentCoordinator,
  ids,
  testId,
  zoerselCoordinator,
  zoerselTwinning,
} from './testing/builders.js';
import { twinningDecider, type TwinningCommand, type TwinningState } from './twinnings/twinning.js';

/**
 * Properties of every decider, over random sequences of valid and invalid
 * commands: deciding and folding never fails other than with a DomainError,
 * every event decided is one the event store accepts, replaying the events
 * gives the same state, and the aggregate's invariants hold in every state
 * the commands can reach.
 */

const RUNS = { numRuns: 200 };

interface Step<S, C, E> {
  readonly command: C;
  readonly before: S;
  readonly after: S;
  readonly events: readonly E[];
}

/** Runs the commands through decide and evolve, skipping the ones the decider refuses. */
function play<S, C extends Command, E extends Event>(decider: Decider<S, C, E>, commands: readonly C[]) {
  let state = decider.initialState();
  const history: E[] = [];
  const steps: Step<S, C, E>[] = [];
  for (const command of commands) {
    let events: E[];
    try {
      events = decider.decide(command, state);
    } catch (error) {
      // A refusal is an answer; anything else (a TypeError, a RangeError) is a bug.
      if (error instanceof DomainError) continue;
      throw error;
    }
    const after = events.reduce((s, e) => decider.evolve(s, e), state);
    steps.push({ command, before: state, after, events });
    history.push(...events);
    state = after;
  }
  return { state, history, steps };
}

/** Mostly `valid`, sometimes `invalid`. */
function often<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: invalid, weight: 1 });
}

/**
 * One property per decider, checked on each random sequence at once (deciding
 * takes most of the time, so each sequence is played once):
 * (a) deciding and folding fail only with a DomainError, and every decided event
 *     is one the event store accepts;
 * (b) replaying the accumulated events from the initial state gives the state
 *     that was evolved step by step;
 * (c) the invariant holds after every accepted command.
 */
function properties<S, C extends Command, E extends Event>(
  decider: Decider<S, C, E>,
  /** The command that usually opens a stream, so most sequences get past their first step. */
  opening: fc.Arbitrary<C>,
  command: fc.Arbitrary<C>,
  invariant: (step: Step<S, C, E>) => void,
) {
  const sequences = fc
    .tuple(often(opening, command), fc.array(command, { maxLength: 20, size: 'max' }))
    .map(([first, rest]) => [first, ...rest]);

  it('refuses only with domain errors, decides only valid events, replays to the same state and keeps its invariants', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { state, history, steps } = play(decider, commands);
        for (const e of history) werkbezoekCatalogue.validate(e.type, e.data);
        expect(fold(decider, history), 'the state replayed from the events').toEqual(state);
        for (const step of steps) invariant(step);
      }),
      RUNS,
    );
  });
}

// Shared arbitraries: small pools so that ids collide and rules get hit. Each
// command comes mostly well-formed and sometimes not, so both the decisions
// and the refusals are exercised.

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const weighted = <T>(...choices: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...choices.map(([weight, arbitrary]) => ({ weight, arbitrary })));

const staffMember: Actor = { id: 'staff-1', role: 'STAFF' };
const anyActor = fc.constantFrom<Actor>(staffMember, zoerselCoordinator, gentCoordinator, {
  id: 'coordinator-x',
  role: 'COORDINATOR',
});

const day = fc.constantFrom(
  '2026-01-05',
  '2026-02-02',
  '2026-03-02',
  '2026-04-12',
  '2026-04-13',
  '2026-04-17',
  '2026-04-22',
  '2026-04-23',
  '2026-04-30',
  '2026-06-01',
  '2027-01-04',
);
const date = often(day, fc.constantFrom('2026-02-30', '13/04/2026', ''));

/** Mostly 09:00 UTC, sometimes 22:30 UTC (already the next day in Brussels), rarely not an instant at all. */
const instantOn = (days: fc.Arbitrary<string>) =>
  often(
    fc.oneof(
      { weight: 3, arbitrary: days.map((d) => `${d}T09:00:00.000Z`) },
      { weight: 1, arbitrary: days.map((d) => `${d}T22:30:00.000Z`) },
    ),
    fc.constant('not-an-instant'),
  );
let commandCounter = 0;
const metadataOf = (instants: fc.Arbitrary<string>, actors: fc.Arbitrary<Actor> = anyActor) =>
  fc
    .tuple(instants, actors)
    .map(([issuedAt, actor]): CommandMetadata => ({ commandId: `prop-${++commandCounter}`, issuedAt, actor }));
const metadata = metadataOf(instantOn(day));

const halfDays = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((n) => n / 2);
const badDays = fc.constantFrom(-1, 1.3, 400, Number.NaN, Number.POSITIVE_INFINITY);
const days = (max: number) => often(halfDays(max), badDays);
const euros = (max: number) =>
  often(
    fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100),
    fc.constantFrom(-5, 10.005, Number.NaN),
  );
const year = often(fc.constantFrom(2025, 2026, 2027, 2028), fc.constantFrom(1999, 2101, 2026.5));
const text = often(
  fc.constantFrom('Het bezoek wordt uitgesteld.', 'Te weinig tijd vrij in april.'),
  fc.constantFrom('', '   '),
);
const id = (...pool: string[]) => often(fc.constantFrom(...pool), fc.constantFrom('not-a-uuid', ''));

// Requests

const request = commandsFor<RequestCommand>();
const visit = (starts: fc.Arbitrary<string>, lengths: fc.Arbitrary<number>) =>
  fc.tuple(starts, lengths).map(([startDate, length]) => ({ startDate, endDate: addDays(startDate, length) }));
const anyVisit = visit(day, fc.integer({ min: -2, max: MAX_VISIT_DAYS + 2 }));
const requestId = id(ids.request);
const reasons = fc.array(fc.constantFrom(...AdditionalReasons.codes), { maxLength: 3 });
const domains = fc.array(fc.constantFrom(...PolicyDomains.codes), { maxLength: 3 });
const submit = often(
  // Zoersel asks early in the year for a visit to come.
  fc.record({
    requestId: fc.constant(ids.request),
    visit: visit(fc.constantFrom('2026-03-02', '2026-04-13', '2026-06-01'), fc.integer({ min: 0, max: 59 })),
    missionType: fc.constantFrom(...MissionTypes.codes),
    delegationSize: fc.integer({ min: 1, max: 60 }),
    policyDomains: fc.uniqueArray(fc.constantFrom(...PolicyDomains.codes), { maxLength: 3 }),
    claimedReasons: fc.uniqueArray(fc.constantFrom(...AdditionalReasons.codes), { maxLength: 3 }),
    twinning: fc.constant(zoerselTwinning()),
    metadata: metadataOf(
      instantOn(fc.constantFrom('2026-01-05', '2026-02-02')),
      fc.constantFrom(staffMember, zoerselCoordinator),
    ),
  }),
  fc.record({
    requestId,
    visit: anyVisit,
    missionType: fc.constantFrom(...MissionTypes.codes),
    delegationSize: fc.integer({ min: 0, max: 61 }),
    policyDomains: domains,
    claimedReasons: reasons,
    twinning: fc.constantFrom(
      zoerselTwinning(),
      zoerselTwinning({ status: 'ENDED' }),
      { twinningId: ids.otherTwinning, nisCode: '44021', status: 'ACTIVE' as const },
      undefined,
    ),
    metadata,
  }),
).map(({ visit, metadata, ...data }) =>
  request('SubmitAccompanimentRequest', { ...data, ...visit, twinningId: ids.twinning }, metadata),
);
const amend = fc
  .tuple(
    requestId,
    fc.record(
      {
        missionType: fc.constantFrom(...MissionTypes.codes),
        startDate: often(fc.constantFrom('2026-04-13', '2026-04-20', '2026-06-01'), date),
        endDate: often(fc.constantFrom('2026-04-22', '2026-04-29', '2026-06-10'), date),
        delegationSize: often(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, 61)),
        policyDomains: domains,
        claimedReasons: reasons,
        notes: fc.constantFrom('Nieuwe datum.', ''),
        contactPersonId: fc.constant(ids.person),
      },
      { requiredKeys: [] },
    ),
    metadataOf(instantOn(fc.constantFrom('2026-02-02', '2026-03-02', '2026-04-23')), anyActor),
  )
  .map(([requestId, changes, m]) => request('AmendAccompanimentRequest', { requestId, ...changes }, m));
const withdraw = fc
  .tuple(requestId, text, metadata)
  .map(([requestId, reason, m]) => request('WithdrawAccompanimentRequest', { requestId, reason }, m));
const recordAssessment = fc
  .tuple(
    requestId,
    fc.constantFrom(...(['SUBMITTED', 'AMENDED', 'CONTEXT_CHANGED', 'REQUESTED'] as const)),
    fc.constantFrom(...(['ACCEPT', 'DECLINE'] as const)),
    days(30),
    metadata,
  )
  .map(([requestId, trigger, recommendation, daysNeeded, m]) =>
    request('RecordAssessment', { requestId, trigger, result: assessmentResult({ recommendation, daysNeeded }) }, m),
  );
const accept = fc
  .tuple(
    requestId,
    often(fc.constant(ids.staff), fc.constantFrom(undefined, '', 'lies')),
    days(30),
    euros(5_000),
    metadata,
  )
  .map(([requestId, staffMemberId, bookedDays, reservedBudgetEur, m]) =>
    request(
      'AcceptAccompanimentRequest',
      { requestId, missionId: ids.mission, staffMemberId, bookedDays, reservedBudgetEur },
      m,
    ),
  );
const decline = fc
  .tuple(requestId, optional(fc.constantFrom(...DeclineReasons.codes)), optional(text), metadata)
  .map(([requestId, reason, note, m]) => request('DeclineAccompanimentRequest', { requestId, reason, note }, m));
const requestCommand: fc.Arbitrary<RequestCommand> = weighted<RequestCommand>(
  [3, submit],
  [3, amend],
  [3, recordAssessment],
  [1, withdraw],
  [1, accept],
  [1, decline],
);

const requestMoves: Record<RequestState['status'], readonly RequestState['status'][]> = {
  NONE: ['NONE', 'SUBMITTED'],
  SUBMITTED: ['SUBMITTED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'],
  // Final: no command succeeds any more.
  ACCEPTED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

describe('the request decider', () => {
  properties(requestDecider, submit, requestCommand, ({ before, after }) => {
    expect(requestMoves[before.status], `${before.status} → ${after.status}`).toContain(after.status);
    if (after.status === 'SUBMITTED') {
      expect(after.startDate <= after.endDate, 'the visit ends after it starts').toBe(true);
      expect(visitDays(after.startDate, after.endDate)).toBeLessThanOrEqual(MAX_VISIT_DAYS);
    }
  });
});

// Staff

const staff = commandsFor<StaffCommand>();
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
const staffMemberId = id(ids.staff);
const bookingId = id(testId(0x411), testId(0x412), testId(0x413));
const staffCommand: fc.Arbitrary<StaffCommand> = weighted<StaffCommand>(
  [
    1,
    fc
      .record({ staffMemberId, name: text, daysPerYear: optional(days(60)), fromYear: optional(year), metadata })
      .map(({ metadata, ...data }) => staff('RegisterStaffMember', data, metadata)),
  ],
  [
    2,
    fc
      .tuple(staffMemberId, year, days(60), metadata)
      .map(([staffMemberId, year, days, m]) => staff('DeclareStaffCapacity', { staffMemberId, year, days }, m)),
  ],
  [
    4,
    fc
      .tuple(staffMemberId, year, bookingId, days(16), metadata)
      .map(([staffMemberId, year, bookingId, days, m]) =>
        staff('BookStaffDays', { staffMemberId, year, bookingId, days, missionId: ids.mission }, m),
      ),
  ],
  [
    2,
    fc
      .tuple(staffMemberId, year, bookingId, days(8), text, metadata)
      .map(([staffMemberId, year, bookingId, days, reason, m]) =>
        staff('ReleaseStaffDays', { staffMemberId, year, bookingId, days, reason }, m),
      ),
  ],
);

/** Lies Janssens is registered with 0–60 days a year from 2025 or 2026. */
const registerLies = fc
  .tuple(halfDays(60), fc.constantFrom(2025, 2026), metadata)
  .map(([daysPerYear, fromYear, m]) =>
    staff('RegisterStaffMember', { staffMemberId: ids.staff, name: 'Lies Janssens', daysPerYear, fromYear }, m),
  );

describe('the staff decider', () => {
  properties(staffDecider, registerLies, staffCommand, ({ after, events }) => {
    if (after.status === 'ABSENT') return;
    // Booked days never exceed the capacity a year has, declared or inherited.
    for (const y of YEARS) expect(freeDaysIn(after, y), `free days in ${y}`).toBeGreaterThanOrEqual(0);
    for (const e of events) {
      if (e.type === 'StaffDaysBooked') expect(freeDaysIn(after, e.data.year)).toBeGreaterThanOrEqual(0);
    }
    for (const b of after.bookings.values()) {
      expect(b.released).toBeGreaterThanOrEqual(0);
      expect(b.released, 'released days of a booking').toBeLessThanOrEqual(b.days);
    }
    // The running totals equal the sums over the bookings.
    for (const y of YEARS) {
      const sum = [...after.bookings.values()].filter((b) => b.year === y).reduce((t, b) => t + b.days - b.released, 0);
      expect(bookedIn(after, y), `booked days in ${y}`).toBe(sum);
    }
  });
});

// Budget

const budget = commandsFor<BudgetCommand>();
const reservationId = id(testId(0x501), testId(0x502), testId(0x503));
const costId = id(testId(0x511), testId(0x512));
const category = fc.constantFrom(...CostCategories.codes);
const budgetYear = often(fc.constant(2026), fc.constantFrom(2025, 2027));
const budgetCommand: fc.Arbitrary<BudgetCommand> = weighted<BudgetCommand>(
  [
    1,
    fc
      .tuple(budgetYear, euros(20_000), metadata)
      .map(([year, amountEur, m]) => budget('AllocateBudget', { year, amountEur }, m)),
  ],
  [
    4,
    fc
      .tuple(budgetYear, reservationId, euros(5_000), metadata)
      .map(([year, reservationId, amountEur, m]) =>
        budget('ReserveBudget', { year, reservationId, amountEur, missionId: ids.mission }, m),
      ),
  ],
  [
    2,
    fc
      .tuple(budgetYear, reservationId, euros(1_500), text, metadata)
      .map(([year, reservationId, amountEur, reason, m]) =>
        budget('ReleaseBudget', { year, reservationId, amountEur, reason }, m),
      ),
  ],
  [
    2,
    fc
      .tuple(budgetYear, costId, optional(reservationId), euros(3_000), category, date, metadata)
      .map(([year, costId, reservationId, amountEur, category, incurredOn, m]) =>
        budget('RecordCost', { year, costId, reservationId, amountEur, category, incurredOn }, m),
      ),
  ],
  [
    1,
    fc
      .tuple(
        budgetYear,
        optional(reservationId),
        fc.array(fc.record({ costId, amountEur: euros(2_000), category, incurredOn: date }), { maxLength: 3 }),
        text,
        metadata,
      )
      .map(([year, reservationId, costs, reason, m]) =>
        budget('SettleReservation', { year, reservationId, costs, reason }, m),
      ),
  ],
);

const cents = (eur: number) => Math.round(eur * 100);

const allocate2026 = fc
  .tuple(fc.integer({ min: 1, max: 2_000_000 }), metadata)
  .map(([c, m]) => budget('AllocateBudget', { year: 2026, amountEur: c / 100 }, m));

describe('the budget decider', () => {
  properties(budgetDecider, allocate2026, budgetCommand, ({ after, events }) => {
    // Costs may overspend the budget; reservations may not.
    if (events.some((e) => e.type === 'BudgetReserved')) {
      expect(unreservedEur(after), 'unreserved after a reservation').toBeGreaterThanOrEqual(0);
    }
    expect(reservedCents(after), 'reserved cents').toBeLessThanOrEqual(after.allocatedCents);
    for (const r of after.reservations.values()) {
      expect(cents(r.releasedEur), 'released from a reservation').toBeLessThanOrEqual(cents(r.amountEur));
    }
    const outstanding = [...after.reservations.values()].reduce((t, r) => t + outstandingCents(r), 0);
    expect(reservedCents(after), 'the running reserved total').toBe(outstanding);
  });
});

// Missions

const mission = commandsFor<MissionCommand>();
const missionStaff = [ids.staff, ids.otherStaff];
const activityId = id(testId(0x311), testId(0x312), testId(0x313));
const lateInstant = instantOn(fc.constantFrom('2026-04-17', '2026-04-22', '2026-04-30', '2026-06-01'));
const scheduleWith = (
  visits: fc.Arbitrary<{ startDate: string; endDate: string }>,
  staffMemberIds: fc.Arbitrary<string[]>,
  bookedDays: fc.Arbitrary<number>,
  reservedBudgetEur: fc.Arbitrary<number>,
  metadata: fc.Arbitrary<CommandMetadata>,
) =>
  fc
    .record({ visit: visits, staffMemberIds, bookedDays, reservedBudgetEur, metadata })
    .map(({ visit, metadata, ...data }) =>
      mission(
        'ScheduleMission',
        {
          missionId: ids.mission,
          requestIds: [ids.request],
          twinningIds: [ids.twinning],
          nisCodes: ['11055'],
          missionType: 'EVALUATION',
          countryCode: 'BJ',
          regionCode: 'BJ-ZO',
          ...visit,
          ...data,
        },
        metadata,
      ),
    );
/** The April visit to Bohicon, 13–22 April, with one or both staff members. */
const scheduleApril = scheduleWith(
  fc.constant({ startDate: '2026-04-13', endDate: '2026-04-22' }),
  fc.subarray(missionStaff, { minLength: 1 }),
  halfDays(20),
  fc.constant(2350),
  metadataOf(fc.constant('2026-02-10T09:00:00.000Z')),
);
const schedule = scheduleWith(
  often<{ startDate: string; endDate: string }>(
    fc.constant({ startDate: '2026-04-13', endDate: '2026-04-22' }),
    fc.constant({ startDate: '2026-04-22', endDate: '2026-04-13' }),
  ),
  often(fc.subarray(missionStaff, { minLength: 1 }), fc.constant<string[]>([])),
  days(20),
  euros(5_000),
  metadata,
);
const missionCommand: fc.Arbitrary<MissionCommand> = weighted<MissionCommand>(
  [1, schedule],
  [
    6,
    fc
      .tuple(activityId, fc.constantFrom(...Activities.codes), date, id(...missionStaff, testId(0x403)), metadata)
      .map(([activityId, activity, plannedOn, staffMemberId, m]) =>
        mission('PlanActivity', { missionId: ids.mission, activityId, activity, plannedOn, staffMemberId }, m),
      ),
  ],
  [
    6,
    fc
      .tuple(
        activityId,
        often(fc.constantFrom('2026-03-02', '2026-04-17', '2026-04-22', '2026-04-30'), date),
        days(5),
        metadataOf(lateInstant),
      )
      .map(([activityId, doneOn, daysSpent, m]) =>
        mission('RecordActivityDone', { missionId: ids.mission, activityId, doneOn, daysSpent }, m),
      ),
  ],
  [
    1,
    fc
      .tuple(date, text, metadataOf(lateInstant))
      .map(([filedOn, summary, m]) =>
        mission('FileReport', { missionId: ids.mission, filedOn, authorStaffMemberId: ids.staff, summary }, m),
      ),
  ],
  [
    1,
    fc
      .tuple(date, optional(days(20)), optional(euros(5_000)), optional(text), metadataOf(lateInstant))
      .map(([completedOn, daysSpent, costEur, report, m]) =>
        mission(
          'CompleteMission',
          {
            missionId: ids.mission,
            completedOn,
            ...(daysSpent === undefined ? {} : { daysSpent }),
            ...(costEur === undefined ? {} : { costEur }),
            ...(report === undefined ? {} : { report }),
          },
          m,
        ),
      ),
  ],
  [
    1,
    fc
      .tuple(date, text, metadata)
      .map(([cancelledOn, reason, m]) => mission('CancelMission', { missionId: ids.mission, cancelledOn, reason }, m)),
  ],
);

const missionMoves: Record<MissionState['status'], readonly MissionState['status'][]> = {
  NONE: ['SCHEDULED'],
  SCHEDULED: ['SCHEDULED', 'COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

describe('the mission decider', () => {
  properties(missionDecider, scheduleApril, missionCommand, ({ before, after }) => {
    expect(missionMoves[before.status], `${before.status} → ${after.status}`).toContain(after.status);
    if (after.status === 'NONE') return;
    expect(after.startDate <= after.endDate, 'the visit ends after it starts').toBe(true);
    if (after.status === 'COMPLETED')
      expect(after.completedOn >= after.endDate, 'completed after the visit').toBe(true);
    for (const a of after.activities.values()) {
      expect(after.staffMemberIds).toContain(a.staffMemberId);
      if (a.doneOn === undefined) continue;
      const { doneOn } = a;
      if (a.phase === 'DURING')
        expect(doneOn >= after.startDate && doneOn <= after.endDate, `${doneOn} in the visit`).toBe(true);
      if (a.phase === 'PREPARATION') expect(doneOn <= after.endDate, `${doneOn} prepares the visit`).toBe(true);
      if (a.phase === 'PROCESSING') expect(doneOn >= after.startDate, `${doneOn} processes the visit`).toBe(true);
    }
  });
});

// Lessons

const lesson = commandsFor<LessonCommand>();
const lessonId = id(ids.lesson);
const level = fc.constantFrom(...(['PROCESS', 'RESULTS'] as const));
const phase = fc.constantFrom(...(['PREPARATION', 'DURING', 'PROCESSING'] as const));
const sdgs = fc.array(often(fc.integer({ min: 1, max: 17 }), fc.constantFrom(0, 18)), { maxLength: 3 });
const recordLesson = fc
  .record({
    lessonId,
    recordedOn: often(fc.constant('2026-05-04'), date),
    title: text,
    level,
    phase,
    sdgs,
    mission: often(
      fc.record({
        missionId: fc.constant(ids.mission),
        status: fc.constantFrom(...(['SCHEDULED', 'COMPLETED'] as const)),
        startDate: fc.constant('2026-04-13'),
        staffMemberIds: fc.constant<readonly string[]>([ids.staff]),
      }),
      fc.oneof(
        fc.constant(undefined),
        fc.record({
          missionId: fc.constant(ids.mission),
          status: fc.constantFrom(...(['SCHEDULED', 'COMPLETED', 'CANCELLED'] as const)),
          startDate: day,
          staffMemberIds: fc.constantFrom<readonly string[]>([ids.staff], []),
        }),
      ),
    ),
    metadata,
  })
  .map(({ metadata, ...data }) =>
    lesson(
      'RecordLesson',
      {
        ...data,
        missionId: ids.mission,
        authorStaffMemberId: ids.staff,
        body: 'Zonder back-up van de stroom vielen de registraties in Bohicon dagenlang stil.',
        language: 'nl',
        policyDomains: ['CIVIL_REGISTRATION'],
        dacCriteria: [],
      },
      metadata,
    ),
  );
const lessonCommand: fc.Arbitrary<LessonCommand> = weighted<LessonCommand>(
  [2, recordLesson],
  [
    2,
    fc
      .tuple(lessonId, fc.record({ title: text, level, phase, sdgs }, { requiredKeys: [] }), metadata)
      .map(([lessonId, changes, m]) => lesson('EditLesson', { lessonId, ...changes }, m)),
  ],
  [
    2,
    fc
      .tuple(lessonId, optional(text), metadata)
      .map(([lessonId, rationale, m]) =>
        lesson('PromoteToGoodPractice', { lessonId, ...(rationale === undefined ? {} : { rationale }) }, m),
      ),
  ],
  [
    1,
    fc.tuple(lessonId, text, metadata).map(([lessonId, reason, m]) => lesson('RetractLesson', { lessonId, reason }, m)),
  ],
);

const lessonMoves: Record<LessonState['status'], readonly LessonState['status'][]> = {
  NONE: ['RECORDED'],
  RECORDED: ['RECORDED', 'RETRACTED'],
  RETRACTED: [],
};

describe('the lesson decider', () => {
  properties(lessonDecider, recordLesson, lessonCommand, ({ before, after, events }) => {
    expect(lessonMoves[before.status], `${before.status} → ${after.status}`).toContain(after.status);
    if (after.status === 'NONE') return;
    if (after.goodPractice) expect(after.status, 'a good practice is a recorded lesson').toBe('RECORDED');
    // A lesson becomes a good practice once.
    if (events.some((e) => e.type === 'LessonPromotedToGoodPractice')) {
      expect(before.status === 'RECORDED' && !before.goodPractice, 'promoted once').toBe(true);
    }
  });
});

// Twinnings

const twinning = commandsFor<TwinningCommand>();
const establish = fc
  .record({
    place: often<{ countryCode: string; regionCode: string }>(
      fc.constantFrom({ countryCode: 'BJ', regionCode: 'BJ-ZO' }, { countryCode: 'SN', regionCode: 'SN-DK' }),
      fc.constantFrom({ countryCode: 'BJ', regionCode: 'SN-DK' }, { countryCode: 'XX', regionCode: 'BJ-XX' }),
    ),
    since: often(fc.constantFrom('2011-01-01', '2019-06-01'), date),
    municipalityRegistered: often(fc.constant(true), fc.constant(false)),
    metadata,
  })
  .map(({ place, metadata, ...data }) =>
    twinning(
      'EstablishTwinning',
      {
        twinningId: ids.twinning,
        nisCode: '11055',
        partnerName: 'Bohicon',
        policyDomains: ['CIVIL_REGISTRATION'],
        ...place,
        ...data,
      },
      metadata,
    ),
  );
const twinningCommand: fc.Arbitrary<TwinningCommand> = fc.oneof(
  establish,
  fc
    .tuple(often(fc.constant('2011-01-01'), date), fc.constantFrom(...(['NORTH', 'SOUTH'] as const)), metadata)
    .map(([changedOn, side, m]) =>
      twinning(
        'RecordActorChange',
        { twinningId: ids.twinning, side, actorKind: 'MAYOR', changedOn, description: 'Nieuwe burgemeester.' },
        m,
      ),
    ),
  fc
    .tuple(often(fc.constant('2025-12-31'), date), text, metadata)
    .map(([endedOn, reason, m]) => twinning('EndTwinning', { twinningId: ids.twinning, endedOn, reason }, m)),
  fc
    .tuple(often(fc.constant('11055'), fc.constant('44021')), text, metadata)
    .map(([nisCode, rationale, m]) =>
      twinning(
        'AdviseAccompaniment',
        { adviceId: ids.advice, twinningId: ids.twinning, nisCode, reasons: ['ACTOR_RENEWAL'], rationale },
        m,
      ),
    ),
  fc.tuple(date, text, metadata).map(([contactedOn, summary, m]) =>
    twinning(
      'LogContact',
      {
        contactId: ids.contact,
        twinningId: ids.twinning,
        contactedOn,
        channel: 'PHONE',
        person: { personId: ids.person, name: 'An Peeters' },
        staffMemberId: ids.staff,
        summary,
      },
      m,
    ),
  ),
);

const twinningMoves: Record<TwinningState['status'], readonly TwinningState['status'][]> = {
  ABSENT: ['ABSENT', 'ACTIVE'],
  ACTIVE: ['ACTIVE', 'ENDED'],
  ENDED: ['ENDED'],
};

describe('the twinning decider', () => {
  properties(twinningDecider, establish, twinningCommand, ({ before, after }) => {
    expect(twinningMoves[before.status], `${before.status} → ${after.status}`).toContain(after.status);
    // Once ended, only contacts are still logged, and they leave the state as it is.
    if (before.status === 'ENDED') expect(after).toEqual(before);
    if (after.status === 'ABSENT') return;
    expect(after.regionCode.startsWith(`${after.countryCode}-`), 'the region lies in the country').toBe(true);
    for (const c of after.actorChanges) expect(c.changedOn >= after.since, 'actor changed after the start').toBe(true);
    if (after.status === 'ENDED') expect(after.endedOn >= after.since, 'ended after the start').toBe(true);
  });
});
