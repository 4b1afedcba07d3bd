import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findInReadModels, openReadModels } from '@werkbezoek/projections';
import { freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { readyz, startProcess, until, webDistStub, type PlatformProcess } from './processes.js';

/*
 * The erasure in the production topology (issue 15): an API replica that runs
 * no projector takes the request and the confirmation; the key, in PostgreSQL
 * beside the read models, goes at once; the active projector, another process,
 * sees DataSubjectErased and rebuilds the read models, and the replica's answer
 * says so.
 */

const processes: PlatformProcess[] = [];
let database: TestDatabase | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  for (const p of processes) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await p.exited;
  }
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('erasure with an API replica and a projector in separate processes', () => {
  it('the replica deletes the key, the active projector rebuilds the read models', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'werkbezoek-erasure-topology-'));
    database = await freshDatabase('postgres');
    const config = database.config;
    if (config.dialect !== 'postgres') throw new Error('PostgreSQL expected');
    const env = { DATA_DIR: dataDir, DATABASE_URL: config.url };
    const projector = await startProcess('projector', { ...env, ROLE: 'projector' });
    processes.push(projector);
    const api = await startProcess('api', { ...env, ROLE: 'api', WEB_DIST: webDistStub(dataDir) });
    processes.push(api);
    await until(
      'both processes ready',
      async () => (await readyz(projector))?.projector.here === 'active' && (await readyz(api))?.status === 'ready',
      60_000,
      [projector, api],
    );
    const gql = async <T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await fetch(`${api.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
      return body.data;
    };

    const name = 'Quinten Van Erasmus';
    const { registerStaffMember } = await gql<{ registerStaffMember: { id: string } }>(
      'demo-staff',
      `mutation { registerStaffMember(input: { name: "${name}", email: "quinten@vvsg.example", daysPerYear: 20 }) { id } }`,
    );
    const subjectId = registerStaffMember.id;
    const { eraseDataSubject } = await gql<{ eraseDataSubject: { id: string } }>(
      'demo-management',
      `mutation($id: ID!) { eraseDataSubject(subjectId: $id, reason: DATA_SUBJECT_REQUEST) { id } }`,
      { id: subjectId },
    );
    const { confirmDataSubjectErasure } = await gql<{
      confirmDataSubjectErasure: { status: string; readModelsPurgedAt: string | null };
    }>('demo-staff', `mutation($id: ID!) { confirmDataSubjectErasure(erasureId: $id) { status readModelsPurgedAt } }`, {
      id: eraseDataSubject.id,
    });
    expect(confirmDataSubjectErasure.status).toBe('ERASED');
    expect(confirmDataSubjectErasure.readModelsPurgedAt).not.toBeNull();

    const { staffMember } = await gql<{ staffMember: { name: string } }>(
      'demo-staff',
      `query($id: ID!) { staffMember(id: $id) { name } }`,
      { id: subjectId },
    );
    expect(staffMember.name).toBe('[gewist]');
    expect(projector.output()).toMatch(/Erasure: [0-9a-f-]{36} done; \d+ read models rebuilt/);
    expect(api.output()).not.toMatch(/Erasure: .* done/);
    for (const p of [projector, api]) expect(p.output()).not.toContain(name);
    const readModels = openReadModels(config);
    try {
      expect(await findInReadModels(readModels, [name, 'quinten@vvsg.example'])).toEqual([]);
    } finally {
      await readModels.close();
    }
  });
});
