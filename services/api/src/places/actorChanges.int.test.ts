/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandHandlers, EventLogContext } from '@werkbezoek/domain';
import { MemoryEventStore } from '@werkbezoek/eventstore';
import { allProjections, openReadModels, ProjectionRunner } from '@werkbezoek/projections';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { createContext, type ApiServices } from '../context.js';
import { toGraphQLError } from '../graphql/errors.js';
import { MunicipalityResolver } from '../registry/municipality.resolver.js';
import { TwinningResolver } from '../registry/twinning.resolver.js';
import { TwinningActorsResolver } from './actorChanges.resolver.js';

/* A twinning's actor changes through GraphQL: read from its stream, oldest first, for reader roles only. */

const staff: Principal = { id: 'demo-staff', role: 'STAFF', name: 'Staff' };
const analyst: Principal = { id: 'demo-analyst', role: 'ANALYST', name: 'Analyst' };
const coordinator: Principal = { id: 'demo-coordinator-11055', role: 'COORDINATOR', nisCode: '11055', name: 'C' };

let dir: string;
let schema: GraphQLSchema;
let services: ApiServices;
let close: () => Promise<void>;
let twinningId = '';

async function run(principal: Principal, source: string, variables: Record<string, unknown> = {}) {
  return graphql({
    schema,
    source,
    variableValues: variables,
    contextValue: createContext(principal, services, undefined),
  });
}

async function ok<T = any>(principal: Principal, source: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await run(principal, source, variables);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result.data as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'werkbezoek-actors-'));
  const store = new MemoryEventStore();
  const projectorDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  const readerDb = openReadModels({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
  const runner = new ProjectionRunner({ store, readModels: projectorDb, projections: allProjections, log: () => {} });
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
    resolvers: [MunicipalityResolver, TwinningResolver, TwinningActorsResolver],
    validate: false,
  });
  close = async () => {
    await runner.stop();
    await Promise.all([projectorDb.close(), readerDb.close()]);
    await store.close();
  };

  await ok(
    staff,
    `mutation { registerMunicipality(input: { nisCode: "11055", name: "Zoersel", province: ANTWERPEN }) { nisCode } }`,
  );
  const t = await ok<{ establishTwinning: { id: string } }>(
    staff,
    `mutation { establishTwinning(input: { nisCode: "11055", partnerName: "Bohicon", countryCode: "BJ", regionCode: "BJ-ZO", since: "2010-03-01", policyDomains: [] }) { id } }`,
  );
  twinningId = t.establishTwinning.id;
  // recorded out of date order: the later change first
  await ok(
    staff,
    `mutation ($id: ID!) { recordActorChange(input: { twinningId: $id, side: SOUTH, actorKind: MAYOR, changedOn: "2024-06-01", description: "New mayor after the local elections", person: { name: "Gbèdji" } }) { id } }`,
    { id: twinningId },
  );
  await ok(
    staff,
    `mutation ($id: ID!) { recordActorChange(input: { twinningId: $id, side: NORTH, actorKind: COALITION, changedOn: "2019-01-03", description: "New coalition" }) { id } }`,
    { id: twinningId },
  );
});

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const query = `query ($id: ID!) { twinning(id: $id) { actorChanges { changedOn side actorKind description personName } } }`;

describe("a twinning's actor changes", () => {
  it('are listed oldest first, with the new person where one was named', async () => {
    const data = await ok<{ twinning: { actorChanges: unknown[] } }>(analyst, query, { id: twinningId });
    expect(data.twinning.actorChanges).toEqual([
      {
        changedOn: '2019-01-03',
        side: 'NORTH',
        actorKind: 'COALITION',
        description: 'New coalition',
        personName: null,
      },
      {
        changedOn: '2024-06-01',
        side: 'SOUTH',
        actorKind: 'MAYOR',
        description: 'New mayor after the local elections',
        personName: 'Gbèdji',
      },
    ]);
  });

  it('are refused to a coordinator, even of the twinning’s municipality: they name people', async () => {
    const result = await run(coordinator, query, { id: twinningId });
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0]!;
    expect(toGraphQLError(error.originalError)?.extensions.code ?? error.extensions.code).toBe('FORBIDDEN');
  });
});
