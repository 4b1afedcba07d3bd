/**
 * `pnpm start` as an operator meets it (issue 14): a start that cannot work
 * says why in one line on stderr, naming the port, path or variable, and
 * exits with 1; a running process stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A built web UI stand-in: the start then builds nothing.
const webDist = join(dir, 'web-dist');
mkdirSync(webDist);
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Werkbezoek</title>');

/** The environment without any of our settings the test run may carry (EVENTSTORE_URL, DATABASE_URL …). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env))
    if (
      /^(ROLE|HOST|PORT|DATA_DIR|EVENTSTORE_URL|DATABASE_URL|DEMO_DATA|AUTH_MODE|JWT_\w+|COMPILE_QUERIES|WEB_DIST|LOG_\w+|READ_YOUR_WRITES_TIMEOUT_MS|PROJECTOR_STANDBY_RETRY_MS)$/.test(
        name,
      )
    )
      delete env[name];
  return env;
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the API's entry point as `pnpm start` does; `until` may act on its output while it runs. */
function start(
  env: Record<string, string>,
  until?: (stdout: string, kill: (signal: NodeJS.Signals) => void) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'services/api/src/main.ts'], {
      cwd: root,
      env: {
        ...cleanEnv(),
        TSX_TSCONFIG_PATH: 'services/api/tsconfig.json',
        NODE_ENV: 'test',
        DEMO_DATA: 'off',
        LOG_FORMAT: 'json',
        WEB_DIST: webDist,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      until?.(stdout, (signal) => child.kill(signal));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listening(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listening();
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Exit code 1 and one line on stderr, without a stack: the line. */
function oneLine(run: Run): string {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  return lines[0]!;
}

describe('a start that cannot work', () => {
  it('names the port in use', async () => {
    const server = await listening();
    const { port } = server.address() as { port: number };
    try {
      const run = await start({ PORT: String(port), DATA_DIR: join(dir, 'port') });
      expect(oneLine(run)).toBe(
        `[werkbezoek] Port ${port} on 127.0.0.1 is in use by another process: stop it or set PORT to a free port`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names a DATA_DIR that is a file', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const run = await start({ PORT: String(await freePort()), DATA_DIR: file });
    expect(oneLine(run)).toBe(
      `[werkbezoek] DATA_DIR ${file} is a file, not a folder: move the file away or set DATA_DIR to a folder`,
    );
  });

  it('names an events.db that is not a database', async () => {
    const data = join(dir, 'garbage');
    mkdirSync(data);
    writeFileSync(join(data, 'events.db'), 'these are not the bytes of an SQLite database, not at all');
    const run = await start({ PORT: String(await freePort()), DATA_DIR: data });
    expect(oneLine(run)).toBe(
      `[werkbezoek] ${join(data, 'events.db')} is not an SQLite database: move it away (a new one is made) or set DATA_DIR to the folder of the right files`,
    );
  });

  // Before issue 14 this start said nothing at all: Node's recursive mkdir spins for ever where a parent takes no folders.
  it.runIf(existsSync('/proc/self'))('names a DATA_DIR under a path that takes no folders', async () => {
    const run = await start({ PORT: String(await freePort()), DATA_DIR: '/proc/self/werkbezoek/data' });
    expect(oneLine(run)).toMatch(/^\[werkbezoek\] DATA_DIR \/proc\/self\/werkbezoek\/data cannot be made: /);
  });

  it('names a setting with a wrong value', async () => {
    const run = await start({ PORT: '80a', DATA_DIR: join(dir, 'config') });
    expect(oneLine(run)).toBe('[werkbezoek] PORT must be a whole number from 1 to 65535; got "80a"');
    expect(existsSync(join(dir, 'config')), 'nothing is made before the settings are checked').toBe(false);
  });
});

describe('a running process', () => {
  it('logs one structured "started" line, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    let signalled = false;
    const run = await start({ PORT: String(port), DATA_DIR: join(dir, 'running') }, (stdout, kill) => {
      if (!signalled && stdout.split('\n').some((line) => line.includes('"msg":"started"'))) {
        signalled = true;
        kill('SIGTERM');
      }
    });
    expect(signalled, run.stdout + run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    const started = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.msg === 'started');
    expect(started).toMatchObject({ level: 'info', role: 'all', url: `http://127.0.0.1:${port}/graphql`, events: '0' });
    expect(run.stdout).toContain('SIGTERM: stopping');
  });
});
