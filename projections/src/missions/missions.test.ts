import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError, type EventData } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { missionsProjection } from './projection.js';
import { getMissionById, listMissions, type MissionFilter, type MissionsDb } from './queries.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number]): Promise<Kysely<MissionsDb>> {
  database = await freshDatabase(dialect);
  await new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [missionsProjection],
    batchSize: 3, // several batches, so rows written in one are read back in the next
  }).catchUp();
  return database.readModels.db as Kysely<MissionsDb>;
}

/** Zoersel (twinned with Bohicon, BJ-ZO) and Malle (with Abomey, BJ-ZO); Lies Janssens and Jan Peeters. */
async function cast(): Promise<VisitHistory> {
  const history = new VisitHistory();
  await history.basics();
  await history.municipality('11057', 'Malle');
  await history.twinning('tw-malle', { nisCode: '11057', partnerName: 'Abomey', regionCode: 'BJ-ZO' });
  await history.staffMember('jan', 'Jan Peeters');
  return history;
}

const zoersel = { nisCodes: ['11055'], twinningIds: [id('tw-zoersel')], regionCode: 'BJ-ZO' };

function plan(
  history: VisitHistory,
  missionId: string,
  activity: string,
  a: Omit<EventData<'MissionActivityPlanned'>, 'missionId' | 'activityId'>,
) {
  return history.add(`mission-${missionId}`, 'MissionActivityPlanned', {
    missionId,
    activityId: id(activity),
    ...a,
  });
}

function done(
  history: VisitHistory,
  missionId: string,
  activity: string,
  d: { doneOn: string; daysSpent: number; note?: string },
) {
  return history.add(
    `mission-${missionId}`,
    'MissionActivityDone',
    { missionId, activityId: id(activity), ...d },
    d.doneOn,
  );
}

