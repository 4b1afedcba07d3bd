import { defineProjection } from '../runner/projection.js';
import { applyDirectory, directory, directoryEvents, directoryTables } from '../directory/directory.js';
import { clusterPlans, clusterVisits } from './table.js';

const json = (value: unknown) => JSON.stringify(value);
const dir = directory('clusters');

/**
 * Twinnings and the visits to each southern region: the raw material for
 * planners who combine visits of several municipalities into joint missions.
 */
export const clustersProjection = defineProjection({
  name: 'clusters',
  // 2: the joint missions and regional events planned in each region (issue 12).
  // 3: visits indexed by end date, for the planner's periods ahead (issue 16).
  version: 3,
  cost: 1,
  tables: [clusterVisits, clusterPlans, ...directoryTables(dir)],
  handles: [
    ...directoryEvents,
    'AccompanimentRequestSubmitted',
    'AccompanimentRequestAmended',
    'AccompanimentRequestWithdrawn',
    'AccompanimentAccepted',
    'AccompanimentDeclined',
    'MissionScheduled',
    'MissionCompleted',
    'MissionCancelled',
    'JointMissionProposed',
    'JointMissionAmended',
    'JointMissionApproved',
    'JointMissionRejected',
    'RegionalEventProposed',
    'RegionalEventAmended',
    'RegionalEventApproved',
    'RegionalEventRejected',
  ],
  async apply(e, uow) {
    if (await applyDirectory(dir, e, uow)) return;
    switch (e.type) {
      case 'AccompanimentRequestSubmitted': {
        const d = e.data;
        const twinning = await uow.get(dir.twinnings, { twinning_id: d.twinningId });
        uow.put(clusterVisits, {
          visit_id: d.requestId,
          kind: 'REQUEST',
          nis_codes: json([d.nisCode]),
          twinning_ids: json([d.twinningId]),
          country_code: twinning?.country_code ?? null,
          region_code: twinning?.region_code ?? null,
          mission_type: d.missionType,
          start_date: d.startDate,
          end_date: d.endDate,
          status: 'SUBMITTED',
          mission_id: null,
          request_ids: json([]),
        });
        return;
      }
      case 'AccompanimentRequestAmended': {
        const d = e.data;
        await uow.update(clusterVisits, { visit_id: d.requestId }, (r) => ({
          mission_type: d.missionType ?? r.mission_type,
          start_date: d.startDate ?? r.start_date,
          end_date: d.endDate ?? r.end_date,
        }));
        return;
      }
      case 'AccompanimentRequestWithdrawn':
      case 'AccompanimentAccepted':
      case 'AccompanimentDeclined': {
        const status =
          e.type === 'AccompanimentAccepted'
            ? 'ACCEPTED'
            : e.type === 'AccompanimentDeclined'
              ? 'DECLINED'
              : 'WITHDRAWN';
        await uow.update(clusterVisits, { visit_id: e.data.requestId }, () => ({ status }));
        return;
      }
      case 'MissionScheduled': {
        const d = e.data;
        uow.put(clusterVisits, {
          visit_id: d.missionId,
          kind: 'MISSION',
          nis_codes: json([...new Set(d.nisCodes)]),
          twinning_ids: json(d.twinningIds),
          country_code: d.countryCode,
          region_code: d.regionCode,
          mission_type: d.missionType,
          start_date: d.startDate,
          end_date: d.endDate,
          status: 'SCHEDULED',
          mission_id: null,
          request_ids: json(d.requestIds),
        });
        for (const requestId of d.requestIds)
          await uow.update(clusterVisits, { visit_id: requestId }, () => ({ mission_id: d.missionId }));
        return;
      }
      case 'MissionCompleted':
        await uow.update(clusterVisits, { visit_id: e.data.missionId }, () => ({ status: 'COMPLETED' }));
        return;
      case 'MissionCancelled': {
        const mission = await uow.update(clusterVisits, { visit_id: e.data.missionId }, () => ({
          status: 'CANCELLED',
        }));
        // Without its mission, an accepted request is a visit of its own again (unaccompanied).
        for (const requestId of mission ? (JSON.parse(mission.request_ids) as string[]) : [])
          await uow.update(clusterVisits, { visit_id: requestId }, (r) => ({
            mission_id: r.mission_id === e.data.missionId ? null : r.mission_id,
          }));
        return;
      }
      case 'JointMissionProposed':
      case 'JointMissionAmended': {
        const d = e.data;
        const before = await uow.get(clusterPlans, { plan_id: d.jointMissionId });
        if (e.type === 'JointMissionAmended' && !before) return;
        uow.put(clusterPlans, {
          plan_id: d.jointMissionId,
          plan_kind: 'JOINT_MISSION',
          status: before?.status ?? 'PROPOSED',
          country_code: d.countryCode,
          region_codes: json(d.regionCodes),
          start_date: d.startDate,
          end_date: d.endDate,
          nis_codes: json([...new Set(d.nisCodes)]),
          mission_type: d.missionType,
          event_kind: null,
          title: null,
        });
        return;
      }
      case 'RegionalEventProposed':
      case 'RegionalEventAmended': {
        const d = e.data;
        const before = await uow.get(clusterPlans, { plan_id: d.regionalEventId });
        if (e.type === 'RegionalEventAmended' && !before) return;
        uow.put(clusterPlans, {
          plan_id: d.regionalEventId,
          plan_kind: 'REGIONAL_EVENT',
          status: before?.status ?? 'PROPOSED',
          country_code: d.countryCode,
          region_codes: json(d.regionCodes),
          start_date: d.startDate,
          end_date: d.endDate,
          nis_codes: json([...new Set(d.invitedNisCodes)]),
          mission_type: null,
          event_kind: d.kind,
          title: d.title,
        });
        return;
      }
      case 'JointMissionApproved':
      case 'JointMissionRejected':
        await uow.update(clusterPlans, { plan_id: e.data.jointMissionId }, () => ({
          status: e.type === 'JointMissionApproved' ? 'APPROVED' : 'REJECTED',
        }));
        return;
      case 'RegionalEventApproved':
      case 'RegionalEventRejected':
        await uow.update(clusterPlans, { plan_id: e.data.regionalEventId }, () => ({
          status: e.type === 'RegionalEventApproved' ? 'APPROVED' : 'REJECTED',
        }));
        return;
      default:
        return;
    }
  },
});
