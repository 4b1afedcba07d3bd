import { MemoryEventStore } from '@werkbezoek/eventstore';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { allProjections } from '../projections.js';
import { freshDatabase, type TestDatabase } from '../testing/dialects.js';
import { History } from '../testing/history.js';
import { CheckpointWatcher } from './checkpoints.js';
import { PROJECTOR_LOCK_KEY, PostgresProjectorLease, soleProjector } from './lease.js';
import { Projector, type ProjectorState } from './projector.js';
import { ProjectionRunner } from './runner.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function database(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const db = await freshDatabase(dialect);
  cleanup.push(() => db.drop());
  return db;
}

async function until(what: string, condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 20) {
    if (waited > ms) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A statement on this test's database through a session of its own. The server is shared with the other
 * test files, whose projectors hold leases too: statements name this database's sessions and locks only.
 */
async function asAdmin<R extends pg.QueryResultRow>(
  db: TestDatabase,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  if (db.config.dialect !== 'postgres') throw new Error('expected PostgreSQL');
  const admin = new pg.Client({ connectionString: db.config.url });
  await admin.connect();
  try {
    return (await admin.query<R>(text, values)).rows;
  } finally {
    await admin.end();
  }
}

function projector(store: MemoryEventStore, db: TestDatabase, log: string[] = []): Projector {
  const url = db.config.dialect === 'postgres' ? db.config.url : '';
  const p = new Projector({
    lease: url ? new PostgresProjectorLease({ url, heartbeatMs: 200 }) : soleProjector,
    createRunner: () => new ProjectionRunner({ store, readModels: db.readModels, projections: allProjections }),
    standbyRetryMs: 50,
    log: (m) => log.push(m),
  });
  cleanup.push(() => p.stop());
  return p;
}

describe('one active projector on PostgreSQL read models', () => {
  it('lets one projector hold the lease; the other stands by and takes over when the first stops', async () => {
    const db = await database('postgres');
    const store = new MemoryEventStore();
    await new History(store).basics();
    const first = projector(store, db);
    const second = projector(store, db);
    await first.start();
    await second.start();
    expect([first.state, second.state]).toEqual<ProjectorState[]>(['active', 'standby']);
    expect(first.runner).toBeDefined();
    expect(second.runner).toBeUndefined();

    await first.stop();
    expect(first.state).toBe('stopped');
    await until('the standby taking over', () => second.state === 'active');
    // It resumes from the checkpoints: new events reach the read models through it.
    const position = await new History(store).add('municipality-44021', 'MunicipalityRegistered', {
      nisCode: '44021',
      name: 'Gent',
      province: 'OOST_VLAANDEREN',
    });
    await second.runner!.waitFor(position, 5000);
  });

  it('has a standby say whose session holds the lease and since when, and how long it stood by', async () => {
    const db = await database('postgres');
    const store = new MemoryEventStore();
    await new History(store).basics();
    const firstLog: string[] = [];
    const secondLog: string[] = [];
    const first = projector(store, db, firstLog);
    const second = projector(store, db, secondLog);
    await first.start();
    await second.start();
    expect(second.state).toBe('standby');

    const rows = await asAdmin<{ pid: number }>(
      db,
      "select pid from pg_locks where locktype = 'advisory' and granted and objid = $1 and database = (select oid from pg_database where datname = current_database())",
      [PROJECTOR_LOCK_KEY],
    );
    const standingBy = secondLog.filter((m) => m.includes('standing by since'));
    // Once, though it tried again every 50 ms: the holder did not change.
    expect(standingBy).toHaveLength(1);
    expect(standingBy[0]).toMatch(
      new RegExp(
        `^Projector: standing by since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z: the projector lease is held by PostgreSQL session ${rows[0]!.pid} \\("werkbezoek-projector-lease", from 127\\.0\\.0\\.1:\\d+, connected since [\\d-]+T[\\d:.]+Z\\); trying again every 50 ms$`,
      ),
    );
    expect(firstLog).toContainEqual(expect.stringMatching(/^Projector: caught up in \d+ ms; following the log$/));

    await first.stop();
    await until('the standby taking over', () => second.state === 'active');
    expect(secondLog).toContainEqual(
      expect.stringMatching(
        /^Projector: active \(this process holds the projector lease\) after standing by for \d+\.\d s; catching up$/,
      ),
    );
  });

  it('gives the lease up when its database session is killed, and a standby takes over', async () => {
    const db = await database('postgres');
    const store = new MemoryEventStore();
    await new History(store).basics();
    const log: string[] = [];
    const first = projector(store, db, log);
    const second = projector(store, db);
    await first.start();
    await second.start();
    expect(first.state).toBe('active');

    await asAdmin(
      db,
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'werkbezoek-projector-lease' and datname = current_database() and pid in (select pid from pg_locks where locktype = 'advisory' and granted)",
    );
    await until('the first projector noticing', () => first.state === 'standby');
    expect(log.some((m) => m.includes('lost the projector lease'))).toBe(true);
    await until('one of them taking over', () => first.state === 'active' || second.state === 'active');
    expect([first.state, second.state].filter((s) => s === 'active')).toHaveLength(1);
  });
});

describe('one projector on SQLite read models', () => {
  it('is always active', async () => {
    const db = await database('sqlite');
    const store = new MemoryEventStore();
    await new History(store).basics();
    const only = projector(store, db);
    await only.start();
    expect(only.state).toBe('active');
  });
});

describe.each(['sqlite', 'postgres'] as const)('read your writes from the %s checkpoints', (dialect) => {
  it('resolves once a projector elsewhere has committed the position, and times out with the position reached', async () => {
    const db = await database(dialect);
    const store = new MemoryEventStore();
    const history = new History(store);
    await history.basics();
    const runner = new ProjectionRunner({ store, readModels: db.readModels, projections: allProjections });
    await runner.catchUp();
    const watcher = new CheckpointWatcher(db.readModels, 10);
    const head = await store.headPosition();
    expect(await watcher.position()).toBe(head);

    const next = await history.add('municipality-44021', 'MunicipalityRegistered', {
      nisCode: '44021',
      name: 'Gent',
      province: 'OOST_VLAANDEREN',
    });
    await expect(watcher.waitFor(next, 100)).rejects.toThrow(
      `The read models did not reach position ${next} within 100 ms (at ${head})`,
    );
    const waiting = watcher.waitFor(next, 5000);
    await runner.catchUp();
    await waiting;
  });
});
