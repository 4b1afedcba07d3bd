import type { EventStore } from '@werkbezoek/eventstore';
import type { CommandMetadata, Event, RecordedEvent } from '@werkbezoek/schema';
import { budgetDecider, outstandingCents } from '../budget/budget.js';
import { handleCommand, loadStream } from '../commandHandler.js';
import type { CommandHandlers } from '../handlers.js';
import { jointMissionDecider, jointMissionStream } from '../jointMissions/jointMission.js';
import { missionDecider, missionStream } from '../missions/mission.js';
import { platformActor } from '../platformActor.js';
import { regionalEventDecider, regionalEventStream } from '../regionalEvents/regionalEvent.js';
import { requestDecider } from '../requests/decide.js';
import { requestStream } from '../requests/request.js';
import { staffDecider } from '../staff/staffMember.js';
import { recoveryAction, type DecisionKind, type Hold, type PendingDecision } from './interruptedDecisions.js';

export type RecoveryOutcome = 'COMPLETED' | 'RELEASED' | 'NOTHING' | 'UNKNOWN';

export interface RecoveryOptions {
  /** When the platform acts (its events' time). */
  readonly now: Date;
  /** The grace period, named in the reason the releases give. */
  readonly graceMinutes: number;
}

const decisionTypes: Record<DecisionKind, string> = {
  ACCEPTANCE: 'AccompanimentAccepted',
  JOINT_MISSION_APPROVAL: 'JointMissionApproved',
  REGIONAL_EVENT_APPROVAL: 'RegionalEventApproved',
};

const what: Record<DecisionKind, string> = {
  ACCEPTANCE: 'Acceptance of request',
  JOINT_MISSION_APPROVAL: 'Approval of joint mission',
  REGIONAL_EVENT_APPROVAL: 'Approval of regional event',
};

/** The events the command caused on its decision's stream; undefined when that stream is not known. */
async function decisionEvents(store: EventStore, d: PendingDecision): Promise<readonly Event[] | undefined> {
  if (!d.subjectId) return undefined;
  switch (d.kind) {
    case 'ACCEPTANCE':
      return (await loadStream(store, requestDecider, requestStream(d.subjectId))).causedBy(d.commandId);
    case 'JOINT_MISSION_APPROVAL':
      return (await loadStream(store, jointMissionDecider, jointMissionStream(d.subjectId))).causedBy(d.commandId);
    case 'REGIONAL_EVENT_APPROVAL':
      return (await loadStream(store, regionalEventDecider, regionalEventStream(d.subjectId))).causedBy(d.commandId);
  }
}

/** What a hold still holds: days for a booking, euros for a reservation. */
async function outstanding(store: EventStore, hold: Hold): Promise<number> {
  if (hold.kind === 'BOOKING') {
    const { state } = await loadStream(store, staffDecider, hold.streamId);
    const booking = state.status === 'REGISTERED' ? state.bookings.get(hold.holdId) : undefined;
    return booking ? booking.days - booking.released : 0;
  }
  const { state } = await loadStream(store, budgetDecider, hold.streamId);
  const reservation = state.reservations.get(hold.holdId);
  return reservation ? outstandingCents(reservation) / 100 : 0;
}

/** The original command's metadata, read back from its decision event: completing it is that command, finished. */
function originalMeta(decision: RecordedEvent): CommandMetadata {
  const { causationId, occurredAt, actor, correlationId } = decision.metadata;
  return { commandId: causationId, issuedAt: occurredAt, actor, correlationId };
}

/** Schedules the missing mission by sending the original command again, with its own id: nothing is doubled. */
async function complete(handlers: CommandHandlers, d: PendingDecision, decision: RecordedEvent): Promise<void> {
  const meta = originalMeta(decision);
  if (decision.type === 'AccompanimentAccepted') {
    const data = decision.data as { requestId: string; staffMemberId: string; note?: string };
    await handlers.decideRequest(
      { requestId: data.requestId, decision: 'ACCEPT', staffMemberId: data.staffMemberId, note: data.note },
      meta,
    );
  } else if (decision.type === 'JointMissionApproved') {
    const data = decision.data as {
      jointMissionId: string;
      staffMemberIds: string[];
      budgetEur: number;
      note?: string;
    };
    await handlers.approveJointMission(
      {
        jointMissionId: data.jointMissionId,
        staffMemberIds: data.staffMemberIds,
        budgetEur: data.budgetEur,
        ...(data.note ? { note: data.note } : {}),
      },
      meta,
    );
  } else {
    throw new Error(`${d.kind} ${d.commandId}: nothing to complete after ${decision.type}`);
  }
}

/**
 * Marks the command abandoned on its decision's stream, under the command's
 * own id. That stream is where a late retry of the same command records its
 * decision, under the same id, with optimistic concurrency: whichever
 * appends first wins, and the other finds its event as "already handled".
 * Returns the events that stand there under the command's id afterwards.
 */
