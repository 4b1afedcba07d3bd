import { afterEach, describe, expect, it } from 'vitest';
import { testMetadata } from '@werkbezoek/eventstore/testing';
import { ValidationError, type ActorRole, type EventData, type WerkbezoekEventType } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { planningProjection } from './projection.js';
import {
  getJointMissionById,
  getPlanningHistory,
  getRegionalEventById,
  listJointMissions,
  listRegionalEvents,
  type PlanFilter,
  type PlanningDb,
  type RegionalEventFilter,
} from './queries.js';

const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const database of databases.splice(0)) await database.drop();
});

async function project(history: VisitHistory, dialect: (typeof DIALECTS)[number], batchSize = 3) {
  const database = await freshDatabase(dialect);
  databases.push(database);
  const runner = new ProjectionRunner({
    store: history.store,
    readModels: database.readModels,
    projections: [planningProjection],
    batchSize, // several batches, so rows written in one are read back in the next
  });
  await runner.catchUp();
  return { db: database.readModels.db as Kysely<PlanningDb>, runner };
}

/** Appends an event as someone in `role` did it on `on`. */
async function by<T extends WerkbezoekEventType>(
  history: VisitHistory,
  role: ActorRole,
  streamId: string,
  type: T,
  data: EventData<T>,
  on: string,
): Promise<void> {
  await history.store.appendToStream(streamId, [
    {
      type,
      data,
      metadata: testMetadata({ occurredAt: `${on}T09:00:00.000Z`, actor: { id: `someone-${role}`, role } }),
    },
  ]);
}

/** Zoersel and Malle (both twinned in BJ-ZO), Gent (SN-TC); Lies Janssens and Jan Peeters. */
async function cast(): Promise<VisitHistory> {
  const history = new VisitHistory();
  await history.basics();
  await history.municipality('11057', 'Malle');
  await history.municipality('44021', 'Gent');
  await history.staffMember('jan', 'Jan Peeters');
  return history;
}

type JointPlan = Omit<EventData<'JointMissionProposed'>, 'jointMissionId'>;
const bohicon: JointPlan = {
  countryCode: 'BJ',
  regionCodes: ['BJ-ZO'],
  missionType: 'EVALUATION',
  startDate: '2026-09-01',
  endDate: '2026-09-10',
  requestIds: [id('r-zoersel'), id('r-malle')],
  nisCodes: ['11055', '11057'],
  rationale: 'Zoersel and Malle both visit Zou in September: one trip serves both.',
  estimatedCostEur: 3210.5,
};

async function proposeJoint(history: VisitHistory, name: string, plan: Partial<JointPlan> = {}, on = '2026-06-01') {
  const jointMissionId = id(name);
  await by(
    history,
    'PLANNER',
    `jointMission-${jointMissionId}`,
    'JointMissionProposed',
    {
      jointMissionId,
      ...bohicon,
      ...plan,
    },
    on,
  );
  return jointMissionId;
}

type EventPlan = Omit<EventData<'RegionalEventProposed'>, 'regionalEventId'>;
const conference: EventPlan = {
  kind: 'CONFERENCE',
  title: 'Civil registration in Zou',
  countryCode: 'BJ',
  regionCodes: ['BJ-ZO', 'BJ-CO'],
  startDate: '2026-11-03',
  endDate: '2026-11-05',
  themes: ['CIVIL_REGISTRATION'],
  invitedNisCodes: ['11055', '11057', '99999'],
  estimatedCostEur: 8000,
};

async function proposeEvent(history: VisitHistory, name: string, plan: Partial<EventPlan> = {}, on = '2026-06-02') {
  const regionalEventId = id(name);
  await by(
    history,
    'STAFF',
    `regionalEvent-${regionalEventId}`,
    'RegionalEventProposed',
    {
      regionalEventId,
      ...conference,
      ...plan,
    },
    on,
  );
  return regionalEventId;
}

