import type { AppendOptions, AppendResult, EventStore } from '@werkbezoek/eventstore';
import { IllegalStateError, type CommandMetadata, type MissionType, type NewEvent } from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetDecider, budgetStream, unreservedEur } from '../budget/budget.js';
import { derivedEventId, loadStream } from '../commandHandler.js';
import { EventLogContext } from '../context/eventLogContext.js';
import { CommandHandlers } from '../handlers.js';
import { bookedIn, staffDecider, staffStream } from '../staff/staffMember.js';
import { at, managementActor, sqliteWorld, streamEvents, twinned } from '../testing/world.js';
import { DecisionRecovery } from './decisionRecovery.js';

let world: ReturnType<typeof sqliteWorld>;
afterEach(async () => world.close());

const GRACE_MINUTES = 5;
/** Past the grace period of events stored just now. */
const later = () => new Date(Date.now() + (GRACE_MINUTES + 1) * 60_000);

/** The real store after a crash: the first `k` appends from now on go through, every later one fails. */
function crashingAfter(store: EventStore, k: number): EventStore {
  let appends = 0;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'appendToStream') {
        return (streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> =>
          ++appends > k
            ? Promise.reject(new Error(`simulated crash after ${k} appends (${streamId})`))
            : target.appendToStream(streamId, events, options);
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** The real store, running `before` just ahead of the first append to `streamId`: the other party of a race. */
function racing(store: EventStore, streamId: string, before: () => Promise<unknown>): EventStore {
  let raced = false;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'appendToStream') {
        return async (id: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> => {
          if (id === streamId && !raced) {
            raced = true;
            await before();
          }
          return target.appendToStream(id, events, options);
        };
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

const handlersOver = (store: EventStore) => new CommandHandlers(store, new EventLogContext(store));

const request = (twinningId: string, startDate: string, endDate: string, missionType: MissionType = 'TECHNICAL') => ({
  twinningId,
  missionType,
  startDate,
  endDate,
  delegationSize: 4,
  policyDomains: ['LOCAL_GOVERNANCE' as const],
  claimedReasons: [],
});

/**
 * One request for a six-day visit (2 + 6 + 2 = 10 staff days, € 1,790 in
 * Benin) and a staff member with 12 days: while a half-done acceptance holds
 * 10 of them, no other acceptance fits.
 */
async function oneRequest(handlers: CommandHandlers) {
  const twinningId = await twinned(handlers, '11055', 'Zoersel');
  const { id: staffMemberId } = await handlers.registerStaffMember({ name: 'An Peeters' }, at('2026-01-05'));
  await handlers.declareStaffCapacity({ staffMemberId, year: 2026, days: 12 }, at('2026-01-05'));
  await handlers.allocateBudget({ year: 2026, amountEur: 5000 }, at('2026-01-05', managementActor));
  const coordinator = { id: 'c-11055', role: 'COORDINATOR' as const, nisCode: '11055' };
  const { id: requestId } = await handlers.submitRequest(
    request(twinningId, '2026-05-04', '2026-05-09'),
    at('2026-02-02', coordinator),
  );
  return { staffMemberId, requestId };
}

async function held(store: EventStore, staffMemberId: string) {
  const staff = await loadStream(store, staffDecider, staffStream(staffMemberId));
  const budget = await loadStream(store, budgetDecider, budgetStream(2026));
  return { days: bookedIn(staff.state, 2026), unreservedEur: unreservedEur(budget.state) };
}

const types = async (store: EventStore, streamId: string) => (await streamEvents(store, streamId)).map((e) => e.type);

describe('the platform settles an acceptance interrupted halfway', () => {
  const steps = ['StaffDaysBooked', 'BudgetReserved', 'AccompanimentAccepted'];

  it.each([1, 2])(
    'after %i of its appends (no decision recorded): gives back the days and budget, the request stays undecided, a retry is refused',
    async (k) => {
      world = sqliteWorld();
      const { store, handlers } = world;
      const { staffMemberId, requestId } = await oneRequest(handlers);
      const before = await held(store, staffMemberId);
      const accept = at('2026-03-02');
      await expect(
        handlersOver(crashingAfter(store, k)).decideRequest(
          { requestId, decision: 'ACCEPT', staffMemberId, note: 'Graag' },
          accept,
        ),
      ).rejects.toThrow(/simulated crash/);
      const appended = [
        ...(await streamEvents(store, staffStream(staffMemberId))),
        ...(await streamEvents(store, budgetStream(2026))),
      ]
        .filter((e) => e.metadata.causationId === accept.commandId)
        .map((e) => e.type);
      expect(appended).toEqual(steps.slice(0, k));
      expect((await held(store, staffMemberId)).days).toBe(10);

      // Within the grace period the platform waits: the client may still send the command again.
      const recovery = new DecisionRecovery(store, handlers, GRACE_MINUTES);
      const early = await recovery.run(new Date());
      expect(early).toMatchObject({ pending: 1, released: 0, completed: 0 });

      const run = await recovery.run(later());
      expect(run).toMatchObject({ pending: 0, released: 1, completed: 0, failed: 0 });
      expect(await held(store, staffMemberId)).toEqual(before);
      const requestEvents = await streamEvents(store, `request-${requestId}`);
      expect(requestEvents.map((e) => e.type)).toEqual([
        'AccompanimentRequestSubmitted',
        'AccompanimentRequestAssessed',
        'AccompanimentAcceptanceAbandoned',
      ]);
      const abandoned = requestEvents[2]!;
      expect(abandoned.metadata).toMatchObject({ causationId: accept.commandId, actor: { role: 'SYSTEM' } });
      expect((abandoned.data as { reason: string }).reason).toMatch(
        new RegExp(`Acceptance of request ${requestId} \\(command ${accept.commandId}\\) was interrupted`),
      );
      // Each release is the platform's, caused by the booking or reservation it gives back.
      const holds = [
        ...(await streamEvents(store, staffStream(staffMemberId))),
        ...(await streamEvents(store, budgetStream(2026))),
      ];
      const releases = holds.filter((e) => e.type === 'StaffDaysReleased' || e.type === 'BudgetReleased');
      expect(releases).toHaveLength(k);
      for (const r of releases) {
        expect(r.metadata.actor.role).toBe('SYSTEM');
        const hold = holds.find((h) => h.metadata.eventId === r.metadata.causationId);
        expect(hold?.metadata.causationId).toBe(accept.commandId);
      }

      // A second run, and a restarted platform reading the log from the start, do nothing.
      const head = await store.headPosition();
      expect(await recovery.run(later())).toMatchObject({ pending: 0, released: 0, completed: 0 });
      // (It finds the command abandoned and nothing left to give back.)
      expect(await new DecisionRecovery(store, handlers, GRACE_MINUTES).run(later())).toMatchObject({
        released: 0,
        completed: 0,
        nothing: 1,
        pending: 0,
      });
      expect(await store.headPosition()).toBe(head);

      // The client's retry with the original command id is refused, and writes nothing.
      const retry = handlers.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId, note: 'Graag' }, accept);
      await expect(retry).rejects.toThrow(IllegalStateError);
      await expect(retry).rejects.toThrow(/was interrupted and not sent again in time.*Decide again as a new command/);
      expect(await store.headPosition()).toBe(head);

      // Deciding again, as a new command, finds the days free again.
      await handlers.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId }, at('2026-03-03'));
      expect(await held(store, staffMemberId)).toMatchObject({ days: 10 });
      expect(await types(store, `request-${requestId}`)).toContain('AccompanimentAccepted');
    },
  );

  it('after 3 of its appends (the decision recorded): schedules the mission the command would have, and a retry gets its answer', async () => {
    world = sqliteWorld();
    const { store, handlers } = world;
    const { staffMemberId, requestId } = await oneRequest(handlers);
    const accept = at('2026-03-02');
    await expect(
      handlersOver(crashingAfter(store, 3)).decideRequest({ requestId, decision: 'ACCEPT', staffMemberId }, accept),
    ).rejects.toThrow(/simulated crash/);
    const accepted = (await streamEvents(store, `request-${requestId}`)).find(
      (e) => e.type === 'AccompanimentAccepted',
    )!;
    const { missionId } = accepted.data as { missionId: string };
    expect(await types(store, `mission-${missionId}`)).toEqual([]);

    const recovery = new DecisionRecovery(store, handlers, GRACE_MINUTES);
    expect(await recovery.run(later())).toMatchObject({ pending: 0, completed: 1, released: 0, failed: 0 });
    const [mission] = await streamEvents(store, `mission-${missionId}`);
    expect(mission?.type).toBe('MissionScheduled');
    // The event the interrupted command would have written: its id, cause, actor and time.
    expect(mission!.metadata).toMatchObject({
      eventId: derivedEventId(accept.issuedAt, accept.commandId, `mission-${missionId}`, 0),
      causationId: accept.commandId,
      occurredAt: accept.issuedAt,
      actor: accept.actor,
    });
    expect(mission!.data).toMatchObject({
      requestIds: [requestId],
      staffMemberIds: [staffMemberId],
      startDate: '2026-05-04',
      endDate: '2026-05-09',
      bookedDays: 10,
      reservedBudgetEur: 1790,
    });
    expect(await held(store, staffMemberId)).toMatchObject({ days: 10, unreservedEur: 5000 - 1790 });

    const head = await store.headPosition();
    expect(await recovery.run(later())).toMatchObject({ completed: 0, released: 0 });
    expect(await new DecisionRecovery(store, handlers, GRACE_MINUTES).run(later())).toMatchObject({
      completed: 0,
      released: 0,
    });
    const retried = await handlers.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId }, accept);
    expect(retried.id).toBe(requestId);
    expect(retried.position).toBeLessThanOrEqual(head);
    expect(await store.headPosition()).toBe(head);
  });

  it('a platform stopped between marking the command abandoned and giving back finishes giving back on its next run', async () => {
    world = sqliteWorld();
    const { store, handlers } = world;
    const { staffMemberId, requestId } = await oneRequest(handlers);
    const before = await held(store, staffMemberId);
    const accept = at('2026-03-02');
    const input = { requestId, decision: 'ACCEPT' as const, staffMemberId };
    await expect(handlersOver(crashingAfter(store, 2)).decideRequest(input, accept)).rejects.toThrow(/simulated crash/);

    // The abandonment is written, then the process stops before the first release.
    const stopped = crashingAfter(store, 1);
    const first = await new DecisionRecovery(stopped, handlersOver(stopped), GRACE_MINUTES).run(later());
    expect(first).toMatchObject({ failed: 1, released: 0, pending: 1 });
    expect(await types(store, `request-${requestId}`)).toContain('AccompanimentAcceptanceAbandoned');
    expect((await held(store, staffMemberId)).days).toBe(10);

    // Started again, the platform reads the log from the start and gives back what is still held.
    const next = await new DecisionRecovery(store, handlers, GRACE_MINUTES).run(later());
    expect(next).toMatchObject({ released: 1, failed: 0, pending: 0 });
    expect(await held(store, staffMemberId)).toEqual(before);
    expect(
      (await types(store, `request-${requestId}`)).filter((t) => t === 'AccompanimentAcceptanceAbandoned'),
    ).toHaveLength(1);
  });

  it('a retry that arrives while the platform gives back loses cleanly: refused, nothing accepted without resources', async () => {
    world = sqliteWorld();
    const { store, handlers } = world;
    const { staffMemberId, requestId } = await oneRequest(handlers);
    const before = await held(store, staffMemberId);
    const accept = at('2026-03-02');
    const input = { requestId, decision: 'ACCEPT' as const, staffMemberId };
    await expect(handlersOver(crashingAfter(store, 2)).decideRequest(input, accept)).rejects.toThrow(/simulated crash/);

    // The retry has checked and is about to record the acceptance when the platform marks the command abandoned.
    const recovery = new DecisionRecovery(store, handlers, GRACE_MINUTES);
    let run: Awaited<ReturnType<DecisionRecovery['run']>> | undefined;
    const retry = handlersOver(
      racing(store, `request-${requestId}`, async () => (run = await recovery.run(later()))),
    ).decideRequest(input, accept);
    await expect(retry).rejects.toThrow(/was interrupted and not sent again in time/);
    expect(run).toMatchObject({ released: 1 });
    expect(await types(store, `request-${requestId}`)).not.toContain('AccompanimentAccepted');
    expect(await held(store, staffMemberId)).toEqual(before);
  });

  it('a retry that records the decision just before the platform would give back wins: the platform completes instead', async () => {
    world = sqliteWorld();
    const { store, handlers } = world;
    const { staffMemberId, requestId } = await oneRequest(handlers);
    const accept = at('2026-03-02');
    const input = { requestId, decision: 'ACCEPT' as const, staffMemberId };
    await expect(handlersOver(crashingAfter(store, 2)).decideRequest(input, accept)).rejects.toThrow(/simulated crash/);

    // The platform has found nothing decided and is about to mark the command abandoned when the retry lands.
    let retried: Promise<unknown> | undefined;
    const recovery = new DecisionRecovery(
      racing(store, `request-${requestId}`, () => (retried = handlers.decideRequest(input, accept))),
      handlersOver(store),
      GRACE_MINUTES,
    );
    const run = await recovery.run(later());
    await expect(retried).resolves.toMatchObject({ id: requestId });
    expect(run).toMatchObject({ completed: 1, released: 0 });
    const requestTypes = await types(store, `request-${requestId}`);
    expect(requestTypes).toContain('AccompanimentAccepted');
    expect(requestTypes).not.toContain('AccompanimentAcceptanceAbandoned');
    expect(await held(store, staffMemberId)).toMatchObject({ days: 10, unreservedEur: 5000 - 1790 });
    const accepted = (await streamEvents(store, `request-${requestId}`)).find(
      (e) => e.type === 'AccompanimentAccepted',
    )!;
    expect(await types(store, `mission-${(accepted.data as { missionId: string }).missionId}`)).toEqual([
      'MissionScheduled',
    ]);
  });
});

