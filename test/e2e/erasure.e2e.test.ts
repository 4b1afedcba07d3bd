import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@werkbezoek/api';
import { eventStoreConfigFromEnv, openEventStore } from '@werkbezoek/eventstore';
import {
  allProjections,
  findInReadModels,
  openReadModels,
  ProjectionRunner,
  type ReadModelConfig,
} from '@werkbezoek/projections';
import { freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { staffToken } from '@werkbezoek/schema';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { AFTER_VISIT, FIRST_DAY, World, expectRefused, mutations, queries, type MissionView } from './scenario.js';

/*
 * The proof of issue 15's erasure: a staff member's name, email, planned
 * activity note and mission report are read through the API as staff, and
 * her name in the assessments of both requests (she has the most free days,
 * so each explanation names her: by id in the event and the read model, by
 * name as the API shows it); then
 * management asks to erase her, a second person (staff) confirms, and none
 * of those values is left in any read-model table, in the bytes of the
 * SQLite files, in the API's answers or in the platform's logs, while a
 * colleague's data still reads. The key itself is gone from the key store.
 * Once with the read models on SQLite, once on PostgreSQL (keys there too).
 */

const ZELDA = {
  name: 'Zelda Quintijn-Erasmus',
  email: 'zelda.quintijn@vvsg.example',
  note: 'Zelda belt de burgemeester over haar eigen verlof',
  report: 'Verslag van Zelda: gesprekken met de dienst burgerlijke stand',
};
const ERASED = Object.values(ZELDA);
const AN = { name: 'An Peeters', note: 'An overlegt met de schepen van ontwikkelingssamenwerking' };

const readSides = [
  { name: 'SQLite', dialect: 'sqlite' },
  { name: 'PostgreSQL', dialect: 'postgres' },
] as const;

/** The platform's log lines, pino's JSON and the plain ones, as written. */
function logCollector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return {
    lines,
    logger: createLogger({ log: { level: 'debug', format: 'json' } }, stream),
    log: (message: string) => lines.push(message),
  };
}

const STAFF_PAGE = `query($id: ID!) { staffMember(id: $id) { id name
  auditTrail(first: 50) { edges { node { type data } } } } staffMembers { id name } }`;

const REQUEST_LIST = `{ accompanimentRequests(first: 10) { edges { node { id assessment { explanation explanationEn } } } } }`;

const found = (text: string, values: readonly string[]) => values.filter((v) => text.includes(v));

/** The staff-time sentences of a request's assessment as staff read them, Dutch and English. */
async function staffTimeSentences(world: World, id: string): Promise<string[]> {
  const { accompanimentRequest } = await world.run<{
    accompanimentRequest: { assessment: { explanation: string[]; explanationEn: string[] } };
  }>(tokens.staff, queries.request, { id });
  const { explanation, explanationEn } = accompanimentRequest.assessment;
  return [...explanation, ...explanationEn].filter((s) => /^(Personeelstijd|Staff time):/.test(s));
}

