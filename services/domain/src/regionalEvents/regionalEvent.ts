import {
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  RegionalEventAmended,
  RegionalEventApprovalAbandoned,
  RegionalEventApproved,
  RegionalEventProposed,
  RegionalEventRejected,
  ValidationError,
  type Actor,
  type Command,
  type EventData,
} from '@werkbezoek/schema';
import { daysBetween } from '../dates.js';
import type { Decider } from '../decider.js';
import { checkInput, commandDate, event, type EventsOf } from '../events.js';

export type RegionalEventEvent = EventsOf<
  | 'RegionalEventProposed'
  | 'RegionalEventAmended'
  | 'RegionalEventApproved'
  | 'RegionalEventRejected'
  | 'RegionalEventApprovalAbandoned'
>;

/** The longest regional event the programme organises. */
export const MAX_EVENT_DAYS = 14;

export type RegionalEventPlan = Omit<EventData<'RegionalEventProposed'>, 'regionalEventId'>;

export type RegionalEventState =
  | { readonly status: 'NONE' }
  | { readonly status: 'PROPOSED'; readonly regionalEventId: string; readonly plan: RegionalEventPlan }
  | {
      readonly status: 'APPROVED';
      readonly regionalEventId: string;
      readonly plan: RegionalEventPlan;
      readonly approvedOn: string;
      readonly budgetEur: number;
      readonly staffMemberIds: readonly string[];
    }
  | {
      readonly status: 'REJECTED';
      readonly regionalEventId: string;
      readonly plan: RegionalEventPlan;
      readonly rejectedOn: string;
      readonly reason: string;
    };

/** The plan as a planner gives it, with what the handler looked up: which invitees are registered municipalities. */
export type RegionalEventDraft = EventData<'RegionalEventProposed'> & {
  readonly unknownNisCodes: readonly string[];
};

export type ProposeRegionalEvent = Command<'ProposeRegionalEvent', RegionalEventDraft>;
export type AmendRegionalEvent = Command<'AmendRegionalEvent', RegionalEventDraft>;
export type ApproveRegionalEvent = Command<
  'ApproveRegionalEvent',
  Omit<EventData<'RegionalEventApproved'>, 'approvedOn'>
>;
export type RejectRegionalEvent = Command<
  'RejectRegionalEvent',
  Omit<EventData<'RegionalEventRejected'>, 'rejectedOn'>
>;
/** The platform's recovery: an approval interrupted halfway will not be completed (see RegionalEventApprovalAbandoned). */
export type AbandonRegionalEventApproval = Command<
  'AbandonRegionalEventApproval',
  EventData<'RegionalEventApprovalAbandoned'>
>;
export type RegionalEventCommand =
  ProposeRegionalEvent | AmendRegionalEvent | ApproveRegionalEvent | RejectRegionalEvent | AbandonRegionalEventApproval;

export const regionalEventStream = (regionalEventId: string) => `regionalEvent-${regionalEventId}`;

const proposers: readonly Actor['role'][] = ['PLANNER', 'STAFF', 'SYSTEM'];
const deciders: readonly Actor['role'][] = ['MANAGEMENT', 'SYSTEM'];

function checkRole(actor: Actor, roles: readonly Actor['role'][], doing: string): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError(
      `Only ${roles.filter((r) => r !== 'SYSTEM').join(' or ')} may ${doing}; not ${actor.role}`,
    );
  }
}

function requireOpen(
  state: RegionalEventState,
  id: string,
  doing: string,
): Extract<RegionalEventState, { status: 'PROPOSED' }> {
  switch (state.status) {
    case 'NONE':
      throw new NotFoundError(`Regional event ${id} does not exist`);
    case 'PROPOSED':
      return state;
    case 'APPROVED':
      throw new IllegalStateError(
        `Regional event ${id} was already approved on ${state.approvedOn}: it can no longer ${doing}`,
      );
    case 'REJECTED':
      throw new IllegalStateError(
        `Regional event ${id} was rejected on ${state.rejectedOn} (${state.reason}): it can no longer ${doing}${doing === 'be rejected' ? '' : '; propose a new one'}`,
      );
  }
}

function planOf(draft: RegionalEventDraft, today: string): RegionalEventPlan {
  const { regionalEventId: _id, unknownNisCodes, ...plan } = draft;
  if (plan.startDate < today) {
    throw new ValidationError(`The event starts on ${plan.startDate}, before today (${today})`, ['startDate']);
  }
  const days = daysBetween(plan.startDate, plan.endDate) + 1;
  if (days > MAX_EVENT_DAYS) {
    throw new ValidationError(`The event lasts ${days} days; a regional event lasts at most ${MAX_EVENT_DAYS} days`, [
      'endDate',
    ]);
  }
  for (const code of plan.regionCodes) {
    if (!code.startsWith(`${plan.countryCode}-`)) {
      throw new ValidationError(`Region ${code} does not lie in country ${plan.countryCode}`, ['regionCodes']);
    }
  }
  if (plan.invitedNisCodes.length < 2) {
    throw new ValidationError('A regional event invites at least two municipalities; name them in invitedNisCodes', [
      'invitedNisCodes',
    ]);
  }
  if (new Set(plan.invitedNisCodes).size !== plan.invitedNisCodes.length)
    throw new ValidationError('invitedNisCodes names a municipality twice', ['invitedNisCodes']);
  if (unknownNisCodes.length > 0) {
    throw new NotFoundError(`No municipality is registered with NIS code ${unknownNisCodes.join(', ')}`);
  }
  return plan;
}

