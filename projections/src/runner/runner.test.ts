import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { requestsProjection } from '../requests/projection.js';
import { getRequestById } from '../requests/queries.js';
import { requests, type RequestTable } from '../requests/table.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { History, id } from '../testing/history.js';
import { defineProjection, defineTable } from './projection.js';
import { ProjectionRunner } from './runner.js';
import type { RegistryDb } from './registry.js';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe.each(DIALECTS)('the projection runner on %s', (dialect) => {
  it('builds read models from the log and serves them through views', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const requestId = await history.submitted('r1');
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
    });
    await runner.catchUp();
    const db = database.readModels.db as Kysely<{ requests: RequestTable }>;
    expect(await getRequestById(db, requestId)).toMatchObject({
      status: 'SUBMITTED',
      municipalityName: 'Zoersel',
      regionCode: 'BJ-ZO',
      partnerName: 'Bohicon',
      policyDomains: ['CIVIL_REGISTRATION'],
      assessment: null,
    });
    const [health] = await runner.health();
    expect(health).toMatchObject({ name: 'requests', status: 'ACTIVE', lag: 0n, error: undefined });
  });

  it('stops a projection at the event it cannot apply, keeps what came before, and lets the others go on', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    await history.submitted('ok');
    const bad = await history.submitted('bad');
    await history.submitted('after');
    const fragile = defineProjection({
      ...requestsProjection,
      name: 'fragile',
      tables: [],
      async apply(e) {
        if (e.type === 'AccompanimentRequestSubmitted' && e.data.requestId === bad)
          throw new Error('cannot handle this request');
      },
    });
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [fragile, requestsProjection],
    });
    await runner.catchUp();
    const health = await runner.health();
    const badPosition = 5n;
    expect(health[0]).toMatchObject({
      name: 'fragile',
      position: badPosition - 1n,
      error: {
        message: 'cannot handle this request',
        position: badPosition,
        eventType: 'AccompanimentRequestSubmitted',
      },
    });
    expect(health[1]).toMatchObject({ name: 'requests', position: 6n, error: undefined });
    const rows = await (database.readModels.db as Kysely<{ requests: RequestTable }>)
      .selectFrom('requests')
      .select('request_id')
      .execute();
    expect(rows).toHaveLength(3);
    // The error is durable: a new runner over the same database reports it too.
    const again = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [fragile],
    });
    expect((await again.health())[0]!.error).toMatchObject({ position: badPosition });
  });

  it('stops a projection whose writes the database refuses at the event that caused them', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    await history.submitted('fine');
    const bad = await history.submitted('bad', { notes: 'the null' });
    const strict = defineTable<{ request_id: string; note: string }>({
      name: 'strict_notes',
      key: ['request_id'],
      create: async (db, t) => {
        await db.schema
          .createTable(t)
          .addColumn('request_id', 'text', (c) => c.primaryKey())
          .addColumn('note', 'text', (c) => c.notNull())
          .execute();
      },
    });
    const writesNull = defineProjection({
      name: 'strict',
      version: 1,
      tables: [strict],
      handles: ['AccompanimentRequestSubmitted'],
      apply(e, uow) {
        if (e.type !== 'AccompanimentRequestSubmitted') return;
        uow.put(strict, { request_id: e.data.requestId, note: (e.data.notes === 'the null' ? null : 'ok') as string });
      },
    });
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [writesNull, requestsProjection],
    });
    await runner.catchUp();
    const [failed, fine] = await runner.health();
    expect(failed).toMatchObject({
      name: 'strict',
      position: 4n,
      error: { position: 5n, eventType: 'AccompanimentRequestSubmitted' },
    });
    expect(failed!.error!.message).toMatch(/null/i);
    expect(fine).toMatchObject({ name: 'requests', position: 5n, error: undefined });
    expect(bad).toBe(id('bad'));
  });

  it('rebuilds a new version beside the old one, which serves until the switch', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const first = await history.submitted('first');
    const v1 = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
    });
    await v1.catchUp();
    const db = database.readModels.db as Kysely<{ requests: RequestTable }>;

    const next = requestsProjection.version + 1;
    const upper = defineProjection({
      ...requestsProjection,
      version: next,
      async apply(e, uow) {
        await requestsProjection.apply(e, uow);
        if (e.type === 'AccompanimentRequestSubmitted')
          await uow.update(requests, { request_id: e.data.requestId }, () => ({ notes: 'v2' }));
      },
    });
    const v2 = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [upper],
      batchSize: 2,
    });
    await v2.migrate();
    expect((await v2.health())[0]).toMatchObject({ version: next, status: 'BUILDING', position: 0n });
    await v2.runOnce(); // two events in: still building, readers see v1
    expect((await getRequestById(db, first))?.notes).toBeNull();
    await v2.catchUp();
    expect((await v2.health())[0]).toMatchObject({ version: next, status: 'ACTIVE' });
    expect((await getRequestById(db, first))?.notes).toBe('v2');
    expect(id('first')).toBe(first);
  });

  it('goes on with a rebuild that a restart interrupted, and switches to it when done', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const first = await history.submitted('first');
    await history.submitted('second');
    const options = { store: history.store, readModels: database.readModels, projections: [requestsProjection] };
    await new ProjectionRunner(options).catchUp();
    let batches = 0;
    const crashing = new ProjectionRunner({
      ...options,
      batchSize: 2,
      beforeCheckpoint: () => {
        if (++batches > 1) throw new Error('killed');
      },
    });
    await expect(crashing.rebuild()).rejects.toThrow('killed');
    expect((await crashing.health())[0]).toMatchObject({ generation: 1, status: 'BUILDING', position: 2n });

    const restarted = new ProjectionRunner(options);
    expect((await restarted.health())[0]).toMatchObject({ generation: 1, status: 'BUILDING', position: 2n });
    await restarted.catchUp();
    expect((await restarted.health())[0]).toMatchObject({ generation: 1, status: 'ACTIVE', lag: 0n, error: undefined });
    const db = database.readModels.db as Kysely<{ requests: RequestTable }>;
    expect((await getRequestById(db, first))?.status).toBe('SUBMITTED');
    const states = await (database.readModels.db as Kysely<RegistryDb>)
      .selectFrom('projection_state')
      .select(['generation', 'status'])
      .orderBy('generation')
      .execute();
    expect(states).toEqual([
      { generation: 0, status: 'RETIRED' },
      { generation: 1, status: 'ACTIVE' },
    ]);
  });

  it('starts an interrupted rebuild again from scratch when told to (after an erasure)', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    await history.submitted('first');
    await history.submitted('second');
    const options = { store: history.store, readModels: database.readModels, projections: [requestsProjection] };
    await new ProjectionRunner(options).catchUp();
    let batches = 0;
    const crashing = new ProjectionRunner({
      ...options,
      batchSize: 2,
      beforeCheckpoint: () => {
        if (++batches > 1) throw new Error('killed');
      },
    });
    await expect(crashing.rebuild()).rejects.toThrow('killed');
    const restarted = new ProjectionRunner(options);
    await restarted.rebuild(['requests'], { restartBuilds: true });
    expect((await restarted.health())[0]).toMatchObject({ generation: 2, status: 'ACTIVE', lag: 0n });
    const states = await (database.readModels.db as Kysely<RegistryDb>)
      .selectFrom('projection_state')
      .select(['generation', 'status'])
      .orderBy('generation')
      .execute();
    expect(states).toEqual([
      { generation: 0, status: 'RETIRED' },
      { generation: 1, status: 'RETIRED' },
      { generation: 2, status: 'ACTIVE' },
    ]);
  });

  it('runs maintenance when it starts following the log, and after a batch with the events it waits for', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const runs: bigint[] = [];
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
      maintenance: {
        types: ['BudgetAllocated'],
        run: async (r) => {
          runs.push((await r.health())[0]!.position);
        },
      },
    });
    await runner.catchUp();
    runner.start();
    const waitForRuns = async (n: number) => {
      for (let i = 0; i < 100 && runs.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    };
    await waitForRuns(1);
    await history.submitted('first');
    const allocated = await history.add('budget-2026', 'BudgetAllocated', { year: 2026, amountEur: 1000 });
    await waitForRuns(2);
    await runner.stop();
    // Once at the start; then after the batch that held the allocation (no projection handles it), not before.
    expect(runs).toEqual([3n, allocated]);
  });

  it('keeps following the log live through an outage of the read-model database', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    let failures = 1;
    const logged: string[] = [];
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
      log: (m) => logged.push(m),
      beforeCheckpoint: () => {
        if (failures-- > 0) throw new Error('connection reset');
      },
    });
    runner.start();
    try {
      await history.submitted('during-outage');
      await runner.waitFor(await history.store.headPosition(), 10_000);
      expect(
        await getRequestById(database.readModels.db as Kysely<{ requests: RequestTable }>, id('during-outage')),
      ).toBeDefined();
      expect(logged.some((m) => /connection reset; retrying/.test(m))).toBe(true);
      expect((await runner.health())[0]!.error).toBeUndefined();
    } finally {
      await runner.stop();
    }
  });

  it('lets a writer wait until the read models reach its position', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
    });
    runner.start();
    try {
      await history.submitted('live');
      const position = await history.store.headPosition();
      await runner.waitFor(position, 5000);
      expect(
        await getRequestById(database.readModels.db as Kysely<{ requests: RequestTable }>, id('live')),
      ).toBeDefined();
      await expect(runner.waitFor(position + 100n, 50)).rejects.toThrow(/did not reach position/);
    } finally {
      await runner.stop();
    }
  });
});

