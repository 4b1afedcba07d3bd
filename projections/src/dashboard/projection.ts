import { applyDirectory, directory } from '../directory/directory.js';
import { defineProjection, type TableDef } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import {
  ALL_COUNTRIES,
  dashboardCounts,
  dashboardDays,
  dashboardRequests,
  type DashboardCountTable,
  type DashboardDaysTable,
  type DashboardRequestTable,
} from './table.js';

const DAY = 86_400_000;
const day = (instant: string) => instant.slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
/** Only the twinnings: a request's country. The directory's other tables would be written by events not handled here. */
const dir = directory('dashboard');

/** The quarter of a YYYY-MM-DD date, as YYYY-Qn. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

function decided(
  r: DashboardRequestTable,
  decidedOn: string,
  decision: 'ACCEPTED' | 'DECLINED',
  reason: string | null,
): Partial<DashboardRequestTable> {
  const agreed =
    r.recommendation === null
      ? null
      : decision === 'ACCEPTED'
        ? r.recommendation === 'ACCEPT'
        : r.recommendation === 'DECLINE' && r.recommended_decline_reason === reason;
  return {
    status: decision,
    decline_reason: reason,
    decided_on: decidedOn,
    days_to_decision: daysBetween(r.submitted_on, decidedOn),
    agreed: agreed === null ? null : agreed ? 1 : 0,
  };
}

type CountKey = Omit<DashboardCountTable, 'n'>;
type DaysKey = Omit<DashboardDaysTable, 'n'>;

/** The aggregate cells a request counts in: under its country (when known) and under every country. */
function cellsOf(r: DashboardRequestTable): { counts: CountKey[]; days: DaysKey[] } {
  const countries = r.country_code === null ? [ALL_COUNTRIES] : [ALL_COUNTRIES, r.country_code];
  const agreement = r.agreed === null ? 'UNASSESSED' : r.agreed === 1 ? 'AGREED' : 'DISAGREED';
  return {
    counts: countries.map((country_code) => ({
      country_code,
      quarter: r.quarter,
      mission_type: r.mission_type,
      status: r.status,
      decline_reason: r.decline_reason ?? '',
      agreement,
    })),
    days:
      r.days_to_decision === null
        ? []
        : countries.map((country_code) => ({
            country_code,
            quarter: r.quarter,
            mission_type: r.mission_type,
            days: r.days_to_decision!,
          })),
  };
}

/** Adds `delta` to the counter `n` of the row with this key; a row that reaches zero is deleted. */
async function adjust<R extends { n: number }>(
  uow: UnitOfWork,
  table: TableDef<R>,
  key: Omit<R, 'n'>,
  delta: number,
): Promise<void> {
  const row = await uow.get(table, key as Partial<R>);
  const n = (row?.n ?? 0) + delta;
  if (n < 0) throw new Error(`The dashboard's ${table.name} would count ${n} for ${JSON.stringify(key)}`);
  if (n === 0) uow.delete(table, key as Partial<R>);
  else uow.put(table, { ...key, n } as R);
}

/**
 * Writes a request's new fact row and moves it between the aggregates'
 * cells: out of those of its row before (if any), into those of its row now.
 */
async function record(
  uow: UnitOfWork,
  before: DashboardRequestTable | undefined,
  after: DashboardRequestTable,
): Promise<void> {
  uow.put(dashboardRequests, after);
  const out = before ? cellsOf(before) : { counts: [], days: [] };
  const into = cellsOf(after);
  const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
  if (same(out, into)) return;
  for (const key of out.counts) await adjust(uow, dashboardCounts, key, -1);
  for (const key of out.days) await adjust(uow, dashboardDays, key, -1);
  for (const key of into.counts) await adjust(uow, dashboardCounts, key, 1);
  for (const key of into.days) await adjust(uow, dashboardDays, key, 1);
}

async function change(
  uow: UnitOfWork,
  requestId: string,
  next: (r: DashboardRequestTable) => Partial<DashboardRequestTable>,
): Promise<void> {
  const before = await uow.get(dashboardRequests, { request_id: requestId });
  // An event before its request's submission: nothing to count yet.
  if (!before) return;
  await record(uow, before, { ...before, ...next(before) });
}

/**
 * Demand, decisions and decision times for management's dashboards:
 * counters per quarter, mission type, country and outcome, and a histogram
 * of days to a decision, kept up to date event by event from a fact row
 * per request.
 */
export const dashboardProjection = defineProjection({
  name: 'dashboard',
  // 2: aggregates per quarter × mission type × country (dashboard_counts, dashboard_days) instead of
  //    grouping every request of the period at read time; the request's country comes with it.
  version: 2,
  cost: 1,
  tables: [dashboardRequests, dashboardCounts, dashboardDays, dir.twinnings],
  handles: [
    'TwinningEstablished',
    'TwinningEnded',
    'AccompanimentRequestSubmitted',
    'AccompanimentRequestAmended',
    'AccompanimentRequestWithdrawn',
    'AccompanimentRequestAssessed',
    'AccompanimentAccepted',
    'AccompanimentDeclined',
  ],
  async apply(e, uow) {
    // Of the directory's events it handles only the twinnings' (the request's country).
    if (await applyDirectory(dir, e, uow)) return;
    switch (e.type) {
      case 'AccompanimentRequestSubmitted': {
        const submittedOn = day(e.metadata.occurredAt);
        const twinning = await uow.get(dir.twinnings, { twinning_id: e.data.twinningId });
        await record(uow, await uow.get(dashboardRequests, { request_id: e.data.requestId }), {
          request_id: e.data.requestId,
          quarter: quarterOf(submittedOn),
          mission_type: e.data.missionType,
          country_code: twinning?.country_code ?? null,
          submitted_on: submittedOn,
          status: 'SUBMITTED',
          decline_reason: null,
          recommendation: null,
          recommended_decline_reason: null,
          decided_on: null,
          days_to_decision: null,
          agreed: null,
        });
        return;
      }
      case 'AccompanimentRequestAmended':
        await change(uow, e.data.requestId, (r) => ({ mission_type: e.data.missionType ?? r.mission_type }));
        return;
      case 'AccompanimentRequestWithdrawn':
        await change(uow, e.data.requestId, () => ({ status: 'WITHDRAWN' }));
        return;
      case 'AccompanimentRequestAssessed':
        // Only the recommendation in force when the decision is taken counts.
        await change(uow, e.data.requestId, (r) =>
          r.status === 'SUBMITTED'
            ? { recommendation: e.data.recommendation, recommended_decline_reason: e.data.declineReason ?? null }
            : {},
        );
        return;
      case 'AccompanimentAccepted':
        await change(uow, e.data.requestId, (r) => decided(r, e.data.decidedOn, 'ACCEPTED', null));
        return;
      case 'AccompanimentDeclined':
        await change(uow, e.data.requestId, (r) => decided(r, e.data.decidedOn, 'DECLINED', e.data.reason));
        return;
      default:
        return;
    }
  },
});
