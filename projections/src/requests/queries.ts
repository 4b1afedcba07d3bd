import { sql, type CompiledQuery, type Kysely, type WhereInterface } from 'kysely';
import { compiledShape } from '../db/compiledShapes.js';
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
  /** Submitted on or after / on or before these dates (YYYY-MM-DD), as the dashboard counts by quarter. */
  readonly submittedFrom?: string;
  readonly submittedTo?: string;
  /** The latest assessment's recommendation. */
  readonly recommendation?: string;
  /** The reason a declined request was declined for. */
  readonly declineReason?: string;
  /**
   * Decided requests whose decision followed (true) or went against (false)
   * the recommendation in force when it was taken, as the dashboard's
   * agreement figures count them: an acceptance of an ACCEPT, a decline of a
   * DECLINE for the same reason. Unassessed and undecided requests match neither.
   */
  readonly agreement?: boolean;
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

type Columns = readonly (keyof RequestTable)[];
type TopField = Exclude<keyof RequestView, 'assessment'>;

/** A field of a view: the columns it is made from, and how. */
interface FieldRead<T> {
  readonly columns: Columns;
  readonly read: (r: RequestTable) => T;
}

// One table of how each field is made serves full reads and partial reads alike, so the two cannot drift apart.
const requestFields: { readonly [K in TopField]-?: FieldRead<RequestView[K]> } = {
  requestId: { columns: ['request_id'], read: (r) => r.request_id },
  twinningId: { columns: ['twinning_id'], read: (r) => r.twinning_id },
  nisCode: { columns: ['nis_code'], read: (r) => r.nis_code },
  municipalityName: { columns: ['municipality_name'], read: (r) => r.municipality_name },
  partnerName: { columns: ['partner_name'], read: (r) => r.partner_name },
  countryCode: { columns: ['country_code'], read: (r) => r.country_code },
  regionCode: { columns: ['region_code'], read: (r) => r.region_code },
  missionType: { columns: ['mission_type'], read: (r) => r.mission_type },
  status: { columns: ['status'], read: (r) => r.status },
  startDate: { columns: ['start_date'], read: (r) => r.start_date },
  endDate: { columns: ['end_date'], read: (r) => r.end_date },
  delegationSize: { columns: ['delegation_size'], read: (r) => r.delegation_size },
  programme: { columns: ['programme'], read: (r) => r.programme },
  policyDomains: { columns: ['policy_domains'], read: (r) => list(r.policy_domains) },
  claimedReasons: { columns: ['claimed_reasons'], read: (r) => list(r.claimed_reasons) },
  notes: { columns: ['notes'], read: (r) => r.notes },
  submittedOn: { columns: ['submitted_on'], read: (r) => r.submitted_on },
  withdrawalReason: { columns: ['withdrawal_reason'], read: (r) => r.withdrawal_reason },
  decidedOn: { columns: ['decided_on'], read: (r) => r.decided_on },
  declineReason: { columns: ['decline_reason'], read: (r) => r.decline_reason },
  decisionNote: { columns: ['decision_note'], read: (r) => r.decision_note },
  staffMemberId: { columns: ['staff_member_id'], read: (r) => r.staff_member_id },
  staffMemberName: { columns: ['staff_member_name'], read: (r) => r.staff_member_name },
  missionId: { columns: ['mission_id'], read: (r) => r.mission_id },
  missionStatus: { columns: ['mission_status'], read: (r) => r.mission_status },
  bookedDays: { columns: ['booked_days'], read: (r) => r.booked_days },
  reservedBudgetEur: { columns: ['reserved_budget_cents'], read: (r) => eur(r.reserved_budget_cents) },
  costEur: { columns: ['cost_cents'], read: (r) => eur(r.cost_cents) },
  daysSpent: { columns: ['days_spent'], read: (r) => r.days_spent },
  completedOn: { columns: ['completed_on'], read: (r) => r.completed_on },
};

