import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../sqlite/sqliteEventStore.js';
import { budgetAllocated, uniqueStream } from '../testing/builders.js';
import { childOutput } from '../testing/childOutput.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-migrate-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const source = join(dir, 'source.db');
const streams = [uniqueStream('a'), uniqueStream('b'), uniqueStream('c')];

async function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root });
  const { code, stdout, stderr } = await childOutput(child).ended;
  return { code, stdout, stderr };
}

const lines = (text: string) => text.trimEnd().split('\n');

beforeAll(async () => {
  const store = new SqliteEventStore({ path: source });
  for (let i = 0; i < 10; i++) {
    for (const streamId of streams) {
      await store.appendToStream(streamId, [budgetAllocated(i)], {
        expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1),
      });
    }
  }
  await store.close();
});

describe('pnpm migrate:eventstore', () => {
  it.each([
    [[], '--from is required: the SQLite event store file to copy'],
    [['--from', source], '--to is required: an EventStoreDB URL (esdb://…) or a SQLite file'],
    [['--from', join(dir, 'nothing.db'), '--to', join(dir, 'x.db')], `--from ${join(dir, 'nothing.db')}: no such file`],
    [['--from', source, '--to', source], '--from and --to are the same file'],
    [
      ['--from', source, '--to', 'http://localhost:2113'],
      '--to http://localhost:2113: an EventStoreDB URL starts with esdb:// or esdb+discover://',
    ],
    [['--from', source, '--to', join(dir, 'x.db'), '--fast'], 'unknown argument "--fast"'],
    [['--from', source, '--to'], '--to needs a value'],
  ])('refuses %j with one line saying what is wrong, the usage, and exit code 2', async (args, problem) => {
    const { code, stdout, stderr } = await run(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([
      `migrate:eventstore: ${problem}`,
      'usage: pnpm migrate:eventstore --from <sqlite file> --to <esdb://… URL or sqlite file>',
    ]);
  });

  it('copies a store, compares the counts, copies nothing on a rerun, and exits 1 with one line when the target differs', async () => {
    const target = join(dir, 'target.db');
    const first = await run('--from', source, '--to', target);
    expect(first.code).toBe(0);
    expect(lines(first.stdout)).toEqual([
      'Copied 30 events; 0 were in the target already.',
      'Source: 30 events in 3 streams; target: 30 events in those streams.',
      'Every stream is at the same revision in both (3 compared).',
    ]);
    // The progress bar's closing line, on stderr.
    expect(lines(first.stderr).at(-1)).toMatch(
      /^Copying .*source\.db to .*target\.db █+ 100\.0% 30\/30 events · [\d,]+ events\/s · ETA /,
    );

    const again = await run('--from', source, '--to', target);
    expect(again.code).toBe(0);
    expect(lines(again.stdout)[0]).toBe('Copied 0 events; 30 were in the target already.');

    const store = new SqliteEventStore({ path: target });
    await store.appendToStream(streams[1]!, [budgetAllocated(99)], { expectedRevision: 9n });
    await store.close();
    const differs = await run('--from', source, '--to', target);
    expect(differs.code).toBe(1);
    expect(lines(differs.stdout)[1]).toBe('Source: 30 events in 3 streams; target: 31 events in those streams.');
    expect(lines(differs.stderr).at(-1)).toBe(
      `migrate:eventstore: The target differs from the source: 1 of 3 streams are at another revision ` +
        `(e.g. "${streams[1]}" is at revision 10 in the target, at revision 9 in the source); 31 of 30 events`,
    );
  }, 60_000);

  it('exits 1 with one line when EventStoreDB cannot be reached', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const { code, stdout, stderr } = await run(
      '--from',
      source,
      '--to',
      `esdb://admin:secret@127.0.0.1:${port}?tls=false`,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr).at(-1)).toMatch(/^migrate:eventstore: .*(UNAVAILABLE|ECONNREFUSED)/);
    expect(stderr).not.toContain('secret');
  }, 60_000);
});
