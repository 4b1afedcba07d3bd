import type { Kysely } from 'kysely';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../db/pagination.js';
import type { RequestTable } from './table.js';

export interface RequestFilter {
  readonly status?: readonly string[];
  readonly missionType?: readonly string[];
  readonly nisCode?: string;
  readonly countryCode?: string;
  readonly regionCode?: string;
  readonly staffMemberId?: string;
  /** Visits whose dates overlap [from, to]. */
  readonly from?: string;
  readonly to?: string;
}

export interface AssessmentView {
  readonly assessedOn: string;
  readonly trigger: string;
  readonly recommendation: 'ACCEPT' | 'DECLINE';
  readonly declineReason: string | null;
  readonly opportune: boolean;
  readonly requiredReasons: number;
  readonly satisfiedReasons: string[];
  readonly derivedReasons: string[];
  readonly daysNeeded: number;
  readonly freeStaffDays: number;
  readonly staffTimeAvailable: boolean;
  readonly estimatedCostEur: number;
  readonly unreservedBudgetEur: number;
  readonly budgetAvailable: boolean;
  readonly explanation: { readonly nl: string[]; readonly en: string[] };
  readonly policyVersion: string;
  readonly count: number;
}

export interface RequestView {
  readonly requestId: string;
  readonly twinningId: string;
  readonly nisCode: string;
  readonly municipalityName: string | null;
  readonly partnerName: string | null;
  readonly countryCode: string | null;
  readonly regionCode: string | null;
  readonly missionType: string;
  readonly status: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly delegationSize: number;
  readonly programme: string | null;
  readonly policyDomains: string[];
  readonly claimedReasons: string[];
  readonly notes: string | null;
  readonly submittedOn: string;
  readonly withdrawalReason: string | null;
  readonly decidedOn: string | null;
  readonly declineReason: string | null;
  readonly decisionNote: string | null;
  readonly staffMemberId: string | null;
  readonly staffMemberName: string | null;
  readonly missionId: string | null;
  readonly missionStatus: string | null;
  readonly bookedDays: number | null;
  readonly reservedBudgetEur: number | null;
  readonly costEur: number | null;
  readonly daysSpent: number | null;
  readonly completedOn: string | null;
  readonly assessment: AssessmentView | null;
}

const eur = (cents: number | null) => (cents === null ? null : cents / 100);
const list = (text: string | null): string[] => (text ? (JSON.parse(text) as string[]) : []);

export function toRequestView(r: RequestTable): RequestView {
  return {
    requestId: r.request_id,
    twinningId: r.twinning_id,
    nisCode: r.nis_code,
    municipalityName: r.municipality_name,
    partnerName: r.partner_name,
    countryCode: r.country_code,
    regionCode: r.region_code,
    missionType: r.mission_type,
    status: r.status,
    startDate: r.start_date,
    endDate: r.end_date,
    delegationSize: r.delegation_size,
    programme: r.programme,
    policyDomains: list(r.policy_domains),
    claimedReasons: list(r.claimed_reasons),
    notes: r.notes,
    submittedOn: r.submitted_on,
    withdrawalReason: r.withdrawal_reason,
    decidedOn: r.decided_on,
    declineReason: r.decline_reason,
    decisionNote: r.decision_note,
    staffMemberId: r.staff_member_id,
    staffMemberName: r.staff_member_name,
    missionId: r.mission_id,
    missionStatus: r.mission_status,
    bookedDays: r.booked_days,
    reservedBudgetEur: eur(r.reserved_budget_cents),
    costEur: eur(r.cost_cents),
    daysSpent: r.days_spent,
    completedOn: r.completed_on,
    assessment:
      r.recommendation === null
        ? null
        : {
            assessedOn: r.assessed_on!,
            trigger: r.assessment_trigger!,
            recommendation: r.recommendation as 'ACCEPT' | 'DECLINE',
            declineReason: r.recommended_decline_reason,
            opportune: r.opportune === 1,
            requiredReasons: r.required_reasons!,
            satisfiedReasons: list(r.satisfied_reasons),
            derivedReasons: list(r.derived_reasons),
            daysNeeded: r.days_needed!,
            freeStaffDays: r.free_staff_days!,
            staffTimeAvailable: r.staff_time_available === 1,
            estimatedCostEur: eur(r.estimated_cost_cents)!,
            unreservedBudgetEur: eur(r.unreserved_budget_cents)!,
            budgetAvailable: r.budget_available === 1,
            explanation: { nl: list(r.explanation_nl), en: list(r.explanation_en) },
            policyVersion: r.policy_version!,
            count: r.assessment_count,
          },
  };
}

export interface RequestsDb {
  requests: RequestTable;
}

export async function getRequestById(db: Kysely<RequestsDb>, requestId: string): Promise<RequestView | undefined> {
  const row = await db.selectFrom('requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
  return row ? toRequestView(row) : undefined;
}

/** Requests, newest submission first, filtered, in pages (cursor: submission date and id). */
export async function listRequests(
  db: Kysely<RequestsDb>,
  filter: RequestFilter = {},
  page: PageRequest = {},
): Promise<Page<RequestView>> {
  const first = page.first ?? 50;
  let query = db.selectFrom('requests').selectAll();
  if (filter.status?.length) query = query.where('status', 'in', [...filter.status]);
  if (filter.missionType?.length) query = query.where('mission_type', 'in', [...filter.missionType]);
  if (filter.nisCode) query = query.where('nis_code', '=', filter.nisCode);
  if (filter.countryCode) query = query.where('country_code', '=', filter.countryCode);
  if (filter.regionCode) query = query.where('region_code', '=', filter.regionCode);
  if (filter.staffMemberId) query = query.where('staff_member_id', '=', filter.staffMemberId);
  if (filter.from) query = query.where('end_date', '>=', filter.from);
  if (filter.to) query = query.where('start_date', '<=', filter.to);
  const after = page.after ? decodeCursor<[string, string]>(page.after, ['string', 'string']) : undefined;
  if (after) {
    const [submittedOn, id] = after;
    query = query.where((eb) =>
      eb.or([
        eb('submitted_on', '<', submittedOn),
        eb.and([eb('submitted_on', '=', submittedOn), eb('request_id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('submitted_on', 'desc')
    .orderBy('request_id', 'desc')
    .limit(first + 1)
    .execute();
  const nodes = rows.slice(0, first).map(toRequestView);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor([node.submittedOn, node.requestId]), node })),
    hasNextPage: rows.length > first,
  };
}
