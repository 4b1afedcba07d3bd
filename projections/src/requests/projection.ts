import { defineProjection } from '../runner/projection.js';
import { applyDirectory, directory, directoryEvents, directoryTables } from '../directory/directory.js';
import { requestMissions, requests } from './table.js';

const cents = (eur: number) => Math.round(eur * 100);
const json = (value: unknown) => JSON.stringify(value);
const day = (instant: string) => instant.slice(0, 10);
const dir = directory('requests');

/** Every request with its current status, latest assessment, decision, staff member, booked days and cost. */
export const requestsProjection = defineProjection({
  name: 'requests',
  // 2: indexes that serve the filtered lists in their order.
  // 3: explanations name the staff member by token, never by name (AccompanimentRequestAssessed v2); the API
  //    shows the current name at read time, so a rebuild drops the names rows built from version 1 hold.
  version: 3,
  cost: 3.5,
  tables: [requests, requestMissions, ...directoryTables(dir)],
  handles: [
    ...directoryEvents,
    'AccompanimentRequestSubmitted',
    'AccompanimentRequestAmended',
    'AccompanimentRequestWithdrawn',
    'AccompanimentRequestAssessed',
    'AccompanimentAccepted',
    'AccompanimentDeclined',
    'MissionScheduled',
    'MissionCompleted',
    'MissionCancelled',
  ],
  async apply(e, uow) {
    if (await applyDirectory(dir, e, uow)) return;
    switch (e.type) {
      case 'AccompanimentRequestSubmitted': {
        const d = e.data;
        const twinning = await uow.get(dir.twinnings, { twinning_id: d.twinningId });
        const municipality = await uow.get(dir.municipalities, { nis_code: d.nisCode });
        uow.put(requests, {
          request_id: d.requestId,
          twinning_id: d.twinningId,
          nis_code: d.nisCode,
          municipality_name: municipality?.name ?? null,
          partner_name: twinning?.partner_name ?? null,
          country_code: twinning?.country_code ?? null,
          region_code: twinning?.region_code ?? null,
          mission_type: d.missionType,
          status: 'SUBMITTED',
          start_date: d.startDate,
          end_date: d.endDate,
          delegation_size: d.delegationSize,
          programme: d.programme ?? null,
          policy_domains: json(d.policyDomains),
          claimed_reasons: json(d.claimedReasons),
          notes: d.notes ?? null,
          submitted_on: day(e.metadata.occurredAt),
          submitted_position: String(e.position),
          amended_count: 0,
          withdrawal_reason: null,
          decided_on: null,
          decline_reason: null,
          decision_note: null,
          staff_member_id: null,
          staff_member_name: null,
          mission_id: null,
          mission_status: null,
          booked_days: null,
          reserved_budget_cents: null,
          cost_cents: null,
          days_spent: null,
          completed_on: null,
          assessment_count: 0,
          assessed_on: null,
          assessment_trigger: null,
          recommendation: null,
          recommended_decline_reason: null,
          opportune: null,
          required_reasons: null,
          satisfied_reasons: null,
          derived_reasons: null,
          days_needed: null,
          free_staff_days: null,
          staff_time_available: null,
          estimated_cost_cents: null,
          unreserved_budget_cents: null,
          budget_available: null,
          explanation_nl: null,
          explanation_en: null,
          policy_version: null,
        });
        return;
      }
      case 'AccompanimentRequestAmended': {
        const d = e.data;
        await uow.update(requests, { request_id: d.requestId }, (r) => ({
          mission_type: d.missionType ?? r.mission_type,
          start_date: d.startDate ?? r.start_date,
          end_date: d.endDate ?? r.end_date,
          delegation_size: d.delegationSize ?? r.delegation_size,
          policy_domains: d.policyDomains ? json(d.policyDomains) : r.policy_domains,
          claimed_reasons: d.claimedReasons ? json(d.claimedReasons) : r.claimed_reasons,
          notes: d.notes ?? r.notes,
          amended_count: r.amended_count + 1,
        }));
        return;
      }
      case 'AccompanimentRequestWithdrawn':
        await uow.update(requests, { request_id: e.data.requestId }, () => ({
          status: 'WITHDRAWN',
          withdrawal_reason: e.data.reason,
        }));
        return;
      case 'AccompanimentRequestAssessed': {
        const d = e.data;
        await uow.update(requests, { request_id: d.requestId }, (r) => ({
          assessment_count: r.assessment_count + 1,
          assessed_on: day(e.metadata.occurredAt),
          assessment_trigger: d.trigger,
          recommendation: d.recommendation,
          recommended_decline_reason: d.declineReason ?? null,
          opportune: d.opportune ? 1 : 0,
          required_reasons: d.requiredReasons,
          satisfied_reasons: json(d.satisfiedReasons),
          derived_reasons: json(d.derivedReasons),
          days_needed: d.daysNeeded,
          free_staff_days: d.freeStaffDays,
          staff_time_available: d.staffTimeAvailable ? 1 : 0,
          estimated_cost_cents: cents(d.estimatedCostEur),
          unreserved_budget_cents: cents(d.unreservedBudgetEur),
          budget_available: d.budgetAvailable ? 1 : 0,
          explanation_nl: json(d.explanation.nl),
          explanation_en: json(d.explanation.en),
          policy_version: d.policyVersion,
        }));
        return;
      }
      case 'AccompanimentAccepted': {
        const d = e.data;
        const staff = await uow.get(dir.staff, { staff_member_id: d.staffMemberId });
        await uow.update(requests, { request_id: d.requestId }, () => ({
          status: 'ACCEPTED',
          decided_on: d.decidedOn,
          decision_note: d.note ?? null,
          staff_member_id: d.staffMemberId,
          staff_member_name: staff?.name ?? null,
          mission_id: d.missionId,
          booked_days: d.bookedDays,
          reserved_budget_cents: cents(d.reservedBudgetEur),
        }));
        return;
      }
      case 'AccompanimentDeclined':
        await uow.update(requests, { request_id: e.data.requestId }, () => ({
          status: 'DECLINED',
          decided_on: e.data.decidedOn,
          decline_reason: e.data.reason,
          decision_note: e.data.note,
        }));
        return;
      case 'MissionScheduled':
        uow.put(requestMissions, { mission_id: e.data.missionId, request_ids: json(e.data.requestIds) });
        for (const requestId of e.data.requestIds) {
          await uow.update(requests, { request_id: requestId }, () => ({
            mission_id: e.data.missionId,
            mission_status: 'SCHEDULED',
          }));
        }
        return;
      case 'MissionCompleted':
      case 'MissionCancelled': {
        const link = await uow.get(requestMissions, { mission_id: e.data.missionId });
        for (const requestId of link ? (JSON.parse(link.request_ids) as string[]) : []) {
          await uow.update(requests, { request_id: requestId }, (r) =>
            e.type === 'MissionCompleted'
              ? {
                  status: 'COMPLETED',
                  mission_status: 'COMPLETED',
                  completed_on: e.data.completedOn,
                  days_spent: e.data.daysSpent,
                  cost_cents: cents(e.data.costEur),
                }
              : { status: r.status, mission_status: 'CANCELLED' },
          );
        }
        return;
      }
      default:
        return;
    }
  },
});