export function decide(command: RegionalEventCommand, state: RegionalEventState): RegionalEventEvent[] {
  const today = commandDate(command.metadata.issuedAt);
  const { actor } = command.metadata;
  switch (command.type) {
    case 'ProposeRegionalEvent': {
      checkRole(actor, proposers, 'propose a regional event');
      if (state.status !== 'NONE')
        throw new IllegalStateError(`Regional event ${command.data.regionalEventId} already exists`);
      const { unknownNisCodes, ...rest } = command.data;
      const input = checkInput(RegionalEventProposed.schema, rest, 'regional event');
      const plan = planOf({ ...input, unknownNisCodes }, today);
      return [event('RegionalEventProposed', { regionalEventId: input.regionalEventId, ...plan })];
    }
    case 'AmendRegionalEvent': {
      checkRole(actor, proposers, 'amend a regional event');
      requireOpen(state, command.data.regionalEventId, 'be amended');
      const { unknownNisCodes, ...rest } = command.data;
      const input = checkInput(RegionalEventAmended.schema, { ...rest, amendedOn: today }, 'amendment');
      const { amendedOn: _on, ...draft } = input;
      planOf({ ...draft, unknownNisCodes }, today);
      return [event('RegionalEventAmended', input)];
    }
    case 'ApproveRegionalEvent': {
      checkRole(actor, deciders, 'approve a regional event');
      const open = requireOpen(state, command.data.regionalEventId, 'be approved');
      const staff = command.data.staffMemberIds ?? [];
      if (new Set(staff).size !== staff.length)
        throw new ValidationError('staffMemberIds names a staff member twice', ['staffMemberIds']);
      if (open.plan.startDate < today) {
        throw new IllegalStateError(
          `Regional event ${open.regionalEventId} started on ${open.plan.startDate}: amend its dates before approving it`,
        );
      }
      const data = checkInput(RegionalEventApproved.schema, { ...command.data, approvedOn: today }, 'approval');
      return [event('RegionalEventApproved', data)];
    }
    case 'RejectRegionalEvent': {
      checkRole(actor, deciders, 'reject a regional event');
      requireOpen(state, command.data.regionalEventId, 'be rejected');
      if (!command.data.reason?.trim())
        throw new ValidationError('Rejecting a regional event needs a reason for the planner', ['reason']);
      const data = checkInput(RegionalEventRejected.schema, { ...command.data, rejectedOn: today }, 'rejection');
      return [event('RegionalEventRejected', data)];
    }
    case 'AbandonRegionalEventApproval': {
      checkRole(actor, ['SYSTEM'], 'abandon an interrupted approval');
      const data = checkInput(RegionalEventApprovalAbandoned.schema, command.data, 'abandonment');
      // Decided otherwise meanwhile: the interrupted approval can no longer be recorded, so nothing to block.
      return state.status === 'PROPOSED' ? [event('RegionalEventApprovalAbandoned', data)] : [];
    }
  }
}

export function evolve(state: RegionalEventState, e: RegionalEventEvent): RegionalEventState {
  switch (e.type) {
    case 'RegionalEventProposed': {
      const { regionalEventId, ...plan } = e.data;
      return { status: 'PROPOSED', regionalEventId, plan };
    }
    case 'RegionalEventAmended': {
      if (state.status === 'NONE') return state;
      const { regionalEventId: _id, amendedOn: _on, ...plan } = e.data;
      return { ...state, plan };
    }
    case 'RegionalEventApproved':
      if (state.status === 'NONE') return state;
      return {
        status: 'APPROVED',
        regionalEventId: state.regionalEventId,
        plan: state.plan,
        approvedOn: e.data.approvedOn,
        budgetEur: e.data.budgetEur,
        staffMemberIds: e.data.staffMemberIds ?? [],
      };
    case 'RegionalEventRejected':
      if (state.status === 'NONE') return state;
      return {
        status: 'REJECTED',
        regionalEventId: state.regionalEventId,
        plan: state.plan,
        rejectedOn: e.data.rejectedOn,
        reason: e.data.reason,
      };
    default:
      return state;
  }
}

export const regionalEventDecider: Decider<RegionalEventState, RegionalEventCommand, RegionalEventEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'NONE' }),
};
