import { ConcurrencyError, type CommandMetadata } from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLogContext } from './context/eventLogContext.js';
import { CommandHandlers } from './handlers.js';
import { handleCommand } from './commandHandler.js';
import { platformActor } from './platformActor.js';
import { staffDecider, staffStream } from './staff/staffMember.js';
import { coordinatorOf } from './testing/spec.js';
import { at, failingOnAppend, managementActor, sqliteWorld, streamEvents, twinned } from './testing/world.js';

let world: ReturnType<typeof sqliteWorld>;
afterEach(async () => world.close());

const request = (twinningId: string, startDate = '2026-05-04', endDate = '2026-05-13') => ({
  twinningId,
  missionType: 'IDENTIFICATION' as const,
  startDate,
  endDate,
  delegationSize: 5,
  policyDomains: ['LOCAL_GOVERNANCE' as const],
  claimedReasons: [],
});

describe('command handling on the SQLite store', () => {
  it('stores the events of a command sent twice only once, and answers the same', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const twinningId = await twinned(handlers, '11055', 'Zoersel');
    const submit: CommandMetadata = at('2026-02-02');
    const first = await handlers.submitRequest(request(twinningId), submit);
    const headAfterFirst = await store.headPosition();
    const second = await handlers.submitRequest(request(twinningId), submit);
    expect(second).toEqual(first);
    // A client retrying the next day with the same command id (an Idempotency-Key) changes nothing either.
    const later = await handlers.submitRequest(request(twinningId), {
      ...submit,
      issuedAt: '2026-02-03T10:00:00.000Z',
    });
    expect(later.id).toBe(first.id);
    expect(await store.headPosition()).toBe(headAfterFirst);
    expect((await streamEvents(store, `request-${first.id}`)).map((e) => e.type)).toEqual([
      'AccompanimentRequestSubmitted',
      'AccompanimentRequestAssessed',
    ]);
  });

  it('reloads and decides again after a concurrent change, within a bounded number of attempts', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const { id: staffMemberId } = await handlers.registerStaffMember({ name: 'Lies Janssens' }, at('2026-01-05'));
    const years = [2026, 2027, 2028, 2029, 2030];
    await Promise.all(
      years.map((year) =>
        handlers.declareStaffCapacity({ staffMemberId, year, days: 30 + year - 2026 }, at('2026-01-06')),
      ),
    );
    const events = await streamEvents(store, staffStream(staffMemberId));
    expect(
      events
        .filter((e) => e.type === 'StaffCapacityDeclared')
        .map((e) => (e.data as { year: number }).year)
        .sort(),
    ).toEqual(years);

    // With a single attempt, the same race surfaces as a ConcurrencyError.
    const results = await Promise.allSettled(
      [2031, 2032, 2033].map((year) =>
        handleCommand(
          store,
          staffDecider,
          staffStream(staffMemberId),
          { type: 'DeclareStaffCapacity', data: { staffMemberId, year, days: 10 }, metadata: at('2026-01-07') },
          { maxAttempts: 1 },
        ),
      ),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConcurrencyError);
  });

  it('finishes an acceptance that crashed half-way when the same command is retried, booking and reserving once', async () => {
    world = sqliteWorld();
    const { store } = world;
    const handlers = new CommandHandlers(store, new EventLogContext(store));
    const twinningId = await twinned(handlers, '11055', 'Zoersel');
    const { id: staffMemberId } = await handlers.registerStaffMember(
      { name: 'Lies Janssens', daysPerYear: 40 },
      at('2026-01-05'),
    );
    await handlers.allocateBudget({ year: 2026, amountEur: 10_000 }, at('2026-01-05', managementActor));
    const { id: requestId } = await handlers.submitRequest(request(twinningId), at('2026-02-02'));

    const decision = { requestId, decision: 'ACCEPT' as const, staffMemberId };
    const accept = at('2026-02-10');
    // Appends: staff booking (1), budget reservation (2), acceptance (3), mission (4). Crash before the 4th.
    const crashing = new CommandHandlers(failingOnAppend(store, 4), new EventLogContext(store));
    await expect(crashing.decideRequest(decision, accept)).rejects.toThrow(/simulated crash before append 4/);
    expect((await streamEvents(store, `request-${requestId}`)).at(-1)?.type).toBe('AccompanimentAccepted');

    await handlers.decideRequest(decision, accept);
    const acceptance = (await streamEvents(store, `request-${requestId}`)).filter(
      (e) => e.type === 'AccompanimentAccepted',
    );
    expect(acceptance).toHaveLength(1);
    const missionId = (acceptance[0]!.data as { missionId: string }).missionId;
    expect((await streamEvents(store, `mission-${missionId}`)).map((e) => e.type)).toEqual(['MissionScheduled']);
    expect(
      (await streamEvents(store, staffStream(staffMemberId))).filter((e) => e.type === 'StaffDaysBooked'),
    ).toHaveLength(1);
    expect((await streamEvents(store, 'budget-2026')).filter((e) => e.type === 'BudgetReserved')).toHaveLength(1);
  });

  it('writes nothing when an acceptance cannot be paid or staffed', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const twinningId = await twinned(handlers, '11055', 'Zoersel');
    const { id: staffMemberId } = await handlers.registerStaffMember(
      { name: 'Lies Janssens', daysPerYear: 10 },
      at('2026-01-05'),
    );
    await handlers.allocateBudget({ year: 2026, amountEur: 10_000 }, at('2026-01-05', managementActor));
    const { id: requestId } = await handlers.submitRequest(request(twinningId), at('2026-02-02'));
    const before = await store.headPosition();
    await expect(
      handlers.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId }, at('2026-02-10')),
    ).rejects.toThrow(/Lies Janssens has 10 free days in 2026 \(of 10 declared\); 14 are needed/);
    expect(await store.headPosition()).toBe(before);
  });

  it('reassesses the other open requests of a region when a visit there appears or leaves', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const zoersel = await twinned(handlers, '11055', 'Zoersel');
    const hoogstraten = await twinned(handlers, '13014', 'Hoogstraten', 'BJ-ZO', 'Za-Kpota');
    await handlers.registerStaffMember({ name: 'Lies Janssens', daysPerYear: 60 }, at('2026-01-05'));
    await handlers.allocateBudget({ year: 2026, amountEur: 10_000 }, at('2026-01-05', managementActor));
    const evaluation = {
      ...request(zoersel),
      missionType: 'TECHNICAL' as const,
      claimedReasons: ['CONTENT_PROBLEMS' as const],
    };
    const { id: first } = await handlers.submitRequest(evaluation, at('2026-02-02'));
    const assessments = async () =>
      (await streamEvents(store, `request-${first}`))
        .filter((e) => e.type === 'AccompanimentRequestAssessed')
        .map((e) => e.data as { trigger: string; derivedReasons: string[]; recommendation: string });

    expect(await assessments()).toEqual([
      expect.objectContaining({ trigger: 'SUBMITTED', derivedReasons: ['FOLLOW_UP'], recommendation: 'ACCEPT' }),
    ]);

    const { id: second } = await handlers.submitRequest(
      request(hoogstraten, '2026-05-20', '2026-05-27'),
      at('2026-02-03'),
    );
    const secondAssessment = (await streamEvents(store, `request-${second}`))[1]!;
    expect(secondAssessment.data).toMatchObject({ derivedReasons: ['FOLLOW_UP', 'COMBINED_VISITS'] });
    expect((await assessments()).at(-1)).toEqual(
      expect.objectContaining({ trigger: 'CONTEXT_CHANGED', derivedReasons: ['FOLLOW_UP', 'COMBINED_VISITS'] }),
    );

    await handlers.withdrawRequest(
      { requestId: second, reason: 'De gemeenteraad schoof het bezoek op.' },
      at('2026-02-20'),
    );
    expect((await assessments()).at(-1)).toEqual(
      expect.objectContaining({ trigger: 'CONTEXT_CHANGED', derivedReasons: ['FOLLOW_UP'] }),
    );
    expect(await assessments()).toHaveLength(3);
  });

  describe("a reassessment caused by another municipality's request", () => {
    /** Zoersel's undecided request, then Hoogstraten's coordinator asks for a visit in the same region and weeks. */
    async function overlapping() {
      world = sqliteWorld();
      const { handlers, store } = world;
      const zoersel = await twinned(handlers, '11055', 'Zoersel');
      const hoogstraten = await twinned(handlers, '13014', 'Hoogstraten', 'BJ-ZO', 'Za-Kpota');
      await handlers.registerStaffMember({ name: 'Lies Janssens', daysPerYear: 60 }, at('2026-01-05'));
      await handlers.allocateBudget({ year: 2026, amountEur: 10_000 }, at('2026-01-05', managementActor));
      const { id: own } = await handlers.submitRequest(
        { ...request(zoersel), missionType: 'TECHNICAL', claimedReasons: ['CONTENT_PROBLEMS'] },
        at('2026-02-02', coordinatorOf('11055')),
      );
      const submit = { ...at('2026-02-03', coordinatorOf('13014')), correlationId: 'request-hoogstraten' };
      const resend = () => handlers.submitRequest(request(hoogstraten, '2026-05-20', '2026-05-27'), submit);
      const { id: other } = await resend();
      const stream = async (id: string) => streamEvents(store, `request-${id}`);
      return { handlers, store, own, other, submit, resend, stream };
    }

    it("is the platform's act, caused by the event that changed the region, in the reassessed request's conversation", async () => {
      const { own, other, submit, stream } = await overlapping();
      const [submitted, assessed] = await stream(other);
      // Hoogstraten's own events are its coordinator's.
      expect(submitted!.metadata.actor).toEqual(coordinatorOf('13014'));
      expect(assessed!.metadata.actor).toEqual(coordinatorOf('13014'));
      const ownEvents = await stream(own);
      const reassessed = ownEvents.at(-1)!;
      expect(reassessed.type).toBe('AccompanimentRequestAssessed');
      expect(reassessed.data).toMatchObject({ trigger: 'CONTEXT_CHANGED' });
      expect(reassessed.metadata).toMatchObject({
        actor: platformActor,
        causationId: submitted!.metadata.eventId,
        correlationId: ownEvents[0]!.metadata.correlationId,
      });
      // Nothing of Hoogstraten's command stands on Zoersel's stream but the id of the event it caused.
      expect(JSON.stringify(reassessed.metadata)).not.toContain(submit.correlationId);
      expect(JSON.stringify(reassessed.metadata)).not.toContain(submit.commandId);
      // Zoersel's own assessment stays its coordinator's.
      expect((await stream(own))[1]!.metadata.actor).toEqual(coordinatorOf('11055'));
    });

    it('is stored once when the causing command is sent again', async () => {
      const { store, own, other, resend, stream } = await overlapping();
      const head = await store.headPosition();
      const before = await stream(own);
      expect((await resend()).id).toBe(other);
      expect(await store.headPosition()).toBe(head);
      expect(await stream(own)).toEqual(before);
    });

    it("is the platform's act when the other request is withdrawn, caused by the withdrawal", async () => {
      const { handlers, own, other, stream } = await overlapping();
      await handlers.withdrawRequest(
        { requestId: other, reason: 'De gemeenteraad schoof het bezoek op.' },
        at('2026-02-20', coordinatorOf('13014')),
      );
      const withdrawn = (await stream(other)).at(-1)!;
      expect(withdrawn.type).toBe('AccompanimentRequestWithdrawn');
      const reassessed = (await stream(own)).at(-1)!;
      expect(reassessed.data).toMatchObject({ trigger: 'CONTEXT_CHANGED', derivedReasons: ['FOLLOW_UP'] });
      expect(reassessed.metadata).toMatchObject({ actor: platformActor, causationId: withdrawn.metadata.eventId });
    });
  });
});
