import type { RecordedEvent, WerkbezoekEvent } from '@werkbezoek/schema';
import { applyDirectory, directory, directoryEvents, directoryTables } from '../directory/directory.js';
import { defineProjection } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import { jointMissions, planningHistory, regionalEvents } from './table.js';

const json = (value: unknown) => JSON.stringify(value);
const cents = (eur: number | undefined) => (eur === undefined ? null : Math.round(eur * 100));
const day = (instant: string) => instant.slice(0, 10);
const dir = directory('planning');

async function municipalityNames(uow: UnitOfWork, nisCodes: readonly string[]): Promise<(string | null)[]> {
  const names: (string | null)[] = [];
  for (const nisCode of nisCodes) names.push((await uow.get(dir.municipalities, { nis_code: nisCode }))?.name ?? null);
  return names;
}

async function staffNames(uow: UnitOfWork, ids: readonly string[]): Promise<(string | null)[]> {
  const names: (string | null)[] = [];
  for (const staffMemberId of ids)
    names.push((await uow.get(dir.staff, { staff_member_id: staffMemberId }))?.name ?? null);
  return names;
}

/** A plan's decision columns when it is proposed: nothing decided, no staff, no budget. */
function undecided(e: RecordedEvent<WerkbezoekEvent>, on: string) {
  return {
    status: 'PROPOSED',
    proposed_on: on,
    proposed_by_role: e.metadata.actor.role,
    amended_count: 0,
    last_amended_on: null,
    approved_on: null,
    rejected_on: null,
    staff_member_ids: json([]),
    staff_names: json([]),
    budget_cents: null,
    rejection_reason: null,
    note: null,
  };
}

const amendment = (before: { amended_count: number }, amendedOn: string) => ({
  amended_count: before.amended_count + 1,
  last_amended_on: amendedOn,
});

async function approval(
  uow: UnitOfWork,
  d: {
    approvedOn: string;
    staffMemberIds?: readonly string[] | undefined;
    budgetEur: number;
    note?: string | undefined;
  },
) {
  const staff = d.staffMemberIds ?? [];
  return {
    status: 'APPROVED',
    approved_on: d.approvedOn,
    staff_member_ids: json(staff),
    staff_names: json(await staffNames(uow, staff)),
    budget_cents: cents(d.budgetEur),
    note: d.note ?? null,
  };
}

const rejection = (d: { rejectedOn: string; reason: string }) => ({
  status: 'REJECTED',
  rejected_on: d.rejectedOn,
  rejection_reason: d.reason,
});

/** A history row of the plan; its key is the event's place in the plan's stream, so a replay writes it again. */
function record(
  uow: UnitOfWork,
  e: RecordedEvent<WerkbezoekEvent>,
  planId: string,
  planKind: 'JOINT_MISSION' | 'REGIONAL_EVENT',
  on: string,
): void {
  uow.put(planningHistory, {
    plan_id: planId,
    seq: Number(e.revision),
    plan_kind: planKind,
    event_type: e.type,
    occurred_on: on,
    actor_role: e.metadata.actor.role,
  });
}

/**
 * Joint missions and proactive regional events, each with its latest plan,
 * its decision and its history. Follows the deciders: an amendment replaces
 * the whole plan; events about a plan that was never proposed change nothing.
 */
export const planningProjection = defineProjection({
  name: 'planning',
  version: 1,
  // Few events of the log are about plans; the directory's are most of what it reads.
  cost: 0.5,
  tables: [jointMissions, regionalEvents, planningHistory, ...directoryTables(dir)],
  handles: [
    ...directoryEvents,
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
      case 'JointMissionProposed':
      case 'JointMissionAmended': {
        const d = e.data;
        const key = { joint_mission_id: d.jointMissionId };
        const before = await uow.get(jointMissions, key);
        const amendedOn = e.type === 'JointMissionAmended' ? e.data.amendedOn : null;
        if (amendedOn && !before) return;
        const plan = {
          country_code: d.countryCode,
          region_codes: json(d.regionCodes),
          mission_type: d.missionType,
          start_date: d.startDate,
          end_date: d.endDate,
          request_ids: json(d.requestIds),
          nis_codes: json(d.nisCodes),
          municipality_names: json(await municipalityNames(uow, d.nisCodes)),
          rationale: d.rationale,
          estimated_cost_cents: cents(d.estimatedCostEur),
        };
        const on = amendedOn ?? day(e.metadata.occurredAt);
        if (before && amendedOn) uow.put(jointMissions, { ...before, ...plan, ...amendment(before, amendedOn) });
        else uow.put(jointMissions, { ...key, ...plan, ...undecided(e, on), mission_id: null });
        record(uow, e, d.jointMissionId, 'JOINT_MISSION', on);
        return;
      }
      case 'JointMissionApproved': {
        const d = e.data;
        const approved = { ...(await approval(uow, d)), mission_id: d.missionId };
        if (await uow.update(jointMissions, { joint_mission_id: d.jointMissionId }, () => approved))
          record(uow, e, d.jointMissionId, 'JOINT_MISSION', d.approvedOn);
        return;
      }
      case 'JointMissionRejected': {
        const d = e.data;
        if (await uow.update(jointMissions, { joint_mission_id: d.jointMissionId }, () => rejection(d)))
          record(uow, e, d.jointMissionId, 'JOINT_MISSION', d.rejectedOn);
        return;
      }
      case 'RegionalEventProposed':
      case 'RegionalEventAmended': {
        const d = e.data;
        const key = { regional_event_id: d.regionalEventId };
        const before = await uow.get(regionalEvents, key);
        const amendedOn = e.type === 'RegionalEventAmended' ? e.data.amendedOn : null;
        if (amendedOn && !before) return;
        const plan = {
          kind: d.kind,
          title: d.title,
          country_code: d.countryCode,
          region_codes: json(d.regionCodes),
          start_date: d.startDate,
          end_date: d.endDate,
          themes: json(d.themes),
          invited_nis_codes: json(d.invitedNisCodes),
          invited_names: json(await municipalityNames(uow, d.invitedNisCodes)),
          estimated_cost_cents: cents(d.estimatedCostEur),
        };
        const on = amendedOn ?? day(e.metadata.occurredAt);
        if (before && amendedOn) uow.put(regionalEvents, { ...before, ...plan, ...amendment(before, amendedOn) });
        else uow.put(regionalEvents, { ...key, ...plan, ...undecided(e, on) });
        record(uow, e, d.regionalEventId, 'REGIONAL_EVENT', on);
        return;
      }
      case 'RegionalEventApproved': {
        const d = e.data;
        const approved = await approval(uow, d);
        if (await uow.update(regionalEvents, { regional_event_id: d.regionalEventId }, () => approved))
          record(uow, e, d.regionalEventId, 'REGIONAL_EVENT', d.approvedOn);
        return;
      }
      case 'RegionalEventRejected': {
        const d = e.data;
        if (await uow.update(regionalEvents, { regional_event_id: d.regionalEventId }, () => rejection(d)))
          record(uow, e, d.regionalEventId, 'REGIONAL_EVENT', d.rejectedOn);
        return;
      }
      default:
        return;
    }
  },
});
