import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  EVENTS_FILE,
  KEYS_FILE,
  MANIFEST_FILE,
  OperationError,
  READ_MODELS_FILE,
  checkpointsAhead,
  describeCheckpoint,
  readCheckpoints,
  readHead,
  readKeyCounts,
  readLayoutVersion,
  sha256File,
  type BackupManifest,
  type Checkpoint,
  type DataFile,
  type FileEntry,
  type KeyCounts,
} from './manifest.js';
import { isSqliteCode, openSqlite, type SqliteDb } from './sqlite.js';

export interface BackupProgress {
  readonly file: DataFile;
  readonly copiedBytes: number;
  readonly totalBytes: number;
}

export interface BackupOptions {
  /** The platform's DATA_DIR. */
  readonly dataDir: string;
  /** A directory that must not exist yet. */
  readonly to: string;
  readonly onProgress?: (progress: BackupProgress) => void;
  /**
   * Pages copied per step; the event loop runs between steps. The copy reads a snapshot held open for the
   * whole backup, so writers never make it start over and large steps are safe.
   */
  readonly pagesPerStep?: number;
  readonly now?: () => Date;
}

export interface BackupResult {
  readonly to: string;
  readonly manifest: BackupManifest;
}

/**
 * Where `pnpm backup` writes by default: `backups/<time>/` beside the data
 * directory, the time in ISO 8601 with `-` for `:` (which Windows and many
 * copy tools refuse in file names).
 */
export function defaultBackupDir(dataDir: string, now: Date): string {
  return join(dirname(resolve(dataDir)), 'backups', now.toISOString().replace(/:/g, '-'));
}

/** The tool and its version, for the manifest. */
export function toolVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: `${pkg.name} backup`, version: pkg.version };
}

interface Source {
  readonly file: DataFile;
  readonly db: SqliteDb;
}

/**
 * Backs up the embedded default's SQLite files while the platform may be
 * running, with SQLite's online backup, into `to`, and writes `manifest.json`.
 *
 * Consistency. Each copy is one snapshot: a read transaction is opened on the
 * source before its copy starts and held until it ends, so the backup copies
 * that snapshot page by page while writers go on appending to the WAL (which
 * they may in WAL mode). Without it SQLite restarts a copy whenever another
 * connection writes, and under a busy writer it never finishes.
 *
 * Between the files: the read models are copied first, the events second, so
 * the events' snapshot is taken after the read models'. A checkpoint at
 * position p means the projector had read event p, so p was committed before
 * the read models' snapshot; events are only ever appended, so the events'
 * later snapshot holds p. Hence no checkpoint in the backup is beyond the
 * backup's head: a restored platform catches its read models up from their
 * checkpoints to the head. The other order would capture the checkpoints of
 * events appended while the events were being copied, and the read models
 * would claim events the store does not have. (Holding one read transaction
 * on both files from the start would also do, if taken in this order; it
 * would only make the events older.) `verify` checks the rule on the copies.
 *
 * The keys of personal data (keys.db) come last, from a snapshot taken after
 * the events': a key is committed before the first event sealed with it, so
 * every key an event in the backup needs is in the backup. The other order
 * would miss the keys of subjects first seen while the events were copied,
 * and their events would not read. A subject erased after the events'
 * snapshot is erased in the backup too. The copy of keys.db, like the file,
 * is its owner's alone (mode 0600).
 */
