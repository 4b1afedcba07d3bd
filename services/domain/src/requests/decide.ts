import {
  AccompanimentAcceptanceAbandoned,
  AccompanimentAccepted,
  AccompanimentDeclined,
  AccompanimentRequestAmended,
  AccompanimentRequestAssessed,
  AccompanimentRequestSubmitted,
  AccompanimentRequestWithdrawn,
  DeclineReasons,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  type Actor,
  type Command,
  type DeclineReason,
  type EventData,
} from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { daysBetween } from '../dates.js';
import { checkInput, commandDate, event } from '../events.js';
import type { AssessmentResult } from '../assessment/assess.js';
import { evolve, type RequestEvent, type RequestState } from './request.js';

/** What the handler looked up about the twinning a request is for. */
export interface TwinningFacts {
  readonly twinningId: string;
  readonly nisCode: string;
  readonly status: 'ACTIVE' | 'ENDED';
}

/** The longest visit the programme accompanies. */
export const MAX_VISIT_DAYS = 60;

export type SubmitAccompanimentRequest = Command<
  'SubmitAccompanimentRequest',
  Omit<EventData<'AccompanimentRequestSubmitted'>, 'nisCode'> & { twinning: TwinningFacts | undefined }
>;
export type AmendAccompanimentRequest = Command<'AmendAccompanimentRequest', EventData<'AccompanimentRequestAmended'>>;
export type WithdrawAccompanimentRequest = Command<
  'WithdrawAccompanimentRequest',
  EventData<'AccompanimentRequestWithdrawn'>
>;
export type RecordAssessment = Command<
  'RecordAssessment',
  { requestId: string; trigger: EventData<'AccompanimentRequestAssessed'>['trigger']; result: AssessmentResult }
>;
export type AcceptAccompanimentRequest = Command<
  'AcceptAccompanimentRequest',
  Omit<EventData<'AccompanimentAccepted'>, 'decidedOn' | 'staffMemberId'> & { staffMemberId?: string | undefined }
>;
export type DeclineAccompanimentRequest = Command<
  'DeclineAccompanimentRequest',
  { requestId: string; reason?: DeclineReason | undefined; note?: string | undefined }
>;
/** The platform's recovery: an acceptance interrupted halfway will not be completed (see AccompanimentAcceptanceAbandoned). */
export type AbandonAcceptance = Command<'AbandonAcceptance', EventData<'AccompanimentAcceptanceAbandoned'>>;
export type RequestCommand =
  | AbandonAcceptance
  | SubmitAccompanimentRequest
  | AmendAccompanimentRequest
  | WithdrawAccompanimentRequest
  | RecordAssessment
  | AcceptAccompanimentRequest
  | DeclineAccompanimentRequest;

/** VVSG decides: staff, management approving a joint mission, or the platform itself; never the municipality. */
function checkDecider(actor: Actor): void {
  if (actor.role !== 'STAFF' && actor.role !== 'MANAGEMENT' && actor.role !== 'SYSTEM') {
    throw new ForbiddenError(`Only VVSG staff decide on accompaniment; a ${actor.role.toLowerCase()} cannot`);
  }
}

/** A coordinator acts for one municipality only. */
function checkCoordinator(actor: Actor, nisCode: string): void {
  if (actor.role === 'COORDINATOR' && actor.nisCode !== nisCode) {
    throw new ForbiddenError(
      `A coordinator of ${actor.nisCode ?? 'no municipality'} cannot act on requests of municipality ${nisCode}`,
    );
  }
}

function checkPeriod(startDate: string, endDate: string, today: string): void {
  if (startDate < today) {
    throw new ValidationError(
      `The visit starts on ${startDate}, before today (${today}); a request is for a visit to come`,
      ['startDate'],
    );
  }
  const days = daysBetween(startDate, endDate) + 1;
  if (days > MAX_VISIT_DAYS) {
    throw new ValidationError(
      `The visit lasts ${days} days; the programme accompanies visits of at most ${MAX_VISIT_DAYS} days`,
      ['endDate'],
    );
  }
}

function noDuplicates(values: readonly string[] | undefined, field: string): void {
  if (values && new Set(values).size !== values.length)
    throw new ValidationError(`${field} lists a value twice`, [field]);
}

