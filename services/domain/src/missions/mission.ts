import {
  Activities,
  IllegalStateError,
  MissionActivityDone,
  MissionActivityPlanned,
  MissionCancelled,
  MissionCompleted,
  MissionReportFiled,
  MissionScheduled,
  LocalDate,
  NotFoundError,
  ValidationError,
  type Activity,
  type Command,
  type EventData,
  type MissionType,
  type Phase,
} from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { checkInput, commandDate, event, type EventsOf } from '../events.js';

export type MissionEvent = EventsOf<
  | 'MissionScheduled'
  | 'MissionActivityPlanned'
  | 'MissionActivityDone'
  | 'MissionReportFiled'
  | 'MissionCompleted'
  | 'MissionCancelled'
>;

export interface PlannedActivity {
  readonly activity: Activity;
  readonly phase: Phase;
  readonly staffMemberId: string;
  readonly doneOn: string | undefined;
  readonly daysSpent: number;
}

export interface MissionDetails {
  readonly missionId: string;
  readonly requestIds: readonly string[];
  readonly nisCodes: readonly string[];
  readonly missionType: MissionType;
  readonly countryCode: string;
  readonly regionCode: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly staffMemberIds: readonly string[];
  readonly bookedDays: number;
  readonly reservedBudgetEur: number;
  readonly activities: ReadonlyMap<string, PlannedActivity>;
  readonly reportFiled: boolean;
}

export type MissionState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'SCHEDULED' } & MissionDetails)
  | ({
      readonly status: 'COMPLETED';
      readonly completedOn: string;
      readonly daysSpent: number;
      readonly costEur: number;
    } & MissionDetails)
  | ({ readonly status: 'CANCELLED'; readonly cancelledOn: string } & MissionDetails);

export type ScheduleMission = Command<'ScheduleMission', EventData<'MissionScheduled'>>;
export type PlanActivity = Command<'PlanActivity', EventData<'MissionActivityPlanned'>>;
export type RecordActivityDone = Command<'RecordActivityDone', EventData<'MissionActivityDone'>>;
export type FileReport = Command<'FileReport', EventData<'MissionReportFiled'>>;
export type CompleteMission = Command<
  'CompleteMission',
  {
    missionId: string;
    completedOn: string;
    daysSpent?: number;
    costEur?: number;
    report?: string;
    authorStaffMemberId?: string;
  }
>;
export type CancelMission = Command<'CancelMission', EventData<'MissionCancelled'>>;
export type MissionCommand =
  ScheduleMission | PlanActivity | RecordActivityDone | FileReport | CompleteMission | CancelMission;

export const missionStream = (missionId: string) => `mission-${missionId}`;

/** Days spent on the activities done so far. */
export function activityDays(mission: MissionDetails): number {
  let days = 0;
  for (const a of mission.activities.values()) days += a.daysSpent;
  return days;
}

export function evolve(state: MissionState, e: MissionEvent): MissionState {
  switch (e.type) {
    case 'MissionScheduled': {
      const { jointMissionId: _j, twinningIds: _t, ...details } = e.data;
      return { status: 'SCHEDULED', ...details, activities: new Map(), reportFiled: false };
    }
    case 'MissionActivityPlanned': {
      if (state.status === 'NONE') return state;
      const { activityId, activity, staffMemberId } = e.data;
      const planned: PlannedActivity = {
        activity,
        phase: Activities.get(activity).phase,
        staffMemberId,
        doneOn: undefined,
        daysSpent: 0,
      };
      return { ...state, activities: new Map(state.activities).set(activityId, planned) };
    }
    case 'MissionActivityDone': {
      if (state.status === 'NONE') return state;
      const a = state.activities.get(e.data.activityId);
      if (!a) return state;
      return {
        ...state,
        activities: new Map(state.activities).set(e.data.activityId, {
          ...a,
          doneOn: e.data.doneOn,
          daysSpent: e.data.daysSpent,
        }),
      };
    }
    case 'MissionReportFiled':
      if (state.status === 'NONE') return state;
      return { ...state, reportFiled: true };
    case 'MissionCompleted':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        status: 'COMPLETED',
        completedOn: e.data.completedOn,
        daysSpent: e.data.daysSpent,
        costEur: e.data.costEur,
      };
    case 'MissionCancelled':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'CANCELLED', cancelledOn: e.data.cancelledOn };
    default:
      return state;
  }
}

function requireScheduled(
  state: MissionState,
  missionId: string,
  doing: string,
): Extract<MissionState, { status: 'SCHEDULED' }> {
  if (state.status === 'NONE') throw new NotFoundError(`Mission ${missionId} does not exist`);
  if (state.status === 'COMPLETED')
    throw new IllegalStateError(`Mission ${missionId} was completed on ${state.completedOn}: cannot ${doing}`);
  if (state.status === 'CANCELLED')
    throw new IllegalStateError(`Mission ${missionId} was cancelled on ${state.cancelledOn}: cannot ${doing}`);
  return state;
}

