import { createHash } from 'node:crypto';
import { explanationForCoordinator, platformActor, yearOf } from '@werkbezoek/domain';
import type { Actor, EventData, Role, WerkbezoekEventType } from '@werkbezoek/schema';

/*
 * What a municipality's coordinator may read of an event in an audit trail
 * (issue 15). A coordinator learns what happened to their request and why,
 * and whether staff time and budget suffice; not who at VVSG is free, how
 * many days anyone has left, what anything costs or how much money is left,
 * the inputs the policy weighed, nor which other municipality's coordinator
 * set something off. VVSG's roles read every event whole.
 *
 * The rule is an allow-list per event type: a field not listed is withheld,
 * and an event type without an entry gives a coordinator no data at all, so a
 * new event type or field is VVSG's until someone decides otherwise here.
 */

/** An event as the audit trail reads it. */
export interface AuditedEvent {
  readonly type: string;
  readonly data: object;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string;
}

/** Who reads the trail. */
export interface AuditReader {
  readonly role: Role;
  readonly nisCode?: string | undefined;
}

/** How a coordinator reads one field: as stored, or made over from the event. */
type Reveal = 'as stored' | ((data: Readonly<Record<string, unknown>>, event: AuditedEvent) => unknown);

type FieldsOf<T extends WerkbezoekEventType> = { readonly [K in keyof EventData<T>]?: Reveal };

/** The year whose staff time and budget an assessment weighed: its visit's, as the policy recorded it. */
function assessedYear(data: Readonly<Record<string, unknown>>, event: AuditedEvent): number {
  const inputs = data.inputs as { request?: { startDate?: unknown }; budget?: { year?: unknown } } | undefined;
  const startDate = inputs?.request?.startDate;
  if (typeof startDate === 'string') return yearOf(startDate);
  const year = inputs?.budget?.year;
  return typeof year === 'number' ? year : yearOf(event.occurredAt);
}

/** The assessment's explanation in the sentences a coordinator reads on the request itself. */
const coordinatorExplanation: Reveal = (data, event) =>
  explanationForCoordinator(
    data as unknown as Parameters<typeof explanationForCoordinator>[0],
    assessedYear(data, event),
  );

/**
 * The data fields of each event type a coordinator may read. Only the request's
 * own events are listed: a coordinator reads no other aggregate's trail.
 */
export const coordinatorFields: { readonly [T in WerkbezoekEventType]?: FieldsOf<T> } = {
  // What the municipality itself asked, and its own contact person.
  AccompanimentRequestSubmitted: {
    requestId: 'as stored',
    twinningId: 'as stored',
    nisCode: 'as stored',
    missionType: 'as stored',
    startDate: 'as stored',
    endDate: 'as stored',
    delegationSize: 'as stored',
    programme: 'as stored',
    policyDomains: 'as stored',
    claimedReasons: 'as stored',
    notes: 'as stored',
    contact: 'as stored',
    adviceId: 'as stored',
  },
  AccompanimentRequestAmended: {
    requestId: 'as stored',
    missionType: 'as stored',
    startDate: 'as stored',
    endDate: 'as stored',
    delegationSize: 'as stored',
    policyDomains: 'as stored',
    claimedReasons: 'as stored',
    notes: 'as stored',
    contactPersonId: 'as stored',
  },
  AccompanimentRequestWithdrawn: { requestId: 'as stored', reason: 'as stored' },
  // The outcome and whether staff time and budget suffice; not freeStaffDays, estimatedCostEur,
  // unreservedBudgetEur nor the inputs (the staff member with the most free days, the budget's figures).
  AccompanimentRequestAssessed: {
    requestId: 'as stored',
    policyVersion: 'as stored',
    trigger: 'as stored',
    recommendation: 'as stored',
    declineReason: 'as stored',
    opportune: 'as stored',
    requiredReasons: 'as stored',
    claimedReasons: 'as stored',
    derivedReasons: 'as stored',
    satisfiedReasons: 'as stored',
    daysNeeded: 'as stored',
    staffTimeAvailable: 'as stored',
    budgetAvailable: 'as stored',
    explanation: coordinatorExplanation,
  },
  // Accepted, and the mission it became; not who was booked, for how many days, nor the reservation.
  AccompanimentAccepted: {
    requestId: 'as stored',
    missionId: 'as stored',
    decidedOn: 'as stored',
    note: 'as stored',
    jointMissionId: 'as stored',
  },
  AccompanimentDeclined: { requestId: 'as stored', reason: 'as stored', decidedOn: 'as stored', note: 'as stored' },
};

