import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../testing/builders.js';
import { childOutput } from '../testing/childOutput.js';
import { SqliteEventStore } from './sqliteEventStore.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-es-int-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writerScript = fileURLToPath(new URL('../testing/sqliteWriter.ts', import.meta.url));
const openerScript = fileURLToPath(new URL('../testing/sqliteOpener.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

interface Writer {
  child: ChildProcessWithoutNullStreams;
  /** The appends the writer has acknowledged so far: every complete line it printed. */
  acks(): { position: bigint; eventId: string }[];
  /** Its exit code, once it has ended and every ack it printed has been read. */
  exited: Promise<number | null>;
}

function startWriter(db: string, name: string, count: number, sharedEvery = 0): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', writerScript, db, name, String(count), String(sharedEvery)],
    { cwd: repoRoot },
  );
  const output = childOutput(child);
  // A line cut short by SIGKILL was never a whole ack.
  const acks = () =>
    output
      .stdout()
      .split('\n')
      .slice(0, -1)
      .map((line) => {
        const [, position, eventId] = line.split(' ');
        return { position: BigInt(position!), eventId: eventId! };
      });
  const exited = output.ended.then(({ code, stderr }) => {
    if (code !== 0 && code !== null) console.error(`writer ${name} failed:\n${stderr}`);
    return code;
  });
  return { child, acks, exited };
}

describe('SQLite event store across processes', () => {
  it('gives gapless, never-decreasing positions to readers while several processes write', async () => {
    const db = join(dir, 'multi.db');
    await new SqliteEventStore({ path: db }).close();
    const writers = ['a', 'b', 'c'].map((name) => startWriter(db, name, 200, 10));
    const reader = new SqliteEventStore({ path: db, readBatchSize: 50 });
    let last = 0n;
    let seen = 0;
    const running = Promise.all(writers.map((w) => w.exited));
    let finished = false;
    void running.then(() => (finished = true));
    while (!finished || seen < 600) {
      for await (const event of reader.readAll({ fromPosition: last })) {
        expect(event.position).toBe(last + 1n);
        last = event.position;
        seen++;
      }
      if (finished && seen < 600) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await running).toEqual([0, 0, 0]);
    expect(seen).toBe(600);

    const shared = await collect(reader.readStream('shared'));
    expect(shared.map((e) => e.revision)).toEqual(shared.map((_, i) => BigInt(i)));
    expect(shared).toHaveLength(3 * 20);
    const acked = new Set(writers.flatMap((w) => w.acks().map((a) => a.eventId)));
    expect(acked.size).toBe(600);
    await reader.close();
  }, 60_000);

  it('keeps every acknowledged append when the writer is killed with SIGKILL', async () => {
    const db = join(dir, 'crash.db');
    const writer = startWriter(db, 'victim', 1_000_000);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (writer.acks().length >= 300) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    writer.child.kill('SIGKILL');
    await writer.exited;
    const acked = writer.acks();
    expect(acked.length).toBeGreaterThanOrEqual(300);

    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const store = new SqliteEventStore({ path: db });
    const stored = new Map((await collect(store.readAll())).map((e) => [e.metadata.eventId, e.position]));
    for (const ack of acked) expect(stored.get(ack.eventId)).toBe(ack.position);
    expect(stored.size).toBeGreaterThanOrEqual(acked.length);
    await store.close();
  }, 60_000);

  it('lets two processes open the same new files at the same moment (a projector and its standby starting)', async () => {
    // The second to switch a new file to WAL got SQLITE_BUSY at once, in about a third of such starts.
    const opened = join(dir, 'opened');
    mkdirSync(opened);
    const count = 30;
    const openers = ['a', 'b'].map(() => {
      const child = spawn(process.execPath, ['--import', 'tsx', openerScript, opened, String(count), '100'], {
        cwd: repoRoot,
      });
      return { child, output: childOutput(child) };
    });
    for (const { child, output } of openers)
      while (!output.stdout().startsWith('ready\n')) {
        if (child.exitCode !== null) throw new Error(`an opener exited before it was ready:\n${output.stderr()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    const start = String(Date.now() + 200);
    for (const { child } of openers) child.stdin.end(start);
    const ends = await Promise.all(openers.map(({ output }) => output.ended));
    for (const end of ends) {
      expect(end.stderr).toBe('');
      const lines = end.stdout.trim().split('\n').slice(1);
      expect(lines.filter((line) => !line.startsWith('ok '))).toEqual([]);
      expect(lines).toHaveLength(count);
    }
  }, 60_000);
});
