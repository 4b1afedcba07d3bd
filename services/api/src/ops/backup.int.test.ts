import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDemoHistory } from '@werkbezoek/demo';
import { openSqliteKeyStore, PersonalDataCodec, SqliteEventStore, type SubjectKeyStore } from '@werkbezoek/eventstore';
import { childOutput, collect, testMetadata } from '@werkbezoek/eventstore/testing';
import { allProjections, openReadModels, ProjectionRunner } from '@werkbezoek/projections';
import { uuidv7 } from '@werkbezoek/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup } from './backup.js';
import {
  EVENTS_FILE,
  KEYS_FILE,
  MANIFEST_FILE,
  READ_MODELS_FILE,
  sha256File,
  type BackupManifest,
} from './manifest.js';
import { dataFilesIn, restore } from './restore.js';
import { openSqlite } from './sqlite.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

let work: string;
/** A data directory with the demo history (personal data sealed with keys.db), projected, closed: each test starts from a copy. */
let template: string;
let templateHead: number;

/** The platform's event store on a data directory: personal data sealed with the keys of its keys.db. */
function openStore(dir: string): { store: SqliteEventStore; keys: SubjectKeyStore; close: () => Promise<void> } {
  const keys = openSqliteKeyStore({ path: join(dir, KEYS_FILE) });
  const store = new SqliteEventStore({ path: join(dir, EVENTS_FILE), codec: new PersonalDataCodec(keys) });
  return { store, keys, close: async () => (await store.close(), await keys.close()) };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'werkbezoek-ops-'));
  template = join(work, 'template');
  mkdirSync(template);
  const { store, close } = openStore(template);
  const summary = await generateDemoHistory({ store, seed: 1, scale: 1, countEventTypes: false });
  templateHead = summary.events;
  const readModels = openReadModels({ dialect: 'sqlite', path: join(template, READ_MODELS_FILE) }, { projector: true });
  await new ProjectionRunner({ store, readModels, projections: allProjections }).catchUp();
  await readModels.close();
  await close();
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

let dirs = 0;
function freshDir(): string {
  return join(work, `dir-${++dirs}`);
}

/** A data directory holding the template's files. */
function dataDir(): string {
  const dir = freshDir();
  mkdirSync(dir);
  for (const file of [EVENTS_FILE, READ_MODELS_FILE, KEYS_FILE]) copyFileSync(join(template, file), join(dir, file));
  return dir;
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(cli: 'backupCli.ts' | 'restoreCli.ts', args: readonly string[]): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', script(cli), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: '', EVENTSTORE_URL: '', DATABASE_URL: '' },
  });
  const { code, stdout, stderr } = await childOutput(child).ended;
  return { code, stdout, stderr };
}

/** The platform's event store on `dir` in another process: with `--project` its projector too, with `--write` appending. */
async function platformProcess(dir: string, ...flags: ('--project' | '--write')[]): Promise<{ stop(): Promise<void> }> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', script('./testing/platformProcess.ts'), dir, ...flags],
    { cwd: root },
  );
  const output = childOutput(child);
  // Judged on 'close' (output.ended), not 'exit': by then every line the process printed has been read.
  const said = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output.stdout().includes(`${line}\n`)) return;
        child.stdout.off('data', check);
        resolve();
      };
      child.stdout.on('data', check);
      check();
      output.ended.then(
        ({ code, signal, stderr }) =>
          reject(new Error(`The platform process exited (${code ?? signal}) before "${line}": ${stderr}`)),
        reject,
      );
    });
  await said('ready');
  return {
    stop: async () => {
      const stopped = said('stopped');
      child.kill('SIGTERM');
      await stopped;
    },
  };
}

/** Polls `condition` until it holds; the test's own timeout bounds the wait. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function query<T>(path: string, sql: string): T[] {
  const db = openSqlite(path, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const head = (dir: string) =>
  Number(query<{ head: number }>(join(dir, EVENTS_FILE), 'SELECT MAX(position) AS head FROM events')[0]!.head);

const checkpoints = (dir: string) =>
  query<{ name: string; position: string }>(
    join(dir, READ_MODELS_FILE),
    "SELECT name, position FROM projection_state WHERE status = 'ACTIVE' ORDER BY name",
  ).map((c) => ({ name: c.name, position: Number(c.position) }));

/** Every row of every table (or view) of a database file, each in a total order. */
function contents(path: string, type: 'table' | 'view'): Record<string, unknown[]> {
  const db = openSqlite(path, { readonly: true });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all(type) as string[];
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      const columns = (db.pragma(`table_info("${name}")`) as unknown[]).length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw().all();
    }
    return out;
  } finally {
    db.close();
  }
}

const events = (dir: string, upTo: number) =>
  query<unknown>(join(dir, EVENTS_FILE), `SELECT * FROM events WHERE position <= ${upTo} ORDER BY position`);

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;