/** An event's data as a coordinator reads it, and the fields left out. */
export interface CoordinatorData {
  readonly data: Record<string, unknown>;
  /** The stored fields left out, by name, sorted. */
  readonly withheld: string[];
}

/** The data of an event as its coordinator may read it (see `coordinatorFields`). */
export function dataForCoordinator(event: AuditedEvent): CoordinatorData {
  const stored = event.data as Readonly<Record<string, unknown>>;
  const fields = (
    Object.hasOwn(coordinatorFields, event.type) ? coordinatorFields[event.type as WerkbezoekEventType] : undefined
  ) as Readonly<Record<string, Reveal | undefined>> | undefined;
  const data: Record<string, unknown> = {};
  const withheld: string[] = [];
  for (const [key, value] of Object.entries(stored)) {
    const reveal = fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (reveal === undefined) withheld.push(key);
    else data[key] = reveal === 'as stored' ? value : reveal(stored, event);
  }
  return { data, withheld: withheld.sort() };
}

/** Whether an event is a reassessment because the visits in the region changed: the platform's act. */
export function isRegionReassessment(event: Pick<AuditedEvent, 'type' | 'data'>): boolean {
  return (
    event.type === 'AccompanimentRequestAssessed' && (event.data as { trigger?: unknown }).trigger === 'CONTEXT_CHANGED'
  );
}

/** How an actor stands in a trail a coordinator reads for anyone who is not their own municipality. */
export const vvsgActorId = 'VVSG';
export const otherMunicipalityActorId = 'another-municipality';

/** An audit trail's actor: nisCode null when not a coordinator's. */
export interface AuditActorView {
  readonly id: string;
  readonly role: string;
  readonly nisCode: string | null;
}

/**
 * Who caused an event, as a coordinator reads it: their own municipality's
 * coordinators and the platform as stored, VVSG's people as VVSG (the role
 * kept, the person not), and another municipality's coordinator as the
 * platform where the platform acted (a reassessment stored before those were
 * recorded as the platform's act) or else as another municipality, unnamed.
 */
export function actorForCoordinator(event: AuditedEvent, reader: AuditReader): AuditActorView {
  const { actor } = event;
  switch (actor.role) {
    case 'SYSTEM':
      return { id: actor.id, role: actor.role, nisCode: null };
    case 'COORDINATOR':
      if (actor.nisCode !== undefined && actor.nisCode === reader.nisCode)
        return { id: actor.id, role: actor.role, nisCode: actor.nisCode };
      return isRegionReassessment(event)
        ? { id: platformActor.id, role: platformActor.role, nisCode: null }
        : { id: otherMunicipalityActorId, role: 'COORDINATOR', nisCode: null };
    case 'MANAGEMENT':
    case 'PLANNER':
    case 'ANALYST':
    case 'STAFF':
      return { id: vvsgActorId, role: actor.role, nisCode: null };
  }
}

/** Whether the reader's own municipality, or the platform, caused the event: then its ids are theirs to see. */
function ownOrPlatform(actor: Actor, reader: AuditReader): boolean {
  return actor.role === 'SYSTEM' || (actor.role === 'COORDINATOR' && actor.nisCode === reader.nisCode);
}

/** A stable stand-in for an id: the same id gives the same reference, and nothing of the id shows. */
function reference(id: string): string {
  return `ref-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}

/**
 * The correlation and causation ids as a coordinator reads them. A command's
 * id holds its sender's user id when sent with an Idempotency-Key (see
 * context.ts), so the ids of events VVSG or another municipality caused are
 * shown as references: equal ids stay equal (a conversation can still be
 * followed), but no one's id shows.
 */
export function idsForCoordinator(
  event: AuditedEvent,
  reader: AuditReader,
): { correlationId: string; causationId: string } {
  const { correlationId, causationId } = event;
  return ownOrPlatform(event.actor, reader)
    ? { correlationId, causationId }
    : { correlationId: reference(correlationId), causationId: reference(causationId) };
}

/** A sentence in Dutch and English. */
export interface Sentence {
  readonly nl: string;
  readonly en: string;
}

/** What an event says to people beyond its type, where its type alone does not say it; else null. */
export function auditSummary(event: Pick<AuditedEvent, 'type' | 'data'>): Sentence | null {
  if (isRegionReassessment(event))
    return {
      nl: 'Herbeoordeeld omdat de bezoeken in de regio veranderden.',
      en: 'Reassessed because the visits in the region changed.',
    };
  return null;
}