describe.each(readSides)('erasing a staff member through the API, read models on $name', ({ dialect }) => {
  const logs = logCollector();
  let database: TestDatabase | undefined;
  let readModels: (dataDir: string) => ReadModelConfig;
  // Kept over the restart of the last test, removed at the end.
  const dataDir = mkdtempSync(join(tmpdir(), 'werkbezoek-erasure-'));
  let w: World;
  let zelda: string;
  let zeldaKey: Buffer;
  let requestId: string;
  let otherRequestId: string;
  let missionId: string;
  let otherMissionId: string;
  let erasureId: string;

  /** Every page that showed her data, as staff read them, in one string. */
  const pages = async (world: World) =>
    JSON.stringify([
      await world.run(tokens.staff, STAFF_PAGE, { id: zelda }),
      await world.run(tokens.staff, queries.request, { id: requestId }),
      await world.run(tokens.staff, queries.request, { id: otherRequestId }),
      await world.run(tokens.staff, REQUEST_LIST),
      await world.run(tokens.staff, queries.mission, { id: missionId }),
      await world.run(tokens.staff, queries.mission, { id: otherMissionId }),
      await world.run(tokens.staff, queries.auditTrail, { id: requestId, first: 50 }),
    ]);

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const db = await freshDatabase('postgres');
      database = db;
      readModels = () => db.config;
    } else {
      readModels = (dir) => ({ dialect: 'sqlite', path: join(dir, 'read-models.db') });
    }
    w = await World.start({ readModels, platform: { dataDir, logger: logs.logger, log: logs.log } });
    // More days than An (60): the staff member with the most free days in both requests' assessments.
    zelda = (
      await w.mutate<{ id: string }>(tokens.staff, 'registerStaffMember', {
        input: { name: ZELDA.name, email: ZELDA.email, daysPerYear: 200 },
      })
    ).id;
    // Zelda accompanies one visit, An another; each plans an activity with a note; Zelda files her report.
    w.setToday(FIRST_DAY);
    requestId = (await w.submit()).id;
    missionId = (await w.accept(requestId, zelda)).mission!.id;
    await w.mutate<MissionView>(tokens.staff, 'planMissionActivity', {
      input: {
        missionId,
        activity: 'DELEGATION_MEETINGS',
        plannedOn: '2026-03-03',
        staffMemberId: zelda,
        note: ZELDA.note,
      },
    });
    const other = await w.submit({ twinningId: w.merelbekeTwinningId }, tokens.merelbeke);
    otherRequestId = other.id;
    otherMissionId = (await w.accept(other.id)).mission!.id;
    await w.mutate<MissionView>(tokens.staff, 'planMissionActivity', {
      input: {
        missionId: otherMissionId,
        activity: 'DELEGATION_MEETINGS',
        plannedOn: '2026-03-03',
        staffMemberId: w.staffMemberId,
        note: AN.note,
      },
    });
    w.setToday(AFTER_VISIT);
    await w.mutate<MissionView>(tokens.staff, 'fileMissionReport', {
      input: { missionId, authorStaffMemberId: zelda, filedOn: AFTER_VISIT, summary: ZELDA.report },
    });
  });

  afterAll(async () => {
    await w?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows her data to staff before the erasure, and holds her key', async () => {
    const before = await pages(w);
    expect(found(before, ERASED)).toEqual(ERASED);
    expect(found(before, [AN.name, AN.note])).toEqual([AN.name, AN.note]);
    // Both assessments name her as staff read them; the read model holds her id, not her name.
    for (const id of [requestId, otherRequestId]) {
      const sentences = await staffTimeSentences(w, id);
      expect(sentences).toHaveLength(2);
      expect(sentences[0]).toMatch(new RegExp(`; ${ZELDA.name} heeft er het meest vrij in 2026: \\d+\\.$`));
      expect(sentences[1]).toMatch(new RegExp(`; ${ZELDA.name} has the most free in 2026: \\d+\\.$`));
    }
    const db = openReadModels(readModels(w.live.dataDir));
    try {
      const held = await findInReadModels(db, [staffToken(zelda)]);
      expect(new Set(held.map((f) => f.column))).toEqual(new Set(['explanation_nl', 'explanation_en']));
      expect(held).toHaveLength(4);
      const named = await findInReadModels(db, [ZELDA.name]);
      expect(named.filter((f) => f.column.startsWith('explanation'))).toEqual([]);
    } finally {
      await db.close();
    }
    if (dialect === 'sqlite') {
      const path = join(dataDir, 'read-models.db');
      const bytes = Buffer.concat([path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f)));
      expect(bytes.includes(ZELDA.name), 'the read-model file holds her name before').toBe(true);
    }
    zeldaKey = await keyOf(w, dialect, database, zelda);
    expect(zeldaKey.length).toBe(32);
  });

  it('management asks, staff confirm: the erasure is done and the read models are rebuilt', async () => {
    const requested = await w.mutate<{ id: string; status: string; requestedByViewer: boolean }>(
      tokens.management,
      'eraseDataSubject',
      { subjectId: zelda, reason: 'DATA_SUBJECT_REQUEST', caseReference: 'AVG-2026-0007' },
    );
    expect(requested).toMatchObject({
      subjectId: zelda,
      subjectKind: 'STAFF_MEMBER',
      status: 'PENDING',
      requestedByViewer: true,
    });
    erasureId = requested.id;
    // Management cannot confirm its own request; a second request for her is refused while this one waits.
    expectRefused(await w.send(tokens.management, mutations.confirmDataSubjectErasure, { erasureId }), 'FORBIDDEN');
    expectRefused(
      await w.send(tokens.management, mutations.eraseDataSubject, {
        subjectId: zelda,
        reason: 'OTHER',
        caseReference: 'AVG-2026-0008',
      }),
      'CONFLICT',
      /awaits confirmation/,
    );

    const confirmed = await w.mutate<{ status: string; readModelsPurgedAt: string | null; erasedPosition: string }>(
      tokens.staff,
      'confirmDataSubjectErasure',
      { erasureId },
    );
    expect(confirmed).toMatchObject({
      status: 'ERASED',
      decidedOn: AFTER_VISIT,
      decidedByRole: 'STAFF',
      requestedByRole: 'MANAGEMENT',
      requestedByViewer: false,
    });
    expect(confirmed.readModelsPurgedAt).not.toBeNull();
    // Confirming again changes nothing; erasing her again is refused, saying when she was erased.
    expect(
      await w.nothingStored(() => w.mutate(tokens.staff, 'confirmDataSubjectErasure', { erasureId })),
    ).toMatchObject({ status: 'ERASED' });
    expectRefused(
      await w.send(tokens.management, mutations.eraseDataSubject, { subjectId: zelda, reason: 'DATA_SUBJECT_REQUEST' }),
      'CONFLICT',
      new RegExp(`already erased on ${AFTER_VISIT}`),
    );
    const list = await w.run<{ dataSubjectErasures: unknown[] }>(
      tokens.staff,
      `{ dataSubjectErasures(status: [ERASED]) { id subjectId subjectKind reason caseReference status decidedByRole } }`,
    );
    expect(list.dataSubjectErasures).toEqual([
      {
        id: erasureId,
        subjectId: zelda,
        subjectKind: 'STAFF_MEMBER',
        reason: 'DATA_SUBJECT_REQUEST',
        caseReference: 'AVG-2026-0007',
        status: 'ERASED',
        decidedByRole: 'STAFF',
      },
    ]);
  });

  it('leaves no trace in the API: her data reads [gewist], a colleague’s as before', async () => {
    const after = await pages(w);
    expect(found(after, ERASED)).toEqual([]);
    expect(after).toContain('[gewist]');
    expect(found(after, [AN.name, AN.note])).toEqual([AN.name, AN.note]);
    // The assessments that named her: [gewist] in her place, the rest of the sentence as before.
    for (const id of [requestId, otherRequestId]) {
      const [nl, en] = await staffTimeSentences(w, id);
      expect(nl).toMatch(/; \[gewist\] heeft er het meest vrij in 2026: \d+\.$/);
      expect(en).toMatch(/; \[gewist\] has the most free in 2026: \d+\.$/);
    }
  });

  it('leaves no trace in any column of any read-model table', async () => {
    const db = openReadModels(readModels(w.live.dataDir));
    try {
      expect(await findInReadModels(db, ERASED)).toEqual([]);
      expect((await findInReadModels(db, [AN.name])).length).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('leaves no trace in the bytes of the SQLite files, nor her key in the key store', async () => {
    const files = ['events.db', 'read-models.db', 'keys.db']
      .flatMap((f) => [f, `${f}-wal`])
      .map((f) => join(w.live.dataDir, f))
      .filter(existsSync);
    expect(files.length).toBeGreaterThanOrEqual(dialect === 'sqlite' ? 3 : 1);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(found(bytes.toString('latin1'), ERASED), file).toEqual([]);
      expect(bytes.includes(zeldaKey), `${file} holds her key`).toBe(false);
    }
    if (dialect === 'postgres') {
      const rows = await pgRows(database!, `select key, erased_at from subject_keys where subject_id = $1`, [zelda]);
      expect(rows.map((r) => [r.key, typeof r.erased_at])).toEqual([[null, 'string']]);
    }
  });

  it('leaves no trace in the logs of the whole test', () => {
    const text = logs.lines.join('\n');
    expect(text).toMatch(/Erasure: .* done/);
    expect(found(text, ERASED)).toEqual([]);
  });

  it('a rebuild of every read model from the log (pnpm projections:rebuild) still shows [gewist]', async () => {
    await w.close();
    const config = readModels(dataDir);
    const keys = config.dialect === 'postgres' ? { DATABASE_URL: config.url } : {};
    const store = await openEventStore(eventStoreConfigFromEnv(keys, dataDir));
    const db = openReadModels(config, { projector: true });
    try {
      const runner = new ProjectionRunner({ store, readModels: db, projections: allProjections });
      const before = (await runner.health()).map((h) => h.generation);
      await runner.rebuild();
      const after = await runner.health();
      expect(after.map((h) => h.generation)).toEqual(before.map((g) => g + 1));
      expect(after.every((h) => h.status === 'ACTIVE' && h.error === undefined)).toBe(true);
    } finally {
      await db.close();
      await store.close();
    }
    w = await World.start({ readModels, platform: { dataDir, logger: logs.logger, log: logs.log } }, false);
    const rebuilt = await pages(w);
    expect(found(rebuilt, ERASED)).toEqual([]);
    expect(rebuilt).toContain('[gewist]');
    expect(found(rebuilt, [AN.name, AN.note])).toEqual([AN.name, AN.note]);
  });
});

async function pgRows(database: TestDatabase, text: string, values: unknown[]): Promise<Record<string, unknown>[]> {
  const config = database.config;
  if (config.dialect !== 'postgres') throw new Error('not PostgreSQL');
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** The subject's key as the key store holds it (keys.db, or the read models' PostgreSQL). */
async function keyOf(
  w: World,
  dialect: string,
  database: TestDatabase | undefined,
  subjectId: string,
): Promise<Buffer> {
  if (dialect === 'postgres') {
    const [row] = await pgRows(database!, 'select key from subject_keys where subject_id = $1', [subjectId]);
    return row!.key as Buffer;
  }
  const keys = new Database(join(w.live.dataDir, 'keys.db'), { readonly: true });
  try {
    return (keys.prepare('select key from subject_keys where subject_id = ?').get(subjectId) as { key: Buffer }).key;
  } finally {
    keys.close();
  }
}