export function decide(command: MissionCommand, state: MissionState): MissionEvent[] {
  const today = commandDate(command.metadata.issuedAt);
  switch (command.type) {
    case 'ScheduleMission': {
      const data = checkInput(MissionScheduled.schema, command.data, 'mission');
      if (state.status !== 'NONE') throw new IllegalStateError(`Mission ${data.missionId} already exists`);
      return [event('MissionScheduled', data)];
    }
    case 'PlanActivity': {
      const data = checkInput(MissionActivityPlanned.schema, command.data, 'activity');
      const mission = requireScheduled(state, data.missionId, 'plan activities');
      if (mission.activities.has(data.activityId))
        throw new IllegalStateError(`Activity ${data.activityId} is already planned`);
      if (!mission.staffMemberIds.includes(data.staffMemberId)) {
        throw new ValidationError(`Staff member ${data.staffMemberId} does not accompany mission ${data.missionId}`, [
          'staffMemberId',
        ]);
      }
      return [event('MissionActivityPlanned', data)];
    }
    case 'RecordActivityDone': {
      const data = checkInput(MissionActivityDone.schema, command.data, 'activity');
      const mission = requireScheduled(state, data.missionId, 'record activities');
      const activity = mission.activities.get(data.activityId);
      if (!activity)
        throw new NotFoundError(`Mission ${data.missionId} has no planned activity ${data.activityId}; plan it first`);
      if (activity.doneOn)
        throw new IllegalStateError(`Activity ${data.activityId} was already done on ${activity.doneOn}`);
      if (data.doneOn > today)
        throw new ValidationError(`An activity cannot be done in the future (${data.doneOn})`, ['doneOn']);
      if (activity.phase === 'DURING' && (data.doneOn < mission.startDate || data.doneOn > mission.endDate)) {
        throw new ValidationError(
          `${Activities.label(activity.activity, 'en')} happens during the visit (${mission.startDate} – ${mission.endDate}), not on ${data.doneOn}`,
          ['doneOn'],
        );
      }
      if (activity.phase === 'PREPARATION' && data.doneOn > mission.endDate) {
        throw new ValidationError(`A preparation activity cannot be done after the visit ended (${mission.endDate})`, [
          'doneOn',
        ]);
      }
      if (activity.phase === 'PROCESSING' && data.doneOn < mission.startDate) {
        throw new ValidationError(
          `A processing activity cannot be done before the visit started (${mission.startDate})`,
          ['doneOn'],
        );
      }
      return [event('MissionActivityDone', data)];
    }
    case 'FileReport': {
      const data = checkInput(MissionReportFiled.schema, command.data, 'report');
      const mission = requireScheduled(state, data.missionId, 'file a report');
      if (mission.reportFiled) throw new IllegalStateError(`Mission ${data.missionId} already has its report`);
      if (!mission.staffMemberIds.includes(data.authorStaffMemberId)) {
        throw new ValidationError(
          `Staff member ${data.authorStaffMemberId} did not accompany mission ${data.missionId}: only its staff file its report`,
          ['authorStaffMemberId'],
        );
      }
      if (data.filedOn > today)
        throw new ValidationError(`A report cannot be filed in the future (${data.filedOn})`, ['filedOn']);
      if (data.filedOn < mission.startDate)
        throw new ValidationError(`A report cannot be filed before the visit started (${mission.startDate})`, [
          'filedOn',
        ]);
      return [event('MissionReportFiled', data)];
    }
    case 'CompleteMission': {
      const { missionId, completedOn, report, authorStaffMemberId } = command.data;
      checkInput(LocalDate, completedOn, 'completion date');
      const mission = requireScheduled(state, missionId, 'complete it');
      if (completedOn < mission.endDate) {
        throw new ValidationError(
          `Mission ${missionId} cannot be completed on ${completedOn}, before the visit ended (${mission.endDate})`,
          ['completedOn'],
        );
      }
      if (completedOn > today)
        throw new ValidationError(`A mission cannot be completed in the future (${completedOn})`, ['completedOn']);
      const events: MissionEvent[] = [];
      if (report !== undefined && report.trim() !== '') {
        if (mission.reportFiled) throw new IllegalStateError(`Mission ${missionId} already has its report`);
        const author = authorStaffMemberId ?? mission.staffMemberIds[0]!;
        if (!mission.staffMemberIds.includes(author)) {
          throw new ValidationError(
            `Staff member ${author} did not accompany mission ${missionId}: only its staff file its report`,
            ['authorStaffMemberId'],
          );
        }
        events.push(
          event(
            'MissionReportFiled',
            checkInput(
              MissionReportFiled.schema,
              { missionId, filedOn: completedOn, authorStaffMemberId: author, summary: report },
              'report',
            ),
          ),
        );
      }
      const done = activityDays(mission);
      const completed = checkInput(
        MissionCompleted.schema,
        {
          missionId,
          completedOn,
          daysSpent: command.data.daysSpent ?? (done > 0 ? done : mission.bookedDays),
          costEur: command.data.costEur ?? mission.reservedBudgetEur,
        },
        'completion',
      );
      events.push(event('MissionCompleted', completed));
      return events;
    }
    case 'CancelMission': {
      const data = checkInput(MissionCancelled.schema, command.data, 'cancellation');
      requireScheduled(state, data.missionId, 'cancel it');
      if (data.cancelledOn > today)
        throw new ValidationError(`A mission cannot be cancelled in the future (${data.cancelledOn})`, ['cancelledOn']);
      return [event('MissionCancelled', data)];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const missionDecider: Decider<MissionState, MissionCommand, MissionEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'NONE' }),
};