// SQLite's own limits stand in for a full disk and a read-only file: PRAGMA max_page_count and
// query_only act on the connection the runner writes through (PostgreSQL has no per-connection equivalent).
describe('the projection runner on a full or read-only SQLite database', () => {
  it.each([
    ['a full disk', 'max_page_count', /database or disk is full; retrying/],
    ['a read-only database', 'query_only', /readonly database; retrying/],
  ] as const)('waits out %s and goes on when it is writable again, stopping no projection', async (_, pragma, says) => {
    database = await freshDatabase('sqlite');
    const sqlite = database.readModels.sqlite!;
    const history = new History();
    await history.basics();
    const logged: string[] = [];
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
      log: (m) => logged.push(m),
    });
    runner.start();
    try {
      await runner.waitFor(await history.store.headPosition(), 10_000);
      if (pragma === 'max_page_count')
        sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
      else sqlite.pragma('query_only = ON');
      // A write that fits in the pages the database has still succeeds, as on a real disk: write until one does not.
      let n = 0;
      while (!logged.some((m) => says.test(m))) {
        if (++n > 500) throw new Error(`The runner never met the fault: ${logged.join('\n')}`);
        await history.submitted(`while-faulty-${n}`, { notes: 'Een toelichting die de pagina vult. '.repeat(20) });
        await new Promise((r) => setTimeout(r, 5));
      }
      const [during] = await runner.health();
      expect(during!.error).toBeUndefined();
      expect(during!.lag).toBeGreaterThan(0n);

      sqlite.pragma('max_page_count = 1073741823');
      sqlite.pragma('query_only = OFF');
      await runner.waitFor(await history.store.headPosition(), 10_000);
      const db = database.readModels.db as Kysely<{ requests: RequestTable }>;
      for (let i = 1; i <= n; i++) expect(await getRequestById(db, id(`while-faulty-${i}`))).toBeDefined();
      expect((await runner.health())[0]).toMatchObject({ error: undefined, lag: 0n });
    } finally {
      await runner.stop();
    }
  });
});

