import type { ActivityView, MissionView } from '@werkbezoek/projections';
import type { Mission } from '../requests/request.type.js';
import type { MissionActivity } from './mission.type.js';

export function toMission(m: MissionView): Mission {
  return {
    id: m.missionId,
    status: m.status,
    missionType: m.missionType,
    startDate: m.startDate,
    endDate: m.endDate,
    regionCode: m.regionCode,
    staffNames: m.staffNames.filter((n): n is string => n !== null),
    bookedDays: m.bookedDays,
    daysSpent: m.daysSpent,
    costEur: m.costEur,
    completedOn: m.completedOn,
  };
}

export function toMissionActivity(a: ActivityView): MissionActivity {
  return {
    id: a.activityId,
    activity: a.activity,
    phase: a.phase,
    plannedOn: a.plannedOn,
    staffMember: { id: a.staffMemberId, name: a.staffName },
    note: a.note,
    doneOn: a.doneOn,
    daysSpent: a.daysSpent,
    done: a.doneOn !== null,
  };
}
