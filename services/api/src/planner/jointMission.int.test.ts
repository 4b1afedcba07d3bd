/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; the assertions check their shape */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandlers, EventLogContext } from '@werkbezoek/domain';
import { MemoryEventStore } from '@werkbezoek/eventstore';
import { testMetadata } from '@werkbezoek/eventstore/testing';
import { allProjections, openReadModels, ProjectionRunner } from '@werkbezoek/projections';
import { deterministicUuidv7, type ActorRole, type EventData, type WerkbezoekEventType } from '@werkbezoek/schema';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClustersResolver } from '../analytics/clusters.resolver.js';
import { HistoryResolver } from '../analytics/history.resolver.js';
import type { Principal } from '../auth/principal.js';
import { createContext, type ApiServices } from '../context.js';
import { MissionResolver } from '../missions/mission.resolver.js';
import { RequestResolver } from '../requests/request.resolver.js';
import {
  JointMissionResolver,
  loadJointMission,
  loadRegionalEvent,
  MissionJointMissionResolver,
  RegionalEventResolver,
} from './jointMission.resolver.js';

/*
 * The read side of joint missions and regional events through GraphQL, on
 * the real projections over SQLite. Their commands are not in this test: the
 * events go straight into the store, as the handlers will write them.
 */

const planner: Principal = { id: 'demo-planner', role: 'PLANNER', name: 'Planner' };
const analyst: Principal = { id: 'demo-analyst', role: 'ANALYST', name: 'Analyst' };
const coordinator: Principal = { id: 'demo-coordinator', role: 'COORDINATOR', nisCode: '11055', name: 'C' };

const id = (name: string) => deterministicUuidv7(Date.parse('2026-01-01T00:00:00Z'), name);
const ids = {
  jm: id('jm'),
  mission: id('jm-mission'),
  zoersel: id('r-zoersel'),
  malle: id('r-malle'),
  event: id('workshop'),
  lies: id('lies'),
};

let dir: string;
let schema: GraphQLSchema;
let services: ApiServices;
let runner: ProjectionRunner;
let store: MemoryEventStore;
let close: () => Promise<void>;

