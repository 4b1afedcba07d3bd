import { afterEach, describe, expect, it } from 'vitest';
import { UpdateQueryNode, type Kysely, type KyselyPlugin } from 'kysely';
import type { ReadModelDb } from '../db/database.js';
import { allProjections } from '../projections.js';
import { requestsProjection } from '../requests/projection.js';
import { getRequestById } from '../requests/queries.js';
import type { RequestTable } from '../requests/table.js';
import { DIALECTS, freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { History, id } from '../testing/history.js';
import { defineProjection } from './projection.js';
import type { RegistryDb } from './registry.js';
import { COMBINED_BATCH_EVENTS, ProjectionRunner } from './runner.js';

/** A second projection of the same events with no tables: it only moves its checkpoint. */
const follower = defineProjection({ ...requestsProjection, name: 'requests_follower', tables: [], apply() {} });

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

/**
 * The read models with a count of the transactions opened and the checkpoint updates run through them: a
 * proxy that counts `transaction()`, over Kysely with a plugin that counts updates of projection_state.
 */
function counted(readModels: ReadModelDb): { readModels: ReadModelDb; transactions: number; checkpoints: number } {
  const counts = { readModels, transactions: 0, checkpoints: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (UpdateQueryNode.is(node) && JSON.stringify(node.table).includes('"projection_state"')) counts.checkpoints++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const db = readModels.db.withPlugin(plugin);
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'transaction')
        return () => {
          counts.transactions++;
          return target.transaction();
        };
      const value: unknown = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields: its methods must run on the instance itself.
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  counts.readModels = { ...readModels, db: proxy };
  return counts;
}

const positions = async (readModels: ReadModelDb) =>
  (
    await (readModels.db as Kysely<RegistryDb>)
      .selectFrom('projection_state')
      .select(['name', 'position', 'error_position'])
      .orderBy('name')
      .execute()
  ).map((r) => ({ name: r.name, position: BigInt(r.position), failedAt: r.error_position }));

describe.each(DIALECTS)('a live batch on %s', (dialect) => {
  it('commits every projection at the checkpoint in one transaction with one checkpoint update', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    await history.submitted('before');
    const count = counted(database.readModels);
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: count.readModels,
      projections: allProjections,
    });
    await runner.catchUp();
    expect(allProjections.length).toBeGreaterThanOrEqual(10);

    for (const name of ['live-1', 'live-2']) {
      await history.submitted(name);
      count.transactions = 0;
      count.checkpoints = 0;
      expect(await runner.runOnce()).toBe(1);
      expect({ transactions: count.transactions, checkpoints: count.checkpoints }).toEqual({
        transactions: 1,
        checkpoints: 1,
      });
    }
    const head = await history.store.headPosition();
    expect((await positions(database.readModels)).every((p) => p.position === head)).toBe(true);
    const db = database.readModels.db as Kysely<{ requests: RequestTable }>;
    expect(await getRequestById(db, id('live-2'))).toMatchObject({ status: 'SUBMITTED' });
  });

  it('commits a batch larger than COMBINED_BATCH_EVENTS (a catch-up) one projection at a time', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const requestId = await history.submitted('often-amended');
    for (let i = 0; i < COMBINED_BATCH_EVENTS + 20; i++)
      await history.add(`request-${requestId}`, 'AccompanimentRequestAmended', {
        requestId,
        delegationSize: 2 + (i % 5),
      });
    const count = counted(database.readModels);
    const options = { store: history.store, readModels: count.readModels, projections: [requestsProjection, follower] };
    const small = new ProjectionRunner({ ...options, batchSize: 10 });
    await small.migrate();
    count.transactions = 0;
    await small.runOnce();
    expect(count.transactions).toBe(1);
    const large = new ProjectionRunner({ ...options, batchSize: COMBINED_BATCH_EVENTS + 1 });
    count.transactions = 0;
    await large.runOnce();
    expect(count.transactions).toBe(2);
    await large.catchUp();
    const rows = await (database.readModels.db as Kysely<{ requests: RequestTable }>)
      .selectFrom('requests')
      .select('amended_count')
      .execute();
    expect(rows).toEqual([{ amended_count: COMBINED_BATCH_EVENTS + 20 }]);
  });

  it('stops a projection whose event fails in a combined batch at that event, and commits the others', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const bad = id('bad');
    const fragile = defineProjection({
      ...requestsProjection,
      name: 'fragile',
      tables: [],
      apply(e) {
        if (e.type === 'AccompanimentRequestSubmitted' && e.data.requestId === bad)
          throw new Error('cannot handle this request');
      },
    });
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection, fragile, follower],
    });
    await runner.catchUp();
    // One live batch: an event before the bad one, the bad one, one after.
    await history.submitted('ok');
    await history.submitted('bad');
    const badPosition = await history.store.headPosition();
    await history.submitted('after');
    const head = await history.store.headPosition();
    expect(await runner.runOnce()).toBe(3);
    expect(await positions(database.readModels)).toEqual([
      { name: 'fragile', position: badPosition - 1n, failedAt: String(badPosition) },
      { name: 'requests', position: head, failedAt: null },
      { name: 'requests_follower', position: head, failedAt: null },
    ]);
    const db = database.readModels.db as Kysely<{ requests: RequestTable }>;
    expect(await getRequestById(db, id('after'))).toMatchObject({ status: 'SUBMITTED' });
    // The stopped one stays out; the others go on together.
    await history.submitted('later');
    expect(await runner.runOnce()).toBe(1);
    expect((await runner.health()).map((h) => h.position)).toEqual([head + 1n, badPosition - 1n, head + 1n]);
  });

  it('rolls a combined batch back when another projector moved a checkpoint, and applies nothing twice', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    const requestId = await history.submitted('counted');
    const projections = [requestsProjection, follower];
    const logged: string[] = [];
    const first = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections,
      log: (m) => logged.push(m),
    });
    const second = new ProjectionRunner({ store: history.store, readModels: database.readModels, projections });
    await first.catchUp();
    await second.catchUp();
    // The second gets ahead with the next amendment; the first, still at the old checkpoint, tries the same batch.
    await history.add(`request-${requestId}`, 'AccompanimentRequestAmended', { requestId, delegationSize: 3 });
    expect(await second.runOnce()).toBe(1);
    await first.runOnce();
    expect(logged.filter((m) => /another projector moved it/.test(m))).toHaveLength(2);
    await history.add(`request-${requestId}`, 'AccompanimentRequestAmended', { requestId, delegationSize: 4 });
    expect(await first.runOnce()).toBe(1);
    const rows = await (database.readModels.db as Kysely<{ requests: RequestTable }>)
      .selectFrom('requests')
      .select(['amended_count', 'delegation_size'])
      .execute();
    expect(rows).toEqual([{ amended_count: 2, delegation_size: 4 }]);
    const head = await history.store.headPosition();
    expect((await first.health()).every((h) => h.position === head && !h.error)).toBe(true);
  });

  it('waits out an outage in a combined batch and commits it when the database is back, stopping no projection', async () => {
    database = await freshDatabase(dialect);
    const history = new History();
    await history.basics();
    let failures = 2;
    const logged: string[] = [];
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection, follower],
      log: (m) => logged.push(m),
      beforeCheckpoint: () => {
        if (failures-- > 0) throw new Error('connection reset');
      },
    });
    await runner.migrate();
    runner.start();
    try {
      await history.submitted('during-outage');
      await runner.waitFor(await history.store.headPosition(), 10_000);
      expect(logged.filter((m) => /connection reset; retrying/.test(m)).length).toBeGreaterThanOrEqual(1);
      expect(
        await getRequestById(database.readModels.db as Kysely<{ requests: RequestTable }>, id('during-outage')),
      ).toMatchObject({ status: 'SUBMITTED' });
      expect((await runner.health()).map((h) => h.error)).toEqual([undefined, undefined]);
    } finally {
      await runner.stop();
    }
  });
});

