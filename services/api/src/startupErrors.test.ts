import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEventStore, SqliteEventStore } from '@werkbezoek/eventstore';
import { openReadModels } from '@werkbezoek/projections';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import {
  checkPortFree,
  checkSqliteFile,
  describeStartupError,
  prepareDataDir,
  redactUrl,
  StartupError,
} from './startupErrors.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settingsFor = (env: Record<string, string>) => loadConfig({ DATA_DIR: dir, ...env }, { stdoutIsTty: false });
const settings = settingsFor({});

/** What a call throws. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

/** The line for an error, checked to be one line without a stack. */
function line(error: unknown, config = settings): string {
  const text = describeStartupError(error, config);
  expect(text).not.toContain('\n');
  expect(text).not.toMatch(/\bat .*:\d+:\d+/);
  return text;
}

function listening(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = await listening();
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('prepareDataDir', () => {
  it('makes DATA_DIR and its missing parents', () => {
    const path = join(dir, 'a', 'b', 'data');
    prepareDataDir(path);
    expect(statSync(path).isDirectory()).toBe(true);
    prepareDataDir(path);
  });

  it('refuses a DATA_DIR that is a file, naming it', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const error = await thrown(() => prepareDataDir(file));
    expect(error).toBeInstanceOf(StartupError);
    expect(line(error)).toBe(
      `DATA_DIR ${file} is a file, not a folder: move the file away or set DATA_DIR to a folder`,
    );
  });

  it('refuses a DATA_DIR under a file, naming the file', async () => {
    const file = join(dir, 'another-file');
    writeFileSync(file, 'x');
    const error = await thrown(() => prepareDataDir(join(file, 'sub', 'data')));
    expect(line(error)).toBe(
      `DATA_DIR ${join(file, 'sub', 'data')} cannot be made: ${file} is a file, not a folder: set DATA_DIR to a path under a folder`,
    );
  });

  // procfs answers ENOENT for a folder it cannot hold, on which Node's recursive mkdir spins for ever.
  it.runIf(existsSync('/proc/self'))('reports a parent that takes no folders instead of hanging', async () => {
    const path = '/proc/self/werkbezoek/data';
    const error = await thrown(() => prepareDataDir(path));
    const config = settingsFor({ DATA_DIR: path });
    expect(line(error, config)).toMatch(
      /^DATA_DIR \/proc\/self\/werkbezoek\/data cannot be made: (\/proc\/self does not accept new folders \(ENOENT\)|no permission to create \/proc\/self\/werkbezoek \(E(ACCES|PERM)\))/,
    );
  });
});

describe('checkSqliteFile', () => {
  it('refuses a file that is not an SQLite database, by name', async () => {
    const path = join(dir, 'not-a-database.db');
    writeFileSync(path, 'these are not the bytes of an SQLite database');
    const error = await thrown(() => checkSqliteFile(path));
    expect(line(error)).toBe(
      `${path} is not an SQLite database: move it away (a new one is made) or set DATA_DIR to the folder of the right files`,
    );
  });

  it('passes a database, an empty file and a missing one (SQLite makes a new database of both)', async () => {
    const path = join(dir, 'events.db');
    const store = new SqliteEventStore({ path });
    await store.headPosition();
    await store.close();
    checkSqliteFile(path);
    writeFileSync(join(dir, 'empty.db'), '');
    checkSqliteFile(join(dir, 'empty.db'));
    checkSqliteFile(join(dir, 'missing.db'));
  });
});

describe('describeStartupError', () => {
  it('names the port in use and what to do', async () => {
    const server = await listening();
    const { port } = server.address() as { port: number };
    try {
      const error = await thrown(() => checkPortFree('127.0.0.1', port));
      expect(line(error, { ...settings, port })).toBe(
        `Port ${port} on 127.0.0.1 is in use by another process: stop it or set PORT to a free port`,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names a HOST that is not an address of this machine', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never assigned to a machine.
    const error = await thrown(() => checkPortFree('192.0.2.1', 4000));
    expect(line(error, { ...settings, host: '192.0.2.1' })).toMatch(
      /^HOST 192\.0\.2\.1 is not an address of this machine: set HOST to one of its addresses/,
    );
  });

  it("names SQLite's files when better-sqlite3 finds one is not a database", async () => {
    const folder = join(dir, 'garbage');
    mkdirSync(folder);
    writeFileSync(join(folder, 'events.db'), 'these are not the bytes of an SQLite database, not at all');
    const config = settingsFor({ DATA_DIR: folder });
    const error = await thrown(async () => {
      const store = new SqliteEventStore({ path: join(folder, 'events.db') });
      await store.headPosition();
    });
    expect(line(error, config)).toBe(
      `${folder}/events.db or ${folder}/read-models.db is not an SQLite database: move the file away (a new one is made) or set DATA_DIR to the folder of the right files`,
    );
  });

  it('names PostgreSQL (without its password) when DATABASE_URL cannot be reached', async () => {
    const port = await closedPort();
    const config = settingsFor({ DATABASE_URL: `postgres://werkbezoek:hunter2@127.0.0.1:${port}/werkbezoek` });
    const readModels = openReadModels(config.readModels);
    const error = await thrown(() => sql`select 1`.execute(readModels.db));
    await readModels.close();
    expect(line(error, config)).toBe(
      `PostgreSQL at postgres://werkbezoek:***@127.0.0.1:${port}/werkbezoek (DATABASE_URL) cannot be reached (ECONNREFUSED): start PostgreSQL or correct DATABASE_URL`,
    );
  });

  it('names EventStoreDB when EVENTSTORE_URL cannot be reached', async () => {
    const port = await closedPort();
    const config = settingsFor({ EVENTSTORE_URL: `esdb://127.0.0.1:${port}?tls=false` });
    const store = await openEventStore(config.eventStore);
    const error = await thrown(() => store.headPosition());
    await store.close();
    expect(line(error, config)).toBe(
      `EventStoreDB at esdb://127.0.0.1:${port} (EVENTSTORE_URL) cannot be reached (connect ECONNREFUSED 127.0.0.1:${port}): start it or correct EVENTSTORE_URL`,
    );
  });

  it('passes a configuration error through as it is', async () => {
    const error = await thrown(() => loadConfig({ PORT: '80a' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(describeStartupError(error)).toBe('PORT must be a whole number from 1 to 65535; got "80a"');
  });

  it('gives anything else its first line and the way to see the stack', () => {
    expect(line(new TypeError('Cannot read properties of undefined (reading "x")\n    at somewhere'))).toBe(
      'The start failed: Cannot read properties of undefined (reading "x"); run with LOG_LEVEL=debug for the stack',
    );
    expect(line(Object.assign(new Error('spawn EMFILE'), { code: 'EMFILE' }))).toBe(
      'The start failed: spawn EMFILE (EMFILE); run with LOG_LEVEL=debug for the stack',
    );
  });
});

describe('redactUrl', () => {
  it("hides a connection string's password and query", () => {
    expect(redactUrl('postgres://w:secret@db:5432/w?password=secret')).toBe('postgres://w:***@db:5432/w');
    expect(redactUrl('not a url')).toBe('(unparsable URL)');
  });
});
