import {
  ForbiddenError,
  IllegalStateError,
  JointMissionAmended,
  JointMissionApprovalAbandoned,
  JointMissionApproved,
  JointMissionProposed,
  JointMissionRejected,
  MissionTypes,
  NotFoundError,
  ValidationError,
  type Actor,
  type Command,
  type EventData,
  type MissionType,
} from '@werkbezoek/schema';
import { daysBetween } from '../dates.js';
import type { Decider } from '../decider.js';
import { checkInput, commandDate, event, type EventsOf } from '../events.js';
import type { RequestState } from '../requests/request.js';

export type JointMissionEvent = EventsOf<
  | 'JointMissionProposed'
  | 'JointMissionAmended'
  | 'JointMissionApproved'
  | 'JointMissionRejected'
  | 'JointMissionApprovalAbandoned'
>;

/** The longest window one staff member travels for a joint mission, as for a single visit. */
export const MAX_JOINT_WINDOW_DAYS = 60;

/** What a joint mission proposes; an amendment replaces it whole. */
export type JointMissionPlan = Omit<EventData<'JointMissionProposed'>, 'jointMissionId'>;

export type JointMissionState =
  | { readonly status: 'NONE' }
  | { readonly status: 'PROPOSED'; readonly jointMissionId: string; readonly plan: JointMissionPlan }
  | {
      readonly status: 'APPROVED';
      readonly jointMissionId: string;
      readonly plan: JointMissionPlan;
      readonly approvedOn: string;
      readonly missionId: string;
      readonly staffMemberIds: readonly string[];
      readonly budgetEur: number;
    }
  | {
      readonly status: 'REJECTED';
      readonly jointMissionId: string;
      readonly plan: JointMissionPlan;
      readonly rejectedOn: string;
      readonly reason: string;
    };

/** What the handler looked up about a request a joint mission names. */
export interface JointRequestFacts {
  readonly requestId: string;
  readonly request: RequestState;
  /** The request's twinning's place in the South. */
  readonly countryCode: string;
  readonly regionCode: string;
}

/** The plan as a planner gives it; the handler adds the facts and the estimated cost. */
export interface JointMissionDraft {
  readonly jointMissionId: string;
  readonly requestIds: readonly string[];
  readonly startDate: string;
  readonly endDate: string;
  readonly rationale: string;
  /** The highest-ranked type of its requests unless given. */
  readonly missionType?: MissionType | undefined;
  readonly estimatedCostEur?: number | undefined;
  readonly requests: readonly JointRequestFacts[];
}

export type ProposeJointMission = Command<'ProposeJointMission', JointMissionDraft>;
export type AmendJointMission = Command<'AmendJointMission', JointMissionDraft>;
export type ApproveJointMission = Command<
  'ApproveJointMission',
  Omit<EventData<'JointMissionApproved'>, 'approvedOn'> & { readonly requests: readonly JointRequestFacts[] }
>;
export type RejectJointMission = Command<'RejectJointMission', Omit<EventData<'JointMissionRejected'>, 'rejectedOn'>>;
/** The platform's recovery: an approval interrupted halfway will not be completed (see JointMissionApprovalAbandoned). */
export type AbandonJointMissionApproval = Command<
  'AbandonJointMissionApproval',
  EventData<'JointMissionApprovalAbandoned'>
>;
export type JointMissionCommand =
  ProposeJointMission | AmendJointMission | ApproveJointMission | RejectJointMission | AbandonJointMissionApproval;

export const jointMissionStream = (jointMissionId: string) => `jointMission-${jointMissionId}`;

function checkRole(actor: Actor, roles: readonly Actor['role'][], doing: string): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError(
      `Only ${roles.filter((r) => r !== 'SYSTEM').join(' or ')} may ${doing}; not ${actor.role}`,
    );
  }
}

const proposers = ['PLANNER', 'STAFF', 'SYSTEM'] as const;
const deciders = ['MANAGEMENT', 'SYSTEM'] as const;