async function add<T extends WerkbezoekEventType>(
  streamId: string,
  type: T,
  data: EventData<T>,
  on: string,
  role: ActorRole = 'SYSTEM',
): Promise<void> {
  const { position } = await store.appendToStream(streamId, [
    {
      type,
      data,
      metadata: testMetadata({ occurredAt: `${on}T09:00:00.000Z`, actor: { id: `someone-${role}`, role } }),
    },
  ]);
  await runner.waitFor(position, 10_000);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'werkbezoek-api-'));
  store = new MemoryEventStore();
  const projectorDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  const readerDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  runner = new ProjectionRunner({ store, readModels: projectorDb, projections: allProjections, log: () => {} });
  await runner.catchUp();
  runner.start();
  services = {
    store,
    handlers: new CommandHandlers(store, new EventLogContext(store)),
    readModels: readerDb,
    waitFor: (position) => runner.waitFor(position, 10_000),
    now: () => new Date('2026-06-15T10:00:00Z'),
  };
  schema = await buildSchema({
    resolvers: [
      RequestResolver,
      MissionResolver,
      HistoryResolver,
      ClustersResolver,
      JointMissionResolver,
      RegionalEventResolver,
      MissionJointMissionResolver,
    ],
    validate: false,
  });
  close = async () => {
    await runner.stop();
    await Promise.all([projectorDb.close(), readerDb.close()]);
    await store.close();
  };

  // Zoersel and Malle, both twinned in Zou (BJ-ZO), each asked for a visit in September.
  for (const [nisCode, name, partner] of [
    ['11055', 'Zoersel', 'Bohicon'],
    ['11057', 'Malle', 'Abomey'],
  ] as const) {
    await add(
      `municipality-${nisCode}`,
      'MunicipalityRegistered',
      { nisCode, name, province: 'ANTWERPEN' },
      '2026-01-05',
    );
    await add(
      `twinning-${id(`tw-${nisCode}`)}`,
      'TwinningEstablished',
      {
        twinningId: id(`tw-${nisCode}`),
        nisCode,
        partnerName: partner,
        countryCode: 'BJ',
        regionCode: 'BJ-ZO',
        since: '2012-01-01',
        policyDomains: [],
      },
      '2026-01-05',
    );
  }
  await add(
    `staff-${ids.lies}`,
    'StaffMemberRegistered',
    { staffMemberId: ids.lies, name: 'Lies Janssens' },
    '2026-01-05',
  );
  for (const [requestId, nisCode] of [
    [ids.zoersel, '11055'],
    [ids.malle, '11057'],
  ] as const)
    await add(
      `request-${requestId}`,
      'AccompanimentRequestSubmitted',
      {
        requestId,
        twinningId: id(`tw-${nisCode}`),
        nisCode,
        missionType: 'EVALUATION',
        startDate: '2026-09-01',
        endDate: '2026-09-10',
        delegationSize: 5,
        policyDomains: [],
        claimedReasons: [],
      },
      '2026-02-01',
      'COORDINATOR',
    );
  // A planner proposes one trip for both; management approves it: both accepted, one mission.
  await add(
    `jointMission-${ids.jm}`,
    'JointMissionProposed',
    {
      jointMissionId: ids.jm,
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      missionType: 'EVALUATION',
      startDate: '2026-09-01',
      endDate: '2026-09-10',
      requestIds: [ids.zoersel, ids.malle],
      nisCodes: ['11055', '11057'],
      rationale: 'Both visit Zou in September.',
      estimatedCostEur: 2500,
    },
    '2026-06-01',
    'PLANNER',
  );
  await add(
    `jointMission-${ids.jm}`,
    'JointMissionApproved',
    {
      jointMissionId: ids.jm,
      approvedOn: '2026-06-10',
      staffMemberIds: [ids.lies],
      budgetEur: 2500,
      missionId: ids.mission,
    },
    '2026-06-10',
    'MANAGEMENT',
  );
  for (const requestId of [ids.zoersel, ids.malle])
    await add(
      `request-${requestId}`,
      'AccompanimentAccepted',
      {
        requestId,
        missionId: ids.mission,
        jointMissionId: ids.jm,
        staffMemberId: ids.lies,
        decidedOn: '2026-06-10',
        bookedDays: 0,
        reservedBudgetEur: 0,
      },
      '2026-06-10',
      'MANAGEMENT',
    );
  await add(
    `mission-${ids.mission}`,
    'MissionScheduled',
    {
      missionId: ids.mission,
      requestIds: [ids.zoersel, ids.malle],
      jointMissionId: ids.jm,
      twinningIds: [id('tw-11055'), id('tw-11057')],
      nisCodes: ['11055', '11057'],
      missionType: 'EVALUATION',
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      startDate: '2026-09-01',
      endDate: '2026-09-10',
      staffMemberIds: [ids.lies],
      bookedDays: 14,
      reservedBudgetEur: 2500,
    },
    '2026-06-10',
    'MANAGEMENT',
  );
  await add(
    `regionalEvent-${ids.event}`,
    'RegionalEventProposed',
    {
      regionalEventId: ids.event,
      kind: 'WORKSHOP',
      title: 'Waste management in Zou',
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      startDate: '2026-10-06',
      endDate: '2026-10-07',
      themes: ['WASTE_MANAGEMENT'],
      invitedNisCodes: ['11055', '11057'],
      estimatedCostEur: 6000,
    },
    '2026-06-02',
    'STAFF',
  );
  await add(
    `regionalEvent-${ids.event}`,
    'RegionalEventRejected',
    { regionalEventId: ids.event, rejectedOn: '2026-06-12', reason: 'Not this year.' },
    '2026-06-12',
    'MANAGEMENT',
  );
});

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

function run(principal: Principal, source: string, variables: Record<string, unknown> = {}): Promise<ExecutionResult> {
  return graphql({
    schema,
    source,
    variableValues: variables,
    contextValue: createContext(principal, services, undefined),
  });
}

