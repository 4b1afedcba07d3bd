import { freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import {
  AFTER_VISIT,
  BOHICON,
  FIRST_DAY,
  VISIT,
  World,
  ZOERSEL,
  expectRefused,
  mutations,
  queries,
  type LessonView,
  type MissionView,
  type RequestView,
} from './scenario.js';

/*
 * A request's whole life over HTTP, as the people of DOMAIN.md live it: staff
 * register the municipality, its twinning and a colleague, management
 * allocate the budget, the coordinator asks, the platform assesses at once,
 * staff accept, plan and record the mission, complete it, and draw a lesson
 * that becomes a good practice. The same story runs with the read side on
 * SQLite and on PostgreSQL.
 */

const readSides = [
  { name: 'SQLite', dialect: 'sqlite' },
  { name: 'PostgreSQL', dialect: 'postgres' },
] as const;

describe.each(readSides)('the lifecycle of a request, read models on $name', ({ dialect }) => {
  let w: World;
  let database: TestDatabase | undefined;
  let twinningId: string;
  let staffMemberId: string;
  let requestId: string;
  let missionId: string;
  let lessonId: string;

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const db = await freshDatabase('postgres');
      database = db;
      w = await World.start({ readModels: () => db.config }, false);
    } else {
      w = await World.start({}, false);
    }
  });
  afterAll(async () => {
    await w?.close();
    await database?.drop();
  });

  const lessonsFound = async (variables: Record<string, unknown>) => {
    const data = await w.run<{ lessons: { edges: { node: LessonView }[] } }>(
      tokens.analyst,
      queries.lessons,
      variables,
    );
    return data.lessons.edges.map((e) => e.node);
  };

  it('staff register Zoersel, its twinning with Bohicon and a colleague; management allocate the budget', async () => {
    const municipality = await w.mutate(tokens.staff, 'registerMunicipality', { input: ZOERSEL });
    expect(municipality).toEqual(ZOERSEL);

    const twinning = await w.mutate<{ id: string }>(tokens.staff, 'establishTwinning', {
      input: { nisCode: ZOERSEL.nisCode, ...BOHICON, since: '2015-06-01', policyDomains: ['CIVIL_REGISTRATION'] },
    });
    expect(twinning).toMatchObject({ nisCode: '11055', ...BOHICON, since: '2015-06-01', active: true });
    twinningId = twinning.id;

    const staff = await w.mutate<{ id: string }>(tokens.staff, 'registerStaffMember', {
      input: { name: 'An Peeters', daysPerYear: 60 },
    });
    expect(staff).toMatchObject({ name: 'An Peeters', declarations: [{ fromYear: 2026, days: 60 }] });
    staffMemberId = staff.id;

    const budget = await w.mutate(tokens.management, 'allocateBudget', {
      input: { year: 2026, amountEur: 20_000, note: 'Begroting begeleiding 2026' },
    });
    expect(budget).toEqual({ year: 2026, allocatedEur: 20_000, reservedEur: 0, spentEur: 0, unreservedEur: 20_000 });
  });

  it('the coordinator asks accompaniment for an evaluation mission; the answer already holds the assessment', async () => {
    const request = await w.mutate<RequestView>(tokens.zoersel, 'submitAccompanimentRequest', {
      input: {
        twinningId,
        missionType: 'EVALUATION',
        ...VISIT,
        reasons: ['CONTENT_PROBLEMS'],
        policyDomains: ['CIVIL_REGISTRATION'],
        delegationSize: 4,
        notes: 'Evaluatie van het project burgerlijke stand',
      },
    });
    requestId = request.id;
    expect(request).toMatchObject({
      status: 'SUBMITTED',
      missionType: 'EVALUATION',
      ...VISIT,
      submittedOn: FIRST_DAY,
      reasons: ['CONTENT_PROBLEMS'],
      municipality: { nisCode: '11055', name: 'Zoersel' },
      twinning: { id: twinningId, ...BOHICON },
      mission: null,
    });
    const assessment = request.assessment!;
    expect(assessment).toMatchObject({
      recommendation: 'ACCEPT',
      declineReason: null,
      opportune: true,
      requiredReasons: 1,
      staffTimeAvailable: true,
      budgetAvailable: true,
      assessedOn: FIRST_DAY,
    });
    // Zoersel was never accompanied: the platform derives FOLLOW_UP itself.
    expect(assessment.derivedReasons).toContain('FOLLOW_UP');
    expect(assessment.satisfiedReasons).toEqual(expect.arrayContaining(['CONTENT_PROBLEMS', 'FOLLOW_UP']));
    const dutch = assessment.explanation.join(' ');
    expect(dutch).toMatch(/evaluatiemissie/);
    expect(dutch).toMatch(/nog nooit begeleid/);
    expect(dutch).toMatch(/Advies: aanvaarden/);
    expect(assessment.explanationEn.join(' ')).toMatch(/Recommendation: accept/);
  });

  it('staff accept, naming the staff member: the request is ACCEPTED with a scheduled mission', async () => {
    const accepted = await w.mutate<RequestView>(tokens.staff, 'decideAccompaniment', {
      input: { requestId, decision: 'ACCEPT', staffMemberId },
    });
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      decidedOn: FIRST_DAY,
      staffMemberName: 'An Peeters',
      mission: { status: 'SCHEDULED', staffNames: ['An Peeters'] },
    });
    missionId = accepted.mission!.id;

    // Accepting books the staff member's days and reserves the budget.
    const resources = await w.run<{
      budgets: { reservedEur: number; unreservedEur: number }[];
      staffCapacity: { staffMemberId: string; bookedDays: number; freeDays: number }[];
    }>(
      tokens.management,
      `{ budgets(fromYear: 2026, toYear: 2026) { reservedEur unreservedEur }
         staffCapacity(year: 2026) { staffMemberId bookedDays freeDays } }`,
    );
    expect(resources.budgets).toEqual([{ reservedEur: 1650, unreservedEur: 18_350 }]);
    expect(resources.staffCapacity).toEqual([{ staffMemberId, bookedDays: 9, freeDays: 51 }]);
  });

  it('staff plan activities in the three phases and record each once it took place', async () => {
    await w.planActivity(missionId, 'TERMS_OF_REFERENCE', '2026-02-10', staffMemberId);
    await w.planActivity(missionId, 'DELEGATION_MEETINGS', '2026-03-03', staffMemberId);
    const planned = await w.planActivity(missionId, 'PERSONAL_REPORT', '2026-03-09', staffMemberId);
    expect(planned.activities.map((a) => [a.activity, a.phase, a.done])).toEqual([
      ['TERMS_OF_REFERENCE', 'PREPARATION', false],
      ['DELEGATION_MEETINGS', 'DURING', false],
      ['PERSONAL_REPORT', 'PROCESSING', false],
    ]);
    const [preparation, during, processing] = planned.activities.map((a) => a.id);

    w.setToday('2026-02-10');
    const done = (activityId: string | undefined, doneOn: string, daysSpent: number) =>
      w.mutate<MissionView>(tokens.staff, 'recordMissionActivityDone', {
        input: { missionId, activityId, doneOn, daysSpent, note: 'Gedaan' },
      });
    await done(preparation, '2026-02-10', 1);
    // What happens during the visit cannot be recorded before it.
    expectRefused(
      await w.nothingStored(() =>
        w.send(tokens.staff, mutations.recordMissionActivityDone, {
          input: { missionId, activityId: during, doneOn: '2026-03-03', daysSpent: 5 },
        }),
      ),
      'BAD_USER_INPUT',
      /cannot be done in the future/,
      ['doneOn'],
    );

    w.setToday(AFTER_VISIT);
    await done(during, '2026-03-03', 5);
    const mission = await done(processing, '2026-03-09', 1);
    expect(mission).toMatchObject({ status: 'SCHEDULED', activitiesPlanned: 3, activitiesDone: 3 });
    expect(mission.activities.map((a) => [a.activity, a.doneOn])).toEqual([
      ['TERMS_OF_REFERENCE', '2026-02-10'],
      ['DELEGATION_MEETINGS', '2026-03-03'],
      ['PERSONAL_REPORT', '2026-03-09'],
    ]);
  });

  it('a mission is completed only after the visit ended; then mission and request are COMPLETED', async () => {
    w.setToday('2026-03-05');
    expectRefused(
      await w.nothingStored(() =>
        w.send(tokens.staff, mutations.completeMission, { input: { missionId, completedOn: '2026-03-05' } }),
      ),
      'BAD_USER_INPUT',
      /before the visit ended \(2026-03-06\)/,
      ['completedOn'],
    );

    w.setToday(AFTER_VISIT);
    const mission = await w.mutate<MissionView>(tokens.staff, 'completeMission', {
      input: { missionId, completedOn: '2026-03-09', report: 'Het project loopt; de digitalisering vraagt opvolging.' },
    });
    expect(mission).toMatchObject({
      status: 'COMPLETED',
      completedOn: '2026-03-09',
      // The days of the activities done, and the reserved budget, unless told otherwise.
      daysSpent: 7,
      costEur: 1650,
      reportSummary: 'Het project loopt; de digitalisering vraagt opvolging.',
    });

    const { accompanimentRequest } = await w.run<{ accompanimentRequest: RequestView }>(
      tokens.zoersel,
      queries.request,
      {
        id: requestId,
      },
    );
    expect(accompanimentRequest).toMatchObject({
      status: 'COMPLETED',
      mission: { id: missionId, status: 'COMPLETED', completedOn: '2026-03-09' },
    });
  });

  it('staff record a lesson of the mission, and analysts find it by full-text search', async () => {
    const lesson = await w.mutate<LessonView>(tokens.staff, 'recordLesson', {
      input: {
        missionId,
        title: 'Geboorteaktes digitaliseren met de partner',
        body: 'De digitalisering van de burgerlijke stand in Bohicon liep vlotter toen beide diensten samen plannden.',
        level: 'RESULTS',
        policyDomains: ['CIVIL_REGISTRATION'],
        sdgs: [16],
      },
    });
    lessonId = lesson.id;
    expect(lesson).toMatchObject({
      missionId,
      missionType: 'EVALUATION',
      regionCode: 'BJ-ZO',
      goodPractice: false,
      retracted: false,
      author: { id: staffMemberId, name: 'An Peeters' },
      municipalities: [{ nisCode: '11055', name: 'Zoersel' }],
    });

    // A word matches as a prefix in both engines: "geboorteakte" finds "Geboorteaktes".
    const found = await lessonsFound({ search: 'geboorteakte' });
    expect(found.map((l) => l.id)).toEqual([lessonId]);
    expect(found[0]!.rank).toEqual(expect.any(Number));
    expect(await lessonsFound({ search: 'bibliotheek' })).toEqual([]);
  });

  it('promoted to a good practice, the lesson shows goodPractice and passes the goodPracticeOnly filter', async () => {
    expect(await lessonsFound({ filter: { goodPracticeOnly: true } })).toEqual([]);
    const promoted = await w.mutate<LessonView>(tokens.staff, 'promoteToGoodPractice', {
      lessonId,
      rationale: 'Bruikbaar in de vorming van andere gemeenten',
    });
    expect(promoted).toMatchObject({ id: lessonId, goodPractice: true, promotedOn: AFTER_VISIT });

    const goodPractices = await lessonsFound({ filter: { goodPracticeOnly: true } });
    expect(goodPractices.map((l) => [l.id, l.goodPractice])).toEqual([[lessonId, true]]);
    const searched = await lessonsFound({ search: 'geboorteakte', filter: { goodPracticeOnly: true } });
    expect(searched.map((l) => l.id)).toEqual([lessonId]);
  });

  it('staff decline a request with a reason and a note for the municipality', async () => {
    // Zoersel was accompanied a few days ago: no FOLLOW_UP, so a technical mission without reasons is not opportune.
    const request = await w.mutate<RequestView>(tokens.zoersel, 'submitAccompanimentRequest', {
      input: {
        twinningId,
        missionType: 'TECHNICAL',
        startDate: '2026-05-04',
        endDate: '2026-05-08',
        reasons: [],
        policyDomains: ['WASTE_MANAGEMENT'],
        delegationSize: 3,
      },
    });
    expect(request.assessment).toMatchObject({
      recommendation: 'DECLINE',
      declineReason: 'NOT_OPPORTUNE',
      requiredReasons: 2,
      derivedReasons: [],
    });
    expect(request.assessment!.explanation.join(' ')).toMatch(/laatste begeleide werkbezoek eindigde op 2026-03-06/);

    const note = 'Een technische missie vraagt twee bijkomende redenen; we bekijken graag een volgend bezoek.';
    const declined = await w.mutate<RequestView>(tokens.staff, 'decideAccompaniment', {
      input: { requestId: request.id, decision: 'DECLINE', declineReason: 'NOT_OPPORTUNE', note },
    });
    expect(declined).toMatchObject({
      status: 'DECLINED',
      decidedOn: AFTER_VISIT,
      declineReason: 'NOT_OPPORTUNE',
      decisionNote: note,
      mission: null,
      staffMemberName: null,
    });
  });

  it('the coordinator withdraws an undecided request, which can then no longer be decided', async () => {
    const request = await w.mutate<RequestView>(tokens.zoersel, 'submitAccompanimentRequest', {
      input: {
        twinningId,
        missionType: 'IDENTIFICATION',
        startDate: '2026-09-07',
        endDate: '2026-09-11',
        reasons: [],
        policyDomains: [],
        delegationSize: 2,
      },
    });
    const withdrawn = await w.mutate<RequestView>(tokens.zoersel, 'withdrawAccompanimentRequest', {
      input: { requestId: request.id, reason: 'De gemeenteraad stelde het bezoek uit' },
    });
    expect(withdrawn).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'De gemeenteraad stelde het bezoek uit' });

    expectRefused(
      await w.nothingStored(() =>
        w.send(tokens.staff, mutations.decideAccompaniment, {
          input: { requestId: request.id, decision: 'ACCEPT', staffMemberId },
        }),
      ),
      'CONFLICT',
      /was withdrawn by the municipality/,
    );
  });

  it("the coordinator's list holds the three requests, newest first, each in its final status", async () => {
    const { accompanimentRequests } = await w.run<{
      accompanimentRequests: { edges: { node: { id: string; status: string; submittedOn: string } }[] };
    }>(tokens.zoersel, queries.requests, { first: 10 });
    const nodes = accompanimentRequests.edges.map((e) => e.node);
    expect(nodes).toHaveLength(3);
    // The two later ones were submitted on the same day; their order among themselves is the id's.
    expect(
      nodes
        .slice(0, 2)
        .map((n) => [n.submittedOn, n.status].join(' '))
        .sort(),
    ).toEqual([`${AFTER_VISIT} DECLINED`, `${AFTER_VISIT} WITHDRAWN`]);
    expect(nodes[2]).toMatchObject({ id: requestId, submittedOn: FIRST_DAY, status: 'COMPLETED' });
  });
});
