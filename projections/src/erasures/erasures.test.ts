import { existsSync, readFileSync } from 'node:fs';
import {
  MemoryEventStore,
  PersonalDataCodec,
  MemoryKeys,
  memoryKeyStore,
  type SubjectKeyStore,
} from '@werkbezoek/eventstore';
import { testMetadata } from '@werkbezoek/eventstore/testing';
import { werkbezoekCatalogue, type Actor } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { allProjections } from '../projections.js';
import type { RegistryDb } from '../runner/registry.js';
import { ProjectionRunner } from '../runner/runner.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { VisitHistory, id } from '../testing/visitHistory.js';
import { ErasureEffect, projectionsHoldingPersonalData } from './effect.js';
import { getErasure, listErasures, type ErasuresDb } from './queries.js';
import { findInReadModels } from './scan.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const lies = id('lies');
const erasureId = id('erasure-lies');
const manager: Actor = { id: 'manager-1', role: 'MANAGEMENT' };
const staff: Actor = { id: 'staff-2', role: 'STAFF' };

/**
 * Lies Janssens accompanies Zoersel's visit (her name goes into the staff
 * directories, the request, the mission and the history); Koen Maes is
 * registered beside her and stays.
 */
async function history(keys: SubjectKeyStore): Promise<VisitHistory> {
  const h = new VisitHistory(
    new MemoryEventStore(werkbezoekCatalogue, undefined, { codec: new PersonalDataCodec(keys) }),
  );
  await h.basics();
  await h.staffMember('koen', 'Koen Maes');
  const requestId = await h.submit('r1', '2026-01-12');
  await h.accepted(requestId, '2026-01-20', { mission: 'm1', staff: 'lies' });
  await h.scheduled('m1', {
    requestIds: [requestId],
    nisCodes: ['11055'],
    twinningIds: [id('tw-zoersel')],
    regionCode: 'BJ-ZO',
    startDate: '2026-05-04',
    endDate: '2026-05-13',
    staff: ['lies', 'koen'],
  });
  return h;
}

async function eraseLies(h: VisitHistory): Promise<void> {
  const stream = `dataSubject-${lies}`;
  await h.store.appendToStream(stream, [
    {
      type: 'DataSubjectErasureRequested',
      data: {
        erasureId,
        subjectId: lies,
        subjectKind: 'STAFF_MEMBER',
        reason: 'DATA_SUBJECT_REQUEST',
        requestedOn: '2026-03-02',
      },
      metadata: testMetadata({ actor: manager, occurredAt: '2026-03-02T09:00:00.000Z' }),
    },
    {
      type: 'DataSubjectErased',
      data: { erasureId, subjectId: lies, erasedOn: '2026-03-03' },
      metadata: testMetadata({ actor: staff, occurredAt: '2026-03-03T09:00:00.000Z' }),
    },
  ]);
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

const generations = async (db: TestDatabase) =>
  (
    await (db.readModels.db as Kysely<RegistryDb>)
      .selectFrom('projection_state')
      .select(['name', 'generation', 'status'])
      .where('status', '=', 'ACTIVE')
      .orderBy('name')
      .execute()
  ).map((r) => `${r.name}:${r.generation}`);

describe('the read models that hold personal data', () => {
  it('are those that handle an event type with personal fields, and not the list of erasures', () => {
    const names = projectionsHoldingPersonalData(allProjections).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['requests', 'missions', 'history', 'lessons', 'capacity']));
    expect(names).not.toContain('erasures');
    // The data-subject index reads every event with personal data and keeps ids and dates only.
    expect(names).not.toContain('dataSubjects');
  });
});

describe.each(DIALECTS)('the erasure of a data subject on %s', (dialect) => {
  it('lists the erasure by ids, codes, dates and roles', async () => {
    database = await freshDatabase(dialect);
    const keys = memoryKeyStore();
    const h = await history(keys);
    await eraseLies(h);
    await new ProjectionRunner({
      store: h.store,
      readModels: database.readModels,
      projections: allProjections,
    }).catchUp();
    const db = database.readModels.db as Kysely<ErasuresDb>;
    expect(await listErasures(db, { status: ['PENDING'] })).toEqual([]);
    expect(await getErasure(db, erasureId)).toMatchObject({
      subjectId: lies,
      subjectKind: 'STAFF_MEMBER',
      reason: 'DATA_SUBJECT_REQUEST',
      status: 'ERASED',
      requestedOn: '2026-03-02',
      requestedByRole: 'MANAGEMENT',
      decidedOn: '2026-03-03',
      decidedByRole: 'STAFF',
      erasedAt: '2026-03-03T09:00:00.000Z',
    });
  });

  it('deletes the key, rebuilds what held the values, and leaves no trace in any table or file', async () => {
    database = await freshDatabase(dialect);
    const memory = new MemoryKeys();
    const keys = memoryKeyStore(memory);
    const h = await history(keys);
    const logs: string[] = [];
    const runner = () =>
      new ProjectionRunner({
        store: h.store,
        readModels: database!.readModels,
        projections: allProjections,
        maintenance: new ErasureEffect({
          readModels: database!.readModels,
          keys,
          projections: allProjections,
          log: (m) => logs.push(m),
        }),
        log: (m) => logs.push(m),
      });
    const first = runner();
    await first.catchUp();
    // Before: her name is in the read models (and so the search below can fail).
    const before = await findInReadModels(database.readModels, ['Lies Janssens']);
    expect(before.map((f) => f.table).length).toBeGreaterThan(2);

    // Confirmed while the projector was down, and the key never deleted (the API crashed first).
    await eraseLies(h);
    expect((await keys.lookup([lies])).get(lies)).toBeInstanceOf(Buffer);
    const projector = runner();
    await projector.catchUp();
    projector.start();
    const db = database.readModels.db as Kysely<ErasuresDb>;
    await until(async () => (await getErasure(db, erasureId))?.purgedAt != null, 'the purge');
    await projector.stop();

    expect((await keys.lookup([lies])).get(lies)).toBe('erased');
    expect(await findInReadModels(database.readModels, ['Lies Janssens'])).toEqual([]);
    expect((await findInReadModels(database.readModels, ['Koen Maes'])).length).toBeGreaterThan(0);
    expect((await findInReadModels(database.readModels, ['[gewist]'])).length).toBeGreaterThan(0);
    if (database.config.dialect === 'sqlite') {
      const path = database.config.path;
      for (const file of [path, `${path}-wal`].filter(existsSync))
        expect(readFileSync(file).includes('Lies Janssens'), file).toBe(false);
    }
    expect(logs.join('\n')).not.toContain('Lies');
    expect(logs.join('\n')).toMatch(/Erasure: .* done; \d+ read models rebuilt/);

    // Again: nothing left to do, nothing rebuilt.
    const after = await generations(database);
    const again = runner();
    await again.catchUp();
    again.start();
    await new Promise((r) => setTimeout(r, 100));
    await again.stop();
    expect(await generations(database)).toEqual(after);
  });
});