/** The assessment's fields, read from a row that has one (its recommendation is not null). */
const assessmentFields: { readonly [K in keyof AssessmentView]-?: FieldRead<AssessmentView[K]> } = {
  assessedOn: { columns: ['assessed_on'], read: (r) => r.assessed_on! },
  trigger: { columns: ['assessment_trigger'], read: (r) => r.assessment_trigger! },
  recommendation: { columns: ['recommendation'], read: (r) => r.recommendation as 'ACCEPT' | 'DECLINE' },
  declineReason: { columns: ['recommended_decline_reason'], read: (r) => r.recommended_decline_reason },
  opportune: { columns: ['opportune'], read: (r) => r.opportune === 1 },
  requiredReasons: { columns: ['required_reasons'], read: (r) => r.required_reasons! },
  satisfiedReasons: { columns: ['satisfied_reasons'], read: (r) => list(r.satisfied_reasons) },
  derivedReasons: { columns: ['derived_reasons'], read: (r) => list(r.derived_reasons) },
  daysNeeded: { columns: ['days_needed'], read: (r) => r.days_needed! },
  freeStaffDays: { columns: ['free_staff_days'], read: (r) => r.free_staff_days! },
  staffTimeAvailable: { columns: ['staff_time_available'], read: (r) => r.staff_time_available === 1 },
  estimatedCostEur: { columns: ['estimated_cost_cents'], read: (r) => eur(r.estimated_cost_cents)! },
  unreservedBudgetEur: { columns: ['unreserved_budget_cents'], read: (r) => eur(r.unreserved_budget_cents)! },
  budgetAvailable: { columns: ['budget_available'], read: (r) => r.budget_available === 1 },
  explanation: {
    columns: ['explanation_nl', 'explanation_en'],
    read: (r) => ({ nl: list(r.explanation_nl), en: list(r.explanation_en) }),
  },
  policyVersion: { columns: ['policy_version'], read: (r) => r.policy_version! },
  count: { columns: ['assessment_count'], read: (r) => r.assessment_count },
};

function toAssessmentView(r: RequestTable): AssessmentView | null {
  if (r.recommendation === null) return null;
  const a = assessmentFields;
  return {
    assessedOn: a.assessedOn.read(r),
    trigger: a.trigger.read(r),
    recommendation: a.recommendation.read(r),
    declineReason: a.declineReason.read(r),
    opportune: a.opportune.read(r),
    requiredReasons: a.requiredReasons.read(r),
    satisfiedReasons: a.satisfiedReasons.read(r),
    derivedReasons: a.derivedReasons.read(r),
    daysNeeded: a.daysNeeded.read(r),
    freeStaffDays: a.freeStaffDays.read(r),
    staffTimeAvailable: a.staffTimeAvailable.read(r),
    estimatedCostEur: a.estimatedCostEur.read(r),
    unreservedBudgetEur: a.unreservedBudgetEur.read(r),
    budgetAvailable: a.budgetAvailable.read(r),
    explanation: a.explanation.read(r),
    policyVersion: a.policyVersion.read(r),
    count: a.count.read(r),
  };
}

export function toRequestView(r: RequestTable): RequestView {
  // Written out rather than looped, so that every full view has one shape and the reads inline.
  const f = requestFields;
  return {
    requestId: f.requestId.read(r),
    twinningId: f.twinningId.read(r),
    nisCode: f.nisCode.read(r),
    municipalityName: f.municipalityName.read(r),
    partnerName: f.partnerName.read(r),
    countryCode: f.countryCode.read(r),
    regionCode: f.regionCode.read(r),
    missionType: f.missionType.read(r),
    status: f.status.read(r),
    startDate: f.startDate.read(r),
    endDate: f.endDate.read(r),
    delegationSize: f.delegationSize.read(r),
    programme: f.programme.read(r),
    policyDomains: f.policyDomains.read(r),
    claimedReasons: f.claimedReasons.read(r),
    notes: f.notes.read(r),
    submittedOn: f.submittedOn.read(r),
    withdrawalReason: f.withdrawalReason.read(r),
    decidedOn: f.decidedOn.read(r),
    declineReason: f.declineReason.read(r),
    decisionNote: f.decisionNote.read(r),
    staffMemberId: f.staffMemberId.read(r),
    staffMemberName: f.staffMemberName.read(r),
    missionId: f.missionId.read(r),
    missionStatus: f.missionStatus.read(r),
    bookedDays: f.bookedDays.read(r),
    reservedBudgetEur: f.reservedBudgetEur.read(r),
    costEur: f.costEur.read(r),
    daysSpent: f.daysSpent.read(r),
    completedOn: f.completedOn.read(r),
    assessment: toAssessmentView(r),
  };
}

/**
 * A field of a request view to read: a top-level field (`assessment` for the
 * whole assessment) or one field of the assessment (`assessment.recommendation`).
 */
export type RequestField = keyof RequestView | `assessment.${keyof AssessmentView}`;

type Reads<F> = readonly (readonly [F, (r: RequestTable) => unknown])[];

/** What reading some fields of the views takes: their columns, and how to make each field kept. */
interface ReadPlan {
  /** Tells plans apart in the cache of compiled queries. */
  readonly key: string;
  readonly columns: Columns;
  readonly fields: Reads<TopField>;
  /** The assessment's fields to make; undefined when the assessment is not read. */
  readonly assessment: Reads<keyof AssessmentView> | undefined;
}

