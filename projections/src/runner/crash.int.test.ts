import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openReadModels, type ReadModelDb } from '../db/database.js';
import { allProjections } from '../projections.js';
import { History, id } from '../testing/history.js';
import { ProjectionRunner } from './runner.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = fileURLToPath(new URL('../testing/projectorProcess.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the projector child until it has committed `batches` batches, then kills it with SIGKILL. */
function projectorKilledAfter(events: string, readModels: string, batches: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, events, readModels, '37'], { cwd: root });
    let seen = 0;
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('at ')).length;
      // Kill a little after a commit, so the kill lands inside the next batch's work.
      if (seen >= batches && !child.killed) setTimeout(() => child.kill('SIGKILL'), 3);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`projector exited with ${code}: ${stderr}`));
    });
  });
}

async function dump(readModels: ReadModelDb, table: string, key: string): Promise<unknown[]> {
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.ref(key)}`.execute(
    readModels.db,
  );
  return result.rows;
}

describe('a projector killed with SIGKILL mid-batch', () => {
  it('resumes from its checkpoint with no effect lost or applied twice', async () => {
    const eventsPath = join(dir, 'events.db');
    const store = new SqliteEventStore({ path: eventsPath, synchronous: 'NORMAL' });
    const history = new History(store);
    await history.basics();
    // Amendments and assessments count up: an event applied twice would show.
    for (let i = 0; i < 150; i++) {
      const requestId = await history.submitted(`r${i}`, {
        startDate: '2026-06-01',
        endDate: `2026-06-${String(2 + (i % 20)).padStart(2, '0')}`,
      });
      for (let n = 0; n < 3; n++)
        await history.add(`request-${requestId}`, 'AccompanimentRequestAmended', {
          requestId,
          delegationSize: 2 + n + (i % 5),
        });
      if (i % 3 === 0)
        await history.add(`request-${requestId}`, 'AccompanimentRequestWithdrawn', { requestId, reason: 'Verplaatst' });
    }
    const head = await store.headPosition();
    await store.close();

    const crashed = join(dir, 'crashed.db');
    const kills: string[] = [];
    for (let round = 0; round < 20; round++) {
      const outcome = await projectorKilledAfter(eventsPath, crashed, 2 + (round % 3));
      kills.push(outcome);
      if (outcome === 'finished') break;
    }
    expect(kills.filter((k) => k === 'killed').length).toBeGreaterThanOrEqual(3);

    const reference = openReadModels({ dialect: 'sqlite', path: join(dir, 'reference.db') });
    const crashedModels = openReadModels({ dialect: 'sqlite', path: crashed });
    const readStore = new SqliteEventStore({ path: eventsPath });
    try {
      await new ProjectionRunner({ store: readStore, readModels: reference, projections: allProjections }).catchUp();
      const resumed = new ProjectionRunner({
        store: readStore,
        readModels: crashedModels,
        projections: allProjections,
      });
      await resumed.catchUp();
      expect((await resumed.health()).every((h) => h.position === head && !h.error)).toBe(true);
      const rows = await dump(crashedModels, 'requests', 'request_id');
      expect(rows).toHaveLength(150);
      expect(rows).toEqual(await dump(reference, 'requests', 'request_id'));
      expect(rows.find((r) => (r as { request_id: string }).request_id === id('r1'))).toMatchObject({
        amended_count: 3,
        status: 'SUBMITTED',
      });
    } finally {
      await Promise.all([reference.close(), crashedModels.close(), readStore.close()]);
    }
  }, 120_000);
});
