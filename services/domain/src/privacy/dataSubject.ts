import {
  DataSubjectErased,
  DataSubjectErasureCancelled,
  DataSubjectErasureRequested,
  DataSubjectKinds,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
  type Actor,
  type Command,
  type DataSubjectKind,
  type ErasureReason,
} from '@werkbezoek/schema';
import type { Decider } from '../decider.js';
import { checkInput, commandDate, event, type EventsOf } from '../events.js';

/**
 * The erasure of one data subject (issue 15): management requests it with a
 * reason, a second person in the STAFF role confirms it, and only then is the
 * subject's key deleted (by the handler, after the confirmation is stored).
 * One stream per subject, so "erased already" and "one erasure pending at a
 * time" hold however many people ask.
 */
export type DataSubjectEvent = EventsOf<
  'DataSubjectErasureRequested' | 'DataSubjectErased' | 'DataSubjectErasureCancelled'
>;

/** Events as the stream holds them: who caused each comes with it (the requester may not confirm). */
export type RecordedDataSubjectEvent = DataSubjectEvent & { readonly metadata?: { readonly actor: Actor } };

export interface PendingErasure {
  readonly erasureId: string;
  readonly subjectKind: DataSubjectKind;
  readonly reason: ErasureReason;
  readonly requestedOn: string;
  /** The requester's id, when the event came from the store (a test's given events may have none). */
  readonly requestedBy: string | undefined;
}

export type DataSubjectState =
  | { readonly status: 'HELD'; readonly cancelled: ReadonlySet<string> }
  | { readonly status: 'PENDING'; readonly erasure: PendingErasure; readonly cancelled: ReadonlySet<string> }
  | {
      readonly status: 'ERASED';
      readonly erasureId: string;
      readonly erasedOn: string;
      readonly cancelled: ReadonlySet<string>;
    };

/** What the platform knows of the subject besides this stream: the kinds the log names them as (none: not a subject). */
export interface SubjectFacts {
  readonly kinds: readonly DataSubjectKind[];
}

export type RequestDataSubjectErasure = Command<
  'RequestDataSubjectErasure',
  {
    readonly erasureId: string;
    readonly subjectId: string;
    readonly reason: ErasureReason;
    readonly caseReference?: string | undefined;
  } & SubjectFacts
>;
export type ConfirmDataSubjectErasure = Command<
  'ConfirmDataSubjectErasure',
  { readonly erasureId: string; readonly subjectId: string }
>;
export type CancelDataSubjectErasure = Command<
  'CancelDataSubjectErasure',
  { readonly erasureId: string; readonly subjectId: string }
>;
/**
 * The retention job's erasure (issue 15, retention): the platform itself, under a retention policy that is the
 * approved decision, so no second person confirms; requested and erased in one step, for the reason RETENTION_EXPIRED.
 */
export type EraseDataSubjectPastRetention = Command<
  'EraseDataSubjectPastRetention',
  { readonly erasureId: string; readonly subjectId: string } & SubjectFacts
>;
export type DataSubjectCommand =
  RequestDataSubjectErasure | ConfirmDataSubjectErasure | CancelDataSubjectErasure | EraseDataSubjectPastRetention;

export const dataSubjectStream = (subjectId: string) => `dataSubject-${subjectId}`;

export function initialState(): DataSubjectState {
  return { status: 'HELD', cancelled: new Set() };
}

function checkRole(actor: Actor, role: Actor['role'], doing: string): void {
  if (actor.role !== role) throw new ForbiddenError(`Only ${role} may ${doing}; not ${actor.role}`);
}

/** The kind an erasure records: of the kinds the log names the subject as, the first in the vocabulary's order (people before documents). */
function primaryKind(subjectId: string, kinds: readonly DataSubjectKind[]): DataSubjectKind {
  const kind = DataSubjectKinds.codes.find((k) => kinds.includes(k));
  if (!kind) {
    throw new NotFoundError(
      `No personal data is held for ${subjectId}: no event names it as a person or a document. ` +
        "Give the id of a person (such as a staff member's id or a request's contact person) or of a record with text of its own",
    );
  }
  return kind;
}

function refuseIfErased(state: DataSubjectState, subjectId: string): void {
  if (state.status === 'ERASED') {
    throw new IllegalStateError(
      `${subjectId} was already erased on ${state.erasedOn} (erasure ${state.erasureId}): nothing is left to erase`,
    );
  }
}

function refuseIfPending(state: DataSubjectState, subjectId: string): void {
  if (state.status === 'PENDING') {
    throw new IllegalStateError(
      `An erasure of ${subjectId} requested on ${state.erasure.requestedOn} awaits confirmation (erasure ${state.erasure.erasureId}): confirm or cancel that one`,
    );
  }
}

