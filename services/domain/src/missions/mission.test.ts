import { IllegalStateError, NotFoundError, ValidationError, type Activity } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import {
  activityDone,
  activityPlanned,
  commandsFor,
  ids,
  missionCancelled,
  missionCompleted,
  missionScheduled,
  on,
  reportFiled,
  type Refusal as RefusalOf,
} from '../testing/builders.js';
import { spec } from '../testing/spec.js';
import {
  activityDays,
  missionDecider,
  type CompleteMission,
  type FileReport,
  type MissionCommand,
  type MissionEvent,
  type PlanActivity,
  type RecordActivityDone,
  type ScheduleMission,
} from './mission.js';

const command = commandsFor<MissionCommand>();
const given = (events: MissionEvent[]) => spec(missionDecider).given(events);

const schedule = (data: Partial<ScheduleMission['data']> = {}) =>
  command('ScheduleMission', { ...missionScheduled().data, ...data }, on('2026-02-10'));
const plan = (data: Partial<PlanActivity['data']> = {}) =>
  command(
    'PlanActivity',
    {
      missionId: ids.mission,
      activityId: ids.activity,
      activity: 'FIELD_VISITS',
      plannedOn: '2026-03-02',
      staffMemberId: ids.staff,
      ...data,
    },
    on('2026-03-02'),
  );
const done = (data: Partial<RecordActivityDone['data']> = {}, day = '2026-04-30') =>
  command(
    'RecordActivityDone',
    { missionId: ids.mission, activityId: ids.activity, doneOn: '2026-04-15', daysSpent: 1, ...data },
    on(day),
  );
const fileReport = (data: Partial<FileReport['data']> = {}, day = '2026-04-28') =>
  command(
    'FileReport',
    {
      missionId: ids.mission,
      filedOn: '2026-04-28',
      authorStaffMemberId: ids.staff,
      summary: 'Goed verlopen bezoek; de burgerlijke stand van Bohicon digitaliseert vlot.',
      ...data,
    },
    on(day),
  );
const complete = (data: Partial<CompleteMission['data']> = {}, day = '2026-04-30') =>
  command('CompleteMission', { missionId: ids.mission, completedOn: '2026-04-30', ...data }, on(day));
const cancel = (data: { cancelledOn?: string; reason?: string } = {}) =>
  command(
    'CancelMission',
    { missionId: ids.mission, cancelledOn: '2026-03-20', reason: 'Reisadvies voor Benin gewijzigd.', ...data },
    on('2026-03-20'),
  );

/** The April 2026 evaluation mission to Bohicon (13–22 April), accompanied by Lies Janssens. */
const scheduled = missionScheduled();
const completed = missionCompleted();
const cancelled = missionCancelled();
/** A planned activity of the given kind. */
const planned = (activity: Activity, activityId: string = ids.activity) => activityPlanned({ activity, activityId });

type Refusal = RefusalOf<MissionEvent, MissionCommand>;

