import { IllegalStateError, NotFoundError, ValidationError } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { fold } from '../decider.js';
import {
  aprilMission,
  commandsFor,
  ids,
  lessonPromoted,
  lessonRecorded,
  lessonRetracted,
  on,
  type Refusal as RefusalOf,
} from '../testing/builders.js';
import { spec } from '../testing/spec.js';
import { lessonDecider, type EditLesson, type LessonCommand, type LessonEvent, type RecordLesson } from './lesson.js';

const command = commandsFor<LessonCommand>();
const given = (events: LessonEvent[]) => spec(lessonDecider).given(events);

const record = (data: Partial<RecordLesson['data']> = {}) =>
  command('RecordLesson', { ...lessonRecorded().data, mission: aprilMission(), ...data }, on('2026-05-04'));
const edit = (changes: Omit<EditLesson['data'], 'lessonId'>) =>
  command('EditLesson', { lessonId: ids.lesson, ...changes }, on('2026-05-10'));
const promote = (rationale?: string) =>
  command(
    'PromoteToGoodPractice',
    { lessonId: ids.lesson, ...(rationale === undefined ? {} : { rationale }) },
    on('2026-05-20'),
  );
const retract = (reason = 'Dubbel met een les uit de missie van 2024.') =>
  command('RetractLesson', { lessonId: ids.lesson, reason }, on('2026-06-01'));

/** What Lies Janssens learned in Bohicon about digital birth certificates. */
const recorded = lessonRecorded();
const promoted = lessonPromoted();
const retracted = lessonRetracted();

type Refusal = RefusalOf<LessonEvent, LessonCommand>;

describe('recording a lesson', () => {
  it('records a lesson learned from a completed mission', () => {
    given([]).when(record()).then([recorded]);
  });

  it('records a lesson during a mission in progress, from its first day', () => {
    given([])
      .when(record({ recordedOn: '2026-04-13', mission: aprilMission({ status: 'SCHEDULED' }) }))
      .then([lessonRecorded({ recordedOn: '2026-04-13' })]);
  });

  it.each<Refusal>([
    [
      'the mission does not exist',
      [],
      record({ mission: undefined }),
      NotFoundError,
      new RegExp(`Mission ${ids.mission} does not exist: a lesson is learned from a mission`),
    ],
    [
      'the author did not accompany the mission',
      [],
      record({ mission: aprilMission({ staffMemberIds: [] }) }),
      ValidationError,
      /did not accompany mission .*: lessons are recorded by its staff/,
    ],
    [
      'the mission was cancelled',
      [],
      record({ mission: aprilMission({ status: 'CANCELLED' }) }),
      IllegalStateError,
      /was cancelled: no lessons can be learned from it/,
    ],
    [
      'the lesson is dated before the mission started',
      [],
      record({ recordedOn: '2026-04-12', mission: aprilMission({ status: 'SCHEDULED' }) }),
      ValidationError,
      /A lesson cannot be recorded \(2026-04-12\) before its mission started \(2026-04-13\)/,
    ],
    ['the lesson already exists', [recorded], record(), IllegalStateError, /Lesson .* already exists/],
    ['the title is empty', [], record({ title: ' ' }), ValidationError, /title: must not be empty/],
    ['an SDG does not exist', [], record({ sdgs: [18] }), ValidationError, /SDGs are numbered 1 to 17/],
    [
      'the level is unknown',
      [],
      record({ level: 'STRATEGIC' as never }),
      ValidationError,
      /unknown lesson level "STRATEGIC"/,
    ],
    ['the phase is unknown', [], record({ phase: 'AFTER' as never }), ValidationError, /unknown phase "AFTER"/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('editing a lesson', () => {
  it('records the changed fields', () => {
    given([recorded])
      .when(edit({ level: 'PROCESS', sdgs: [16, 17] }))
      .then([{ type: 'LessonEdited', data: { lessonId: ids.lesson, level: 'PROCESS', sdgs: [16, 17] } }]);
  });

  it('edits a good practice', () => {
    given([recorded, promoted])
      .when(edit({ title: 'Stroom eerst, dan digitale aktes' }))
      .then([{ type: 'LessonEdited', data: { lessonId: ids.lesson, title: 'Stroom eerst, dan digitale aktes' } }]);
  });

  it.each<Refusal>([
    ['the lesson does not exist', [], edit({ level: 'PROCESS' }), NotFoundError, /Lesson .* does not exist/],
    [
      'the lesson was retracted',
      [recorded, retracted],
      edit({ level: 'PROCESS' }),
      IllegalStateError,
      /was retracted: cannot edit it/,
    ],
    [
      'the edit changes nothing',
      [recorded],
      edit({ level: 'RESULTS', policyDomains: ['CIVIL_REGISTRATION', 'DIGITALISATION'] }),
      ValidationError,
      /The edit changes nothing: give at least one field with a new value/,
    ],
    ['the edit names no field', [recorded], edit({}), ValidationError, /changes nothing/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('promoting a lesson to a good practice', () => {
  it('promotes on the day of the command', () => {
    given([recorded]).when(promote()).then([promoted]);
  });

  it('keeps the rationale', () => {
    given([recorded])
      .when(promote('Bruikbaar voor elke partner die de burgerlijke stand digitaliseert.'))
      .then([lessonPromoted({ rationale: 'Bruikbaar voor elke partner die de burgerlijke stand digitaliseert.' })]);
  });

  it.each<Refusal>([
    ['the lesson does not exist', [], promote(), NotFoundError, /Lesson .* does not exist/],
    [
      'the lesson was retracted',
      [recorded, retracted],
      promote(),
      IllegalStateError,
      /was retracted: cannot promote it/,
    ],
    [
      'the lesson was promoted before and then retracted',
      [recorded, promoted, retracted],
      promote(),
      IllegalStateError,
      /was retracted: cannot promote it/,
    ],
    [
      'the lesson is already a good practice',
      [recorded, promoted],
      promote(),
      IllegalStateError,
      /is already a good practice/,
    ],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('retracting a lesson', () => {
  it('retracts with a reason', () => {
    given([recorded]).when(retract()).then([retracted]);
  });

  it('retracts a good practice', () => {
    given([recorded, promoted]).when(retract()).then([retracted]);
  });

  it.each<Refusal>([
    ['the lesson does not exist', [], retract(), NotFoundError, /does not exist/],
    [
      'it was already retracted',
      [recorded, retracted],
      retract(),
      IllegalStateError,
      /was retracted: cannot retract it again/,
    ],
    ['no reason is given', [recorded], retract('  '), ValidationError, /reason: must not be empty/],
  ])('refuses when %s', (_rule, events, when, error, message) => {
    given(events).when(when).thenThrows(error, message);
  });
});

describe('the lesson state', () => {
  it('applies edits and the promotion', () => {
    const state = fold(lessonDecider, [
      recorded,
      { type: 'LessonEdited', data: { lessonId: ids.lesson, level: 'PROCESS' } },
      promoted,
    ]);
    expect(state).toMatchObject({ status: 'RECORDED', level: 'PROCESS', phase: 'DURING', goodPractice: true });
  });

  it('is no longer a good practice once retracted', () => {
    expect(fold(lessonDecider, [recorded, promoted, retracted])).toMatchObject({
      status: 'RETRACTED',
      goodPractice: false,
    });
  });
});
