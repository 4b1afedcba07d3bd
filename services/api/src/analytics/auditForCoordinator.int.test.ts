/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; the assertions check their shape */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandlers, EventLogContext, platformActor } from '@werkbezoek/domain';
import { MemoryEventStore } from '@werkbezoek/eventstore';
import { allProjections, openReadModels, ProjectionRunner } from '@werkbezoek/projections';
import { staffToken, type Actor, type CommandMetadata } from '@werkbezoek/schema';
import { graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { createContext, type ApiServices } from '../context.js';
import { buildApiSchema } from '../graphql/schema.js';

/*
 * What a coordinator reads of VVSG's side through GraphQL (issue 15), against
 * what staff read of the same request: Zoersel's request, reassessed when
 * Hoogstraten asks for a visit to the same region in the same weeks (once by
 * the platform, once as stored before that, with Hoogstraten's coordinator as
 * the actor), accepted with Lies Janssens, and completed.
 */

const staffReader: Principal = { id: 'demo-staff', role: 'STAFF', name: 'Staff' };
const zoerselReader: Principal = {
  id: 'demo-coordinator-11055',
  role: 'COORDINATOR',
  nisCode: '11055',
  name: 'Coordinator 11055',
};
const coordinatorOf = (nisCode: string): Actor => ({ id: `demo-coordinator-${nisCode}`, role: 'COORDINATOR', nisCode });
const lies: Actor = { id: 'staff-lies', role: 'STAFF' };
const management: Actor = { id: 'vvsg-directie', role: 'MANAGEMENT' };

let dir: string;
let schema: GraphQLSchema;
let store: MemoryEventStore;
let runner: ProjectionRunner;
let close: () => Promise<void>;
const ids = {} as Record<'request' | 'mission' | 'staffMember', string>;

let n = 0;
/** A command as the API sends it; with an Idempotency-Key its id names the sender (context.ts). */
const at = (day: string, actor: Actor, key?: string): CommandMetadata => ({
  commandId: key ? `${actor.id}:${key}` : `command-${++n}`,
  issuedAt: `${day}T09:00:00.000Z`,
  actor,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'werkbezoek-api-audit-'));
  store = new MemoryEventStore();
  const projectorDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  const readerDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  runner = new ProjectionRunner({ store, readModels: projectorDb, projections: allProjections, log: () => {} });
  const handlers = new CommandHandlers(store, new EventLogContext(store));
  services = {
    store,
    handlers,
    readModels: readerDb,
    waitFor: (position) => runner.waitFor(position, 10_000),
    now: () => new Date('2026-06-15T10:00:00Z'),
  };
  schema = await buildApiSchema();
  close = async () => {
    await runner.stop();
    await Promise.all([projectorDb.close(), readerDb.close()]);
    await store.close();
  };

  const twinning = async (nisCode: string, name: string, partnerName: string) => {
    await handlers.registerMunicipality({ nisCode, name, province: 'ANTWERPEN' }, at('2026-01-05', lies));
    const { id } = await handlers.establishTwinning(
      { nisCode, partnerName, countryCode: 'BJ', regionCode: 'BJ-ZO', since: '2015-01-01', policyDomains: [] },
      at('2026-01-05', lies),
    );
    return id;
  };
  const zoersel = await twinning('11055', 'Zoersel', 'Bohicon');
  const hoogstraten = await twinning('13014', 'Hoogstraten', 'Za-Kpota');
  ids.staffMember = (
    await handlers.registerStaffMember({ name: 'Lies Janssens', daysPerYear: 60 }, at('2026-01-05', lies))
  ).id;
  await handlers.allocateBudget({ year: 2026, amountEur: 10_000 }, at('2026-01-05', management));
  const visit = {
    missionType: 'TECHNICAL' as const,
    delegationSize: 5,
    policyDomains: ['LOCAL_GOVERNANCE' as const],
    claimedReasons: ['CONTENT_PROBLEMS' as const],
  };
  ids.request = (
    await handlers.submitRequest(
      { ...visit, twinningId: zoersel, startDate: '2026-05-04', endDate: '2026-05-13' },
      at('2026-02-02', coordinatorOf('11055'), 'zoersel-asks'),
    )
  ).id;
  await handlers.submitRequest(
    { ...visit, twinningId: hoogstraten, startDate: '2026-05-20', endDate: '2026-05-27' },
    at('2026-02-03', coordinatorOf('13014'), 'hoogstraten-asks'),
  );
  // As stored before issue 15: the same reassessment, with Hoogstraten's coordinator and command on Zoersel's stream.
  const stream = `request-${ids.request}`;
  const events = [];
  for await (const e of store.readStream(stream)) events.push(e);
  const reassessed = events.at(-1)!;
  expect(reassessed.metadata.actor).toEqual(platformActor);
  await store.appendToStream(stream, [
    {
      type: 'AccompanimentRequestAssessed',
      data: reassessed.data,
      metadata: {
        eventId: '019c5a00-0000-7000-8000-000000000001',
        occurredAt: '2026-02-04T09:00:00.000Z',
        actor: coordinatorOf('13014'),
        correlationId: 'demo-coordinator-13014:hoogstraten-amends',
        causationId: 'demo-coordinator-13014:hoogstraten-amends',
      },
    },
  ]);
  await handlers.decideRequest(
    { requestId: ids.request, decision: 'ACCEPT', staffMemberId: ids.staffMember },
    at('2026-02-10', lies, 'lies-accepts'),
  );
  const accepted = [];
  for await (const e of store.readStream(stream)) accepted.push(e);
  ids.mission = (accepted.at(-1)!.data as { missionId: string }).missionId;
  await handlers.planActivity(
    { missionId: ids.mission, activity: 'TERMS_OF_REFERENCE', plannedOn: '2026-03-01', staffMemberId: ids.staffMember },
    at('2026-02-11', lies),
  );
  await handlers.fileReport(
    {
      missionId: ids.mission,
      filedOn: '2026-05-19',
      authorStaffMemberId: ids.staffMember,
      summary: 'Het project loopt; de digitalisering vraagt opvolging.',
    },
    at('2026-05-19', lies),
  );
  const done = await handlers.completeMission(
    { missionId: ids.mission, completedOn: '2026-05-20', costEur: 1650 },
    at('2026-05-20', lies),
  );
  await runner.catchUp();
  await runner.waitFor(done.position, 10_000);
});
let services: ApiServices;

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

