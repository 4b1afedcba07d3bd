import { IllegalStateError, type Event } from '@werkbezoek/schema';

/** The events that say the platform gave up an interrupted decision (issue 16): see `recoverDecision`. */
export const ABANDONED_TYPES: ReadonlySet<string> = new Set([
  'AccompanimentAcceptanceAbandoned',
  'JointMissionApprovalAbandoned',
  'RegionalEventApprovalAbandoned',
]);

/**
 * Refuses a decision command sent again after the platform abandoned it:
 * its staff days and budget were given back, so recording the decision now
 * would accept without them. `events` are those the command's id caused on
 * the decision's stream; the abandonment stands there under that id, so
 * whichever of the retry and the recovery appends first wins, and the other
 * finds it.
 */
export function refuseIfAbandoned(events: readonly Event[], what: string): void {
  if (!events.some((e) => ABANDONED_TYPES.has(e.type))) return;
  throw new IllegalStateError(
    `${what} was interrupted and not sent again in time: the platform gave back the staff days and budget it held, ` +
      'and nothing was decided. Decide again as a new command (without the old Idempotency-Key)',
  );
}
