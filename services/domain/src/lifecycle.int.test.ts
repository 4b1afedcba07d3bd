import type { Actor } from '@werkbezoek/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { at as atDay, managementActor as management, sqliteWorld, streamEvents as read } from './testing/world.js';

const { store, handlers, close } = sqliteWorld();
afterAll(close);
const at = (day: string, actor?: Actor) => atDay(day, actor);
const streamEvents = (streamId: string) => read(store, streamId);

describe('the request lifecycle through the command handlers on SQLite', () => {
  it('registers, twins, submits, assesses, accepts, completes and learns, settling staff days and budget', async () => {
    await handlers.registerMunicipality({ nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' }, at('2026-01-05'));
    const { id: twinningId } = await handlers.establishTwinning(
      {
        nisCode: '11055',
        partnerName: 'Bohicon',
        countryCode: 'BJ',
        regionCode: 'BJ-ZO',
        since: '2011-01-01',
        policyDomains: ['CIVIL_REGISTRATION'],
      },
      at('2026-01-05'),
    );
    const { id: staffId } = await handlers.registerStaffMember(
      { name: 'Lies Janssens', daysPerYear: 40 },
      at('2026-01-05'),
    );
    await handlers.allocateBudget({ year: 2026, amountEur: 20_000 }, at('2026-01-06', management));

    const coordinator: Actor = { id: 'coord-zoersel', role: 'COORDINATOR', nisCode: '11055' };
    const { id: requestId } = await handlers.submitRequest(
      {
        twinningId,
        missionType: 'EVALUATION',
        startDate: '2026-04-13',
        endDate: '2026-04-22',
        delegationSize: 6,
        policyDomains: ['CIVIL_REGISTRATION'],
        claimedReasons: [],
      },
      at('2026-02-02', coordinator),
    );
    const afterSubmit = await streamEvents(`request-${requestId}`);
    expect(afterSubmit.map((e) => e.type)).toEqual(['AccompanimentRequestSubmitted', 'AccompanimentRequestAssessed']);
    const assessed = afterSubmit[1]!;
    if (assessed.type !== 'AccompanimentRequestAssessed') throw new Error('expected an assessment');
    expect(assessed.data).toMatchObject({
      recommendation: 'ACCEPT',
      requiredReasons: 1,
      derivedReasons: ['FOLLOW_UP'],
      daysNeeded: 14,
      estimatedCostEur: 950 + 10 * 140,
      trigger: 'SUBMITTED',
    });
    expect(assessed.metadata.causationId).toBe(afterSubmit[0]!.metadata.eventId);

    await handlers.decideRequest({ requestId, decision: 'ACCEPT', staffMemberId: staffId }, at('2026-02-10'));
    const request = await streamEvents(`request-${requestId}`);
    const accepted = request.at(-1)!;
    if (accepted.type !== 'AccompanimentAccepted') throw new Error(`expected an acceptance, got ${accepted.type}`);
    expect(accepted.data).toMatchObject({
      staffMemberId: staffId,
      bookedDays: 14,
      reservedBudgetEur: 2350,
      decidedOn: '2026-02-10',
    });
    const missionId = accepted.data.missionId;
    expect((await streamEvents(`staff-${staffId}`)).map((e) => e.type)).toEqual([
      'StaffMemberRegistered',
      'StaffCapacityDeclared',
      'StaffDaysBooked',
    ]);

    await handlers.completeMission(
      { missionId, completedOn: '2026-04-30', report: 'Goed verlopen bezoek.', daysSpent: 12, costEur: 2200 },
      at('2026-04-30'),
    );
    const mission = await streamEvents(`mission-${missionId}`);
    expect(mission.map((e) => e.type)).toEqual(['MissionScheduled', 'MissionReportFiled', 'MissionCompleted']);
    const staffEvents = await streamEvents(`staff-${staffId}`);
    expect(staffEvents.at(-1)).toMatchObject({ type: 'StaffDaysReleased', data: { days: 2 } });
    const budget = await streamEvents('budget-2026');
    expect(budget.map((e) => [e.type, (e.data as { amountEur: number }).amountEur])).toEqual([
      ['BudgetAllocated', 20000],
      ['BudgetReserved', 2350],
      ['CostRecorded', 950],
      ['CostRecorded', 1250],
      ['BudgetReleased', 150],
    ]);

    const { id: lessonId } = await handlers.recordLesson(
      {
        missionId,
        title: 'Digitale geboorteaktes vragen een stabiele stroomvoorziening',
        body: 'Zonder back-up van de stroom vielen de registraties in Bohicon dagenlang stil.',
        level: 'RESULTS',
        phase: 'DURING',
        policyDomains: ['CIVIL_REGISTRATION', 'DIGITALISATION'],
        authorStaffMemberId: staffId,
      },
      at('2026-05-04'),
    );
    await handlers.promoteToGoodPractice({ lessonId }, at('2026-05-20'));
    expect((await streamEvents(`lesson-${lessonId}`)).map((e) => e.type)).toEqual([
      'LessonRecorded',
      'LessonPromotedToGoodPractice',
    ]);

    // The next request of the same municipality no longer earns FOLLOW_UP.
    const { id: second } = await handlers.submitRequest(
      {
        twinningId,
        missionType: 'TECHNICAL',
        startDate: '2026-10-05',
        endDate: '2026-10-12',
        delegationSize: 3,
        policyDomains: ['WASTE_MANAGEMENT'],
        claimedReasons: ['CONTENT_PROBLEMS'],
      },
      at('2026-06-01', coordinator),
    );
    const secondAssessment = (await streamEvents(`request-${second}`))[1]!;
    expect(secondAssessment.data).toMatchObject({
      recommendation: 'DECLINE',
      declineReason: 'NOT_OPPORTUNE',
      derivedReasons: [],
      satisfiedReasons: ['CONTENT_PROBLEMS'],
    });
  });
});
