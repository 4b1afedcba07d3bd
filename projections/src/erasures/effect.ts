import { werkbezoekCatalogue } from '@werkbezoek/schema';
import type { Kysely } from 'kysely';
import type { ReadModelDb } from '../db/database.js';
import type { Projection } from '../runner/projection.js';
import type { ProjectionRunner, RunnerMaintenance } from '../runner/runner.js';
import { erasuresToPurge, type ErasuresDb } from './queries.js';

/** The part of the event store's key store the effect needs. */
export interface ErasureKeys {
  /** Forgets a subject's key for good; idempotent. */
  erase(subjectId: string, erasedAt: string): Promise<boolean>;
}

export interface ErasureEffectOptions {
  /** The projector's connection (on SQLite the one that compacts the file). */
  readonly readModels: ReadModelDb;
  readonly keys: ErasureKeys;
  /** The runner's projections, to choose those that hold personal data. */
  readonly projections: readonly Projection[];
  readonly log?: (message: string) => void;
  /** Drops this process's other caches of decrypted events (the domain's) once keys are gone. */
  readonly forget?: () => void;
  readonly now?: () => Date;
}

/** The projections that handle an event type with personal data: they may hold it in their rows. */
export function projectionsHoldingPersonalData(projections: readonly Projection[]): Projection[] {
  return projections.filter(
    (p) =>
      p.holdsPersonalData !== false &&
      p.handles.some((type) => (werkbezoekCatalogue.get(type)?.personalData.length ?? 0) > 0),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Makes a SQLite read-model file hold no freed page: VACUUM writes the live
 * rows into a new file (the dropped tables' pages do not go along), then a
 * TRUNCATE checkpoint empties the write-ahead log, whose frames would still
 * hold the old pages. A reader in the middle of a statement keeps the log's
 * frames alive for a moment: the checkpoint is tried again until it is done.
 * On PostgreSQL, DROP TABLE removes the table's files at commit: nothing to do.
 */
export async function compactReadModels(readModels: ReadModelDb): Promise<void> {
  const sqlite = readModels.sqlite;
  if (readModels.dialect !== 'sqlite' || !sqlite) return;
  sqlite.exec('VACUUM');
  for (let attempt = 1; ; attempt++) {
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy === 0) return;
    if (attempt === 100)
      throw new Error('The read-model database stayed busy for 10 s: its write-ahead log could not be emptied');
    await sleep(100);
  }
}

/**
 * The erasure of a data subject, as far as the read models go (issue 15). The
 * API deletes the key right after it stores DataSubjectErased; this runs in
 * the active projector, between batches (see `RunnerMaintenance`): for every
 * confirmed erasure not yet purged in this database it deletes the key again
 * (idempotent: it finishes an erasure a crash interrupted), rebuilds every
 * read model that holds personal data (from events that now read as erased),
 * compacts SQLite, and records the purge. A restart does whatever was left.
 */
export class ErasureEffect implements RunnerMaintenance {
  readonly types = ['DataSubjectErased'] as const;

  constructor(private readonly options: ErasureEffectOptions) {}

  async run(runner: ProjectionRunner): Promise<void> {
    const { readModels, keys, log } = this.options;
    const db = readModels.db as Kysely<ErasuresDb>;
    const due = await erasuresToPurge(db);
    if (due.length === 0) return;
    const started = Date.now();
    for (const erasure of due) await keys.erase(erasure.subjectId, erasure.erasedAt ?? new Date().toISOString());
    this.options.forget?.();
    const rebuilt = projectionsHoldingPersonalData(this.options.projections).map((p) => p.name);
    // Pages freed from now on are overwritten with zeros; VACUUM then drops whatever was freed before.
    readModels.sqlite?.pragma('secure_delete = ON');
    await runner.rebuild(rebuilt, { restartBuilds: true });
    await compactReadModels(readModels);
    const purgedAt = (this.options.now?.() ?? new Date()).toISOString();
    await db
      .insertInto('erasure_purges')
      .values(
        due.map((e) => ({
          erasure_id: e.erasureId,
          subject_id: e.subjectId,
          purged_at: purgedAt,
          rebuilt: JSON.stringify(rebuilt),
        })),
      )
      .onConflict((oc) => oc.column('erasure_id').doNothing())
      .execute();
    log?.(
      `Erasure: ${due.map((e) => e.erasureId).join(', ')} done; ${rebuilt.length} read models rebuilt without the erased data${readModels.sqlite ? ' and the file compacted' : ''} in ${Date.now() - started} ms`,
    );
  }
}