async function ok(principal: Principal, source: string, variables: Record<string, unknown> = {}): Promise<any> {
  const result = await run(principal, source, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data;
}

describe('joint missions and regional events through GraphQL', () => {
  it('shows an approved joint mission with its requests, its one mission, its staff and its history by role', async () => {
    const data = await ok(
      planner,
      `query ($id: ID!) { jointMission(id: $id) {
        id status countryCode regionCodes missionType startDate endDate rationale estimatedCostEur
        proposedOn proposedByRole amendedCount decidedOn budgetEur rejectionReason
        requests { id status municipality { name } }
        municipalities { nisCode name }
        staffMembers { id name }
        mission { id status jointMissionId jointMission { id } }
        history { type on actorRole }
      } }`,
      { id: ids.jm },
    );
    expect(data.jointMission).toEqual({
      id: ids.jm,
      status: 'APPROVED',
      countryCode: 'BJ',
      regionCodes: ['BJ-ZO'],
      missionType: 'EVALUATION',
      startDate: '2026-09-01',
      endDate: '2026-09-10',
      rationale: 'Both visit Zou in September.',
      estimatedCostEur: 2500,
      proposedOn: '2026-06-01',
      proposedByRole: 'PLANNER',
      amendedCount: 0,
      decidedOn: '2026-06-10',
      budgetEur: 2500,
      rejectionReason: null,
      requests: [
        { id: ids.zoersel, status: 'ACCEPTED', municipality: { name: 'Zoersel' } },
        { id: ids.malle, status: 'ACCEPTED', municipality: { name: 'Malle' } },
      ],
      municipalities: [
        { nisCode: '11055', name: 'Zoersel' },
        { nisCode: '11057', name: 'Malle' },
      ],
      staffMembers: [{ id: ids.lies, name: 'Lies Janssens' }],
      mission: { id: ids.mission, status: 'SCHEDULED', jointMissionId: ids.jm, jointMission: { id: ids.jm } },
      history: [
        { type: 'JointMissionProposed', on: '2026-06-01', actorRole: 'PLANNER' },
        { type: 'JointMissionApproved', on: '2026-06-10', actorRole: 'MANAGEMENT' },
      ],
    });
    expect((await ok(planner, `{ jointMission(id: "${id('unknown')}") { id } }`)).jointMission).toBeNull();
  });

  it('lists joint missions and regional events filtered, in pages', async () => {
    const list = `query ($filter: JointMissionFilter, $first: Int) {
      jointMissions(filter: $filter, first: $first) { edges { node { id status } } pageInfo { hasNextPage endCursor } }
    }`;
    const all = await ok(planner, list, { filter: { regionCode: 'BJ-ZO', from: '2026-09-10', to: '2026-12-31' } });
    expect(all.jointMissions.edges.map((e: any) => e.node)).toEqual([{ id: ids.jm, status: 'APPROVED' }]);
    expect(all.jointMissions.pageInfo.hasNextPage).toBe(false);
    const none = await ok(planner, list, { filter: { status: ['PROPOSED'] } });
    expect(none.jointMissions.edges).toEqual([]);

    const events = await ok(
      planner,
      `{ regionalEvents(filter: { kind: [WORKSHOP], countryCode: "BJ" }) { edges { node {
        id status kind title themes decidedOn rejectionReason proposedByRole municipalities { name }
        staffMembers { id } history { type actorRole }
      } } } }`,
    );
    expect(events.regionalEvents.edges.map((e: any) => e.node)).toEqual([
      {
        id: ids.event,
        status: 'REJECTED',
        kind: 'WORKSHOP',
        title: 'Waste management in Zou',
        themes: ['WASTE_MANAGEMENT'],
        decidedOn: '2026-06-12',
        rejectionReason: 'Not this year.',
        proposedByRole: 'STAFF',
        municipalities: [{ name: 'Zoersel' }, { name: 'Malle' }],
        staffMembers: [],
        history: [
          { type: 'RegionalEventProposed', actorRole: 'STAFF' },
          { type: 'RegionalEventRejected', actorRole: 'MANAGEMENT' },
        ],
      },
    ]);
    const one = await ok(planner, `query ($id: ID!) { regionalEvent(id: $id) { id status } }`, { id: ids.event });
    expect(one.regionalEvent).toEqual({ id: ids.event, status: 'REJECTED' });
  });

  it('refuses analysts and coordinators, as every planner query does', async () => {
    for (const principal of [analyst, coordinator]) {
      for (const source of [
        `{ jointMissions { edges { node { id } } } }`,
        `{ jointMission(id: "${ids.jm}") { id } }`,
        `{ regionalEvents { edges { node { id } } } }`,
        `{ regionalEvent(id: "${ids.event}") { id } }`,
      ]) {
        const result = await run(principal, source);
        expect(result.errors?.[0]?.extensions.code, `${principal.role}: ${source}`).toBe('FORBIDDEN');
      }
    }
  });

  it('loads a joint mission and a regional event for a mutation to answer with', async () => {
    const context = createContext(planner, services, undefined);
    expect(await loadJointMission(context, ids.jm)).toMatchObject({
      id: ids.jm,
      status: 'APPROVED',
      missionId: ids.mission,
      requestIds: [ids.zoersel, ids.malle],
    });
    expect(await loadRegionalEvent(context, ids.event)).toMatchObject({ id: ids.event, status: 'REJECTED' });
    expect(await loadJointMission(context, id('nothing'))).toBeNull();
    expect(await loadRegionalEvent(context, id('nothing'))).toBeNull();
  });

  it('shows the joint mission in the regional cluster and marks the visits it serves in the history', async () => {
    const clusters = await ok(
      planner,
      `{ regionalClusters(from: "2026-09-01", to: "2026-10-31") {
        regionCode jointMissions { id status missionType municipalities { nisCode } } regionalEvents { id }
      } }`,
    );
    expect(clusters.regionalClusters).toEqual([
      {
        regionCode: 'BJ-ZO',
        jointMissions: [
          {
            id: ids.jm,
            status: 'APPROVED',
            missionType: 'EVALUATION',
            municipalities: [{ nisCode: '11055' }, { nisCode: '11057' }],
          },
        ],
        // The workshop was rejected.
        regionalEvents: [],
      },
    ]);
    const history = await ok(
      coordinator,
      `{ accompanimentHistory(nisCode: "11055") { visits { id missionId jointMissionId } } }`,
    );
    expect(history.accompanimentHistory.visits).toEqual([
      { id: ids.zoersel, missionId: ids.mission, jointMissionId: ids.jm },
    ]);
  });
});
