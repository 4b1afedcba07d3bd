import {
  ForbiddenError,
  IllegalStateError,
  ValidationError,
  type CommandMetadata,
  type MissionType,
} from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLogContext } from '../context/eventLogContext.js';
import { CommandHandlers, shareOut } from '../handlers.js';
import { at, failingOnAppend, managementActor, sqliteWorld, streamEvents, twinned } from '../testing/world.js';

let world: ReturnType<typeof sqliteWorld>;
afterEach(async () => world.close());

const planner = { id: 'planner-1', role: 'PLANNER' } as const;
const coordinator = { id: 'c-1', role: 'COORDINATOR', nisCode: '11055' } as const;

const request = (twinningId: string, startDate: string, endDate: string, missionType: MissionType = 'TECHNICAL') => ({
  twinningId,
  missionType,
  startDate,
  endDate,
  delegationSize: 4,
  policyDomains: ['LOCAL_GOVERNANCE' as const],
  claimedReasons: [],
});

/** Three municipalities in Zou (Benin) with visits in one fortnight, two staff members, a budget. */
async function regionWithVisits(handlers: CommandHandlers, budgetEur = 20_000, staffDays = 60) {
  const zoersel = await twinned(handlers, '11055', 'Zoersel');
  const gent = await twinned(handlers, '44021', 'Gent', 'BJ-ZO', 'Abomey');
  const mol = await twinned(handlers, '13025', 'Mol', 'BJ-ZO', 'Covè');
  const staff = [];
  for (const name of ['An Peeters', 'Jan Claes']) {
    const { id } = await handlers.registerStaffMember({ name }, at('2026-01-05'));
    await handlers.declareStaffCapacity({ staffMemberId: id, year: 2026, days: staffDays }, at('2026-01-05'));
    staff.push(id);
  }
  await handlers.allocateBudget({ year: 2026, amountEur: budgetEur }, at('2026-01-05', managementActor));
  const coordinatorOf = (nisCode: string) => ({ id: `c-${nisCode}`, role: 'COORDINATOR' as const, nisCode });
  const r1 = await handlers.submitRequest(
    request(zoersel, '2026-05-04', '2026-05-09', 'IDENTIFICATION'),
    at('2026-02-02', coordinatorOf('11055')),
  );
  const r2 = await handlers.submitRequest(
    request(gent, '2026-05-06', '2026-05-12'),
    at('2026-02-03', coordinatorOf('44021')),
  );
  const r3 = await handlers.submitRequest(
    request(mol, '2026-05-10', '2026-05-15'),
    at('2026-02-04', coordinatorOf('13025')),
  );
  return { staff, requests: [r1.id, r2.id, r3.id] };
}

const proposal = (requestIds: string[]) => ({
  requestIds,
  startDate: '2026-05-04',
  endDate: '2026-05-15',
  rationale: 'Three municipalities in Zou within twelve days: one trip instead of three.',
});

