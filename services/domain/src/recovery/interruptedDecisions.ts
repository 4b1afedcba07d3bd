import type { Actor, RecordedEvent } from '@werkbezoek/schema';

/**
 * The decisions that take resources before they are recorded: accepting a
 * request, approving a joint mission, approving a regional event. Each books
 * staff days and reserves budget, then records the decision (and, for the
 * first two, schedules the mission), all under one command id.
 */
export type DecisionKind = 'ACCEPTANCE' | 'JOINT_MISSION_APPROVAL' | 'REGIONAL_EVENT_APPROVAL';

/** One staff booking or budget reservation a decision command took. */
export interface Hold {
  readonly kind: 'BOOKING' | 'RESERVATION';
  readonly streamId: string;
  /** The hold's event: the platform's release names it as its cause. */
  readonly eventId: string;
  readonly year: number;
  /** The booking's or reservation's id. */
  readonly holdId: string;
  readonly staffMemberId: string | undefined;
}

/** A decision command seen taking resources and not yet seen finishing. */
export interface PendingDecision {
  readonly commandId: string;
  readonly kind: DecisionKind;
  /** The request, joint mission or regional event; undefined for a joint mission's hold from before it was named. */
  readonly subjectId: string | undefined;
  readonly missionId: string | undefined;
  /** When the store committed the first hold: the grace period counts from here. */
  readonly heldAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly holds: readonly Hold[];
}

/** The event types `trackDecisions` reads: the store can skip every other. */
export const TRACKED_TYPES = [
  'StaffDaysBooked',
  'BudgetReserved',
  'MissionScheduled',
  'RegionalEventApproved',
] as const;

type HoldData = {
  year: number;
  bookingId?: string;
  reservationId?: string;
  staffMemberId?: string;
  missionId?: string;
  requestId?: string;
  regionalEventId?: string;
  jointMissionId?: string;
};

function kindOf(data: HoldData): { kind: DecisionKind; subjectId: string | undefined } {
  if (data.regionalEventId) return { kind: 'REGIONAL_EVENT_APPROVAL', subjectId: data.regionalEventId };
  if (data.jointMissionId) return { kind: 'JOINT_MISSION_APPROVAL', subjectId: data.jointMissionId };
  if (data.requestId) return { kind: 'ACCEPTANCE', subjectId: data.requestId };
  return { kind: 'JOINT_MISSION_APPROVAL', subjectId: undefined };
}

/**
 * Folds one event of the log into the decisions still pending, keyed by
 * command id: a hold opens (or adds to) its command's entry; the step that
 * ends a decision (the mission scheduled, the regional event approved)
 * closes it. An abandonment does not: a process stopped between it and
 * the releases that follow leaves those to the next run, which finds the
 * command abandoned already and gives back what is still held. Pure; the map is replaced only where it changes. An entry left
 * open may still be finished or given back (by the command's own
 * compensation): `recoveryAction` looks at the streams before acting.
 */
export function trackDecisions(
  pending: ReadonlyMap<string, PendingDecision>,
  e: RecordedEvent,
): ReadonlyMap<string, PendingDecision> {
  const commandId = e.metadata.causationId;
  switch (e.type) {
    case 'StaffDaysBooked':
    case 'BudgetReserved': {
      const data = e.data as HoldData;
      const hold: Hold = {
        kind: e.type === 'StaffDaysBooked' ? 'BOOKING' : 'RESERVATION',
        streamId: e.streamId,
        eventId: e.metadata.eventId,
        year: data.year,
        holdId: (data.bookingId ?? data.reservationId)!,
        staffMemberId: data.staffMemberId,
      };
      const before = pending.get(commandId);
      const next = new Map(pending);
      next.set(
        commandId,
        before
          ? { ...before, holds: [...before.holds, hold] }
          : {
              commandId,
              ...kindOf(data),
              missionId: data.missionId,
              heldAt: e.recordedAt,
              actor: e.metadata.actor,
              correlationId: e.metadata.correlationId,
              holds: [hold],
            },
      );
      return next;
    }
    case 'MissionScheduled':
    case 'RegionalEventApproved': {
      if (!pending.has(commandId)) return pending;
      const next = new Map(pending);
      next.delete(commandId);
      return next;
    }
    default:
      return pending;
  }
}

/** The pending decisions whose first hold is older than the grace period, oldest first. */
export function overdue(pending: ReadonlyMap<string, PendingDecision>, now: Date, graceMs: number): PendingDecision[] {
  const before = now.getTime() - graceMs;
  return [...pending.values()]
    .filter((d) => Date.parse(d.heldAt) <= before)
    .sort((a, b) => (a.heldAt < b.heldAt ? -1 : 1));
}

/** What the streams say about one pending decision, gathered by `recoverDecision`. */
export interface DecisionFacts {
  readonly kind: DecisionKind;
  /** The decision event (acceptance, approval) stands under the command's id. */
  readonly decided: boolean;
  /** The mission it schedules stands under the command's id (a regional event schedules none). */
  readonly missionScheduled: boolean;
  /** Holds that still hold something (not given back by the command's compensation or an earlier run). */
  readonly outstandingHolds: number;
  /** Whether the decision's stream is known (a joint mission's hold from before it was named is not). */
  readonly subjectKnown: boolean;
}

/**
 * What to do with a decision interrupted halfway, past its grace period:
 * - `COMPLETE`: the decision was recorded, its mission not: schedule it, as
 *   the command sent again would (it was decided; the rest is bookkeeping);
 * - `RELEASE`: the decision was not recorded and resources are still held:
 *   mark the command abandoned on the decision's stream, then give them back;
 * - `NOTHING`: complete, or nothing left to give back;
 * - `UNKNOWN`: resources held for a decision whose stream cannot be found
 *   (logged for an operator; never guessed at).
 */
export function recoveryAction(facts: DecisionFacts): 'COMPLETE' | 'RELEASE' | 'NOTHING' | 'UNKNOWN' {
  if (facts.decided) {
    return facts.kind === 'REGIONAL_EVENT_APPROVAL' || facts.missionScheduled ? 'NOTHING' : 'COMPLETE';
  }
  if (facts.outstandingHolds === 0) return 'NOTHING';
  return facts.subjectKnown ? 'RELEASE' : 'UNKNOWN';
}