const TRAIL = `query($id: ID!) { accompanimentRequest(id: $id) { auditTrail { edges { node {
  type actor { id role nisCode } correlationId causationId data withheld summary { nl en } } } } } }`;

async function trail(principal: Principal): Promise<any[]> {
  const data = await ok(principal, TRAIL, { id: ids.request });
  return data.accompanimentRequest.auditTrail.edges.map((e: any) => ({ ...e.node, data: JSON.parse(e.node.data) }));
}

describe("a request's audit trail", () => {
  it('holds, for staff, every event whole, with the actors and ids as stored', async () => {
    const entries = await trail(staffReader);
    expect(entries.map((e) => [e.type, e.actor.id])).toEqual([
      ['AccompanimentRequestSubmitted', 'demo-coordinator-11055'],
      ['AccompanimentRequestAssessed', 'demo-coordinator-11055'],
      ['AccompanimentRequestAssessed', platformActor.id],
      ['AccompanimentRequestAssessed', 'demo-coordinator-13014'],
      ['AccompanimentAccepted', 'staff-lies'],
    ]);
    const full = JSON.stringify(entries);
    // The assessments name the staff member with the most free days as they are stored: by id (a staff token).
    for (const text of [
      staffToken(ids.staffMember),
      '€',
      'freeStaffDays',
      'unreservedBudgetEur',
      'estimatedCostEur',
      'inputs',
    ])
      expect(full).toContain(text);
    expect(entries[4].data).toMatchObject({ staffMemberId: ids.staffMember, bookedDays: 14 });
    expect(entries[4].data.reservedBudgetEur).toBeGreaterThan(0);
    expect(entries[3].correlationId).toBe('demo-coordinator-13014:hoogstraten-amends');
    for (const e of entries) expect(e.withheld).toEqual([]);
  });

  it('says, for every reader, that a reassessment because the visits in the region changed is one', async () => {
    for (const reader of [staffReader, zoerselReader]) {
      const entries = await trail(reader);
      expect(entries.map((e) => e.summary?.nl ?? null)).toEqual([
        null,
        null,
        'Herbeoordeeld omdat de bezoeken in de regio veranderden.',
        'Herbeoordeeld omdat de bezoeken in de regio veranderden.',
        null,
      ]);
      expect(entries[2].summary.en).toBe('Reassessed because the visits in the region changed.');
    }
  });

  it('holds, for the coordinator, no staff member, free days, amount, input or other coordinator', async () => {
    const entries = await trail(zoerselReader);
    // Everything but the names of the fields left out.
    const shown = JSON.stringify(entries.map(({ withheld: _, ...entry }) => entry));
    for (const text of [
      'Lies Janssens',
      ids.staffMember,
      'staff-lies',
      '€',
      'freeStaffDays',
      'unreservedBudgetEur',
      'estimatedCostEur',
      'reservedBudgetEur',
      'bookedDays',
      'inputs',
      '13014',
      'vvsg-directie',
    ])
      expect(shown).not.toContain(text);
    expect(entries.map((e) => e.actor)).toEqual([
      { id: 'demo-coordinator-11055', role: 'COORDINATOR', nisCode: '11055' },
      { id: 'demo-coordinator-11055', role: 'COORDINATOR', nisCode: '11055' },
      { id: platformActor.id, role: 'SYSTEM', nisCode: null },
      // Stored with Hoogstraten's coordinator: the platform's act all the same.
      { id: platformActor.id, role: 'SYSTEM', nisCode: null },
      { id: 'VVSG', role: 'STAFF', nisCode: null },
    ]);
    expect(entries[4].withheld).toEqual(['bookedDays', 'reservedBudgetEur', 'staffMemberId']);
    expect(entries[4].data).toEqual({
      requestId: ids.request,
      missionId: ids.mission,
      decidedOn: '2026-02-10',
    });
    expect(entries[1].withheld).toEqual(['estimatedCostEur', 'freeStaffDays', 'inputs', 'unreservedBudgetEur']);
    expect(entries[2].data).toMatchObject({
      trigger: 'CONTEXT_CHANGED',
      derivedReasons: expect.arrayContaining(['COMBINED_VISITS']),
      staffTimeAvailable: true,
      budgetAvailable: true,
      daysNeeded: 14,
    });
    expect(entries[2].data.explanation.nl).toContain(
      'Personeelstijd: 14 dagen nodig; er is voldoende personeelstijd in 2026.',
    );
  });

  it("keeps the coordinator's own ids, and shows the others as references", async () => {
    const [staffEntries, entries] = [await trail(staffReader), await trail(zoerselReader)];
    expect(entries[0].correlationId).toBe('demo-coordinator-11055:zoersel-asks');
    // The platform's reassessment stays in Zoersel's conversation.
    expect(entries[2].correlationId).toBe('demo-coordinator-11055:zoersel-asks');
    expect(entries[2].causationId).toBe(staffEntries[2].causationId);
    for (const i of [3, 4]) {
      expect(entries[i].correlationId).toMatch(/^ref-[0-9a-f]{32}$/);
      expect(entries[i].correlationId).not.toBe(staffEntries[i].correlationId);
    }
  });
});

