import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectionStateTable } from '@werkbezoek/projections';
import type { SqliteDb } from './sqlite.js';

/** The embedded default's files, in the order a backup copies them (see backup.ts). */
export const READ_MODELS_FILE = 'read-models.db';
export const EVENTS_FILE = 'events.db';
/** The keys of personal data (issue 15); absent from data directories and backups made before it. */
export const KEYS_FILE = 'keys.db';
export const DATA_FILES = [READ_MODELS_FILE, EVENTS_FILE, KEYS_FILE] as const;
export type DataFile = (typeof DATA_FILES)[number];

/** What SQLite keeps beside a database file while it is (or was) open. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

export const MANIFEST_FILE = 'manifest.json';

/** A projection version's checkpoint: the position of the last event its read model has applied. */
export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  readonly status: ProjectionStateTable['status'];
  /** A decimal string, as in projection_state. */
  readonly position: string;
}

export interface FileEntry {
  readonly bytes: number;
  readonly sha256: string;
}

/** `manifest.json` of a backup directory: what it holds and how to check it. */
export interface BackupManifest {
  readonly format: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly createdAt: string;
  /** The data directory that was backed up (absolute). */
  readonly source: string;
  readonly sqliteVersion: string;
  readonly durationMs: number;
  /** The event store's head position in the copy: its events are positions 1 to head. */
  readonly eventStore: { readonly head: string; readonly layoutVersion: number };
  /** Every projection version's checkpoint in the copy; none exceeds the head. */
  readonly checkpoints: readonly Checkpoint[];
  /** The key store in the copy: subjects with a key, and erased ones (tombstones). */
  readonly keys?: KeyCounts;
  readonly files: Readonly<Partial<Record<DataFile, FileEntry>>>;
}

export interface KeyCounts {
  readonly subjects: number;
  readonly erased: number;
}

/** An error whose message is the whole story for the operator: the CLI prints it as one line. */
export class OperationError extends Error {
  override readonly name = 'OperationError';
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The event store's head: events are never deleted and positions have no gaps, so it is also the count. */
export function readHead(events: SqliteDb): bigint {
  const row = events.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number | bigint | null };
  return BigInt(row.head ?? 0);
}

export function readLayoutVersion(db: SqliteDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** How many subjects the key store holds a key for, and how many it holds a tombstone for. */
export function readKeyCounts(keys: SqliteDb): KeyCounts {
  const row = keys
    .prepare('SELECT COUNT(key) AS subjects, COUNT(erased_at) AS erased FROM subject_keys')
    .get() as KeyCounts;
  return { subjects: row.subjects, erased: row.erased };
}

/** Every projection version's checkpoint; none before the projector first ran. */
export function readCheckpoints(readModels: SqliteDb): Checkpoint[] {
  const table = readModels
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_state'")
    .get();
  if (!table) return [];
  return readModels
    .prepare(
      'SELECT name, version, generation, status, position FROM projection_state ORDER BY name, version, generation',
    )
    .all() as Checkpoint[];
}

/** The checkpoints that refer to events the store does not hold. */
export function checkpointsAhead(checkpoints: readonly Checkpoint[], head: bigint): Checkpoint[] {
  return checkpoints.filter((c) => BigInt(c.position) > head);
}

export function describeCheckpoint(c: Checkpoint): string {
  return `${c.name} v${c.version}${c.generation > 0 ? ` (generation ${c.generation})` : ''} ${c.status.toLowerCase()} at ${count(BigInt(c.position))}`;
}

export const count = (n: bigint | number) => n.toLocaleString('en-GB');

export function readManifest(dir: string): BackupManifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(dir)) throw new OperationError(`The backup directory ${dir} does not exist`);
  if (!existsSync(path))
    throw new OperationError(
      `${dir} holds no ${MANIFEST_FILE}: it is not a backup made by pnpm backup, or that backup did not finish`,
    );
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<BackupManifest>;
  } catch (error) {
    throw new OperationError(`${path} is not valid JSON (${(error as Error).message}): the backup is damaged`);
  }
  if (manifest.format !== 1)
    throw new OperationError(
      `${path} has format ${String(manifest.format)}; this version of the tool reads format 1: use the matching version`,
    );
  if (!manifest.files?.[EVENTS_FILE] || !manifest.eventStore || !Array.isArray(manifest.checkpoints))
    throw new OperationError(`${path} lacks the events file, the head or the checkpoints: the backup is damaged`);
  return manifest as BackupManifest;
}