async function claim(store: EventStore, d: PendingDecision, reason: string, now: Date): Promise<readonly Event[]> {
  const subjectId = d.subjectId!;
  const meta: CommandMetadata = {
    commandId: `${d.commandId}/recovery`,
    issuedAt: now.toISOString(),
    actor: platformActor,
    correlationId: d.correlationId,
  };
  const options = { causationId: d.commandId };
  switch (d.kind) {
    case 'ACCEPTANCE':
      return (
        await handleCommand(
          store,
          requestDecider,
          requestStream(subjectId),
          { type: 'AbandonAcceptance', data: { requestId: subjectId, reason }, metadata: meta },
          options,
        )
      ).events;
    case 'JOINT_MISSION_APPROVAL':
      return (
        await handleCommand(
          store,
          jointMissionDecider,
          jointMissionStream(subjectId),
          {
            type: 'AbandonJointMissionApproval',
            data: { jointMissionId: subjectId, reason },
            metadata: meta,
          },
          options,
        )
      ).events;
    case 'REGIONAL_EVENT_APPROVAL':
      return (
        await handleCommand(
          store,
          regionalEventDecider,
          regionalEventStream(subjectId),
          {
            type: 'AbandonRegionalEventApproval',
            data: { regionalEventId: subjectId, reason },
            metadata: meta,
          },
          options,
        )
      ).events;
  }
}

/** Gives back what each hold still holds, as the platform, each release caused by its hold's event. */
async function release(store: EventStore, d: PendingDecision, reason: string, now: Date): Promise<void> {
  for (const hold of d.holds) {
    const left = await outstanding(store, hold);
    if (left <= 0) continue;
    const meta: CommandMetadata = {
      commandId: `${hold.eventId}/release`,
      issuedAt: now.toISOString(),
      actor: platformActor,
      correlationId: d.correlationId,
    };
    if (hold.kind === 'BOOKING') {
      const data = { staffMemberId: hold.staffMemberId!, year: hold.year, bookingId: hold.holdId, days: left, reason };
      await handleCommand(
        store,
        staffDecider,
        hold.streamId,
        { type: 'ReleaseStaffDays', data, metadata: meta },
        {
          causationId: hold.eventId,
        },
      );
    } else {
      const data = { year: hold.year, reservationId: hold.holdId, amountEur: left, reason };
      await handleCommand(
        store,
        budgetDecider,
        hold.streamId,
        { type: 'ReleaseBudget', data, metadata: meta },
        {
          causationId: hold.eventId,
        },
      );
    }
  }
}

/**
 * Settles one decision interrupted halfway (issue 16): completes it forward
 * when the decision was recorded, else gives back what it held. Every step
 * goes through the deciders with optimistic concurrency and is recognised
 * by its cause when repeated, so running it twice, or beside a late retry
 * of the same command, does nothing twice.
 */
export async function recoverDecision(
  store: EventStore,
  handlers: CommandHandlers,
  d: PendingDecision,
  options: RecoveryOptions,
): Promise<RecoveryOutcome> {
  const events = await decisionEvents(store, d);
  const decision = events?.find((e) => e.type === decisionTypes[d.kind]) as RecordedEvent | undefined;
  const missionId = decision ? (decision.data as { missionId?: string }).missionId : d.missionId;
  const missionScheduled = missionId
    ? (await loadStream(store, missionDecider, missionStream(missionId))).causedBy(d.commandId).length > 0
    : false;
  let outstandingHolds = 0;
  for (const hold of d.holds) if ((await outstanding(store, hold)) > 0) outstandingHolds++;
  const action = recoveryAction({
    kind: d.kind,
    decided: decision !== undefined,
    missionScheduled,
    outstandingHolds,
    subjectKnown: events !== undefined,
  });
  switch (action) {
    case 'NOTHING':
    case 'UNKNOWN':
      return action;
    case 'COMPLETE':
      await complete(handlers, d, decision!);
      return 'COMPLETED';
    case 'RELEASE': {
      const reason =
        `${what[d.kind]} ${d.subjectId} (command ${d.commandId}) was interrupted after it took staff days and budget, ` +
        `and was not sent again within ${options.graceMinutes} minutes: the platform gave them back`;
      const standing = await claim(store, d, reason, options.now);
      const won = standing.find((e) => e.type === decisionTypes[d.kind]) as RecordedEvent | undefined;
      if (won) {
        // A late retry of the command recorded the decision first: finish it instead (a regional event's approval is its last step).
        if (d.kind === 'REGIONAL_EVENT_APPROVAL') return 'NOTHING';
        await complete(handlers, d, won);
        return 'COMPLETED';
      }
      await release(store, d, reason, options.now);
      return 'RELEASED';
    }
  }
}