describe('joint missions through the command handlers', () => {
  it('approving books each staff member once, reserves the budget once, accepts every request and schedules one mission', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const { staff, requests } = await regionWithVisits(handlers);
    const { id } = await handlers.proposeJointMission(proposal(requests), at('2026-03-01', planner));
    const proposed = await streamEvents(store, `jointMission-${id}`);
    expect(proposed.map((e) => e.type)).toEqual(['JointMissionProposed']);
    expect(proposed[0]!.data).toMatchObject({
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      missionType: 'IDENTIFICATION',
      nisCodes: ['11055', '44021', '13025'],
      // Benin: one flight (€ 950) and 12 days’ allowance (12 × € 140) for one staff member.
      estimatedCostEur: 2630,
    });

    const approval = at('2026-03-02', managementActor);
    await handlers.approveJointMission({ jointMissionId: id, staffMemberIds: [staff[0]!] }, approval);

    const jm = await streamEvents(store, `jointMission-${id}`);
    expect(jm.map((e) => e.type)).toEqual(['JointMissionProposed', 'JointMissionApproved']);
    const missionId = (jm[1]!.data as { missionId: string }).missionId;
    const mission = await streamEvents(store, `mission-${missionId}`);
    expect(mission.map((e) => e.type)).toEqual(['MissionScheduled']);
    expect(mission[0]!.data).toMatchObject({
      jointMissionId: id,
      requestIds: requests,
      nisCodes: ['11055', '44021', '13025'],
      staffMemberIds: [staff[0]],
      startDate: '2026-05-04',
      endDate: '2026-05-15',
      bookedDays: 2 + 12 + 2,
      reservedBudgetEur: 2630,
    });
    const bookings = (await streamEvents(store, `staff-${staff[0]}`)).filter((e) => e.type === 'StaffDaysBooked');
    expect(bookings.map((e) => (e.data as { days: number }).days)).toEqual([16]);
    expect((await streamEvents(store, `staff-${staff[1]}`)).filter((e) => e.type === 'StaffDaysBooked')).toEqual([]);
    const reservations = (await streamEvents(store, 'budget-2026')).filter((e) => e.type === 'BudgetReserved');
    expect(reservations.map((e) => e.data)).toEqual([expect.objectContaining({ amountEur: 2630, missionId })]);
    const shares = [];
    for (const requestId of requests) {
      const accepted = (await streamEvents(store, `request-${requestId}`)).find(
        (e) => e.type === 'AccompanimentAccepted',
      );
      expect(accepted?.data).toMatchObject({ jointMissionId: id, missionId, staffMemberId: staff[0] });
      expect(accepted?.metadata.actor.role).toBe('MANAGEMENT');
      shares.push(accepted!.data);
    }
    // The requests' shares add up to the one booking and the one reservation.
    expect(shares.reduce((s, x) => s + x.bookedDays, 0)).toBe(16);
    expect(Math.round(shares.reduce((s, x) => s + x.reservedBudgetEur, 0) * 100)).toBe(263_000);

    // The same command again changes nothing; a second approval is refused.
    const head = await store.headPosition();
    await handlers.approveJointMission({ jointMissionId: id, staffMemberIds: [staff[0]!] }, approval);
    expect(await store.headPosition()).toBe(head);
    await expect(
      handlers.approveJointMission(
        { jointMissionId: id, staffMemberIds: [staff[1]!] },
        at('2026-03-03', managementActor),
      ),
    ).rejects.toThrow(/already approved on 2026-03-02/);
    expect(await store.headPosition()).toBe(head);
  });

  it('writes nothing when the budget or a staff member’s free days do not suffice', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const { staff, requests } = await regionWithVisits(handlers, 2000, 10);
    const { id } = await handlers.proposeJointMission(proposal(requests), at('2026-03-01', planner));
    const head = await store.headPosition();
    await expect(
      handlers.approveJointMission(
        { jointMissionId: id, staffMemberIds: [staff[0]!], budgetEur: 1500 },
        at('2026-03-02', managementActor),
      ),
    ).rejects.toThrow(/10 free days in 2026/);
    await handlers.declareStaffCapacity({ staffMemberId: staff[0]!, year: 2026, days: 100 }, at('2026-03-02'));
    const afterCapacity = await store.headPosition();
    expect(afterCapacity).toBeGreaterThan(head);
    await expect(
      handlers.approveJointMission(
        { jointMissionId: id, staffMemberIds: [staff[0]!] },
        at('2026-03-02', managementActor),
      ),
    ).rejects.toBeInstanceOf(IllegalStateError);
    expect(await store.headPosition()).toBe(afterCapacity);
    for (const requestId of requests) {
      expect((await streamEvents(store, `request-${requestId}`)).map((e) => e.type)).not.toContain(
        'AccompanimentAccepted',
      );
    }
  });

  it('finishes an approval that crashed half-way when the same command is retried', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const { staff, requests } = await regionWithVisits(handlers);
    const { id } = await handlers.proposeJointMission(proposal(requests), at('2026-03-01', planner));
    const approval: CommandMetadata = at('2026-03-02', managementActor);
    const input = { jointMissionId: id, staffMemberIds: staff };
    // Crash on the fifth append: after both bookings, the reservation and the approval, before any acceptance.
    const crashing = new CommandHandlers(failingOnAppend(store, 5), new EventLogContext(store));
    await expect(crashing.approveJointMission(input, approval)).rejects.toThrow(/simulated crash/);
    await handlers.approveJointMission(input, approval);
    const all: { type: string }[] = [];
    for await (const e of store.readAll()) all.push(e);
    const count = (type: string) => all.filter((e) => e.type === type).length;
    expect(count('StaffDaysBooked')).toBe(2);
    expect(count('BudgetReserved')).toBe(1);
    expect(count('JointMissionApproved')).toBe(1);
    expect(count('AccompanimentAccepted')).toBe(3);
    expect(count('MissionScheduled')).toBe(1);
  });

  it('refuses what the rules forbid, naming the field', async () => {
    world = sqliteWorld();
    const { handlers } = world;
    const { requests, staff } = await regionWithVisits(handlers);
    const cases: [string, Promise<unknown>, new (...a: never[]) => Error, RegExp][] = [
      [
        'one request',
        handlers.proposeJointMission(proposal([requests[0]!]), at('2026-03-01', planner)),
        ValidationError,
        /at least two requests/,
      ],
      [
        'a visit outside the window',
        handlers.proposeJointMission({ ...proposal(requests), endDate: '2026-05-12' }, at('2026-03-01', planner)),
        ValidationError,
        /lies outside the window/,
      ],
      [
        'a coordinator',
        handlers.proposeJointMission(proposal(requests), at('2026-03-01', coordinator)),
        ForbiddenError,
        /PLANNER or STAFF/,
      ],
      [
        'a window in the past',
        handlers.proposeJointMission(proposal(requests), at('2026-06-01', planner)),
        ValidationError,
        /before today/,
      ],
    ];
    for (const [rule, attempt, error, message] of cases) {
      await expect(attempt, rule).rejects.toBeInstanceOf(error);
      await expect(attempt, rule).rejects.toThrow(message);
    }
    const { id } = await handlers.proposeJointMission(proposal(requests), at('2026-03-01', planner));
    await expect(
      handlers.approveJointMission({ jointMissionId: id, staffMemberIds: staff }, at('2026-03-02', planner)),
    ).rejects.toThrow(/Only MANAGEMENT may approve/);
    await handlers.rejectJointMission(
      { jointMissionId: id, reason: 'Zou has elections that month' },
      at('2026-03-02', managementActor),
    );
    await expect(
      handlers.approveJointMission({ jointMissionId: id, staffMemberIds: staff }, at('2026-03-03', managementActor)),
    ).rejects.toThrow(/rejected on 2026-03-02 \(Zou has elections that month\)/);
  });

  it('amends the window and requests of a proposal, and refuses a request decided in the meantime', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const { requests, staff } = await regionWithVisits(handlers);
    const { id } = await handlers.proposeJointMission(proposal(requests), at('2026-03-01', planner));
    await handlers.amendJointMission(
      { jointMissionId: id, ...proposal(requests.slice(0, 2)), endDate: '2026-05-12' },
      at('2026-03-02', planner),
    );
    const amended = (await streamEvents(store, `jointMission-${id}`)).at(-1)!;
    expect(amended.type).toBe('JointMissionAmended');
    expect(amended.data).toMatchObject({
      requestIds: requests.slice(0, 2),
      endDate: '2026-05-12',
      amendedOn: '2026-03-02',
    });
    await handlers.decideRequest(
      { requestId: requests[0]!, decision: 'ACCEPT', staffMemberId: staff[1]! },
      at('2026-03-03'),
    );
    await expect(
      handlers.approveJointMission(
        { jointMissionId: id, staffMemberIds: [staff[0]!] },
        at('2026-03-04', managementActor),
      ),
    ).rejects.toThrow(new RegExp(`Request ${requests[0]} was accepted on 2026-03-03`));
  });
});