/** The pending erasure `erasureId`, or an error saying where it stands. */
function pending(state: DataSubjectState, erasureId: string, subjectId: string, doing: string): PendingErasure {
  if (state.status === 'PENDING' && state.erasure.erasureId === erasureId) return state.erasure;
  if (state.cancelled.has(erasureId))
    throw new IllegalStateError(`Erasure ${erasureId} was cancelled: it can no longer ${doing}`);
  if (state.status === 'ERASED' && state.erasureId !== erasureId) refuseIfErased(state, subjectId);
  throw new NotFoundError(`No erasure ${erasureId} of ${subjectId} awaits confirmation; see the list of erasures`);
}

export function decide(command: DataSubjectCommand, state: DataSubjectState): DataSubjectEvent[] {
  const today = commandDate(command.metadata.issuedAt);
  const { actor } = command.metadata;
  switch (command.type) {
    case 'RequestDataSubjectErasure': {
      checkRole(actor, 'MANAGEMENT', 'request the erasure of a data subject');
      const { erasureId, subjectId, reason, caseReference } = command.data;
      if (reason === 'OTHER' && !caseReference) {
        throw new ValidationError(
          'The reason OTHER needs a case reference (such as AVG-2026-0142) where the reason is recorded',
          ['caseReference'],
        );
      }
      const data = checkInput(
        DataSubjectErasureRequested.schema,
        {
          erasureId,
          subjectId,
          subjectKind: 'DOCUMENT', // checked here for its shape; the real kind follows
          reason,
          ...(caseReference ? { caseReference } : {}),
          requestedOn: today,
        },
        'erasure request',
      );
      refuseIfErased(state, subjectId);
      refuseIfPending(state, subjectId);
      return [
        event('DataSubjectErasureRequested', { ...data, subjectKind: primaryKind(subjectId, command.data.kinds) }),
      ];
    }
    case 'ConfirmDataSubjectErasure': {
      checkRole(
        actor,
        'STAFF',
        'confirm an erasure (management requests it, a second person in the STAFF role confirms)',
      );
      const { erasureId, subjectId } = command.data;
      // Confirming again what is done changes nothing: the answer is the same, nothing is stored.
      if (state.status === 'ERASED' && state.erasureId === erasureId) return [];
      const erasure = pending(state, erasureId, subjectId, 'be confirmed');
      if (erasure.requestedBy === actor.id) {
        throw new ForbiddenError(
          `You requested erasure ${erasureId} yourself: a second person, in the STAFF role, must confirm it`,
        );
      }
      return [
        event(
          'DataSubjectErased',
          checkInput(DataSubjectErased.schema, { erasureId, subjectId, erasedOn: today }, 'erasure'),
        ),
      ];
    }
    case 'CancelDataSubjectErasure': {
      checkRole(actor, 'MANAGEMENT', 'cancel an erasure');
      const { erasureId, subjectId } = command.data;
      if (state.cancelled.has(erasureId)) return [];
      if (state.status === 'ERASED' && state.erasureId === erasureId) {
        throw new IllegalStateError(
          `Erasure ${erasureId} was confirmed on ${state.erasedOn}: the data is gone, and an erasure cannot be undone`,
        );
      }
      pending(state, erasureId, subjectId, 'be cancelled');
      return [
        event(
          'DataSubjectErasureCancelled',
          checkInput(DataSubjectErasureCancelled.schema, { erasureId, subjectId, cancelledOn: today }, 'cancellation'),
        ),
      ];
    }
    case 'EraseDataSubjectPastRetention': {
      checkRole(actor, 'SYSTEM', 'erase a data subject past retention without a second person');
      const { erasureId, subjectId, kinds } = command.data;
      refuseIfErased(state, subjectId);
      refuseIfPending(state, subjectId);
      const requested = checkInput(
        DataSubjectErasureRequested.schema,
        {
          erasureId,
          subjectId,
          subjectKind: primaryKind(subjectId, kinds),
          reason: 'RETENTION_EXPIRED',
          requestedOn: today,
        },
        'erasure request',
      );
      return [
        event('DataSubjectErasureRequested', requested),
        event('DataSubjectErased', { erasureId, subjectId, erasedOn: today }),
      ];
    }
  }
}

export function evolve(state: DataSubjectState, e: RecordedDataSubjectEvent): DataSubjectState {
  switch (e.type) {
    case 'DataSubjectErasureRequested': {
      const { erasureId, subjectKind, reason, requestedOn } = e.data;
      return {
        status: 'PENDING',
        erasure: { erasureId, subjectKind, reason, requestedOn, requestedBy: e.metadata?.actor.id },
        cancelled: state.cancelled,
      };
    }
    case 'DataSubjectErased':
      return { status: 'ERASED', erasureId: e.data.erasureId, erasedOn: e.data.erasedOn, cancelled: state.cancelled };
    case 'DataSubjectErasureCancelled':
      return { status: 'HELD', cancelled: new Set([...state.cancelled, e.data.erasureId]) };
    default:
      return state;
  }
}

export const dataSubjectDecider: Decider<DataSubjectState, DataSubjectCommand, RecordedDataSubjectEvent> = {
  decide,
  evolve,
  initialState,
};
