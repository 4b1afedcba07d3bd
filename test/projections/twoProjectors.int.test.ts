import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoHistory } from '@werkbezoek/demo';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { ProjectionRunner, allProjections, type ProjectionStateTable } from '@werkbezoek/projections';
import { DIALECTS, childOutput, freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonSearchIndex, snapshot } from '../src/readModelSnapshot.js';

/*
 * Issue 14: two projectors on one read-model database (two `pnpm start` processes on one DATA_DIR, or a
 * projector that lost its lock without noticing) must not apply an event twice. Each moves a checkpoint
 * only from where its batch started; the loser of a race rolls back, forgets its cached rows and goes on
 * from the checkpoint it finds. Two follower processes project the demo history while it is written
 * through the real command handlers (decisions, staff bookings, budget reservations, lessons: the
 * counters), and the read models must then equal a rebuild from scratch.
 */

const script = fileURLToPath(new URL('../../projections/src/testing/followingProjector.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

interface Follower {
  readonly child: ChildProcessWithoutNullStreams;
  readonly ready: Promise<void>;
  readonly stopped: Promise<{ moved: number }>;
}

function follower(events: string, target: string, batchSize: number): Follower {
  const child = spawn(process.execPath, ['--import', 'tsx', script, events, target, String(batchSize)], { cwd: root });
  const output = childOutput(child);
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', () => {
    if (output.stdout().includes('ready\n')) markReady();
  });
  // Judged once its output is read to the end: it prints "stopped" just before it exits.
  const stopped = output.ended.then(({ code, signal, stdout, stderr }) => {
    if (code !== 0 || !stdout.includes('stopped\n'))
      throw new Error(`follower exited with ${code ?? signal} without saying "stopped": ${stderr}`);
    return { moved: stdout.split('\n').filter((l) => l === 'moved').length };
  });
  return { child, ready: Promise.race([ready, stopped.then(() => undefined)]), stopped };
}

const opened: { close(): Promise<void> }[] = [];
const dirs: string[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
  await Promise.all(databases.splice(0).map((d) => d.drop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each(DIALECTS)('two projectors following one log into one %s database', (dialect) => {
  it('apply every event once: the read models equal a rebuild from scratch', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-two-'));
    dirs.push(dir);
    const eventsPath = join(dir, 'events.db');
    const shared = await freshDatabase(dialect);
    databases.push(shared);
    const target = shared.config.dialect === 'sqlite' ? shared.config.path : shared.config.url;

    const followers = [follower(eventsPath, target, 7), follower(eventsPath, target, 11)];
    await Promise.all(followers.map((f) => f.ready));

    const store = new SqliteEventStore({ path: eventsPath });
    opened.push(store);
    const summary = await generateDemoHistory({
      store,
      seed: 3,
      scale: 1,
      today: '2026-11-27',
      countEventTypes: false,
    });
    expect(summary.lessons.recorded).toBeGreaterThan(0);
    const head = await store.headPosition();

    // Both follow until every checkpoint is at the head.
    const registry = shared.readModels.db as Kysely<{ projection_state: ProjectionStateTable }>;
    for (let waited = 0; ; waited += 100) {
      const rows = await registry.selectFrom('projection_state').selectAll().where('status', '=', 'ACTIVE').execute();
      expect(rows.filter((r) => r.error)).toEqual([]);
      if (rows.length === allProjections.length && rows.every((r) => BigInt(r.position) === head)) break;
      if (waited > 120_000) throw new Error(`the followers did not reach ${head}: ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    for (const f of followers) f.child.kill('SIGTERM');
    const moved = (await Promise.all(followers.map((f) => f.stopped))).reduce((n, s) => n + s.moved, 0);
    // The race this test is about happened: one projector found a checkpoint the other had moved.
    expect(moved).toBeGreaterThan(0);

    const reference = await freshDatabase(dialect);
    databases.push(reference);
    await new ProjectionRunner({ store, readModels: reference.readModels, projections: allProjections }).catchUp();
    expect(await snapshot(shared.readModels)).toEqual(await snapshot(reference.readModels));
    expect(await lessonSearchIndex(shared.readModels)).toEqual(await lessonSearchIndex(reference.readModels));
  });
});
