/**
 * A start that fails says so in one line: what is wrong, with which path,
 * port or variable, and what to do (issue 14). Node's own errors (a stack of
 * internals) mean little to an operator; the known ones are translated here,
 * anything else keeps its message and a hint for the stack.
 */
import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { ConfigError, type Config } from './config.js';

/** A start-up failure found by a check of ours; its message is the line to show. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** What the translation needs to know of the configuration. */
export type StartupSettings = Pick<Config, 'host' | 'port' | 'dataDir' | 'eventStore' | 'readModels'>;

interface SystemError extends Error {
  readonly code?: unknown;
  readonly syscall?: unknown;
  readonly path?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as SystemError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const firstLine = (text: string) => text.split('\n')[0]!.trim();

/** A connection string without its password (and without its query, which may hold one too). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

const dataDirHint = 'set DATA_DIR to a folder this user may write';

/**
 * Makes DATA_DIR (and its missing parents) one folder at a time. Node's
 * recursive mkdir spins forever, silently, where a parent exists but cannot
 * hold folders (under /proc, some network mounts): it takes that ENOENT for a
 * missing parent and retries. A plain mkdir reports it.
 */
export function prepareDataDir(dataDir: string): void {
  const missing: string[] = [];
  for (let path = resolve(dataDir); ; path = dirname(path)) {
    let info;
    try {
      info = statSync(path);
    } catch (error) {
      // ENOTDIR: a parent further up is a file; the walk finds it.
      if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR') throw error;
      if (codeOf(error) === 'ENOENT') missing.push(path);
      if (dirname(path) === path) break;
      continue;
    }
    if (!info.isDirectory()) {
      throw new StartupError(
        path === resolve(dataDir)
          ? `DATA_DIR ${dataDir} is a file, not a folder: move the file away or set DATA_DIR to a folder`
          : `DATA_DIR ${dataDir} cannot be made: ${path} is a file, not a folder: set DATA_DIR to a path under a folder`,
      );
    }
    break;
  }
  for (const path of missing.reverse()) mkdirSync(path);
  accessSync(dataDir, constants.W_OK);
}

const sqliteHeader = 'SQLite format 3\0';

/**
 * Refuses an existing, non-empty file that is not an SQLite database, by name:
 * better-sqlite3's "file is not a database" does not say which file it opened.
 */
export function checkSqliteFile(path: string): void {
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  try {
    const head = Buffer.alloc(sqliteHeader.length);
    const read = readSync(fd, head, 0, head.length, 0);
    if (read > 0 && head.toString('latin1', 0, read) !== sqliteHeader.slice(0, read))
      throw new StartupError(
        `${path} is not an SQLite database: move it away (a new one is made) or set DATA_DIR to the folder of the right files`,
      );
  } finally {
    closeSync(fd);
  }
}

/** Fails (EADDRINUSE and the like) when HOST:PORT cannot be listened on, before the long part of a start. */
export function checkPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolvePromise()));
  });
}