describe('scheduling a mission', () => {
  it('schedules the visit with its staff, days and budget', () => {
    given([]).when(schedule()).then([scheduled]);
  });

  it.each<Refusal>([
    ['the mission already exists', [scheduled], schedule(), IllegalStateError, /Mission .* already exists/],
    [
      'the end date lies before the start date',
      [],
      schedule({ startDate: '2026-04-22', endDate: '2026-04-13' }),
      ValidationError,
      /endDate: the end date lies before the start date/,
    ],
    [
      'no staff member accompanies it',
      [],
      schedule({ staffMemberIds: [] }),
      ValidationError,
      /a mission needs at least one VVSG staff member/,
    ],
    [
      'no municipality takes part',
      [],
      schedule({ nisCodes: [] }),
      ValidationError,
      /a mission involves at least one municipality/,
    ],
    [
      'the region is not a subdivision',
      [],
      schedule({ regionCode: 'BJ-XX' }),
      ValidationError,
      /regionCode: "BJ-XX" is not an ISO 3166-2 subdivision code/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('planning an activity', () => {
  it('plans an activity of a staff member on the mission', () => {
    given([scheduled]).when(plan()).then([activityPlanned()]);
  });

  it('plans several activities', () => {
    given([scheduled, activityPlanned()])
      .when(plan({ activityId: ids.otherActivity, activity: 'PERSONAL_REPORT', note: 'Verslag binnen twee weken.' }))
      .then([
        activityPlanned({
          activityId: ids.otherActivity,
          activity: 'PERSONAL_REPORT',
          note: 'Verslag binnen twee weken.',
        }),
      ]);
  });

  it.each<Refusal>([
    ['the mission does not exist', [], plan(), NotFoundError, /Mission .* does not exist/],
    [
      'the mission was cancelled',
      [scheduled, cancelled],
      plan(),
      IllegalStateError,
      /was cancelled on 2026-03-20: cannot plan activities/,
    ],
    [
      'the mission was completed',
      [scheduled, completed],
      plan(),
      IllegalStateError,
      /was completed on 2026-04-30: cannot plan activities/,
    ],
    [
      'the activity is already planned',
      [scheduled, activityPlanned()],
      plan(),
      IllegalStateError,
      /is already planned/,
    ],
    [
      'the staff member is not on the mission',
      [scheduled],
      plan({ staffMemberId: ids.otherStaff }),
      ValidationError,
      new RegExp(`Staff member ${ids.otherStaff} does not accompany mission ${ids.mission}`),
    ],
    [
      'the activity is not one of the thirteen',
      [scheduled],
      plan({ activity: 'SIGHTSEEING' as never }),
      ValidationError,
      /unknown activity "SIGHTSEEING"/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('recording an activity as done', () => {
  it.each<[Activity, string]>([
    ['TERMS_OF_REFERENCE', '2026-03-10'],
    ['PREPARATORY_TRAINING', '2026-04-22'],
    ['FIELD_VISITS', '2026-04-13'],
    ['KEY_FIGURE_INTERVIEWS', '2026-04-17'],
    ['EVALUATION_MEETING', '2026-04-22'],
    ['PERSONAL_REPORT', '2026-04-28'],
    ['EVALUATION_MOMENTS', '2026-04-13'],
  ])('records %s done on %s, within its phase', (activity, doneOn) => {
    given([scheduled, planned(activity)])
      .when(done({ doneOn }))
      .then([activityDone({ doneOn })]);
  });

  it.each<Refusal>([
    ['the mission does not exist', [], done(), NotFoundError, /Mission .* does not exist/],
    [
      'the mission was cancelled',
      [scheduled, planned('FIELD_VISITS'), cancelled],
      done(),
      IllegalStateError,
      /was cancelled on 2026-03-20: cannot record activities/,
    ],
    [
      'the activity was not planned',
      [scheduled],
      done(),
      NotFoundError,
      new RegExp(`Mission ${ids.mission} has no planned activity ${ids.activity}; plan it first`),
    ],
    [
      'the activity was already done',
      [scheduled, planned('FIELD_VISITS'), activityDone()],
      done({ doneOn: '2026-04-16' }),
      IllegalStateError,
      /was already done on 2026-04-15/,
    ],
    [
      'the activity is done in the future',
      [scheduled, planned('FIELD_VISITS')],
      done({ doneOn: '2026-04-16' }, '2026-04-15'),
      ValidationError,
      /An activity cannot be done in the future \(2026-04-16\)/,
    ],
    [
      'an activity during the visit is recorded before it',
      [scheduled, planned('FIELD_VISITS')],
      done({ doneOn: '2026-04-12' }),
      ValidationError,
      /Taking part in field visits happens during the visit \(2026-04-13 – 2026-04-22\), not on 2026-04-12/,
    ],
    [
      'an activity during the visit is recorded after it',
      [scheduled, planned('DELEGATION_MEETINGS')],
      done({ doneOn: '2026-04-23' }),
      ValidationError,
      /happens during the visit \(2026-04-13 – 2026-04-22\), not on 2026-04-23/,
    ],
    [
      'a preparation activity is recorded after the visit',
      [scheduled, planned('TERMS_OF_REFERENCE')],
      done({ doneOn: '2026-04-23' }),
      ValidationError,
      /A preparation activity cannot be done after the visit ended \(2026-04-22\)/,
    ],
    [
      'a processing activity is recorded before the visit',
      [scheduled, planned('FEEDBACK_LESSONS')],
      done({ doneOn: '2026-04-12' }),
      ValidationError,
      /A processing activity cannot be done before the visit started \(2026-04-13\)/,
    ],
    [
      'the days spent are not half days',
      [scheduled, planned('FIELD_VISITS')],
      done({ daysSpent: 0.3 }),
      ValidationError,
      /daysSpent: days are counted in half days/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('filing the report', () => {
  it("files the staff member's personal report after the visit started", () => {
    given([scheduled]).when(fileReport()).then([reportFiled()]);
  });

  it.each<Refusal>([
    ['the mission does not exist', [], fileReport(), NotFoundError, /does not exist/],
    [
      'the mission already has its report',
      [scheduled, reportFiled()],
      fileReport(),
      IllegalStateError,
      /already has its report/,
    ],
    [
      'the report is filed before the visit started',
      [scheduled],
      fileReport({ filedOn: '2026-04-12' }, '2026-04-12'),
      ValidationError,
      /A report cannot be filed before the visit started \(2026-04-13\)/,
    ],
    ['the mission was cancelled', [scheduled, cancelled], fileReport(), IllegalStateError, /cannot file a report/],
    ['the summary is empty', [scheduled], fileReport({ summary: '' }), ValidationError, /summary: must not be empty/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('completing a mission', () => {
  it('completes with the booked days and reserved budget when nothing else is known', () => {
    given([scheduled])
      .when(complete())
      .then([missionCompleted({ daysSpent: 14, costEur: 2350 })]);
  });

  it('completes on the last day of the visit', () => {
    given([scheduled])
      .when(complete({ completedOn: '2026-04-22' }, '2026-04-22'))
      .then([missionCompleted({ completedOn: '2026-04-22', daysSpent: 14, costEur: 2350 })]);
  });

  it('takes the days spent on activities done when they are recorded', () => {
    given([
      scheduled,
      planned('FIELD_VISITS'),
      activityDone({ daysSpent: 8 }),
      planned('PERSONAL_REPORT', ids.otherActivity),
      activityDone({ activityId: ids.otherActivity, doneOn: '2026-04-28', daysSpent: 1.5 }),
    ])
      .when(complete())
      .then([missionCompleted({ daysSpent: 9.5, costEur: 2350 })]);
  });

  it('takes the real days and costs when given', () => {
    given([scheduled])
      .when(complete({ daysSpent: 12, costEur: 2200 }))
      .then([completed]);
  });

  it('files the report given with the completion, by the first staff member unless told', () => {
    given([scheduled])
      .when(complete({ daysSpent: 12, costEur: 2200, report: 'Goed verlopen bezoek.' }))
      .then([reportFiled({ filedOn: '2026-04-30', summary: 'Goed verlopen bezoek.' }), completed]);
    given([missionScheduled({ staffMemberIds: [ids.staff, ids.otherStaff] })])
      .when(
        complete({
          daysSpent: 12,
          costEur: 2200,
          report: 'Goed verlopen bezoek.',
          authorStaffMemberId: ids.otherStaff,
        }),
      )
      .then([
        reportFiled({ filedOn: '2026-04-30', summary: 'Goed verlopen bezoek.', authorStaffMemberId: ids.otherStaff }),
        completed,
      ]);
  });

  it('ignores a blank report', () => {
    given([scheduled, reportFiled()])
      .when(complete({ daysSpent: 12, costEur: 2200, report: '  ' }))
      .then([completed]);
  });

  it.each<Refusal>([
    ['the mission does not exist', [], complete(), NotFoundError, /Mission .* does not exist/],
    [
      'the visit has not ended yet',
      [scheduled],
      complete({ completedOn: '2026-04-21' }),
      ValidationError,
      /cannot be completed on 2026-04-21, before the visit ended \(2026-04-22\)/,
    ],
    [
      'the completion lies in the future',
      [scheduled],
      complete({ completedOn: '2026-04-30' }, '2026-04-29'),
      ValidationError,
      /A mission cannot be completed in the future \(2026-04-30\)/,
    ],
    [
      'a second report is given',
      [scheduled, reportFiled()],
      complete({ report: 'Nog een verslag.' }),
      IllegalStateError,
      /already has its report/,
    ],
    [
      'it was already completed',
      [scheduled, completed],
      complete(),
      IllegalStateError,
      /was completed on 2026-04-30: cannot complete it/,
    ],
    [
      'it was cancelled',
      [scheduled, cancelled],
      complete(),
      IllegalStateError,
      /was cancelled on 2026-03-20: cannot complete it/,
    ],
    [
      'the cost is negative',
      [scheduled],
      complete({ costEur: -1 }),
      ValidationError,
      /costEur: an amount in euro cannot be negative/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('cancelling a mission', () => {
  it('cancels a scheduled mission with a reason', () => {
    given([scheduled]).when(cancel()).then([cancelled]);
  });

  it.each<Refusal>([
    ['the mission does not exist', [], cancel(), NotFoundError, /does not exist/],
    [
      'the cancellation is dated in the future',
      [scheduled],
      cancel({ cancelledOn: '2026-03-21' }),
      ValidationError,
      /cannot be cancelled in the future \(2026-03-21\)/,
    ],
    [
      'it was already cancelled',
      [scheduled, cancelled],
      cancel(),
      IllegalStateError,
      /was cancelled on 2026-03-20: cannot cancel it/,
    ],
    [
      'it was completed',
      [scheduled, completed],
      cancel(),
      IllegalStateError,
      /was completed on 2026-04-30: cannot cancel it/,
    ],
    ['no reason is given', [scheduled], cancel({ reason: '' }), ValidationError, /reason: must not be empty/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('the mission state', () => {
  it('keeps each activity with its phase, and sums the days spent', () => {
    const state = fold(missionDecider, [
      scheduled,
      planned('TERMS_OF_REFERENCE'),
      activityDone({ doneOn: '2026-03-10', daysSpent: 0.5 }),
      planned('FIELD_VISITS', ids.otherActivity),
    ]);
    if (state.status !== 'SCHEDULED') throw new Error(`expected a scheduled mission, got ${state.status}`);
    expect(state.activities.get(ids.activity)).toMatchObject({
      phase: 'PREPARATION',
      doneOn: '2026-03-10',
      daysSpent: 0.5,
    });
    expect(state.activities.get(ids.otherActivity)).toMatchObject({ phase: 'DURING', doneOn: undefined, daysSpent: 0 });
    expect(activityDays(state)).toBe(0.5);
  });

  it.each<[string, MissionEvent[], object]>([
    [
      'completed',
      [scheduled, completed],
      { status: 'COMPLETED', completedOn: '2026-04-30', daysSpent: 12, costEur: 2200 },
    ],
    ['cancelled', [scheduled, cancelled], { status: 'CANCELLED', cancelledOn: '2026-03-20' }],
    ['reported', [scheduled, reportFiled()], { status: 'SCHEDULED', reportFiled: true }],
  ])('ends %s', (_name, events, expected) => {
    expect(fold(missionDecider, events)).toMatchObject(expected);
  });
});