function requireOpen(
  state: JointMissionState,
  id: string,
  doing: string,
): Extract<JointMissionState, { status: 'PROPOSED' }> {
  switch (state.status) {
    case 'NONE':
      throw new NotFoundError(`Joint mission ${id} does not exist`);
    case 'PROPOSED':
      return state;
    case 'APPROVED':
      throw new IllegalStateError(
        `Joint mission ${id} was already approved on ${state.approvedOn} (mission ${state.missionId}): it can no longer ${doing}`,
      );
    case 'REJECTED':
      throw new IllegalStateError(
        `Joint mission ${id} was rejected on ${state.rejectedOn} (${state.reason}): it can no longer ${doing}${doing === 'be rejected' ? '' : '; propose a new one'}`,
      );
  }
}

/** Every request must be undecided and known; a joint mission serves what is still open. */
function requireUndecidedRequests(requests: readonly JointRequestFacts[]): void {
  for (const { requestId, request } of requests) {
    if (request.status === 'NONE') throw new NotFoundError(`Request ${requestId} does not exist`);
    if (request.status !== 'SUBMITTED') {
      const when = 'decidedOn' in request ? ` on ${request.decidedOn}` : '';
      throw new IllegalStateError(
        `Request ${requestId} was ${request.status.toLowerCase()}${when}: a joint mission serves undecided requests only; leave it out`,
      );
    }
  }
}

/**
 * Checks a draft against the requests it names and turns it into the plan an
 * event records: one country, at least two municipalities, every visit inside
 * the window, the window not in the past and not longer than a visit may be.
 */
export function planOf(draft: JointMissionDraft, today: string): JointMissionPlan {
  const ids = draft.requestIds;
  if (ids.length < 2) {
    throw new ValidationError('A joint mission serves at least two requests; name them in requestIds', ['requestIds']);
  }
  if (new Set(ids).size !== ids.length) throw new ValidationError('requestIds lists a request twice', ['requestIds']);
  const facts = new Map(draft.requests.map((r) => [r.requestId, r]));
  const requests = ids.map((id) => {
    const f = facts.get(id);
    if (!f || f.request.status === 'NONE') throw new NotFoundError(`Request ${id} does not exist`);
    return f;
  });
  requireUndecidedRequests(requests);
  const countries = [...new Set(requests.map((r) => r.countryCode))].sort();
  if (countries.length > 1) {
    throw new ValidationError(
      `A joint mission travels to one country; these requests are for ${countries.join(' and ')}: propose one per country`,
      ['requestIds'],
    );
  }
  if (draft.startDate < today) {
    throw new ValidationError(`The window starts on ${draft.startDate}, before today (${today})`, ['startDate']);
  }
  if (draft.endDate < draft.startDate) {
    throw new ValidationError(`The window ends on ${draft.endDate}, before it starts (${draft.startDate})`, [
      'endDate',
    ]);
  }
  const windowDays = daysBetween(draft.startDate, draft.endDate) + 1;
  if (windowDays > MAX_JOINT_WINDOW_DAYS) {
    throw new ValidationError(
      `The window lasts ${windowDays} days; one trip lasts at most ${MAX_JOINT_WINDOW_DAYS} days: split it into two joint missions`,
      ['endDate'],
    );
  }
  const undecided = requests.map((r) => ({
    ...r,
    request: r.request as Extract<RequestState, { status: 'SUBMITTED' }>,
  }));
  for (const { requestId, request } of undecided) {
    if (request.startDate < draft.startDate || request.endDate > draft.endDate) {
      throw new ValidationError(
        `The visit of request ${requestId} (${request.startDate} to ${request.endDate}) lies outside the window ` +
          `${draft.startDate} to ${draft.endDate}: widen the window or leave the request out`,
        ['startDate', 'endDate'],
      );
    }
  }
  const nisCodes = [...new Set(undecided.map((r) => r.request.nisCode))];
  const highest = [...undecided.map((r) => r.request.missionType)].sort(
    (a, b) => MissionTypes.get(a).rank - MissionTypes.get(b).rank,
  )[0]!;
  return {
    countryCode: countries[0]!,
    regionCodes: [...new Set(requests.map((r) => r.regionCode))].sort(),
    missionType: draft.missionType ?? highest,
    startDate: draft.startDate,
    endDate: draft.endDate,
    requestIds: [...ids],
    nisCodes,
    rationale: draft.rationale,
    ...(draft.estimatedCostEur !== undefined ? { estimatedCostEur: draft.estimatedCostEur } : {}),
  };
}

