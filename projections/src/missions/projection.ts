import { Activities } from '@werkbezoek/schema';
import { applyDirectory, directory, directoryEvents, directoryTables } from '../directory/directory.js';
import { defineProjection } from '../runner/projection.js';
import { missionActivities, missions } from './table.js';

const cents = (eur: number) => Math.round(eur * 100);
const json = (value: unknown) => JSON.stringify(value);
const dir = directory('missions');

/**
 * Every mission with its municipalities, staff, report, days and cost, and
 * the activities its staff planned and did in each phase. Follows the
 * mission decider's evolve: events about a mission or activity that does
 * not exist change nothing.
 */
export const missionsProjection = defineProjection({
  name: 'missions',
  version: 1,
  cost: 5.5,
  tables: [missions, missionActivities, ...directoryTables(dir)],
  handles: [
    ...directoryEvents,
    'MissionScheduled',
    'MissionActivityPlanned',
    'MissionActivityDone',
    'MissionReportFiled',
    'MissionCompleted',
    'MissionCancelled',
  ],
  async apply(e, uow) {
    if (await applyDirectory(dir, e, uow)) return;
    switch (e.type) {
      case 'MissionScheduled': {
        const d = e.data;
        const municipalityNames: (string | null)[] = [];
        for (const nisCode of d.nisCodes)
          municipalityNames.push((await uow.get(dir.municipalities, { nis_code: nisCode }))?.name ?? null);
        const staffNames: (string | null)[] = [];
        for (const staffMemberId of d.staffMemberIds)
          staffNames.push((await uow.get(dir.staff, { staff_member_id: staffMemberId }))?.name ?? null);
        uow.put(missions, {
          mission_id: d.missionId,
          mission_type: d.missionType,
          status: 'SCHEDULED',
          request_ids: json(d.requestIds),
          joint_mission_id: d.jointMissionId ?? null,
          twinning_ids: json(d.twinningIds),
          nis_codes: json(d.nisCodes),
          municipality_names: json(municipalityNames),
          country_code: d.countryCode,
          region_code: d.regionCode,
          start_date: d.startDate,
          end_date: d.endDate,
          staff_member_ids: json(d.staffMemberIds),
          staff_names: json(staffNames),
          booked_days: d.bookedDays,
          reserved_budget_cents: cents(d.reservedBudgetEur),
          report_filed_on: null,
          report_author_staff_member_id: null,
          report_summary: null,
          completed_on: null,
          days_spent: null,
          cost_cents: null,
          cancelled_on: null,
          cancellation_reason: null,
          activities_planned: 0,
          activities_done: 0,
        });
        return;
      }
      case 'MissionActivityPlanned': {
        const d = e.data;
        // The decider refuses an activity id twice; should one come again, it replaces the activity, as evolve
        // does, and the counts follow, so they always match the activity rows.
        const before = await uow.get(missionActivities, { activity_id: d.activityId });
        const mission = await uow.update(missions, { mission_id: d.missionId }, (m) => ({
          activities_planned: m.activities_planned + (before ? 0 : 1),
          activities_done: m.activities_done - (before?.done_on ? 1 : 0),
        }));
        if (!mission) return;
        const staff = await uow.get(dir.staff, { staff_member_id: d.staffMemberId });
        uow.put(missionActivities, {
          activity_id: d.activityId,
          mission_id: d.missionId,
          activity: d.activity,
          phase: Activities.get(d.activity).phase,
          planned_on: d.plannedOn,
          staff_member_id: d.staffMemberId,
          staff_name: staff?.name ?? null,
          note: d.note ?? null,
          done_on: null,
          days_spent: null,
        });
        return;
      }
      case 'MissionActivityDone': {
        const d = e.data;
        const before = await uow.get(missionActivities, { activity_id: d.activityId });
        if (!before) return;
        uow.put(missionActivities, {
          ...before,
          done_on: d.doneOn,
          days_spent: d.daysSpent,
          note: d.note ?? before.note,
        });
        if (!before.done_on)
          await uow.update(missions, { mission_id: before.mission_id }, (m) => ({
            activities_done: m.activities_done + 1,
          }));
        return;
      }
      case 'MissionReportFiled':
        await uow.update(missions, { mission_id: e.data.missionId }, () => ({
          report_filed_on: e.data.filedOn,
          report_author_staff_member_id: e.data.authorStaffMemberId,
          report_summary: e.data.summary,
        }));
        return;
      case 'MissionCompleted':
        await uow.update(missions, { mission_id: e.data.missionId }, () => ({
          status: 'COMPLETED',
          completed_on: e.data.completedOn,
          days_spent: e.data.daysSpent,
          cost_cents: cents(e.data.costEur),
        }));
        return;
      case 'MissionCancelled':
        await uow.update(missions, { mission_id: e.data.missionId }, () => ({
          status: 'CANCELLED',
          cancelled_on: e.data.cancelledOn,
          cancellation_reason: e.data.reason,
        }));
        return;
      default:
        return;
    }
  },
});
