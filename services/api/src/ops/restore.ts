import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { failure } from './backup.js';
import {
  DATA_FILES,
  EVENTS_FILE,
  KEYS_FILE,
  OperationError,
  READ_MODELS_FILE,
  SIDE_FILES,
  readCheckpoints,
  readHead,
  readManifest,
  sha256File,
  type BackupManifest,
  type Checkpoint,
  type DataFile,
} from './manifest.js';
import { isOpenElsewhere, openSqlite } from './sqlite.js';

export interface RestoreOptions {
  /** A directory written by `backup`. */
  readonly from: string;
  readonly dataDir: string;
  /** Restore over existing data, moving it aside to `<dataDir>/replaced-<time>/`. */
  readonly force?: boolean;
  readonly now?: () => Date;
}

export interface RestoreResult {
  readonly dataDir: string;
  readonly manifest: BackupManifest;
  /** Where the data that was there went, with --force. */
  readonly replacedDir: string | undefined;
  readonly head: bigint;
  readonly checkpoints: readonly Checkpoint[];
}

/** The files of the embedded default in a data directory, with what SQLite keeps beside them. */
export function dataFilesIn(dataDir: string): string[] {
  return DATA_FILES.flatMap((file) => [file, ...SIDE_FILES.map((suffix) => `${file}${suffix}`)]).filter((name) =>
    existsSync(join(dataDir, name)),
  );
}

/**
 * Restores a backup into a data directory the platform is not running on.
 *
 * The platform takes no lock of its own: the check is SQLite's own locks
 * (`isOpenElsewhere`), which every open connection holds for as long as it is
 * open, so a running platform, an idle one or a projector elsewhere is seen,
 * and one killed with -9 is not. A platform started after that check and
 * before the files are in place is not prevented; stop it for the restore.
 *
 * keys.db is restored with events.db (the keys their sealed personal data
 * needs); a backup made before issue 15 has none, and a keys.db already in
 * the data directory is moved aside with the rest. Restoring a backup taken
 * before an erasure brings the erased key back: erase the subject again.
 *
 * Nothing in the data directory changes until every file of the backup has
 * matched its checksum and its copy (written beside the target as
 * `.restoring`) has matched again; only then is existing data moved aside and
 * the copies renamed into place.
 */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const now = options.now ?? (() => new Date());
  const from = resolve(options.from);
  const dataDir = resolve(options.dataDir);
  const manifest = readManifest(from);
  const files = DATA_FILES.filter((file) => manifest.files[file]);

  for (const file of files) await checkFile(join(from, file), file, manifest, `in ${from}`);

  if (existsSync(dataDir) && !statSync(dataDir).isDirectory())
    throw new OperationError(`${dataDir} is not a directory`);
  for (const file of DATA_FILES) {
    const path = join(dataDir, file);
    if (existsSync(path) && isOpenElsewhere(path))
      throw new OperationError(
        `The platform (or another process) has ${path} open: stop it before restoring into ${dataDir}`,
      );
  }
  const present = existsSync(dataDir) ? dataFilesIn(dataDir) : [];
  if (present.length > 0 && !options.force)
    throw new OperationError(
      `${dataDir} holds data already (${present.join(', ')}): pass --force to move it aside to ${join(dataDir, 'replaced-<time>')} and restore`,
    );

  const created = !existsSync(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const staged = files.map((file) => ({ file, staging: join(dataDir, `${file}.restoring`) }));
  try {
    for (const { file, staging } of staged) {
      copyFileSync(join(from, file), staging);
      // The keys are their owner's alone, whatever the backup's copy went through.
      if (file === KEYS_FILE) chmodSync(staging, 0o600);
      await checkFile(staging, file, manifest, `copied to ${dataDir}`);
    }
  } catch (error) {
    for (const { staging } of staged) rmSync(staging, { force: true });
    if (created) rmSync(dataDir, { recursive: true, force: true });
    throw failure(error, `copying the backup into ${dataDir}`);
  }

  let replacedDir: string | undefined;
  if (present.length > 0) {
    replacedDir = join(dataDir, `replaced-${now().toISOString().replace(/:/g, '-')}`);
    mkdirSync(replacedDir);
    for (const name of present) renameSync(join(dataDir, name), join(replacedDir, name));
  }
  for (const { file, staging } of staged) renameSync(staging, join(dataDir, file));

  const events = openSqlite(join(dataDir, EVENTS_FILE), { readonly: true });
  const head = readHead(events);
  events.close();
  let checkpoints: Checkpoint[] = [];
  if (files.includes(READ_MODELS_FILE)) {
    const readModels = openSqlite(join(dataDir, READ_MODELS_FILE), { readonly: true });
    checkpoints = readCheckpoints(readModels);
    readModels.close();
  }
  return { dataDir, manifest, replacedDir, head, checkpoints };
}

async function checkFile(path: string, file: DataFile, manifest: BackupManifest, where: string): Promise<void> {
  const expected = manifest.files[file]!;
  if (!existsSync(path)) throw new OperationError(`${file} is missing ${where}: the backup is incomplete`);
  const bytes = statSync(path).size;
  const sha256 = bytes === expected.bytes ? await sha256File(path) : undefined;
  if (sha256 !== expected.sha256)
    throw new OperationError(
      `${file} ${where} does not match manifest.json (${
        sha256
          ? `SHA-256 ${sha256.slice(0, 12)}…, expected ${expected.sha256.slice(0, 12)}…`
          : `${bytes} bytes, expected ${expected.bytes}`
      }): the file is damaged or was changed; nothing was restored`,
    );
}