/** Three municipalities in Zou (Benin) with visits in one fortnight, one staff member, a budget: a joint mission proposed. */
async function jointMissionProposed(handlers: CommandHandlers) {
  const coordinatorOf = (nisCode: string) => ({ id: `c-${nisCode}`, role: 'COORDINATOR' as const, nisCode });
  const twinnings = [
    await twinned(handlers, '11055', 'Zoersel'),
    await twinned(handlers, '44021', 'Gent', 'BJ-ZO', 'Abomey'),
    await twinned(handlers, '13025', 'Mol', 'BJ-ZO', 'Covè'),
  ];
  const { id: staffMemberId } = await handlers.registerStaffMember({ name: 'An Peeters' }, at('2026-01-05'));
  await handlers.declareStaffCapacity({ staffMemberId, year: 2026, days: 20 }, at('2026-01-05'));
  await handlers.allocateBudget({ year: 2026, amountEur: 5000 }, at('2026-01-05', managementActor));
  const nis = ['11055', '44021', '13025'];
  const requestIds: string[] = [];
  for (const [i, twinningId] of twinnings.entries()) {
    const { id } = await handlers.submitRequest(
      request(twinningId, '2026-05-04', '2026-05-09'),
      at(`2026-02-0${i + 2}`, coordinatorOf(nis[i]!)),
    );
    requestIds.push(id);
  }
  const { id: jointMissionId } = await handlers.proposeJointMission(
    {
      requestIds,
      startDate: '2026-05-04',
      endDate: '2026-05-15',
      rationale: 'Three municipalities in Zou within twelve days: one trip instead of three.',
    },
    at('2026-03-01', { id: 'planner-1', role: 'PLANNER' }),
  );
  return { staffMemberId, requestIds, jointMissionId };
}

