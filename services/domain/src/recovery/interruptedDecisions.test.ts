import type { RecordedEvent } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { overdue, recoveryAction, trackDecisions, type DecisionFacts } from './interruptedDecisions.js';

let position = 0n;
function recorded(type: string, data: object, causationId: string, recordedAt = '2026-03-02T09:00:00.000Z') {
  position++;
  return {
    type,
    data,
    streamId: 's',
    revision: 0n,
    position,
    recordedAt,
    metadata: {
      eventId: `e${position}`,
      schemaVersion: 1,
      occurredAt: recordedAt,
      actor: { id: 'staff-1', role: 'STAFF' },
      correlationId: causationId,
      causationId,
    },
  } as unknown as RecordedEvent;
}

const fold = (events: RecordedEvent[]) => events.reduce(trackDecisions, new Map());

describe('which decisions are pending', () => {
  it('opens on a hold, keeps every hold of one command together, and names the decision by the hold’s data', () => {
    const pending = fold([
      recorded('StaffDaysBooked', { year: 2026, bookingId: 'b1', staffMemberId: 's1', requestId: 'r1' }, 'c1'),
      recorded('BudgetReserved', { year: 2026, reservationId: 'v1', requestId: 'r1' }, 'c1'),
      recorded('BudgetReserved', { year: 2026, reservationId: 'v2', jointMissionId: 'j1', missionId: 'm2' }, 'c2'),
      recorded('BudgetReserved', { year: 2026, reservationId: 'v3', regionalEventId: 'e1' }, 'c3'),
      recorded('BudgetReserved', { year: 2026, reservationId: 'v4', missionId: 'm4' }, 'c4'),
    ]);
    expect([...pending.values()].map((d) => [d.commandId, d.kind, d.subjectId, d.holds.map((h) => h.holdId)])).toEqual([
      ['c1', 'ACCEPTANCE', 'r1', ['b1', 'v1']],
      ['c2', 'JOINT_MISSION_APPROVAL', 'j1', ['v2']],
      ['c3', 'REGIONAL_EVENT_APPROVAL', 'e1', ['v3']],
      // A joint mission's reservation from before holds named their joint mission.
      ['c4', 'JOINT_MISSION_APPROVAL', undefined, ['v4']],
    ]);
  });

  it('closes on the last step of its command, not on another command’s, nor on its abandonment (releases follow it)', () => {
    const holds = ['c1', 'c2', 'c3', 'c4'].map((c) =>
      recorded('BudgetReserved', { year: 2026, reservationId: `v-${c}`, requestId: 'r1' }, c),
    );
    const pending = fold([
      ...holds,
      recorded('MissionScheduled', {}, 'c1'),
      recorded('RegionalEventApproved', {}, 'c2'),
      recorded('AccompanimentAcceptanceAbandoned', {}, 'c3'),
      recorded('MissionScheduled', {}, 'other'),
      recorded('AccompanimentAccepted', {}, 'c4'),
    ]);
    expect([...pending.keys()]).toEqual(['c3', 'c4']);
  });

  it('is overdue once its first hold is older than the grace period', () => {
    const pending = fold([
      recorded(
        'BudgetReserved',
        { year: 2026, reservationId: 'v1', requestId: 'r1' },
        'c1',
        '2026-03-02T09:00:00.000Z',
      ),
      recorded(
        'BudgetReserved',
        { year: 2026, reservationId: 'v2', requestId: 'r2' },
        'c2',
        '2026-03-02T09:04:00.000Z',
      ),
    ]);
    const grace = 5 * 60_000;
    expect(overdue(pending, new Date('2026-03-02T09:04:59.000Z'), grace)).toEqual([]);
    expect(overdue(pending, new Date('2026-03-02T09:05:00.000Z'), grace).map((d) => d.commandId)).toEqual(['c1']);
    expect(overdue(pending, new Date('2026-03-02T10:00:00.000Z'), grace).map((d) => d.commandId)).toEqual(['c1', 'c2']);
  });
});

describe('what to do with an overdue decision', () => {
  const facts = (overrides: Partial<DecisionFacts>): DecisionFacts => ({
    kind: 'ACCEPTANCE',
    decided: false,
    missionScheduled: false,
    outstandingHolds: 1,
    subjectKnown: true,
    ...overrides,
  });

  it.each<[Partial<DecisionFacts>, ReturnType<typeof recoveryAction>]>([
    [{ decided: true }, 'COMPLETE'],
    [{ decided: true, kind: 'JOINT_MISSION_APPROVAL' }, 'COMPLETE'],
    [{ decided: true, missionScheduled: true }, 'NOTHING'],
    [{ decided: true, kind: 'REGIONAL_EVENT_APPROVAL' }, 'NOTHING'],
    [{}, 'RELEASE'],
    [{ outstandingHolds: 0 }, 'NOTHING'],
    [{ subjectKnown: false }, 'UNKNOWN'],
    [{ subjectKnown: false, outstandingHolds: 0 }, 'NOTHING'],
  ])('%o: %s', (overrides, action) => {
    expect(recoveryAction(facts(overrides))).toBe(action);
  });
});