export async function backup(options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const dataDir = resolve(options.dataDir);
  const to = resolve(options.to);
  if (!existsSync(dataDir))
    throw new OperationError(`The data directory ${dataDir} does not exist: pass --data-dir (or set DATA_DIR)`);
  if (!existsSync(join(dataDir, EVENTS_FILE)))
    throw new OperationError(`${dataDir} holds no ${EVENTS_FILE}: there is nothing to back up (is --data-dir right?)`);
  if (existsSync(to)) throw new OperationError(`The backup target ${to} exists already: a backup never overwrites`);

  mkdirSync(dirname(to), { recursive: true });
  try {
    mkdirSync(to);
  } catch (error) {
    throw failure(error, `creating ${to}`);
  }

  const sources: Source[] = [];
  try {
    // Read models first, then events: see above. Each BEGIN takes its snapshot at its first read.
    let checkpoints: Checkpoint[] = [];
    if (existsSync(join(dataDir, READ_MODELS_FILE))) {
      const db = openSqlite(join(dataDir, READ_MODELS_FILE));
      sources.push({ file: READ_MODELS_FILE, db });
      db.exec('BEGIN');
      checkpoints = readCheckpoints(db);
      await copy({ file: READ_MODELS_FILE, db }, join(to, READ_MODELS_FILE), options);
      db.exec('COMMIT');
    }
    const events = openSqlite(join(dataDir, EVENTS_FILE));
    sources.push({ file: EVENTS_FILE, db: events });
    events.exec('BEGIN');
    const head = readHead(events);
    const layoutVersion = readLayoutVersion(events);
    const sqliteVersion = (events.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    await copy({ file: EVENTS_FILE, db: events }, join(to, EVENTS_FILE), options);
    events.exec('COMMIT');

    let keyCounts: KeyCounts | undefined;
    if (existsSync(join(dataDir, KEYS_FILE))) {
      const keys = openSqlite(join(dataDir, KEYS_FILE));
      sources.push({ file: KEYS_FILE, db: keys });
      keys.exec('BEGIN');
      keyCounts = readKeyCounts(keys);
      createPrivately(join(to, KEYS_FILE));
      await copy({ file: KEYS_FILE, db: keys }, join(to, KEYS_FILE), options);
      keys.exec('COMMIT');
    }

    verify(to, sources, head, checkpoints, keyCounts);
    const files: Partial<Record<DataFile, FileEntry>> = {};
    for (const { file } of sources) {
      const path = join(to, file);
      files[file] = { bytes: statSync(path).size, sha256: await sha256File(path) };
    }
    const manifest: BackupManifest = {
      format: 1,
      tool: toolVersion(),
      createdAt: started.toISOString(),
      source: dataDir,
      sqliteVersion,
      durationMs: now().getTime() - started.getTime(),
      eventStore: { head: String(head), layoutVersion },
      checkpoints,
      ...(keyCounts ? { keys: keyCounts } : {}),
      files,
    };
    writeDurably(join(to, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return { to, manifest };
  } catch (error) {
    // Half a backup is worse than none: it looks like one. The target was new, so it goes.
    rmSync(to, { recursive: true, force: true });
    throw failure(error, `backing up ${dataDir} to ${to}`);
  } finally {
    for (const { db } of sources) if (db.open) db.close();
  }
}

async function copy(source: Source, target: string, options: BackupOptions): Promise<void> {
  const pageSize = source.db.pragma('page_size', { simple: true }) as number;
  const pagesPerStep = options.pagesPerStep ?? 4096;
  let totalBytes = 0;
  await source.db.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      totalBytes = totalPages * pageSize;
      options.onProgress?.({ file: source.file, copiedBytes: (totalPages - remainingPages) * pageSize, totalBytes });
      return pagesPerStep;
    },
  });
  options.onProgress?.({ file: source.file, copiedBytes: totalBytes, totalBytes });
  // The copy carries the source's WAL flag; as a rollback-journal file it is complete on its own, with no -wal
  // or -shm beside it, and reading it (verifying, restoring) does not write. The platform turns WAL on again.
  const copy = openSqlite(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** An empty file only its owner may read, which SQLite's backup then fills (it keeps the mode). */
function createPrivately(path: string): void {
  closeSync(openSync(path, 'wx', 0o600));
}

/** Checks the copies: SQLite's integrity check, the same head, checkpoints and keys as read, none ahead of the head. */
function verify(
  to: string,
  sources: readonly Source[],
  head: bigint,
  checkpoints: readonly Checkpoint[],
  keys: KeyCounts | undefined,
): void {
  for (const { file } of sources) {
    const db = openSqlite(join(to, file), { readonly: true });
    try {
      const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      if (problems.join() !== 'ok')
        throw new OperationError(
          `The copy of ${file} fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`,
        );
      if (file === EVENTS_FILE && readHead(db) !== head)
        throw new OperationError(
          `The copy of ${file} ends at ${readHead(db)}, not at the head ${head} it was taken at`,
        );
      if (file === READ_MODELS_FILE && JSON.stringify(readCheckpoints(db)) !== JSON.stringify(checkpoints))
        throw new OperationError(`The copy of ${file} holds other checkpoints than the snapshot it was taken from`);
      if (file === KEYS_FILE && JSON.stringify(readKeyCounts(db)) !== JSON.stringify(keys))
        throw new OperationError(`The copy of ${file} holds other keys than the snapshot it was taken from`);
    } finally {
      db.close();
    }
  }
  const ahead = checkpointsAhead(checkpoints, head);
  if (ahead.length > 0)
    throw new OperationError(
      `The backup is inconsistent: ${ahead.map(describeCheckpoint).join(', ')} beyond the events' head ${head}`,
    );
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One line that says what went wrong, for the errors an operator can act on; others pass through. */
export function failure(error: unknown, doing: string): unknown {
  if (error instanceof OperationError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOSPC' || isSqliteCode(error, 'SQLITE_FULL'))
    return new OperationError(`The disk is full (${doing}): free some space or choose another place`);
  if (code === 'EACCES' || code === 'EPERM' || isSqliteCode(error, 'SQLITE_READONLY'))
    return new OperationError(`Permission denied (${doing}): ${(error as Error).message}`);
  if (isSqliteCode(error, 'SQLITE_CORRUPT') || isSqliteCode(error, 'SQLITE_NOTADB'))
    return new OperationError(`A database file is damaged (${doing}): ${(error as Error).message}`);
  return error;
}
