/**
 * Catching up on threads: the platform's projections split over projector
 * threads, each with its own connections, build exactly the read models one
 * thread builds; the caller's runner then follows the log from where they
 * stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoHistory } from '@werkbezoek/demo';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { municipalityRegistered } from '@werkbezoek/eventstore/testing';
import { ProjectionRunner, allProjections } from '@werkbezoek/projections';
import { DIALECTS, freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonSearchIndex, snapshot } from '../src/readModelSnapshot.js';

let dir: string;
let eventsPath: string;
let store: SqliteEventStore;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'werkbezoek-threads-'));
  eventsPath = join(dir, 'events.db');
  store = new SqliteEventStore({ path: eventsPath, synchronous: 'NORMAL' });
  await generateDemoHistory({ store, seed: 3, scale: 1, countEventTypes: false });
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(DIALECTS)('catching up on threads, on %s', (dialect) => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
  });
  async function database(): Promise<TestDatabase> {
    const d = await freshDatabase(dialect);
    databases.push(d);
    return d;
  }

  it('builds the same read models as one thread, then follows the log on the caller’s thread', async () => {
    const single = await database();
    await new ProjectionRunner({ store, readModels: single.readModels, projections: allProjections }).catchUp();

    const threaded = await database();
    const logs: string[] = [];
    const positions: bigint[] = [];
    const runner = new ProjectionRunner({
      store,
      readModels: threaded.readModels,
      projections: allProjections,
      batchSize: 500,
      threads: {
        count: 2,
        eventStore: { kind: 'sqlite', path: eventsPath },
        readModels: threaded.config,
        minimumLag: 0,
      },
      log: (message) => logs.push(message),
      onProgress: (p) => positions.push(p.position),
    });
    await runner.catchUp();
    const head = await store.headPosition();
    expect(logs.find((l) => l.startsWith('Catching up'))).toMatch(/on 2 threads: .+ \| .+/);
    expect(logs.filter((l) => /^Thread for .+: caught up in [\d.]+ s$/.test(l))).toHaveLength(2);
    expect(positions.length).toBeGreaterThan(2);
    expect(positions.at(-1)).toBe(head);
    expect((await runner.health()).map((h) => [h.name, h.status, h.position, h.error])).toEqual(
      allProjections.map((p) => [p.name, 'ACTIVE', head, undefined]),
    );
    expect(await snapshot(threaded.readModels)).toEqual(await snapshot(single.readModels));
    expect(await lessonSearchIndex(threaded.readModels)).toEqual(await lessonSearchIndex(single.readModels));

    // The threads are gone; the caller's runner goes on from their checkpoints.
    const appended = await store.appendToStream('municipality-99999', [municipalityRegistered('99999', 'Nieuwdorp')]);
    expect(await runner.runOnce()).toBeGreaterThan(0);
    expect((await runner.health()).every((h) => h.position === appended.position && h.lag === 0n)).toBe(true);
    await new ProjectionRunner({ store, readModels: single.readModels, projections: allProjections }).catchUp();
    expect(await snapshot(threaded.readModels)).toEqual(await snapshot(single.readModels));
  }, 120_000);

  it('fails the catch-up with the thread’s error when a thread cannot start, and keeps every checkpoint', async () => {
    const target = await database();
    const runner = new ProjectionRunner({
      store,
      readModels: target.readModels,
      projections: allProjections,
      threads: {
        count: 2,
        eventStore: { kind: 'sqlite', path: join(dir, 'no-such-directory', 'events.db') },
        readModels: target.config,
        minimumLag: 0,
      },
    });
    await expect(runner.catchUp()).rejects.toThrow(/directory does not exist|unable to open/i);
    expect((await runner.health()).every((h) => h.position === 0n && !h.error)).toBe(true);
  }, 60_000);
});
