import { defineProjection } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import { applyDirectory, directory, directoryEvents, directoryTables } from '../directory/directory.js';
import {
  changedAt,
  historyCoverage,
  historyVisitMissions,
  historyVisits,
  type CoverageTable,
  type VisitTable,
} from './table.js';

const json = (value: unknown) => JSON.stringify(value);
const day = (instant: string) => instant.slice(0, 10);
const dir = directory('history');

async function staffNames(uow: UnitOfWork, ids: readonly string[]) {
  const staff: { staffMemberId: string; name: string | null }[] = [];
  for (const staffMemberId of ids) {
    const row = await uow.get(dir.staff, { staff_member_id: staffMemberId });
    staff.push({ staffMemberId, name: row?.name ?? null });
  }
  return staff;
}

/** A visit's accompaniment as coverage counts it: its mission's dates while the mission is scheduled or completed. */
function accompaniment(v: VisitTable | undefined): [string, string] | undefined {
  if (!v || (v.mission_status !== 'SCHEDULED' && v.mission_status !== 'COMPLETED')) return undefined;
  return [v.mission_start_date!, v.mission_end_date!];
}

/**
 * Writes a visit (its row before, if any, and after) and keeps its
 * municipality's coverage row in step, marked as changed at `at`.
 */
async function putVisit(uow: UnitOfWork, at: string, before: VisitTable | undefined, after: VisitTable): Promise<void> {
  uow.put(historyVisits, after);
  const was = accompaniment(before);
  const is = accompaniment(after);
  const existing = await uow.get(historyCoverage, { nis_code: after.nis_code });
  if (existing && String(was) === String(is)) return;
  const coverage = existing ?? (await newCoverage(uow, after.nis_code, at));
  const visits = JSON.parse(coverage.accompanied) as Record<string, [string, string]>;
  if (is) visits[after.visit_id] = is;
  else delete visits[after.visit_id];
  const spans = Object.values(visits);
  const latest = (i: 0 | 1) => spans.reduce<string | null>((max, s) => (max === null || s[i] > max ? s[i] : max), null);
  uow.put(historyCoverage, {
    ...coverage,
    accompanied: json(visits),
    last_start: latest(0),
    last_end: latest(1),
    changed_at: at,
  });
}

/** A municipality's first coverage row: no accompanied visit yet. */
async function newCoverage(uow: UnitOfWork, nisCode: string, at: string): Promise<CoverageTable> {
  const municipality = await uow.get(dir.municipalities, { nis_code: nisCode });
  return {
    nis_code: nisCode,
    name: municipality?.name ?? null,
    accompanied: '{}',
    last_start: null,
    last_end: null,
    changed_at: at,
  };
}

async function updateVisit(
  uow: UnitOfWork,
  at: string,
  visitId: string,
  change: (r: VisitTable) => Partial<VisitTable>,
): Promise<VisitTable | undefined> {
  const before = await uow.get(historyVisits, { visit_id: visitId });
  // An event before its visit: nothing to change.
  if (!before) return undefined;
  const after = { ...before, ...change(before) };
  await putVisit(uow, at, before, after);
  return after;
}

/**
 * The accompaniment history of every municipality: each work visit, whether
 * and by whom it was accompanied, and why VVSG declined when it did.
 */
