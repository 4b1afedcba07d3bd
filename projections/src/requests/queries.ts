import type { Kysely } from 'kysely';
import { decodeCursor, edgesOf, type Page, type PageRequest } from '../db/pagination.js';
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

type Columns = readonly (keyof RequestTable)[];

/** The columns each field of a request view is made from, as toRequestView makes it. */
const requestColumns: { readonly [K in Exclude<keyof RequestView, 'assessment'>]-?: Columns } = {
  requestId: ['request_id'],
  twinningId: ['twinning_id'],
  nisCode: ['nis_code'],
  municipalityName: ['municipality_name'],
  partnerName: ['partner_name'],
  countryCode: ['country_code'],
  regionCode: ['region_code'],
  missionType: ['mission_type'],
  status: ['status'],
  startDate: ['start_date'],
  endDate: ['end_date'],
  delegationSize: ['delegation_size'],
  programme: ['programme'],
  policyDomains: ['policy_domains'],
  claimedReasons: ['claimed_reasons'],
  notes: ['notes'],
  submittedOn: ['submitted_on'],
  withdrawalReason: ['withdrawal_reason'],
  decidedOn: ['decided_on'],
  declineReason: ['decline_reason'],
  decisionNote: ['decision_note'],
  staffMemberId: ['staff_member_id'],
  staffMemberName: ['staff_member_name'],
  missionId: ['mission_id'],
  missionStatus: ['mission_status'],
  bookedDays: ['booked_days'],
  reservedBudgetEur: ['reserved_budget_cents'],
  costEur: ['cost_cents'],
  daysSpent: ['days_spent'],
  completedOn: ['completed_on'],
};

const assessmentColumns: { readonly [K in keyof AssessmentView]-?: Columns } = {
  assessedOn: ['assessed_on'],
  trigger: ['assessment_trigger'],
  recommendation: ['recommendation'],
  declineReason: ['recommended_decline_reason'],
  opportune: ['opportune'],
  requiredReasons: ['required_reasons'],
  satisfiedReasons: ['satisfied_reasons'],
  derivedReasons: ['derived_reasons'],
  daysNeeded: ['days_needed'],
  freeStaffDays: ['free_staff_days'],
  staffTimeAvailable: ['staff_time_available'],
  estimatedCostEur: ['estimated_cost_cents'],
  unreservedBudgetEur: ['unreserved_budget_cents'],
  budgetAvailable: ['budget_available'],
  explanation: ['explanation_nl', 'explanation_en'],
  policyVersion: ['policy_version'],
  count: ['assessment_count'],
};

/**
 * A field of a request view to read: a top-level field (`assessment` for the
 * whole assessment) or one field of the assessment (`assessment.recommendation`).
 */
export type RequestField = keyof RequestView | `assessment.${keyof AssessmentView}`;

/** What reading some fields of the views takes: their columns, and which fields to keep. */
interface ReadPlan {
  readonly columns: Columns;
  readonly fields: readonly Exclude<keyof RequestView, 'assessment'>[];
  /** The assessment's fields to keep; undefined when the assessment is not read. */
  readonly assessment: readonly (keyof AssessmentView)[] | undefined;
}

const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

function planFor(selection: readonly RequestField[]): ReadPlan {
  // The key and the submission date make the cursor; the recommendation tells whether there is an assessment.
  const fields = new Set<Exclude<keyof RequestView, 'assessment'>>(['requestId', 'submittedOn']);
  let assessment: Set<keyof AssessmentView> | undefined;
  for (const field of selection) {
    if (field === 'assessment') assessment = new Set(keysOf(assessmentColumns));
    else if (field.startsWith('assessment.'))
      (assessment ??= new Set()).add(field.slice('assessment.'.length) as keyof AssessmentView);
    else fields.add(field as Exclude<keyof RequestView, 'assessment'>);
  }
  const columns = new Set<keyof RequestTable>();
  for (const field of fields) for (const column of requestColumns[field]) columns.add(column);
  if (assessment) {
    columns.add('recommendation');
    for (const field of assessment) for (const column of assessmentColumns[field]) columns.add(column);
  }
  return { columns: [...columns], fields: [...fields], assessment: assessment && [...assessment] };
}

// A list is read for the few selections its queries make, so their plans are kept.
const plans = new Map<string, ReadPlan>();
function cachedPlanFor(selection: readonly RequestField[]): ReadPlan {
  const key = selection.join();
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= 200) plans.clear();
    plans.set(key, (plan = planFor(selection)));
  }
  return plan;
}

/**
 * The view of a row read for a plan's columns only. toRequestView makes the
 * other fields from columns that are not there; they are left out.
 */
function partialView(r: RequestTable, plan: ReadPlan): RequestView {
  const full = toRequestView(r);
  const view: Partial<Record<keyof RequestView, unknown>> = {};
  for (const field of plan.fields) view[field] = full[field];
  if (plan.assessment) {
    const assessment: Partial<Record<keyof AssessmentView, unknown>> = {};
    if (full.assessment) for (const field of plan.assessment) assessment[field] = full.assessment[field];
    view.assessment = full.assessment && assessment;
  }
  return view as RequestView;
}

export interface RequestsDb {
  requests: RequestTable;
}

export async function getRequestById(db: Kysely<RequestsDb>, requestId: string): Promise<RequestView | undefined> {
  const row = await db.selectFrom('requests').selectAll().where('request_id', '=', requestId).executeTakeFirst();
  return row ? toRequestView(row) : undefined;
}

/**
 * Requests, newest submission first, filtered, in pages (cursor: submission
 * date and id). With `fields`, the views hold only those fields (and
 * `requestId` and `submittedOn`), read from only their columns: a request row
 * has over fifty, and SQLite and the driver spend their time per column and
 * row, so a list that shows a few fields is several times cheaper to read.
 */
export async function listRequests(
  db: Kysely<RequestsDb>,
  filter: RequestFilter = {},
  page: PageRequest = {},
  fields?: readonly RequestField[],
): Promise<Page<RequestView>> {
  const first = page.first ?? 50;
  const plan = fields && cachedPlanFor(fields);
  let query = plan ? db.selectFrom('requests').select(plan.columns) : db.selectFrom('requests').selectAll();
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
  const nodes = rows.slice(0, first).map((row) => (plan ? partialView(row, plan) : toRequestView(row)));
  return {
    edges: edgesOf(nodes, (node) => [node.submittedOn, node.requestId]),
    hasNextPage: rows.length > first,
  };
}
