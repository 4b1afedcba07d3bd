import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoHistory } from '@werkbezoek/demo';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { ProjectionRunner, allProjections } from '@werkbezoek/projections';
import { freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonSearchIndex, snapshot } from '../src/readModelSnapshot.js';
import { readyz, startProcess, until, webDistStub, type PlatformProcess } from './processes.js';

/*
 * Issue 14's topology as processes: projectors standing by for one another on PostgreSQL read models,
 * and an API replica that runs no projector reading its own writes from the checkpoints.
 */

const processes: PlatformProcess[] = [];
const databases: TestDatabase[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  await Promise.all(databases.splice(0).map((d) => d.drop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setUp(): Promise<{ dataDir: string; database: TestDatabase; url: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'werkbezoek-topology-'));
  dirs.push(dataDir);
  const database = await freshDatabase('postgres');
  databases.push(database);
  const url = database.config.dialect === 'postgres' ? database.config.url : '';
  return { dataDir, database, url };
}

async function started(name: string, env: Record<string, string>): Promise<PlatformProcess> {
  const p = await startProcess(name, env);
  processes.push(p);
  return p;
}

describe('projector failover on PostgreSQL read models', () => {
  it('a standby takes over from an active projector killed with SIGKILL; every read model equals a rebuild', async () => {
    const { dataDir, database, url } = await setUp();
    const env = { ROLE: 'projector', DATA_DIR: dataDir, DATABASE_URL: url };
    const [a, b] = await Promise.all([started('projector a', env), started('projector b', env)]);
    const states = async () => [(await readyz(a))?.projector.here, (await readyz(b))?.projector.here];
    const [first] = await until(
      'one projector active, the other standing by',
      async () => {
        const [sa, sb] = await states();
        if (sa === 'active' && sb === 'standby') return [a, b];
        if (sb === 'active' && sa === 'standby') return [b, a];
        return undefined;
      },
      60_000,
      [a, b],
    );
    const standby = first === a ? b : a;

    // The history is written through the real command handlers while the active projector follows it.
    const store = new SqliteEventStore({ path: join(dataDir, 'events.db') });
    const writing = generateDemoHistory({ store, seed: 5, scale: 1, today: '2026-11-27', countEventTypes: false });
    await until('the active projector at work', async () => (await store.headPosition()) > 1500n);
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect(await first.exited).toBe('SIGKILL');
    const takeover = await until(
      'the standby taking over',
      async () => ((await readyz(standby))?.projector.here === 'active' ? Date.now() - killedAt : undefined),
      15_000,
      [standby],
    );
    console.log(`[topology] the standby took over ${takeover} ms after the active projector was killed`);
    await writing;
    const head = await store.headPosition();
    await until(
      'the read models at the head',
      async () => {
        const ready = await readyz(standby);
        return (
          ready?.status === 'ready' &&
          ready.projections.every((p) => p.lagEvents === '0') &&
          ready.eventStore.head === String(head)
        );
      },
      60_000,
      [standby],
    );

    const reference = await freshDatabase('postgres');
    databases.push(reference);
    await new ProjectionRunner({ store, readModels: reference.readModels, projections: allProjections }).catchUp();
    expect(await snapshot(database.readModels)).toEqual(await snapshot(reference.readModels));
    expect(await lessonSearchIndex(database.readModels)).toEqual(await lessonSearchIndex(reference.readModels));
    await store.close();

    // A graceful stop finishes its batch and gives the lock back.
    standby.child.kill('SIGTERM');
    expect(await standby.exited).toBe(0);
    const locks = await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory'`.execute(
      database.readModels.db,
    );
    expect(locks.rows[0]!.n).toBe(0);
  }, 180_000);
});

describe('an API replica with a projector in another process', () => {
  it('reads its own writes: each mutation answers from read models the other process brought up to date', async () => {
    const { dataDir, url } = await setUp();
    const projector = await started('projector', { ROLE: 'projector', DATA_DIR: dataDir, DATABASE_URL: url });
    const api = await started('api', {
      ROLE: 'api',
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      WEB_DIST: webDistStub(dataDir),
    });
    await until(
      'both processes ready',
      async () => (await readyz(projector))?.projector.here === 'active' && (await readyz(api))?.status === 'ready',
      60_000,
      [projector, api],
    );
    expect((await readyz(api))?.projector).toMatchObject({ here: 'none', activeSomewhere: true });

    const gql = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-staff' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };
    for (const [nisCode, name] of [
      ['11055', 'Zoersel'],
      ['44021', 'Gent'],
      ['24062', 'Leuven'],
    ] as const) {
      const registered = await gql(
        'mutation($input: RegisterMunicipalityInput!) { registerMunicipality(input: $input) { nisCode name } }',
        {
          input: {
            nisCode,
            name,
            province: nisCode === '44021' ? 'OOST_VLAANDEREN' : nisCode === '24062' ? 'VLAAMS_BRABANT' : 'ANTWERPEN',
          },
        },
      );
      expect(registered).toEqual({ data: { registerMunicipality: { nisCode, name } } });
      const twinning = await gql(
        'mutation($input: EstablishTwinningInput!) { establishTwinning(input: $input) { nisCode partnerName active } }',
        {
          input: {
            nisCode,
            partnerName: `Partner van ${name}`,
            countryCode: 'BJ',
            regionCode: 'BJ-ZO',
            since: '2015-01-01',
            policyDomains: ['CIVIL_REGISTRATION'],
          },
        },
      );
      expect(twinning).toEqual({
        data: { establishTwinning: { nisCode, partnerName: `Partner van ${name}`, active: true } },
      });
    }
  }, 120_000);
});