export function decide(command: JointMissionCommand, state: JointMissionState): JointMissionEvent[] {
  const today = commandDate(command.metadata.issuedAt);
  const { actor } = command.metadata;
  switch (command.type) {
    case 'ProposeJointMission': {
      checkRole(actor, proposers, 'propose a joint mission');
      if (state.status !== 'NONE')
        throw new IllegalStateError(`Joint mission ${command.data.jointMissionId} already exists`);
      const plan = planOf(command.data, today);
      const data = checkInput(
        JointMissionProposed.schema,
        { jointMissionId: command.data.jointMissionId, ...plan },
        'joint mission',
      );
      return [event('JointMissionProposed', data)];
    }
    case 'AmendJointMission': {
      checkRole(actor, proposers, 'amend a joint mission');
      requireOpen(state, command.data.jointMissionId, 'be amended');
      const plan = planOf(command.data, today);
      const data = checkInput(
        JointMissionAmended.schema,
        { jointMissionId: command.data.jointMissionId, ...plan, amendedOn: today },
        'amendment',
      );
      return [event('JointMissionAmended', data)];
    }
    case 'ApproveJointMission': {
      checkRole(actor, deciders, 'approve a joint mission');
      const { requests, ...input } = command.data;
      const open = requireOpen(state, input.jointMissionId, 'be approved');
      if (new Set(input.staffMemberIds).size !== input.staffMemberIds.length)
        throw new ValidationError('staffMemberIds names a staff member twice', ['staffMemberIds']);
      if (open.plan.startDate < today) {
        throw new IllegalStateError(
          `The window of joint mission ${input.jointMissionId} started on ${open.plan.startDate}: amend its window before approving it`,
        );
      }
      requireUndecidedRequests(
        open.plan.requestIds.map(
          (id) => requests.find((r) => r.requestId === id) ?? { requestId: id, request: { status: 'NONE' } },
        ) as JointRequestFacts[],
      );
      const data = checkInput(JointMissionApproved.schema, { ...input, approvedOn: today }, 'approval');
      return [event('JointMissionApproved', data)];
    }
    case 'RejectJointMission': {
      checkRole(actor, deciders, 'reject a joint mission');
      requireOpen(state, command.data.jointMissionId, 'be rejected');
      if (!command.data.reason?.trim()) {
        throw new ValidationError('Rejecting a joint mission needs a reason for the planner', ['reason']);
      }
      const data = checkInput(JointMissionRejected.schema, { ...command.data, rejectedOn: today }, 'rejection');
      return [event('JointMissionRejected', data)];
    }
    case 'AbandonJointMissionApproval': {
      checkRole(actor, ['SYSTEM'], 'abandon an interrupted approval');
      const data = checkInput(JointMissionApprovalAbandoned.schema, command.data, 'abandonment');
      // Decided otherwise meanwhile: the interrupted approval can no longer be recorded, so nothing to block.
      return state.status === 'PROPOSED' ? [event('JointMissionApprovalAbandoned', data)] : [];
    }
  }
}

export function evolve(state: JointMissionState, e: JointMissionEvent): JointMissionState {
  switch (e.type) {
    case 'JointMissionProposed': {
      const { jointMissionId, ...plan } = e.data;
      return { status: 'PROPOSED', jointMissionId, plan };
    }
    case 'JointMissionAmended': {
      if (state.status === 'NONE') return state;
      const { jointMissionId: _id, amendedOn: _on, ...plan } = e.data;
      return { ...state, plan };
    }
    case 'JointMissionApproved':
      if (state.status === 'NONE') return state;
      return {
        status: 'APPROVED',
        jointMissionId: state.jointMissionId,
        plan: state.plan,
        approvedOn: e.data.approvedOn,
        missionId: e.data.missionId,
        staffMemberIds: e.data.staffMemberIds,
        budgetEur: e.data.budgetEur,
      };
    case 'JointMissionRejected':
      if (state.status === 'NONE') return state;
      return {
        status: 'REJECTED',
        jointMissionId: state.jointMissionId,
        plan: state.plan,
        rejectedOn: e.data.rejectedOn,
        reason: e.data.reason,
      };
    default:
      return state;
  }
}

export const jointMissionDecider: Decider<JointMissionState, JointMissionCommand, JointMissionEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'NONE' }),
};