export const historyProjection = defineProjection({
  name: 'history',
  // 2: visits name the joint mission that serves them (issue 12).
  // 3: an index that covers when each municipality was last accompanied (issue 16).
  // 4: coverage kept per municipality (history_coverage), read instead of every visit (issue 16).
  // 5: when each coverage row last changed (history_coverage.changed_at), so coverage is kept between requests (issue 16).
  version: 5,
  cost: 1,
  tables: [historyVisits, historyVisitMissions, historyCoverage, ...directoryTables(dir)],
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
  ],
  async apply(e, uow) {
    const at = changedAt(e.position);
    if (e.type === 'MunicipalityRegistered') {
      const coverage =
        (await uow.get(historyCoverage, { nis_code: e.data.nisCode })) ?? (await newCoverage(uow, e.data.nisCode, at));
      uow.put(historyCoverage, { ...coverage, name: e.data.name, changed_at: at });
    }
    if (await applyDirectory(dir, e, uow)) return;
    switch (e.type) {
      case 'AccompanimentRequestSubmitted': {
        const d = e.data;
        await putVisit(uow, at, await uow.get(historyVisits, { visit_id: d.requestId }), {
          visit_id: d.requestId,
          kind: 'REQUEST',
          nis_code: d.nisCode,
          request_id: d.requestId,
          mission_id: null,
          joint_mission_id: null,
          mission_type: d.missionType,
          start_date: d.startDate,
          end_date: d.endDate,
          status: 'SUBMITTED',
          mission_status: null,
          mission_start_date: null,
          mission_end_date: null,
          staff: json([]),
          decline_reason: null,
          submitted_on: day(e.metadata.occurredAt),
          decided_on: null,
          completed_on: null,
        });
        return;
      }
      case 'AccompanimentRequestAmended': {
        const d = e.data;
        await updateVisit(uow, at, d.requestId, (r) => ({
          mission_type: d.missionType ?? r.mission_type,
          start_date: d.startDate ?? r.start_date,
          end_date: d.endDate ?? r.end_date,
        }));
        return;
      }
      case 'AccompanimentRequestWithdrawn':
        await updateVisit(uow, at, e.data.requestId, () => ({ status: 'WITHDRAWN' }));
        return;
      case 'AccompanimentAccepted': {
        const d = e.data;
        const staff = await staffNames(uow, [d.staffMemberId]);
        await updateVisit(uow, at, d.requestId, (r) => ({
          status: 'ACCEPTED',
          decided_on: d.decidedOn,
          mission_id: d.missionId,
          joint_mission_id: d.jointMissionId ?? r.joint_mission_id,
          // The mission, when scheduled, names its staff; until then the decision does.
          staff: r.mission_status === null ? json(staff) : r.staff,
        }));
        return;
      }
      case 'AccompanimentDeclined':
        await updateVisit(uow, at, e.data.requestId, () => ({
          status: 'DECLINED',
          decided_on: e.data.decidedOn,
          decline_reason: e.data.reason,
        }));
        return;
      case 'MissionScheduled': {
        const d = e.data;
        const staff = json(await staffNames(uow, d.staffMemberIds));
        const jointMissionId = d.jointMissionId ?? null;
        const mission = {
          mission_id: d.missionId,
          mission_status: 'SCHEDULED',
          mission_start_date: d.startDate,
          mission_end_date: d.endDate,
          staff,
        };
        const visitIds: string[] = [];
        const served = new Set<string>();
        for (const requestId of d.requestIds) {
          const row = await updateVisit(uow, at, requestId, (r) => ({
            ...mission,
            joint_mission_id: jointMissionId ?? r.joint_mission_id,
          }));
          if (!row) continue;
          visitIds.push(requestId);
          served.add(row.nis_code);
        }
        // Municipalities the mission visits without a request of theirs (a joint mission) get a visit of its own.
        for (const nisCode of new Set(d.nisCodes)) {
          if (served.has(nisCode)) continue;
          const visitId = `${d.missionId}/${nisCode}`;
          await putVisit(uow, at, await uow.get(historyVisits, { visit_id: visitId }), {
            visit_id: visitId,
            kind: 'MISSION',
            nis_code: nisCode,
            request_id: null,
            joint_mission_id: jointMissionId,
            mission_type: d.missionType,
            start_date: d.startDate,
            end_date: d.endDate,
            status: null,
            ...mission,
            decline_reason: null,
            submitted_on: null,
            decided_on: null,
            completed_on: null,
          });
          visitIds.push(visitId);
        }
        uow.put(historyVisitMissions, { mission_id: d.missionId, visit_ids: json(visitIds) });
        return;
      }
      case 'MissionCompleted':
      case 'MissionCancelled': {
        const link = await uow.get(historyVisitMissions, { mission_id: e.data.missionId });
        for (const visitId of link ? (JSON.parse(link.visit_ids) as string[]) : []) {
          await updateVisit(uow, at, visitId, () =>
            e.type === 'MissionCompleted'
              ? { mission_status: 'COMPLETED', completed_on: e.data.completedOn }
              : { mission_status: 'CANCELLED' },
          );
        }
        return;
      }
      default:
        return;
    }
  },
});
