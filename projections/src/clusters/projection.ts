import { defineProjection } from '../runner/projection.js';
import { applyDirectory, directory, directoryEvents, directoryTables } from '../directory/directory.js';
import type { RecordedEvent, WerkbezoekEvent } from '@werkbezoek/schema';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import { clusterPlans, clusterRegions, clusterVisits } from './table.js';

const json = (value: unknown) => JSON.stringify(value);
const dir = directory('clusters');

interface Place {
  readonly region_code: string | null;
  readonly country_code: string | null;
}

/** Marks the regions of these visits (or of a plan: `regions`) as changed by this event (clusterRegions). */
function changed(uow: UnitOfWork, e: RecordedEvent<WerkbezoekEvent>, places: readonly (Place | undefined)[]): void {
  for (const place of places) {
    if (!place?.region_code || !place.country_code) continue;
    uow.put(clusterRegions, {
      region_code: place.region_code,
      country_code: place.country_code,
      changed_at: e.position.toString(),
    });
  }
}

/** A plan's regions as places. */
const regionsOf = (plan: { readonly region_codes: string; readonly country_code: string } | undefined): Place[] =>
  plan
    ? (JSON.parse(plan.region_codes) as string[]).map((region_code) => ({
        region_code,
        country_code: plan.country_code,
      }))
    : [];

/**
 * Twinnings and the visits to each southern region: the raw material for
 * planners who combine visits of several municipalities into joint missions.
 */
export const clustersProjection = defineProjection({
  name: 'clusters',
  // 2: the joint missions and regional events planned in each region (issue 12).
  // 3: visits indexed by end date, for the planner's periods ahead (issue 16).
  // 4: when each region's visits or plans last changed (clusters_regions), so the planner recomputes only those, and
  //    visits by region indexed by end date only (issue 16).
  version: 4,
  cost: 1,
  tables: [clusterVisits, clusterPlans, clusterRegions, ...directoryTables(dir)],
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
        changed(uow, e, [twinning]);
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
        const before = await uow.get(clusterVisits, { visit_id: d.requestId });
        const amended = await uow.update(clusterVisits, { visit_id: d.requestId }, (r) => ({
          mission_type: d.missionType ?? r.mission_type,
          start_date: d.startDate ?? r.start_date,
          end_date: d.endDate ?? r.end_date,
        }));
        // An amendment of the delegation or the notes alone leaves the region's visits as they were: its rankings stand.
        if (
          amended &&
          (amended.mission_type !== before?.mission_type ||
            amended.start_date !== before.start_date ||
            amended.end_date !== before.end_date)
        )
          changed(uow, e, [amended]);
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
        changed(uow, e, [await uow.update(clusterVisits, { visit_id: e.data.requestId }, () => ({ status }))]);
        return;
      }
      case 'MissionScheduled': {
        const d = e.data;
        changed(uow, e, [{ region_code: d.regionCode, country_code: d.countryCode }]);
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
          changed(uow, e, [
            await uow.update(clusterVisits, { visit_id: requestId }, () => ({ mission_id: d.missionId })),
          ]);
        return;
      }
      case 'MissionCompleted':
        changed(uow, e, [
          await uow.update(clusterVisits, { visit_id: e.data.missionId }, () => ({ status: 'COMPLETED' })),
        ]);
        return;
      case 'MissionCancelled': {
        const mission = await uow.update(clusterVisits, { visit_id: e.data.missionId }, () => ({
          status: 'CANCELLED',
        }));
        changed(uow, e, [mission]);
        // Without its mission, an accepted request is a visit of its own again (unaccompanied).
        for (const requestId of mission ? (JSON.parse(mission.request_ids) as string[]) : [])
          changed(uow, e, [
            await uow.update(clusterVisits, { visit_id: requestId }, (r) => ({
              mission_id: r.mission_id === e.data.missionId ? null : r.mission_id,
            })),
          ]);
        return;
      }
      case 'JointMissionProposed':
      case 'JointMissionAmended': {
        const d = e.data;
        const before = await uow.get(clusterPlans, { plan_id: d.jointMissionId });
        if (e.type === 'JointMissionAmended' && !before) return;
        // An amendment may move the plan: its regions before and after both change.
        changed(uow, e, [
          ...regionsOf(before),
          ...regionsOf({ region_codes: json(d.regionCodes), country_code: d.countryCode }),
        ]);
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
        changed(uow, e, [
          ...regionsOf(before),
          ...regionsOf({ region_codes: json(d.regionCodes), country_code: d.countryCode }),
        ]);
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
        changed(
          uow,
          e,
          regionsOf(
            await uow.update(clusterPlans, { plan_id: e.data.jointMissionId }, () => ({
              status: e.type === 'JointMissionApproved' ? 'APPROVED' : 'REJECTED',
            })),
          ),
        );
        return;
      case 'RegionalEventApproved':
      case 'RegionalEventRejected':
        changed(
          uow,
          e,
          regionsOf(
            await uow.update(clusterPlans, { plan_id: e.data.regionalEventId }, () => ({
              status: e.type === 'RegionalEventApproved' ? 'APPROVED' : 'REJECTED',
            })),
          ),
        );
        return;
      default:
        return;
    }
  },
});
