import type {
  AdditionalReason,
  DeclineReason,
  Decision,
  MissionType,
  PolicyDomain,
  Programme,
} from '@werkbezoek/schema';
import type { EventsOf } from '../events.js';

export type RequestEvent = EventsOf<
  | 'AccompanimentRequestSubmitted'
  | 'AccompanimentRequestAmended'
  | 'AccompanimentRequestWithdrawn'
  | 'AccompanimentRequestAssessed'
  | 'AccompanimentAccepted'
  | 'AccompanimentDeclined'
  | 'AccompanimentAcceptanceAbandoned'
>;

export interface RequestDetails {
  readonly requestId: string;
  readonly twinningId: string;
  readonly nisCode: string;
  readonly missionType: MissionType;
  readonly startDate: string;
  readonly endDate: string;
  readonly delegationSize: number;
  readonly programme: Programme | undefined;
  readonly policyDomains: readonly PolicyDomain[];
  readonly claimedReasons: readonly AdditionalReason[];
  readonly notes: string | undefined;
  readonly latestAssessment:
    | {
        readonly recommendation: Decision;
        readonly declineReason: DeclineReason | undefined;
        readonly policyVersion: string;
      }
    | undefined;
}

/** The request's lifecycle: SUBMITTED (undecided) → ACCEPTED | DECLINED | WITHDRAWN. */
export type RequestState =
  | { readonly status: 'NONE' }
  | ({ readonly status: 'SUBMITTED' } & RequestDetails)
  | ({
      readonly status: 'ACCEPTED';
      readonly decidedOn: string;
      readonly missionId: string;
      readonly staffMemberId: string;
    } & RequestDetails)
  | ({ readonly status: 'DECLINED'; readonly decidedOn: string; readonly reason: DeclineReason } & RequestDetails)
  | ({ readonly status: 'WITHDRAWN'; readonly withdrawalReason: string } & RequestDetails);

export const requestStream = (requestId: string) => `request-${requestId}`;

export function evolve(state: RequestState, e: RequestEvent): RequestState {
  switch (e.type) {
    case 'AccompanimentRequestSubmitted': {
      const d = e.data;
      return {
        status: 'SUBMITTED',
        requestId: d.requestId,
        twinningId: d.twinningId,
        nisCode: d.nisCode,
        missionType: d.missionType,
        startDate: d.startDate,
        endDate: d.endDate,
        delegationSize: d.delegationSize,
        programme: d.programme,
        policyDomains: d.policyDomains,
        claimedReasons: d.claimedReasons,
        notes: d.notes,
        latestAssessment: undefined,
      };
    }
    case 'AccompanimentRequestAmended': {
      if (state.status !== 'SUBMITTED') return state;
      const { requestId: _r, contactPersonId: _c, ...changes } = e.data;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      return { ...state, ...defined };
    }
    case 'AccompanimentRequestWithdrawn':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'WITHDRAWN', withdrawalReason: e.data.reason };
    case 'AccompanimentRequestAssessed':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        latestAssessment: {
          recommendation: e.data.recommendation,
          declineReason: e.data.declineReason,
          policyVersion: e.data.policyVersion,
        },
      };
    case 'AccompanimentAccepted':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        status: 'ACCEPTED',
        decidedOn: e.data.decidedOn,
        missionId: e.data.missionId,
        staffMemberId: e.data.staffMemberId,
      };
    case 'AccompanimentDeclined':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'DECLINED', decidedOn: e.data.decidedOn, reason: e.data.reason };
    default:
      return state;
  }
}