describe.each(DIALECTS)('the planning read model on %s', (dialect) => {
  it('shows a proposed joint mission with its plan, who proposed it (by role) and no decision yet', async () => {
    const history = await cast();
    const jm = await proposeJoint(history, 'jm');
    const { db } = await project(history, dialect);

    expect(await getJointMissionById(db, jm)).toEqual({
      jointMissionId: jm,
      status: 'PROPOSED',
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      missionType: 'EVALUATION',
      startDate: '2026-09-01',
      endDate: '2026-09-10',
      requestIds: [id('r-zoersel'), id('r-malle')],
      nisCodes: ['11055', '11057'],
      municipalityNames: ['Zoersel', 'Malle'],
      rationale: 'Zoersel and Malle both visit Zou in September: one trip serves both.',
      estimatedCostEur: 3210.5,
      proposedOn: '2026-06-01',
      proposedByRole: 'PLANNER',
      amendedCount: 0,
      lastAmendedOn: null,
      approvedOn: null,
      rejectedOn: null,
      staffMemberIds: [],
      staffNames: [],
      budgetEur: null,
      missionId: null,
      rejectionReason: null,
      note: null,
    });
    const row = await db.selectFrom('joint_missions').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ estimated_cost_cents: 321050, nis_codes: '["11055","11057"]' });
    expect(await getJointMissionById(db, id('unknown'))).toBeUndefined();
  });

  it('replaces the whole plan on an amendment and counts amendments; approval names staff, budget and mission', async () => {
    const history = await cast();
    const jm = await proposeJoint(history, 'jm');
    await by(
      history,
      'PLANNER',
      `jointMission-${jm}`,
      'JointMissionAmended',
      {
        jointMissionId: jm,
        ...bohicon,
        startDate: '2026-09-08',
        endDate: '2026-09-18',
        nisCodes: ['11055', '11057', '44021'],
        requestIds: [id('r-zoersel')],
        rationale: 'A week later, and Gent comes along.',
        estimatedCostEur: undefined,
        amendedOn: '2026-06-10',
      },
      '2026-06-10',
    );
    await by(
      history,
      'MANAGEMENT',
      `jointMission-${jm}`,
      'JointMissionApproved',
      {
        jointMissionId: jm,
        approvedOn: '2026-06-20',
        staffMemberIds: [id('lies'), id('jan'), id('nobody')],
        budgetEur: 4100.25,
        missionId: id('mission-jm'),
        note: 'Within this year’s budget.',
      },
      '2026-06-20',
    );
    // About a joint mission never proposed: nothing changes and no history.
    await by(
      history,
      'MANAGEMENT',
      `jointMission-${id('ghost')}`,
      'JointMissionApproved',
      {
        jointMissionId: id('ghost'),
        approvedOn: '2026-06-20',
        staffMemberIds: [id('lies')],
        budgetEur: 1,
        missionId: id('mission-ghost'),
      },
      '2026-06-20',
    );
    const { db } = await project(history, dialect);

    expect(await getJointMissionById(db, jm)).toMatchObject({
      status: 'APPROVED',
      startDate: '2026-09-08',
      endDate: '2026-09-18',
      requestIds: [id('r-zoersel')],
      nisCodes: ['11055', '11057', '44021'],
      municipalityNames: ['Zoersel', 'Malle', 'Gent'],
      rationale: 'A week later, and Gent comes along.',
      estimatedCostEur: null,
      proposedOn: '2026-06-01',
      proposedByRole: 'PLANNER',
      amendedCount: 1,
      lastAmendedOn: '2026-06-10',
      approvedOn: '2026-06-20',
      staffMemberIds: [id('lies'), id('jan'), id('nobody')],
      staffNames: ['Lies Janssens', 'Jan Peeters', null],
      budgetEur: 4100.25,
      missionId: id('mission-jm'),
      note: 'Within this year’s budget.',
      rejectedOn: null,
    });
    expect(await getPlanningHistory(db, jm)).toEqual([
      { type: 'JointMissionProposed', on: '2026-06-01', actorRole: 'PLANNER' },
      { type: 'JointMissionAmended', on: '2026-06-10', actorRole: 'PLANNER' },
      { type: 'JointMissionApproved', on: '2026-06-20', actorRole: 'MANAGEMENT' },
    ]);
    expect(await getJointMissionById(db, id('ghost'))).toBeUndefined();
    expect(await getPlanningHistory(db, id('ghost'))).toEqual([]);
    // The history keeps roles, never who: no actor id is stored anywhere.
    const rows = await db.selectFrom('planning_history').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('someone-');
  });

  it('records a rejection with its reason, and regional events with kind, title, themes, invitees and staff', async () => {
    const history = await cast();
    const jm = await proposeJoint(history, 'jm');
    await by(
      history,
      'MANAGEMENT',
      `jointMission-${jm}`,
      'JointMissionRejected',
      {
        jointMissionId: jm,
        rejectedOn: '2026-06-15',
        reason: 'Malle postponed its visit.',
      },
      '2026-06-15',
    );
    const approved = await proposeEvent(history, 'conference');
    await by(
      history,
      'STAFF',
      `regionalEvent-${approved}`,
      'RegionalEventAmended',
      {
        regionalEventId: approved,
        ...conference,
        kind: 'WORKSHOP',
        title: 'Civil registration workshop',
        amendedOn: '2026-06-05',
      },
      '2026-06-05',
    );
    await by(
      history,
      'MANAGEMENT',
      `regionalEvent-${approved}`,
      'RegionalEventApproved',
      {
        regionalEventId: approved,
        approvedOn: '2026-06-30',
        budgetEur: 7500,
        staffMemberIds: [id('jan')],
      },
      '2026-06-30',
    );
    const rejected = await proposeEvent(history, 'exchange', { kind: 'SOUTH_SOUTH_EXCHANGE', title: 'Exchange' });
    await by(
      history,
      'MANAGEMENT',
      `regionalEvent-${rejected}`,
      'RegionalEventRejected',
      {
        regionalEventId: rejected,
        rejectedOn: '2026-07-01',
        reason: 'Not this year.',
      },
      '2026-07-01',
    );
    const { db } = await project(history, dialect);

    expect(await getJointMissionById(db, jm)).toMatchObject({
      status: 'REJECTED',
      rejectedOn: '2026-06-15',
      rejectionReason: 'Malle postponed its visit.',
      approvedOn: null,
      missionId: null,
    });
    expect(await getRegionalEventById(db, approved)).toEqual({
      regionalEventId: approved,
      status: 'APPROVED',
      kind: 'WORKSHOP',
      title: 'Civil registration workshop',
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO', 'BJ-CO'],
      startDate: '2026-11-03',
      endDate: '2026-11-05',
      themes: ['CIVIL_REGISTRATION'],
      invitedNisCodes: ['11055', '11057', '99999'],
      invitedNames: ['Zoersel', 'Malle', null],
      estimatedCostEur: 8000,
      proposedOn: '2026-06-02',
      proposedByRole: 'STAFF',
      amendedCount: 1,
      lastAmendedOn: '2026-06-05',
      approvedOn: '2026-06-30',
      rejectedOn: null,
      staffMemberIds: [id('jan')],
      staffNames: ['Jan Peeters'],
      budgetEur: 7500,
      rejectionReason: null,
      note: null,
    });
    expect(await getRegionalEventById(db, rejected)).toMatchObject({
      status: 'REJECTED',
      kind: 'SOUTH_SOUTH_EXCHANGE',
      rejectionReason: 'Not this year.',
      budgetEur: null,
    });
    expect(await getPlanningHistory(db, approved)).toEqual([
      { type: 'RegionalEventProposed', on: '2026-06-02', actorRole: 'STAFF' },
      { type: 'RegionalEventAmended', on: '2026-06-05', actorRole: 'STAFF' },
      { type: 'RegionalEventApproved', on: '2026-06-30', actorRole: 'MANAGEMENT' },
    ]);
    expect((await getPlanningHistory(db, jm)).map((h) => h.type)).toEqual([
      'JointMissionProposed',
      'JointMissionRejected',
    ]);
  });

  it('filters both lists by status, country, region and period, latest start first, in pages', async () => {
    const history = await cast();
    const a = await proposeJoint(history, 'a', { startDate: '2026-03-01', endDate: '2026-03-10' });
    const b = await proposeJoint(history, 'b', {
      countryCode: 'SN',
      regionCodes: ['SN-TC'],
      startDate: '2026-05-01',
      endDate: '2026-05-12',
    });
    const c = await proposeJoint(history, 'c', {
      regionCodes: ['BJ-ZO', 'BJ-CO'],
      startDate: '2026-09-01',
      endDate: '2026-09-10',
    });
    await by(
      history,
      'MANAGEMENT',
      `jointMission-${c}`,
      'JointMissionRejected',
      {
        jointMissionId: c,
        rejectedOn: '2026-06-15',
        reason: 'No budget left.',
      },
      '2026-06-15',
    );
    const ids = async (filter: PlanFilter) =>
      (await listJointMissions(db, filter)).edges.map((edge) => edge.node.jointMissionId);
    const { db } = await project(history, dialect);

    expect(await ids({})).toEqual([c, b, a]);
    expect(await ids({ status: ['PROPOSED'] })).toEqual([b, a]);
    expect(await ids({ status: ['REJECTED', 'APPROVED'] })).toEqual([c]);
    expect(await ids({ countryCode: 'BJ' })).toEqual([c, a]);
    expect(await ids({ regionCode: 'BJ-CO' })).toEqual([c]);
    expect(await ids({ regionCode: 'BJ-Z' })).toEqual([]); // a whole code, not a part of one
    expect(await ids({ regionCode: '%' })).toEqual([]);
    // Overlapping the period: b ends on 12 May.
    expect(await ids({ from: '2026-05-12', to: '2026-09-01' })).toEqual([c, b]);
    expect(await ids({ to: '2026-04-30' })).toEqual([a]);

    const first = await listJointMissions(db, {}, { first: 2 });
    expect(first.hasNextPage).toBe(true);
    const rest = await listJointMissions(db, {}, { first: 2, after: first.edges.at(-1)!.cursor });
    expect([...first.edges, ...rest.edges].map((e) => e.node.jointMissionId)).toEqual([c, b, a]);
    expect(rest.hasNextPage).toBe(false);
    await expect(listJointMissions(db, {}, { after: 'not-a-cursor' })).rejects.toThrow(ValidationError);

    const history2 = await cast();
    const x = await proposeEvent(history2, 'x');
    const y = await proposeEvent(history2, 'y', {
      kind: 'WORKSHOP',
      countryCode: 'SN',
      regionCodes: ['SN-TC'],
      startDate: '2026-12-01',
      endDate: '2026-12-02',
    });
    const events = (await project(history2, dialect)).db;
    const eventIds = async (filter: RegionalEventFilter) =>
      (await listRegionalEvents(events, filter)).edges.map((edge) => edge.node.regionalEventId);
    expect(await eventIds({})).toEqual([y, x]);
    expect(await eventIds({ kind: ['CONFERENCE'] })).toEqual([x]);
    expect(await eventIds({ regionCode: 'BJ-CO', status: ['PROPOSED'] })).toEqual([x]);
    expect(await eventIds({ countryCode: 'SN', from: '2026-12-02' })).toEqual([y]);
    expect(await eventIds({ status: ['APPROVED'] })).toEqual([]);
  });

  it('builds the same rows in one rebuild as event by event', async () => {
    const history = await cast();
    const jm = await proposeJoint(history, 'jm');
    const ev = await proposeEvent(history, 'ev');
    const incremental = await project(history, dialect, 1);
    await by(
      history,
      'PLANNER',
      `jointMission-${jm}`,
      'JointMissionAmended',
      {
        jointMissionId: jm,
        ...bohicon,
        rationale: 'Amended once.',
        amendedOn: '2026-06-03',
      },
      '2026-06-03',
    );
    await incremental.runner.catchUp();
    await by(
      history,
      'MANAGEMENT',
      `jointMission-${jm}`,
      'JointMissionApproved',
      {
        jointMissionId: jm,
        approvedOn: '2026-06-04',
        staffMemberIds: [id('lies')],
        budgetEur: 3000,
        missionId: id('m'),
      },
      '2026-06-04',
    );
    await by(
      history,
      'MANAGEMENT',
      `regionalEvent-${ev}`,
      'RegionalEventRejected',
      {
        regionalEventId: ev,
        rejectedOn: '2026-06-05',
        reason: 'Too early.',
      },
      '2026-06-05',
    );
    await incremental.runner.catchUp();
    const rebuilt = await project(history, dialect, 100);

    const snapshot = async (db: Kysely<PlanningDb>) => ({
      jointMissions: (await listJointMissions(db)).edges.map((e) => e.node),
      regionalEvents: (await listRegionalEvents(db)).edges.map((e) => e.node),
      history: [...(await getPlanningHistory(db, jm)), ...(await getPlanningHistory(db, ev))],
    });
    const expected = await snapshot(rebuilt.db);
    expect(expected.history).toHaveLength(5);
    expect(await snapshot(incremental.db)).toEqual(expected);
  });
});