describe('the projection runner beside other work on its thread', () => {
  /** Counts the turns other work gets (setImmediate callbacks) while `work` runs. */
  async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
    let turns = 0;
    let working = true;
    const other = (async () => {
      while (working) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
    })();
    const before = turns;
    await work();
    working = false;
    await other;
    return turns - before;
  }

  async function history200() {
    const history = new History();
    await history.basics();
    for (let i = 0; i < 200; i++) await history.submitted(`r${i}`);
    return history;
  }

  it('lets other work run between slices of one batch (SQLite is synchronous: a batch would hold the thread)', async () => {
    database = await freshDatabase('sqlite');
    const history = await history200();
    const slicing = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
      sliceMs: 0,
    });
    // One batch of every event: at most one turn comes from the end of the batch, the rest from its slices.
    expect(await turnsDuring(() => slicing.runOnce())).toBeGreaterThanOrEqual(2);
    const db = database.readModels.db as Kysely<{ requests: RequestTable }>;
    expect(await getRequestById(db, id('r199'))).toMatchObject({ status: 'SUBMITTED' });
  });

  it('holds the thread for a whole batch when its slice is longer than the batch (what the slices prevent)', async () => {
    database = await freshDatabase('sqlite');
    const history = await history200();
    const whole = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection],
      sliceMs: 60_000,
    });
    expect(await turnsDuring(() => whole.runOnce())).toBeLessThanOrEqual(1);
  });
});
