import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetAllocated, uniqueStream } from '../testing/builders.js';
import { eventStoreContract } from '../testing/eventStoreContract.js';
import { SqliteEventStore } from './sqliteEventStore.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-es-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

eventStoreContract('SQLite', {
  open: async (catalogue, options) =>
    new SqliteEventStore({ path: join(dir, 'events.db'), catalogue, pollIntervalMs: 20, codec: options?.codec }),
  stored: {
    // The row as another connection reads it from the file.
    data: async (_, eventId) => {
      const db = new Database(join(dir, 'events.db'), { readonly: true });
      const row = db.prepare<[string], { data: string }>('SELECT data FROM events WHERE event_id = ?').get(eventId);
      db.close();
      return row!.data;
    },
    replace: async (_, eventId, data) => {
      const db = new Database(join(dir, 'events.db'));
      db.prepare('UPDATE events SET data = ? WHERE event_id = ?').run(JSON.stringify(data), eventId);
      db.close();
    },
  },
});

describe('SQLite appends cost the same on a long stream as on a short one', () => {
  it('run the same few statements, each an index search, never a scan of the stream', async () => {
    const path = join(dir, 'append-cost.db');
    let traced: string[] | undefined;
    const store = new SqliteEventStore({ path, trace: (sql) => traced?.push(sql) });
    const [long, short] = [uniqueStream('long'), uniqueStream('short')];
    for (let i = 0; i < 5; i++) {
      await store.appendToStream(
        long,
        Array.from({ length: 1000 }, (_, j) => budgetAllocated(i * 1000 + j)),
      );
    }
    await store.appendToStream(short, [budgetAllocated()]);
    const statementsOf = async (append: () => Promise<unknown>) => {
      traced = [];
      await append();
      const out = traced;
      traced = undefined;
      return out;
    };

    const retried = budgetAllocated(1);
    const appends = {
      long: await statementsOf(() => store.appendToStream(long, [retried], { expectedRevision: 4999n })),
      short: await statementsOf(() => store.appendToStream(short, [budgetAllocated()], { expectedRevision: 0n })),
      longAny: await statementsOf(() => store.appendToStream(long, [budgetAllocated()])),
      retry: await statementsOf(() => store.appendToStream(long, [retried], { expectedRevision: 4999n })),
    };
    // BEGIN, the event id lookup, the stream's last revision, the insert, COMMIT.
    expect(appends.long).toHaveLength(5);
    expect(appends.short).toHaveLength(5);
    expect(appends.longAny).toHaveLength(5);
    // A retry is recognised by its event ids alone: BEGIN, two lookups, COMMIT.
    expect(appends.retry).toHaveLength(4);

    const check = new Database(path, { readonly: true });
    const reads = Object.values(appends)
      .flat()
      .filter((sql) => /^\s*SELECT/i.test(sql));
    expect(reads.length).toBeGreaterThanOrEqual(7);
    for (const sql of reads) {
      const plan = (check.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join('; ');
      expect(plan, sql).toMatch(
        /^SEARCH events USING (COVERING )?INDEX \S+ \((event_id|stream_id)=\?( AND revision=\?)?\)$/,
      );
    }
    check.close();
    await store.close();
  });
});

describe('SQLite readAll in short statements', () => {
  it('reads the log 256 events a statement, so a reader can let other work run between them', async () => {
    const path = join(dir, 'read-all-batches.db');
    const traced: string[] = [];
    const store = new SqliteEventStore({ path, trace: (sql) => traced.push(sql) });
    const stream = uniqueStream('batches');
    for (let i = 0; i < 600; i += 100)
      await store.appendToStream(
        stream,
        Array.from({ length: 100 }, (_, j) => budgetAllocated(1000 + i + j)),
      );
    traced.length = 0;
    let read = 0;
    for await (const event of store.readAll()) {
      expect(event.revision).toBe(BigInt(read));
      read++;
    }
    expect(read).toBe(600);
    // 256 + 256 + 88: the short third batch is the end of the log.
    expect(traced.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(3);
    await store.close();
  });
});