function listenError(code: string, error: SystemError, settings: StartupSettings): string | undefined {
  const port = typeof error.port === 'number' ? error.port : settings.port;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} on ${settings.host} is in use by another process: stop it or set PORT to a free port`;
    case 'EACCES':
      return `Port ${port} on ${settings.host} needs privileges this process does not have: set PORT to 1024 or above`;
    case 'EADDRNOTAVAIL':
      return `HOST ${settings.host} is not an address of this machine: set HOST to one of its addresses (127.0.0.1 for this machine only, 0.0.0.0 for every interface)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${settings.host} does not resolve to an address (${code}): set HOST to an IP address of this machine, such as 127.0.0.1 or 0.0.0.0`;
    default:
      return undefined;
  }
}

function fileError(code: string, error: SystemError, settings: StartupSettings): string | undefined {
  const path = typeof error.path === 'string' ? error.path : settings.dataDir;
  const where = `DATA_DIR ${settings.dataDir}`;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return error.syscall === 'mkdir'
        ? `${where} cannot be made: no permission to create ${path} (${code}): ${dataDirHint}`
        : `${where} is not writable by this user (${code} on ${path}): give the user access or ${dataDirHint}`;
    case 'EROFS':
      return `${where} is on a read-only file system (${path}): ${dataDirHint}`;
    case 'ENOSPC':
      return `${where} has no space left on its disk (${path}): free some space or set DATA_DIR to another disk`;
    case 'EEXIST':
      return `${where} is a file, not a folder (${path}): move the file away or set DATA_DIR to a folder`;
    case 'ENOTDIR':
      return `${where} cannot be made: a part of ${path} is a file, not a folder: set DATA_DIR to a path under a folder`;
    case 'ENOENT':
      return error.syscall === 'mkdir'
        ? `${where} cannot be made: ${dirname(path)} does not accept new folders (ENOENT): set DATA_DIR to a folder on a writable disk`
        : undefined;
    default:
      return undefined;
  }
}

function sqliteError(code: string, settings: StartupSettings): string | undefined {
  const files = [settings.eventStore, settings.readModels]
    .map((c) => ('path' in c ? c.path : undefined))
    .filter((p): p is string => p !== undefined)
    .join(' or ');
  switch (code) {
    case 'SQLITE_NOTADB':
      return `${files} is not an SQLite database: move the file away (a new one is made) or set DATA_DIR to the folder of the right files`;
    case 'SQLITE_CORRUPT':
      return `${files} is damaged (SQLITE_CORRUPT): restore it from a backup, or move it away to start anew`;
    case 'SQLITE_CANTOPEN':
      return `${files} cannot be opened (SQLITE_CANTOPEN): check that this user may read and write DATA_DIR ${settings.dataDir}`;
    case 'SQLITE_READONLY':
      return `${files} is read-only (SQLITE_READONLY): give this user write access, or ${dataDirHint}`;
    case 'SQLITE_FULL':
      return `${files} cannot grow: its disk is full (SQLITE_FULL): free some space`;
    default:
      return undefined;
  }
}

/** Connection failures of PostgreSQL (DATABASE_URL) and EventStoreDB (EVENTSTORE_URL). */
function connectionError(error: SystemError, settings: StartupSettings): string | undefined {
  const code = codeOf(error);
  const message = firstLine(error.message ?? '');
  if (settings.readModels.dialect === 'postgres') {
    const at = `PostgreSQL at ${redactUrl(settings.readModels.url)} (DATABASE_URL)`;
    if (code === '28P01' || code === '28000') return `${at} refused the credentials: ${message}: correct DATABASE_URL`;
    if (code === '3D000') return `${at} has no such database: ${message}: create it or correct DATABASE_URL`;
    const url = new URL(settings.readModels.url);
    const port = Number(url.port || 5432);
    if (
      (code === 'ECONNREFUSED' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') &&
      (error.port === port || error.port === undefined)
    )
      return `${at} cannot be reached (${code}): start PostgreSQL or correct DATABASE_URL`;
    if ((code === 'ENOTFOUND' || code === 'EAI_AGAIN') && message.includes(url.hostname))
      return `${at} cannot be reached: no host ${url.hostname} (${code}): correct DATABASE_URL`;
  }
  if (
    settings.eventStore.kind === 'eventstoredb' &&
    /\bUNAVAILABLE\b|DeadlineExceeded|UnavailableError/.test(`${error.name} ${message}`)
  )
    // The client's message ends in a resolution note; the cause is its "Last error".
    return `EventStoreDB at ${redactUrl(settings.eventStore.connectionString)} (EVENTSTORE_URL) cannot be reached (${/Last error: (?:Error: )?(.+?)\.(?:\s|$)/.exec(message)?.[1] ?? message}): start it or correct EVENTSTORE_URL`;
  return undefined;
}

/**
 * The one line that explains why the start failed. `settings` is absent when
 * the configuration itself failed.
 */
export function describeStartupError(error: unknown, settings?: StartupSettings): string {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  const system = error as SystemError;
  const code = codeOf(error);
  if (settings && code) {
    const known =
      (system.syscall === 'listen' || system.syscall === 'getaddrinfo'
        ? listenError(code, system, settings)
        : undefined) ??
      (typeof system.syscall === 'string' && typeof system.path === 'string'
        ? fileError(code, system, settings)
        : undefined) ??
      (code.startsWith('SQLITE_') ? sqliteError(code, settings) : undefined);
    if (known) return known;
  }
  if (settings && error instanceof Error) {
    const connection = connectionError(system, settings);
    if (connection) return connection;
  }
  const message = error instanceof Error ? firstLine(error.message) || error.name : firstLine(String(error));
  if (/Could not locate the bindings file/.test(message))
    return "better-sqlite3's native module is not built: run pnpm install (pnpm-workspace.yaml's onlyBuiltDependencies must allow its build)";
  return `The start failed: ${message}${code ? ` (${code})` : ''}; run with LOG_LEVEL=debug for the stack`;
}