describe.each(DIALECTS)('the missions read model on %s', (dialect) => {
  it('shows a scheduled joint mission with its requests, municipalities, staff, booked days and reserved budget', async () => {
    const history = await cast();
    const missionId = id('joint');
    await history.add(`mission-${missionId}`, 'MissionScheduled', {
      missionId,
      requestIds: [id('r-zoersel'), id('r-malle')],
      jointMissionId: id('joint-plan'),
      twinningIds: [id('tw-zoersel'), id('tw-malle')],
      nisCodes: ['11055', '11057', '44021'],
      missionType: 'TECHNICAL',
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      startDate: '2026-09-01',
      endDate: '2026-09-10',
      staffMemberIds: [id('lies'), id('jan'), id('nobody')],
      bookedDays: 14.5,
      reservedBudgetEur: 2345.67,
    });
    const db = await project(history, dialect);

    expect(await getMissionById(db, missionId)).toEqual({
      missionId,
      missionType: 'TECHNICAL',
      status: 'SCHEDULED',
      requestIds: [id('r-zoersel'), id('r-malle')],
      jointMissionId: id('joint-plan'),
      twinningIds: [id('tw-zoersel'), id('tw-malle')],
      nisCodes: ['11055', '11057', '44021'],
      // Names line up with the codes and ids; one the directory does not know stays null.
      municipalityNames: ['Zoersel', 'Malle', null],
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      startDate: '2026-09-01',
      endDate: '2026-09-10',
      staffMemberIds: [id('lies'), id('jan'), id('nobody')],
      staffNames: ['Lies Janssens', 'Jan Peeters', null],
      bookedDays: 14.5,
      reservedBudgetEur: 2345.67,
      reportFiledOn: null,
      reportAuthorStaffMemberId: null,
      reportSummary: null,
      completedOn: null,
      daysSpent: null,
      costEur: null,
      cancelledOn: null,
      cancellationReason: null,
      activitiesPlanned: 0,
      activitiesDone: 0,
      activities: [],
    });
    // Stored as the conventions say: JSON text, integer cents.
    const row = await db
      .selectFrom('missions')
      .selectAll()
      .where('mission_id', '=', missionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      nis_codes: '["11055","11057","44021"]',
      municipality_names: '["Zoersel","Malle",null]',
      reserved_budget_cents: 234567,
    });
    expect(await getMissionById(db, id('unknown'))).toBeUndefined();
  });

  it('lists the activities planned and done by phase, then by the date planned, with the days they took', async () => {
    const history = await cast();
    const m = await history.scheduled('m1', {
      ...zoersel,
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      staff: ['lies', 'jan'],
    });
    const lies = id('lies');
    const jan = id('jan');
    await plan(history, m, 'report', { activity: 'PERSONAL_REPORT', plannedOn: '2026-05-20', staffMemberId: lies });
    await plan(history, m, 'field', { activity: 'FIELD_VISITS', plannedOn: '2026-05-06', staffMemberId: jan });
    await plan(history, m, 'tor', {
      activity: 'TERMS_OF_REFERENCE',
      plannedOn: '2026-04-10',
      staffMemberId: lies,
      note: 'Draft with the coordinator',
    });
    await plan(history, m, 'meetings', {
      activity: 'DELEGATION_MEETINGS',
      plannedOn: '2026-05-05',
      staffMemberId: lies,
    });
    await plan(history, m, 'training', {
      activity: 'PREPARATORY_TRAINING',
      plannedOn: '2026-04-20',
      staffMemberId: jan,
    });
    await done(history, m, 'tor', { doneOn: '2026-04-12', daysSpent: 1.5 });
    await done(history, m, 'meetings', { doneOn: '2026-05-05', daysSpent: 2, note: 'Met the mayor and the council' });
    // About an activity or a mission that does not exist: nothing changes.
    await done(history, m, 'never-planned', { doneOn: '2026-05-06', daysSpent: 1 });
    await plan(history, id('no-mission'), 'stray', {
      activity: 'FIELD_VISITS',
      plannedOn: '2026-05-06',
      staffMemberId: lies,
    });
    const db = await project(history, dialect);

    const mission = await getMissionById(db, m);
    expect(mission).toMatchObject({ activitiesPlanned: 5, activitiesDone: 2 });
    expect(mission!.activities.map((a) => [a.phase, a.activity, a.plannedOn, a.doneOn, a.daysSpent])).toEqual([
      ['PREPARATION', 'TERMS_OF_REFERENCE', '2026-04-10', '2026-04-12', 1.5],
      ['PREPARATION', 'PREPARATORY_TRAINING', '2026-04-20', null, null],
      ['DURING', 'DELEGATION_MEETINGS', '2026-05-05', '2026-05-05', 2],
      ['DURING', 'FIELD_VISITS', '2026-05-06', null, null],
      ['PROCESSING', 'PERSONAL_REPORT', '2026-05-20', null, null],
    ]);
    expect(mission!.activities[0]).toEqual({
      activityId: id('tor'),
      missionId: m,
      activity: 'TERMS_OF_REFERENCE',
      phase: 'PREPARATION',
      plannedOn: '2026-04-10',
      staffMemberId: lies,
      staffName: 'Lies Janssens',
      note: 'Draft with the coordinator',
      doneOn: '2026-04-12',
      daysSpent: 1.5,
    });
    expect(mission!.activities.map((a) => [a.staffName, a.note])).toEqual([
      ['Lies Janssens', 'Draft with the coordinator'],
      ['Jan Peeters', null],
      ['Lies Janssens', 'Met the mayor and the council'],
      ['Jan Peeters', null],
      ['Lies Janssens', null],
    ]);
    expect(
      await db.selectFrom('mission_activities').select('activity_id').where('activity_id', '=', id('stray')).execute(),
    ).toEqual([]);
    expect(await getMissionById(db, id('no-mission'))).toBeUndefined();
  });

  it('keeps the report and the final days and cost of a completed mission', async () => {
    const history = await cast();
    const m = await history.scheduled('m1', {
      ...zoersel,
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      staff: ['lies'],
      bookedDays: 12,
    });
    await history.add(
      `mission-${m}`,
      'MissionReportFiled',
      {
        missionId: m,
        filedOn: '2026-05-20',
        authorStaffMemberId: id('lies'),
        summary: 'The civil registration pilot works; scale it to two more districts.',
      },
      '2026-05-20',
    );
    await history.completed(m, '2026-05-29', 11.5, 1234.56);
    const db = await project(history, dialect);

    expect(await getMissionById(db, m)).toMatchObject({
      status: 'COMPLETED',
      reportFiledOn: '2026-05-20',
      reportAuthorStaffMemberId: id('lies'),
      reportSummary: 'The civil registration pilot works; scale it to two more districts.',
      completedOn: '2026-05-29',
      bookedDays: 12,
      daysSpent: 11.5,
      costEur: 1234.56,
      reservedBudgetEur: 1500,
      cancelledOn: null,
    });
    const row = await db.selectFrom('missions').selectAll().where('mission_id', '=', m).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cost_cents: 123456, days_spent: 11.5, status: 'COMPLETED' });
  });

  it('marks a cancelled mission with the date and the reason', async () => {
    const history = await cast();
    const m = await history.scheduled('m1', {
      ...zoersel,
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      staff: ['lies'],
    });
    await history.cancelled(m, '2026-04-28');
    const db = await project(history, dialect);

    expect(await getMissionById(db, m)).toMatchObject({
      status: 'CANCELLED',
      cancelledOn: '2026-04-28',
      cancellationReason: 'Security situation',
      completedOn: null,
      daysSpent: null,
      costEur: null,
      reportFiledOn: null,
    });
  });

  it('filters missions by status, region, municipality, staff member and dates, latest start first, in pages', async () => {
    const history = await cast();
    await history.municipality('44021', 'Gent');
    await history.twinning('tw-gent', { nisCode: '44021', partnerName: 'Tambacounda', regionCode: 'SN-TC' });
    const malle = { nisCodes: ['11057'], twinningIds: [id('tw-malle')], regionCode: 'BJ-ZO' };
    const gent = { nisCodes: ['44021'], twinningIds: [id('tw-gent')], regionCode: 'SN-TC' };
    const a = await history.scheduled('a', {
      ...zoersel,
      startDate: '2025-03-02',
      endDate: '2025-03-09',
      staff: ['lies'],
    });
    const b = await history.scheduled('b', {
      ...malle,
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      staff: ['jan'],
    });
    const c = await history.scheduled('c', {
      ...gent,
      startDate: '2026-05-04',
      endDate: '2026-05-10',
      staff: ['lies', 'jan'],
    });
    const d = await history.scheduled('d', {
      nisCodes: ['11055', '11057'],
      twinningIds: [id('tw-zoersel'), id('tw-malle')],
      regionCode: 'BJ-ZO',
      startDate: '2026-10-05',
      endDate: '2026-10-12',
      staff: ['jan'],
    });
    const e = await history.scheduled('e', {
      ...gent,
      startDate: '2026-11-16',
      endDate: '2026-11-20',
      staff: ['lies'],
    });
    await history.completed(a, '2025-03-20', 7);
    await history.cancelled(e, '2026-10-01');
    const db = await project(history, dialect);

    const ids = async (filter: MissionFilter) =>
      (await listMissions(db, filter)).edges.map((edge) => edge.node.missionId);
    // Same start date: the larger id first.
    const [bc1, bc2] = [b, c].sort().reverse();
    expect(await ids({})).toEqual([e, d, bc1, bc2, a]);
    expect(await ids({ status: ['SCHEDULED'] })).toEqual([d, bc1, bc2]);
    expect(await ids({ status: ['COMPLETED', 'CANCELLED'] })).toEqual([e, a]);
    expect(await ids({ regionCode: 'SN-TC' })).toEqual([e, c]);
    expect(await ids({ nisCode: '11057' })).toEqual([d, b]);
    expect(await ids({ nisCode: '1105' })).toEqual([]); // a whole code, not a part of one
    expect(await ids({ nisCode: '%' })).toEqual([]);
    expect(await ids({ staffMemberId: id('jan') })).toEqual([d, bc1, bc2]);
    expect(await ids({ staffMemberId: id('lies'), regionCode: 'BJ-ZO' })).toEqual([a]);
    // Dates overlap the period: c ends on 10 May, b on 13 May.
    expect(await ids({ from: '2026-05-11', to: '2026-10-05' })).toEqual([d, b]);
    expect(await ids({ to: '2025-12-31' })).toEqual([a]);
    expect(await ids({ from: '2026-11-01' })).toEqual([e]);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listMissions(db, {}, { first: 2, ...(after ? { after } : {}) });
      pages += 1;
      seen.push(...page.edges.map((edge) => edge.node.missionId));
      if (!page.hasNextPage) break;
      after = page.edges.at(-1)!.cursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([e, d, bc1, bc2, a]);
    const filtered = await listMissions(db, { staffMemberId: id('jan') }, { first: 1 });
    expect(filtered.hasNextPage).toBe(true);
    const next = await listMissions(db, { staffMemberId: id('jan') }, { first: 5, after: filtered.edges[0]!.cursor });
    expect(next.edges.map((edge) => edge.node.missionId)).toEqual([bc1, bc2]);
    expect(next.hasNextPage).toBe(false);
    await expect(listMissions(db, {}, { after: 'not-a-cursor' })).rejects.toThrow(ValidationError);
  });
});