describe("the coordinator's own mission and history", () => {
  const MISSION = `query($id: ID!) { mission(id: $id) { id staffNames bookedDays costEur } }`;

  it('name who accompanies the visit, without their id or what it cost VVSG', async () => {
    expect((await ok(staffReader, MISSION, { id: ids.mission })).mission).toMatchObject({
      staffNames: ['Lies Janssens'],
      costEur: 1650,
    });
    expect((await ok(zoerselReader, MISSION, { id: ids.mission })).mission).toEqual({
      id: ids.mission,
      staffNames: ['Lies Janssens'],
      bookedDays: 14,
      costEur: null,
    });
    const request = await ok(
      zoerselReader,
      `query($id: ID!) { accompanimentRequest(id: $id) { mission { costEur } } }`,
      {
        id: ids.request,
      },
    );
    expect(request.accompanimentRequest.mission.costEur).toBeNull();
    const history = await ok(
      zoerselReader,
      `{ accompanimentHistory(nisCode: "11055") { visits { requestId staffNames } } }`,
    );
    expect(history.accompanimentHistory.visits).toContainEqual({
      requestId: ids.request,
      staffNames: ['Lies Janssens'],
    });
  });

  it.each([
    ['Mission.staff', `query($id: ID!) { mission(id: $id) { staff { id } } }`],
    ['Mission.reservedBudgetEur', `query($id: ID!) { mission(id: $id) { reservedBudgetEur } }`],
    ['Mission.reportAuthor', `query($id: ID!) { mission(id: $id) { reportAuthor { id } } }`],
    ['MissionActivity.staffMember', `query($id: ID!) { mission(id: $id) { activities { staffMember { id } } } }`],
    ['Visit.staff', `{ accompanimentHistory(nisCode: "11055") { visits { staff { id } } } }`],
  ])('refuse the coordinator %s, and answer staff', async (_, source) => {
    const variables = source.includes('$id') ? { id: ids.mission } : {};
    const refused = await run(zoerselReader, source, variables);
    expect(refused.errors?.map((e) => e.extensions.code ?? (e.originalError as any)?.extensions?.code)).toContain(
      'FORBIDDEN',
    );
    expect(JSON.stringify(await ok(staffReader, source, variables))).toMatch(
      new RegExp(`${ids.staffMember}|"reservedBudgetEur":[1-9]`),
    );
  });
});
