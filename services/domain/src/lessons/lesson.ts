import {
  IllegalStateError,
  LessonEdited,
  LessonPromotedToGoodPractice,
  LessonRecorded,
  LessonRetracted,
  NotFoundError,
  ValidationError,
  type Command,
  type EventData,
} from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { checkInput, commandDate, event, type EventsOf } from '../events.js';

export type LessonEvent = EventsOf<
  'LessonRecorded' | 'LessonEdited' | 'LessonPromotedToGoodPractice' | 'LessonRetracted'
>;

type Content = Omit<EventData<'LessonRecorded'>, 'lessonId' | 'missionId' | 'recordedOn' | 'authorStaffMemberId'>;

interface LessonDetails extends Content {
  readonly lessonId: string;
  readonly missionId: string;
  readonly goodPractice: boolean;
}

export type LessonState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'RECORDED' } & LessonDetails)
  | ({ readonly status: 'RETRACTED' } & LessonDetails);

/** What the handler looked up about the mission a lesson is learned from. */
export interface MissionFacts {
  readonly missionId: string;
  readonly status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';
  readonly startDate: string;
  readonly staffMemberIds: readonly string[];
}

export type RecordLesson = Command<'RecordLesson', EventData<'LessonRecorded'> & { mission: MissionFacts | undefined }>;
export type EditLesson = Command<'EditLesson', EventData<'LessonEdited'>>;
export type PromoteToGoodPractice = Command<'PromoteToGoodPractice', { lessonId: string; rationale?: string }>;
export type RetractLesson = Command<'RetractLesson', EventData<'LessonRetracted'>>;
export type LessonCommand = RecordLesson | EditLesson | PromoteToGoodPractice | RetractLesson;

export const lessonStream = (lessonId: string) => `lesson-${lessonId}`;

export function evolve(state: LessonState, e: LessonEvent): LessonState {
  switch (e.type) {
    case 'LessonRecorded': {
      const { recordedOn: _r, authorStaffMemberId: _a, ...rest } = e.data;
      return { status: 'RECORDED', goodPractice: false, ...rest };
    }
    case 'LessonEdited': {
      if (state.status === 'NONE') return state;
      const changes = Object.fromEntries(Object.entries(e.data).filter(([, v]) => v !== undefined));
      return { ...state, ...changes };
    }
    case 'LessonPromotedToGoodPractice':
      if (state.status === 'NONE') return state;
      return { ...state, goodPractice: true };
    case 'LessonRetracted':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'RETRACTED', goodPractice: false };
    default:
      return state;
  }
}

function requireRecorded(
  state: LessonState,
  lessonId: string,
  doing: string,
): Extract<LessonState, { status: 'RECORDED' }> {
  if (state.status === 'NONE') throw new NotFoundError(`Lesson ${lessonId} does not exist`);
  if (state.status === 'RETRACTED') throw new IllegalStateError(`Lesson ${lessonId} was retracted: cannot ${doing}`);
  return state;
}

export function decide(command: LessonCommand, state: LessonState): LessonEvent[] {
  const today = commandDate(command.metadata.issuedAt);
  switch (command.type) {
    case 'RecordLesson': {
      const { mission, ...input } = command.data;
      const data = checkInput(LessonRecorded.schema, input, 'lesson');
      if (!mission)
        throw new NotFoundError(`Mission ${data.missionId} does not exist: a lesson is learned from a mission`);
      if (mission.status === 'CANCELLED')
        throw new IllegalStateError(`Mission ${data.missionId} was cancelled: no lessons can be learned from it`);
      if (!mission.staffMemberIds.includes(data.authorStaffMemberId)) {
        throw new ValidationError(
          `Staff member ${data.authorStaffMemberId} did not accompany mission ${data.missionId}: lessons are recorded by its staff`,
          ['authorStaffMemberId'],
        );
      }
      if (data.recordedOn > today)
        throw new ValidationError(`A lesson cannot be recorded in the future (${data.recordedOn})`, ['recordedOn']);
      if (data.recordedOn < mission.startDate) {
        throw new ValidationError(
          `A lesson cannot be recorded (${data.recordedOn}) before its mission started (${mission.startDate})`,
          ['recordedOn'],
        );
      }
      if (state.status !== 'NONE') throw new IllegalStateError(`Lesson ${data.lessonId} already exists`);
      return [event('LessonRecorded', data)];
    }
    case 'EditLesson': {
      const data = checkInput(LessonEdited.schema, command.data, 'lesson edit');
      const lesson = requireRecorded(state, data.lessonId, 'edit it');
      const { lessonId: _id, ...changes } = data;
      const changed = Object.entries(changes).some(
        ([key, value]) =>
          value !== undefined && JSON.stringify(value) !== JSON.stringify(lesson[key as keyof typeof lesson]),
      );
      if (!changed) throw new ValidationError('The edit changes nothing: give at least one field with a new value');
      return [event('LessonEdited', data)];
    }
    case 'PromoteToGoodPractice': {
      const lesson = requireRecorded(state, command.data.lessonId, 'promote it');
      if (lesson.goodPractice) throw new IllegalStateError(`Lesson ${lesson.lessonId} is already a good practice`);
      return [
        event(
          'LessonPromotedToGoodPractice',
          checkInput(
            LessonPromotedToGoodPractice.schema,
            { lessonId: lesson.lessonId, promotedOn: today, rationale: command.data.rationale },
            'promotion',
          ),
        ),
      ];
    }
    case 'RetractLesson': {
      const data = checkInput(LessonRetracted.schema, command.data, 'retraction');
      requireRecorded(state, data.lessonId, 'retract it again');
      return [event('LessonRetracted', data)];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const lessonDecider: Decider<LessonState, LessonCommand, LessonEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'NONE' }),
};