describe('a combined live batch on a read-only SQLite database', () => {
  it('waits until it is writable again and then commits every projection, stopping none', async () => {
    database = await freshDatabase('sqlite');
    const sqlite = database.readModels.sqlite!;
    const history = new History();
    await history.basics();
    const logged: string[] = [];
    const runner = new ProjectionRunner({
      store: history.store,
      readModels: database.readModels,
      projections: [requestsProjection, follower],
      log: (m) => logged.push(m),
    });
    await runner.catchUp();
    runner.start();
    try {
      sqlite.pragma('query_only = ON');
      await history.submitted('while-read-only');
      for (let i = 0; i < 200 && !logged.some((m) => /readonly database; retrying/.test(m)); i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(logged.some((m) => /readonly database; retrying/.test(m))).toBe(true);
      expect((await runner.health()).map((h) => ({ error: h.error, behind: h.lag > 0n }))).toEqual([
        { error: undefined, behind: true },
        { error: undefined, behind: true },
      ]);
      sqlite.pragma('query_only = OFF');
      await runner.waitFor(await history.store.headPosition(), 10_000);
      const db = database.readModels.db as Kysely<{ requests: RequestTable }>;
      expect(await getRequestById(db, id('while-read-only'))).toMatchObject({ status: 'SUBMITTED' });
      expect((await runner.health()).map((h) => ({ error: h.error, lag: h.lag }))).toEqual([
        { error: undefined, lag: 0n },
        { error: undefined, lag: 0n },
      ]);
    } finally {
      await runner.stop();
    }
  });
});