function requireUndecided(
  state: RequestState,
  requestId: string,
  doing: string,
): Extract<RequestState, { status: 'SUBMITTED' }> {
  switch (state.status) {
    case 'NONE':
      throw new NotFoundError(`Request ${requestId} does not exist`);
    case 'SUBMITTED':
      return state;
    case 'WITHDRAWN':
      throw new IllegalStateError(`Request ${requestId} was withdrawn by the municipality: it can no longer ${doing}`);
    case 'ACCEPTED':
      throw new IllegalStateError(
        `Request ${requestId} was already accepted on ${state.decidedOn}: it can no longer ${doing}; cancel its mission instead`,
      );
    case 'DECLINED':
      throw new IllegalStateError(
        `Request ${requestId} was already declined on ${state.decidedOn} (${state.reason}): it can no longer ${doing}`,
      );
    default: {
      const _exhaustive: never = state;
      throw new Error(`Unknown state ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export function decide(command: RequestCommand, state: RequestState): RequestEvent[] {
  const today = commandDate(command.metadata.issuedAt);
  switch (command.type) {
    case 'SubmitAccompanimentRequest': {
      const { twinning, ...input } = command.data;
      if (!twinning) throw new NotFoundError(`Twinning ${input.twinningId} does not exist`);
      // Who may act comes first: another municipality's coordinator learns nothing of this twinning's state.
      checkCoordinator(command.metadata.actor, twinning.nisCode);
      if (twinning.status !== 'ACTIVE')
        throw new IllegalStateError(`Twinning ${twinning.twinningId} has ended: no new visits can be requested`);
      const data = checkInput(AccompanimentRequestSubmitted.schema, { ...input, nisCode: twinning.nisCode }, 'request');
      if (state.status !== 'NONE') throw new IllegalStateError(`Request ${data.requestId} already exists`);
      checkPeriod(data.startDate, data.endDate, today);
      noDuplicates(data.claimedReasons, 'claimedReasons');
      noDuplicates(data.policyDomains, 'policyDomains');
      return [event('AccompanimentRequestSubmitted', data)];
    }
    case 'AmendAccompanimentRequest': {
      const data = checkInput(AccompanimentRequestAmended.schema, command.data, 'amendment');
      if (state.status !== 'NONE') checkCoordinator(command.metadata.actor, state.nisCode);
      const request = requireUndecided(state, data.requestId, 'be amended');
      const { requestId: _id, contactPersonId: _c, ...changes } = data;
      const changed = Object.entries(changes).filter(
        ([key, value]) =>
          value !== undefined && JSON.stringify(value) !== JSON.stringify(request[key as keyof typeof request]),
      );
      if (changed.length === 0)
        throw new ValidationError('The amendment changes nothing: give at least one field with a new value');
      const startDate = data.startDate ?? request.startDate;
      const endDate = data.endDate ?? request.endDate;
      if (endDate < startDate)
        throw new ValidationError(`The end date ${endDate} lies before the start date ${startDate}`, ['endDate']);
      if (data.startDate !== undefined || data.endDate !== undefined) checkPeriod(startDate, endDate, today);
      noDuplicates(data.claimedReasons, 'claimedReasons');
      noDuplicates(data.policyDomains, 'policyDomains');
      return [event('AccompanimentRequestAmended', data)];
    }
    case 'WithdrawAccompanimentRequest': {
      const data = checkInput(AccompanimentRequestWithdrawn.schema, command.data, 'withdrawal');
      if (state.status !== 'NONE') checkCoordinator(command.metadata.actor, state.nisCode);
      requireUndecided(state, data.requestId, 'be withdrawn');
      return [event('AccompanimentRequestWithdrawn', data)];
    }
    case 'RecordAssessment': {
      const { requestId, trigger, result } = command.data;
      requireUndecided(state, requestId, 'be assessed');
      return [
        event(
          'AccompanimentRequestAssessed',
          checkInput(AccompanimentRequestAssessed.schema, { requestId, trigger, ...result }, 'assessment'),
        ),
      ];
    }
    case 'AcceptAccompanimentRequest': {
      const { staffMemberId, ...rest } = command.data;
      if (!staffMemberId) {
        throw new ValidationError(
          'Accepting a request needs the staff member who will accompany the visit (staffMemberId)',
          ['staffMemberId'],
        );
      }
      checkDecider(command.metadata.actor);
      const data = checkInput(AccompanimentAccepted.schema, { ...rest, staffMemberId, decidedOn: today }, 'acceptance');
      requireUndecided(state, data.requestId, 'be decided');
      return [event('AccompanimentAccepted', data)];
    }
    case 'DeclineAccompanimentRequest': {
      const { requestId, reason, note } = command.data;
      checkDecider(command.metadata.actor);
      if (!reason) {
        throw new ValidationError(`Declining a request needs one of the reasons ${DeclineReasons.codes.join(', ')}`, [
          'declineReason',
        ]);
      }
      if (!note?.trim()) {
        throw new ValidationError('Declining a request needs a note for the municipality that explains the decision', [
          'note',
        ]);
      }
      const data = checkInput(AccompanimentDeclined.schema, { requestId, reason, note, decidedOn: today }, 'decline');
      requireUndecided(state, requestId, 'be decided');
      return [event('AccompanimentDeclined', data)];
    }
    case 'AbandonAcceptance': {
      if (command.metadata.actor.role !== 'SYSTEM')
        throw new ForbiddenError('Only the platform abandons an interrupted acceptance');
      const data = checkInput(AccompanimentAcceptanceAbandoned.schema, command.data, 'abandonment');
      // Decided or withdrawn meanwhile: the interrupted acceptance can no longer be recorded, so nothing to block.
      return state.status === 'SUBMITTED' ? [event('AccompanimentAcceptanceAbandoned', data)] : [];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`Unknown command ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const requestDecider: Decider<RequestState, RequestCommand, RequestEvent> = {
  decide,
  evolve,
  initialState: () => ({ status: 'NONE' }),
};