describe('pnpm backup and pnpm restore', () => {
  it('restore gives back every table of both files as they were backed up', async () => {
    const source = dataDir();
    const to = freshDir();
    const made = await run('backupCli.ts', ['--data-dir', source, '--to', to]);
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toContain(`events      ${templateHead.toLocaleString('en-GB')}`);

    const manifest = manifestOf(to);
    expect(manifest.eventStore.head).toBe(String(templateHead));
    expect(manifest.checkpoints.map((c) => c.position)).toEqual(allProjections.map(() => String(templateHead)));
    for (const file of [EVENTS_FILE, READ_MODELS_FILE, KEYS_FILE] as const)
      expect(manifest.files[file]?.sha256).toBe(await sha256File(join(to, file)));
    expect(readdirSync(to).sort()).toEqual([EVENTS_FILE, KEYS_FILE, MANIFEST_FILE, READ_MODELS_FILE]);
    expect(manifest.keys?.subjects).toBeGreaterThan(100);
    expect(made.stdout).toContain(
      `keys        ${manifest.keys!.subjects.toLocaleString('en-GB')} data subjects, 0 erased`,
    );
    expect(statSync(join(to, KEYS_FILE)).mode & 0o777).toBe(0o600);

    const target = freshDir();
    const restored = await run('restoreCli.ts', ['--from', to, '--data-dir', target]);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toContain(`events      ${templateHead.toLocaleString('en-GB')}`);
    expect(restored.stdout).toContain('requests v');
    for (const file of [EVENTS_FILE, READ_MODELS_FILE, KEYS_FILE])
      expect(contents(join(target, file), 'table')).toEqual(contents(join(source, file), 'table'));
    expect(statSync(join(target, KEYS_FILE)).mode & 0o777).toBe(0o600);
    // The restored keys open the restored events' personal data.
    const opened = openStore(target);
    const staff = await collect(opened.store.readAll({ types: ['StaffMemberRegistered'] }));
    expect(staff.length).toBeGreaterThan(0);
    for (const e of staff) expect((e.data as { name: string }).name).not.toMatch(/^enc:v1:/);
    await opened.close();
  });

  it('a backup taken while events are appended and projected holds no checkpoint beyond its events; the restored platform catches up', async () => {
    const source = dataDir();
    // A writer in another process, and the projector live in this one: it runs between the copy's steps.
    const writer = await platformProcess(source, '--write');
    const opened = openStore(source);
    const store = opened.store;
    const projector = openReadModels({ dialect: 'sqlite', path: join(source, READ_MODELS_FILE) }, { projector: true });
    const runner = new ProjectionRunner({ store, readModels: projector, projections: allProjections, batchSize: 7 });
    // Commits before it returns its promise: better-sqlite3 is synchronous.
    const append = () => {
      const staffMemberId = uuidv7();
      return store.appendToStream(`staff-${staffMemberId}`, [
        {
          type: 'StaffMemberRegistered',
          data: { staffMemberId, name: 'Appended by the test' },
          metadata: testMetadata(),
        },
      ]);
    };
    const backupDir = freshDir();
    let backedUp: BackupManifest;
    const appended = { [READ_MODELS_FILE]: 0, [EVENTS_FILE]: 0, [KEYS_FILE]: 0 };
    try {
      await runner.catchUp();
      runner.start();
      await until(() => head(source) > templateHead + 100);
      await until(() => checkpoints(source).every((c) => c.position > templateHead + 50));
      const result = await backup({
        dataDir: source,
        to: backupDir,
        pagesPerStep: 8,
        // Appends between the copy's steps, which the projector applies between steps too.
        onProgress: ({ file }) => {
          void append();
          appended[file]++;
        },
      });
      backedUp = result.manifest;
    } finally {
      await runner.stop();
      await projector.close();
      await opened.close();
      await writer.stop();
    }
    expect(appended[READ_MODELS_FILE]).toBeGreaterThan(10);
    expect(appended[EVENTS_FILE]).toBeGreaterThan(10);

    // The rule: no read model claims an event the backup does not hold. The events appended while the read
    // models were copied are in the backup, not yet in its read models; those appended while the events were
    // copied are in neither.
    const backupHead = Number(backedUp.eventStore.head);
    for (const c of backedUp.checkpoints) expect(Number(c.position)).toBeLessThanOrEqual(backupHead);
    expect(backedUp.checkpoints.some((c) => Number(c.position) < backupHead)).toBe(true);
    expect(head(source)).toBeGreaterThanOrEqual(backupHead + appended[EVENTS_FILE]);

    const target = freshDir();
    const restored = await restore({ from: backupDir, dataDir: target });
    expect(restored.head).toBe(BigInt(backupHead));
    expect(events(target, backupHead + 1_000_000)).toEqual(events(source, backupHead));
    expect(restored.checkpoints).toEqual(backedUp.checkpoints);
    // Every event in the backup reads with the backup's keys, those of subjects first seen during the copy too
    // (each append above and in the writer names a new staff member): keys.db is copied after events.db.
    const reopened = openStore(target);
    const restoredStore = reopened.store;
    const names = (await collect(restoredStore.readAll({ types: ['StaffMemberRegistered'] }))).map(
      (e) => (e.data as { name: string }).name,
    );
    expect(names).toContain('Appended by the test');
    expect(names.filter((n) => n.startsWith('Writer ')).length).toBeGreaterThan(10);

    // Starting the platform on the restored directory: the projector goes on from the checkpoints…
    const restoredModels = openReadModels(
      { dialect: 'sqlite', path: join(target, READ_MODELS_FILE) },
      { projector: true },
    );
    const restarted = new ProjectionRunner({
      store: restoredStore,
      readModels: restoredModels,
      projections: allProjections,
    });
    await restarted.catchUp();
    for (const health of await restarted.health())
      expect(health).toMatchObject({ status: 'ACTIVE', position: BigInt(backupHead), error: undefined });
    // …to the same read models as projecting the restored events from scratch.
    const scratch = freshDir();
    mkdirSync(scratch);
    const rebuilt = openReadModels({ dialect: 'sqlite', path: join(scratch, READ_MODELS_FILE) }, { projector: true });
    await new ProjectionRunner({ store: restoredStore, readModels: rebuilt, projections: allProjections }).catchUp();
    await Promise.all([restoredModels.close(), rebuilt.close()]);
    await reopened.close();
    expect(contents(join(target, READ_MODELS_FILE), 'view')).toEqual(contents(join(scratch, READ_MODELS_FILE), 'view'));
  });

  it('backup: one line and exit code 1 for a missing data directory or a target that exists', async () => {
    const missing = await run('backupCli.ts', ['--data-dir', join(work, 'no-such-dir')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^The data directory .*no-such-dir does not exist: pass --data-dir \(or set DATA_DIR\)\n$/,
    );

    const target = freshDir();
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');
    const exists = await run('backupCli.ts', ['--data-dir', dataDir(), '--to', target]);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(/^The backup target .* exists already: a backup never overwrites\n$/);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });

  it('restore: refuses a running platform (even with --force) and a directory with data (without --force)', async () => {
    const from = freshDir();
    await backup({ dataDir: dataDir(), to: from });

    const busy = dataDir();
    const platform = await platformProcess(busy, '--project');
    try {
      const refused = await run('restoreCli.ts', ['--from', from, '--data-dir', busy, '--force']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /^The platform \(or another process\) has .*(events|read-models|keys)\.db open: stop it before restoring/,
      );
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(busy).filter((f) => f.startsWith('replaced-') || f.endsWith('.restoring'))).toEqual([]);
    } finally {
      await platform.stop();
    }

    // The same directory once the platform has stopped: it holds data, plus one event more than the backup.
    const { store, close } = openStore(busy);
    const staffMemberId = uuidv7();
    await store.appendToStream(`staff-${staffMemberId}`, [
      { type: 'StaffMemberRegistered', data: { staffMemberId, name: 'Only here' }, metadata: testMetadata() },
    ]);
    await close();
    const before = contents(join(busy, EVENTS_FILE), 'table');

    const holds = await run('restoreCli.ts', ['--from', from, '--data-dir', busy]);
    expect(holds.code).toBe(1);
    expect(holds.stderr).toMatch(
      /^.* holds data already \(read-models\.db, events\.db[^)]*\): pass --force to move it aside/,
    );
    expect(head(busy)).toBe(templateHead + 1);

    const forced = await run('restoreCli.ts', ['--from', from, '--data-dir', busy, '--force']);
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(head(busy)).toBe(templateHead);
    const [replaced] = readdirSync(busy).filter((f) => f.startsWith('replaced-'));
    expect(forced.stdout).toContain(`The data that was there is in ${join(busy, replaced!)}`);
    expect(readdirSync(join(busy, replaced!))).toEqual(
      expect.arrayContaining([EVENTS_FILE, READ_MODELS_FILE, KEYS_FILE]),
    );
    expect(dataFilesIn(busy)).toEqual([READ_MODELS_FILE, EVENTS_FILE, KEYS_FILE]);
    expect(contents(join(busy, replaced!, EVENTS_FILE), 'table')).toEqual(before);
  });

  it('restore: refuses a backup file that does not match its checksum, and changes nothing', async () => {
    const from = freshDir();
    await backup({ dataDir: dataDir(), to: from });
    const file = join(from, EVENTS_FILE);
    const bytes = readFileSync(file);
    // One bit, in the middle of the file.
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(file, bytes);

    const target = freshDir();
    const refused = await run('restoreCli.ts', ['--from', from, '--data-dir', target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^events\.db in .* does not match manifest\.json \(SHA-256 [0-9a-f]{12}…, expected [0-9a-f]{12}…\): the file is damaged or was changed; nothing was restored\n$/,
    );
    expect(existsSync(target)).toBe(false);
  });
});
