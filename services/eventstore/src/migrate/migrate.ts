import type { NewEvent, RecordedEvent } from '@werkbezoek/schema';
import type { EventStore } from '../eventStore.js';

export interface MigrationProgress {
  /** Source events handled so far: copied plus found already in the target. */
  readonly done: number;
  /** Source events to handle (up to the source's head when the run began). */
  readonly total: number;
  readonly copied: number;
  readonly skipped: number;
}

export interface MigrateOptions {
  /** Stop once this many events are copied, as an interrupted run would (tests). */
  readonly stopAfter?: number;
  /** The most events per append; an append never mixes streams or recorded times. */
  readonly batchSize?: number;
}

/** A stream whose last revision differs between source and target (-1n: absent). */
export interface StreamDifference {
  readonly streamId: string;
  readonly source: bigint;
  readonly target: bigint;
}

export interface MigrationResult {
  readonly sourceEvents: number;
  /** Events in the target's copies of the source's streams. */
  readonly targetEvents: number;
  readonly streams: number;
  readonly copied: number;
  /** Events the target held already (an earlier run, or one interrupted). */
  readonly skipped: number;
  /** False when `stopAfter` ended the run early. */
  readonly finished: boolean;
  readonly differences: readonly StreamDifference[];
}

/** The target holds events in a stream that are not the source's: nothing is merged. */
export class MigrationConflictError extends Error {
  override readonly name = 'MigrationConflictError';
}

function toNewEvent(event: RecordedEvent): NewEvent {
  const { schemaVersion: _v, ...metadata } = event.metadata;
  return { type: event.type, data: event.data, metadata };
}

async function lastEvent(store: EventStore, streamId: string): Promise<RecordedEvent | undefined> {
  for await (const event of store.readStream(streamId, { direction: 'backwards', maxCount: 1 })) return event;
  return undefined;
}

async function eventAt(store: EventStore, streamId: string, revision: bigint): Promise<RecordedEvent | undefined> {
  for await (const event of store.readStream(streamId, { fromRevision: revision, maxCount: 1 })) return event;
  return undefined;
}

/**
 * Copies every event of `from` into `to`, in global order, with each event's
 * id, type, data (at its type's current schema version), metadata and
 * recorded time. Appends go stream by stream at exact expected revisions
 * (`'no_stream'` for revision 0, else the revision before), so the target's
 * revisions equal the source's and a concurrent writer to the target fails
 * the run rather than interleaving.
 *
 * Idempotent and resumable: before a stream's first copy the target's last
 * revision is read, the source's event at that revision must carry the same
 * id (else MigrationConflictError: the target holds other events), and
 * everything up to it is skipped. A run killed between an append and its
 * bookkeeping is covered by the stores' idempotent appends.
 *
 * Ends by comparing each source stream's last revision with the target's.
 *
 * Personal data is copied as stored: open both stores without a codec, and
 * the sealed values (`enc:v1:…`) travel as they are, to be read with the
 * same key store, which stays where it is (keys.db or the PostgreSQL table).
 */
export async function migrateEvents(
  from: EventStore,
  to: EventStore,
  onProgress: (progress: MigrationProgress) => void = () => {},
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const batchSize = options.batchSize ?? 500;
  const stopAfter = options.stopAfter ?? Infinity;
  const head = await from.headPosition();

  // What the source holds up to its head now: appends made during the run are left for the next one.
  const sourceLast = new Map<string, bigint>();
  let total = 0;
  for await (const event of from.readAll()) {
    if (event.position > head) break;
    sourceLast.set(event.streamId, event.revision);
    total++;
  }

  const targetLast = new Map<string, bigint>();
  async function targetRevision(streamId: string): Promise<bigint> {
    const known = targetLast.get(streamId);
    if (known !== undefined) return known;
    const last = await lastEvent(to, streamId);
    const revision = last?.revision ?? -1n;
    if (last && revision <= sourceLast.get(streamId)!) {
      const counterpart = await eventAt(from, streamId, revision);
      if (counterpart?.metadata.eventId !== last.metadata.eventId) {
        throw new MigrationConflictError(
          `The target's stream "${streamId}" holds other events than the source's: at revision ${revision} it has ` +
            `event ${last.metadata.eventId}, the source ${counterpart?.metadata.eventId ?? 'none'}; ` +
            'migrate into an empty store, or into one an earlier run of this migration filled',
        );
      }
    }
    targetLast.set(streamId, revision);
    return revision;
  }

  let copied = 0;
  let skipped = 0;
  let batch: RecordedEvent[] = [];
  const report = () => onProgress({ done: copied + skipped, total, copied, skipped });

  async function flush(): Promise<void> {
    const first = batch[0];
    if (!first) return;
    const last = batch[batch.length - 1]!;
    await to.appendToStream(first.streamId, batch.map(toNewEvent), {
      expectedRevision: first.revision === 0n ? 'no_stream' : first.revision - 1n,
      recordedAt: first.recordedAt,
      asStored: true,
    });
    targetLast.set(first.streamId, last.revision);
    copied += batch.length;
    batch = [];
    report();
  }

  let finished = true;
  for await (const event of from.readAll()) {
    if (event.position > head) break;
    const first = batch[0];
    if (
      first &&
      (event.streamId !== first.streamId ||
        event.recordedAt !== first.recordedAt ||
        batch.length >= batchSize ||
        copied + batch.length >= stopAfter)
    ) {
      await flush();
    }
    if (copied >= stopAfter) {
      finished = false;
      break;
    }
    if (event.revision <= (await targetRevision(event.streamId))) {
      skipped++;
      if (skipped % 1000 === 0) report();
      continue;
    }
    batch.push(event);
  }
  await flush();
  report();

  const differences: StreamDifference[] = [];
  let targetEvents = 0;
  for (const [streamId, source] of sourceLast) {
    const target = (await lastEvent(to, streamId))?.revision ?? -1n;
    targetEvents += Number(target + 1n);
    if (target !== source) differences.push({ streamId, source, target });
  }
  return { sourceEvents: total, targetEvents, streams: sourceLast.size, copied, skipped, finished, differences };
}