describe('regional events through the command handlers', () => {
  it('proposes, approves with a reservation and bookings, and refuses unknown invitees', async () => {
    world = sqliteWorld();
    const { handlers, store } = world;
    const { staff } = await regionWithVisits(handlers);
    const event = {
      kind: 'WORKSHOP' as const,
      title: 'Workshop burgerlijke stand in Zou',
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      startDate: '2026-09-14',
      endDate: '2026-09-16',
      themes: ['CIVIL_REGISTRATION' as const],
      invitedNisCodes: ['11055', '44021', '13025'],
    };
    await expect(
      handlers.proposeRegionalEvent({ ...event, invitedNisCodes: ['11055', '99999'] }, at('2026-03-01', planner)),
    ).rejects.toThrow(/No municipality is registered with NIS code 99999/);
    const { id } = await handlers.proposeRegionalEvent(event, at('2026-03-01', planner));
    expect((await streamEvents(store, `regionalEvent-${id}`))[0]!.data).toMatchObject({
      estimatedCostEur: 950 + 3 * 140,
    });
    await handlers.approveRegionalEvent(
      { regionalEventId: id, staffMemberIds: [staff[1]!] },
      at('2026-03-02', managementActor),
    );
    const reserved = (await streamEvents(store, 'budget-2026')).filter((e) => e.type === 'BudgetReserved');
    expect(reserved.map((e) => e.data)).toEqual([expect.objectContaining({ amountEur: 1370, regionalEventId: id })]);
    const booked = (await streamEvents(store, `staff-${staff[1]}`)).filter((e) => e.type === 'StaffDaysBooked');
    expect(booked.map((e) => e.data)).toEqual([expect.objectContaining({ days: 2 + 3 + 2, regionalEventId: id })]);
    await expect(
      handlers.rejectRegionalEvent({ regionalEventId: id, reason: 'too late' }, at('2026-03-03', managementActor)),
    ).rejects.toThrow(/already approved/);
  });
});

describe('shareOut', () => {
  it('splits days in half days and euro in cents so the shares add up to the whole', () => {
    expect(shareOut(16, 2290, 3)).toEqual([
      { days: 5.5, eur: 763.34 },
      { days: 5.5, eur: 763.33 },
      { days: 5, eur: 763.33 },
    ]);
  });
});