const keysOf = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

function planFor(selection: readonly RequestField[], key: string): ReadPlan {
  // The key and the submission date make the cursor; the recommendation tells whether there is an assessment.
  const fields = new Set<TopField>(['requestId', 'submittedOn']);
  let assessment: Set<keyof AssessmentView> | undefined;
  for (const field of selection) {
    if (field === 'assessment') assessment = new Set(keysOf(assessmentFields));
    else if (field.startsWith('assessment.'))
      (assessment ??= new Set()).add(field.slice('assessment.'.length) as keyof AssessmentView);
    else fields.add(field as TopField);
  }
  const columns = new Set<keyof RequestTable>();
  for (const field of fields) for (const column of requestFields[field].columns) columns.add(column);
  if (assessment) {
    columns.add('recommendation');
    for (const field of assessment) for (const column of assessmentFields[field].columns) columns.add(column);
  }
  return {
    key,
    columns: [...columns],
    fields: [...fields].map((field) => [field, requestFields[field].read] as const),
    assessment: assessment && [...assessment].map((field) => [field, assessmentFields[field].read] as const),
  };
}

// A list is read for the few selections its queries make, so their plans are kept.
const plans = new Map<string, ReadPlan>();
function cachedPlanFor(selection: readonly RequestField[]): ReadPlan {
  const key = selection.join();
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= 200) plans.clear();
    plans.set(key, (plan = planFor(selection, key)));
  }
  return plan;
}

/**
 * The view of a row read for a plan's columns only, with the plan's fields
 * only: the others would be made from columns that are not there.
 */