describe('the platform settles a joint mission’s approval interrupted halfway', () => {
  // Booking, reservation, approval, three acceptances, the mission.
  it.each([1, 2, 3, 4, 6])('after %i of its appends', async (k) => {
    world = sqliteWorld();
    const { store, handlers } = world;
    const { staffMemberId, requestIds, jointMissionId } = await jointMissionProposed(handlers);
    const before = await held(store, staffMemberId);
    const approve: CommandMetadata = at('2026-03-02', managementActor);
    const input = { jointMissionId, staffMemberIds: [staffMemberId] };
    await expect(handlersOver(crashingAfter(store, k)).approveJointMission(input, approve)).rejects.toThrow(
      /simulated crash/,
    );
    expect((await held(store, staffMemberId)).days).toBe(16);

    const recovery = new DecisionRecovery(store, handlers, GRACE_MINUTES);
    const run = await recovery.run(later());
    const decided = k >= 3;
    expect(run).toMatchObject({ pending: 0, completed: decided ? 1 : 0, released: decided ? 0 : 1, failed: 0 });
    const planTypes = await types(store, `jointMission-${jointMissionId}`);
    const requestTypes = await Promise.all(requestIds.map((id) => types(store, `request-${id}`)));
    if (decided) {
      expect(planTypes).toEqual(['JointMissionProposed', 'JointMissionApproved']);
      for (const t of requestTypes) expect(t.filter((x) => x === 'AccompanimentAccepted')).toHaveLength(1);
      expect(await held(store, staffMemberId)).toMatchObject({ days: 16, unreservedEur: 5000 - 2630 });
    } else {
      expect(planTypes).toEqual(['JointMissionProposed', 'JointMissionApprovalAbandoned']);
      for (const t of requestTypes) expect(t).not.toContain('AccompanimentAccepted');
      expect(await held(store, staffMemberId)).toEqual(before);
    }

    const head = await store.headPosition();
    expect(await recovery.run(later())).toMatchObject({ completed: 0, released: 0 });
    expect(await new DecisionRecovery(store, handlers, GRACE_MINUTES).run(later())).toMatchObject({
      completed: 0,
      released: 0,
    });
    const retry = handlers.approveJointMission(input, approve);
    if (decided) await expect(retry).resolves.toMatchObject({ id: jointMissionId });
    else await expect(retry).rejects.toThrow(/Approving joint mission .* was interrupted and not sent again in time/);
    expect(await store.headPosition()).toBe(head);
  });
});

