import { defineProjection } from '../runner/projection.js';
import { dashboardRequests, type DashboardRequestTable } from './table.js';

const DAY = 86_400_000;
const day = (instant: string) => instant.slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);

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

/** Demand, decisions and decision times per request, for management's dashboards. */
export const dashboardProjection = defineProjection({
  name: 'dashboard',
  version: 1,
  cost: 1,
  tables: [dashboardRequests],
  handles: [
    'AccompanimentRequestSubmitted',
    'AccompanimentRequestAmended',
    'AccompanimentRequestWithdrawn',
    'AccompanimentRequestAssessed',
    'AccompanimentAccepted',
    'AccompanimentDeclined',
  ],
  async apply(e, uow) {
    switch (e.type) {
      case 'AccompanimentRequestSubmitted': {
        const submittedOn = day(e.metadata.occurredAt);
        uow.put(dashboardRequests, {
          request_id: e.data.requestId,
          quarter: quarterOf(submittedOn),
          mission_type: e.data.missionType,
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
        await uow.update(dashboardRequests, { request_id: e.data.requestId }, (r) => ({
          mission_type: e.data.missionType ?? r.mission_type,
        }));
        return;
      case 'AccompanimentRequestWithdrawn':
        await uow.update(dashboardRequests, { request_id: e.data.requestId }, () => ({ status: 'WITHDRAWN' }));
        return;
      case 'AccompanimentRequestAssessed':
        // Only the recommendation in force when the decision is taken counts.
        await uow.update(dashboardRequests, { request_id: e.data.requestId }, (r) =>
          r.status === 'SUBMITTED'
            ? { recommendation: e.data.recommendation, recommended_decline_reason: e.data.declineReason ?? null }
            : {},
        );
        return;
      case 'AccompanimentAccepted':
        await uow.update(dashboardRequests, { request_id: e.data.requestId }, (r) =>
          decided(r, e.data.decidedOn, 'ACCEPTED', null),
        );
        return;
      case 'AccompanimentDeclined':
        await uow.update(dashboardRequests, { request_id: e.data.requestId }, (r) =>
          decided(r, e.data.decidedOn, 'DECLINED', e.data.reason),
        );
        return;
      default:
        return;
    }
  },
});