function partialView(r: RequestTable, plan: ReadPlan): RequestView {
  const view: Partial<Record<keyof RequestView, unknown>> = {};
  for (const [field, read] of plan.fields) view[field] = read(r);
  if (plan.assessment) {
    if (r.recommendation === null) view.assessment = null;
    else {
      const assessment: Partial<Record<keyof AssessmentView, unknown>> = {};
      for (const [field, read] of plan.assessment) assessment[field] = read(r);
      view.assessment = assessment;
    }
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

/** One condition of a list's filter; a list of values is an `in`. */
type Condition =
  | readonly [
      column:
        | 'status'
        | 'mission_type'
        | 'nis_code'
        | 'country_code'
        | 'region_code'
        | 'staff_member_id'
        | 'end_date'
        | 'start_date'
        | 'submitted_on'
        | 'recommendation'
        | 'decline_reason',
      operator: '=' | 'in' | '>=' | '<=',
      value: string | readonly string[],
    ]
  /** Whether the decision followed the recommendation: no parameter, the value is part of the shape. */
  | readonly [column: 'agreement', operator: 'is', value: boolean];

/**
 * The dashboard's definition of an agreement (projections/src/dashboard), on
 * the request list's columns: the latest assessment of a decided request is the
 * one in force at the decision, as no assessment follows a decision. An
 * accepted request that is completed stays accepted.
 */
const decidedAndAssessed = sql<boolean>`decided_on is not null and recommendation is not null`;
const agreed = sql<boolean>`((status in ('ACCEPTED', 'COMPLETED') and recommendation = 'ACCEPT') or (status = 'DECLINED' and recommendation = 'DECLINE' and coalesce(recommended_decline_reason, '') = coalesce(decline_reason, '')))`;

function conditionsOf(filter: RequestFilter): Condition[] {
  const conditions: Condition[] = [];
  if (filter.status?.length) conditions.push(['status', 'in', filter.status]);
  if (filter.missionType?.length) conditions.push(['mission_type', 'in', filter.missionType]);
  if (filter.nisCode) conditions.push(['nis_code', '=', filter.nisCode]);
  if (filter.countryCode) conditions.push(['country_code', '=', filter.countryCode]);
  if (filter.regionCode) conditions.push(['region_code', '=', filter.regionCode]);
  if (filter.staffMemberId) conditions.push(['staff_member_id', '=', filter.staffMemberId]);
  if (filter.from) conditions.push(['end_date', '>=', filter.from]);
  if (filter.to) conditions.push(['start_date', '<=', filter.to]);
  if (filter.submittedFrom) conditions.push(['submitted_on', '>=', filter.submittedFrom]);
  if (filter.submittedTo) conditions.push(['submitted_on', '<=', filter.submittedTo]);
  if (filter.recommendation) conditions.push(['recommendation', '=', filter.recommendation]);
  if (filter.declineReason) conditions.push(['decline_reason', '=', filter.declineReason]);
  if (filter.agreement !== undefined) conditions.push(['agreement', 'is', filter.agreement]);
  return conditions;
}

/** A list's query with its values; queries of one shape differ only in their parameters. */
interface ListQuery {
  readonly plan: ReadPlan | undefined;
  readonly conditions: readonly Condition[];
  /** Submission date and id of the last request seen. */
  readonly after: readonly [string, string] | undefined;
  readonly limit: number;
}

/** What tells apart the shapes of conditions: the columns, operators and numbers of values (a flag's value). */
const shapeOfConditions = (conditions: readonly Condition[]) =>
  conditions.map(
    ([column, operator, value]) =>
      `${column} ${operator} ${typeof value === 'boolean' ? value : typeof value === 'string' ? 1 : value.length}`,
  );

/** The conditions' parameters, in the order `filtered` puts them in its SQL. */
const parametersOfConditions = (conditions: readonly Condition[]) =>
  conditions.flatMap(([, , value]) =>
    typeof value === 'boolean' ? [] : typeof value === 'string' ? [value] : [...value],
  );

const shapeOf = (q: ListQuery) =>
  [q.plan?.key ?? '*', ...shapeOfConditions(q.conditions), q.after ? 'after' : ''].join('|');

/** The parameters of a list's query, in the order buildList puts them in its SQL. */
function parametersOf(q: ListQuery): unknown[] {
  const parameters: unknown[] = parametersOfConditions(q.conditions);
  if (q.after) parameters.push(q.after[0], q.after[0], q.after[1]);
  parameters.push(q.limit);
  return parameters;
}

function filtered<Q extends WhereInterface<RequestsDb, 'requests'>>(query: Q, conditions: readonly Condition[]): Q {
  let q = query;
  for (const condition of conditions) {
    if (condition[0] === 'agreement') {
      const matching = condition[2] ? agreed : sql<boolean>`not ${agreed}`;
      q = q.where(sql<boolean>`${decidedAndAssessed} and ${matching}`) as Q;
    } else q = q.where(condition[0], condition[1], condition[2]) as Q;
  }
  return q;
}

function buildList(db: Kysely<RequestsDb>, q: ListQuery) {
  let query = q.plan ? db.selectFrom('requests').select(q.plan.columns) : db.selectFrom('requests').selectAll();
  query = filtered(query, q.conditions);
  if (q.after) {
    const [submittedOn, id] = q.after;
    query = query.where((eb) =>
      eb.or([
        eb('submitted_on', '<', submittedOn),
        eb.and([eb('submitted_on', '=', submittedOn), eb('request_id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('submitted_on', 'desc')
    .orderBy('request_id', 'desc')
    .limit(q.limit)
    .compile() as CompiledQuery<RequestTable>;
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
  const after = page.after ? decodeCursor<[string, string]>(page.after, ['string', 'string']) : undefined;
  const q: ListQuery = { plan, conditions: conditionsOf(filter), after, limit: first + 1 };
  const { rows } = await db.executeQuery(
    compiledShape(db, `requests: ${shapeOf(q)}`, parametersOf(q), () => buildList(db, q)),
  );
  const nodes = rows.slice(0, first).map((row) => (plan ? partialView(row, plan) : toRequestView(row)));
  return {
    edges: edgesOf(nodes, (node) => [node.submittedOn, node.requestId]),
    hasNextPage: rows.length > first,
  };
}

/** How many requests match a filter: the request list's total, asked for only when shown. */
export async function countRequests(db: Kysely<RequestsDb>, filter: RequestFilter = {}): Promise<number> {
  const conditions = conditionsOf(filter);
  const shape = ['count', ...shapeOfConditions(conditions)].join('|');
  const { rows } = await db.executeQuery(
    compiledShape(db, `requests: ${shape}`, parametersOfConditions(conditions), () =>
      filtered(db.selectFrom('requests').select(sql<number | string>`count(*)`.as('n')), conditions).compile(),
    ),
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The additional reasons each request's latest assessment found satisfied, for
 * these requests only (those of a page of joint-mission candidates); a
 * request not assessed has none.
 */
export async function satisfiedReasonsOf(
  db: Kysely<RequestsDb>,
  requestIds: Iterable<string>,
): Promise<Map<string, string[]>> {
  const ids = [...new Set(requestIds)];
  const reasons = new Map<string, string[]>();
  // In slices a statement's parameters can hold (SQLite allows 32,766).
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await db
      .selectFrom('requests')
      .select(['request_id', 'satisfied_reasons'])
      .where('request_id', 'in', ids.slice(i, i + 5_000))
      .execute();
    for (const r of rows) reasons.set(r.request_id, r.satisfied_reasons ? list(r.satisfied_reasons) : []);
  }
  return reasons;
}