describe('the platform settles a regional event’s approval interrupted halfway', () => {
  it('gives back its booking and reservation; a retry is refused', async () => {
    world = sqliteWorld();
    const { store, handlers } = world;
    const { id: staffMemberId } = await handlers.registerStaffMember({ name: 'An Peeters' }, at('2026-01-05'));
    await handlers.declareStaffCapacity({ staffMemberId, year: 2026, days: 20 }, at('2026-01-05'));
    await handlers.allocateBudget({ year: 2026, amountEur: 5000 }, at('2026-01-05', managementActor));
    await handlers.registerMunicipality({ nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' }, at('2026-01-05'));
    await handlers.registerMunicipality({ nisCode: '13025', name: 'Mol', province: 'ANTWERPEN' }, at('2026-01-05'));
    const { id: regionalEventId } = await handlers.proposeRegionalEvent(
      {
        kind: 'WORKSHOP',
        title: 'Werkwinkel lokaal bestuur',
        countryCode: 'BJ',
        regionCodes: ['BJ-ZO'],
        startDate: '2026-06-01',
        endDate: '2026-06-03',
        themes: [],
        invitedNisCodes: ['11055', '13025'],
      },
      at('2026-03-01', { id: 'planner-1', role: 'PLANNER' }),
    );
    const before = await held(store, staffMemberId);
    const approve = at('2026-03-02', managementActor);
    const input = { regionalEventId, staffMemberIds: [staffMemberId] };
    await expect(handlersOver(crashingAfter(store, 2)).approveRegionalEvent(input, approve)).rejects.toThrow(
      /simulated crash/,
    );
    expect(await held(store, staffMemberId)).not.toEqual(before);

    const run = await new DecisionRecovery(store, handlers, GRACE_MINUTES).run(later());
    expect(run).toMatchObject({ released: 1, completed: 0, failed: 0 });
    expect(await held(store, staffMemberId)).toEqual(before);
    expect(await types(store, `regionalEvent-${regionalEventId}`)).toEqual([
      'RegionalEventProposed',
      'RegionalEventApprovalAbandoned',
    ]);
    const head = await store.headPosition();
    await expect(handlers.approveRegionalEvent(input, approve)).rejects.toThrow(/was interrupted/);
    expect(await store.headPosition()).toBe(head);
  });
});
