import type { AnyKysely } from '../db/database.js';
import { START, type EventStore } from '@werkbezoek/eventstore';
import { storageFault, werkbezoekCatalogue, type RecordedEvent, type WerkbezoekEvent } from '@werkbezoek/schema';
import type { Kysely, Transaction } from 'kysely';
import type { ReadModelDb } from '../db/database.js';
import { physicalName, type Projection } from './projection.js';
import { ReadModelsBehindError } from './readModelsBehind.js';
import { createRegistry, type ProjectionStateTable, type RegistryDb } from './registry.js';
import { catchUpOnThreads, partition, threadable, type ThreadsOptions } from './threads.js';
import { flushTogether, RowCache, UnitOfWork } from './unitOfWork.js';

export interface ProjectionHealth {
  readonly name: string;
  readonly version: number;
  readonly generation: number;
  readonly status: ProjectionStateTable['status'];
  readonly position: bigint;
  readonly lag: bigint;
  readonly error: { readonly message: string; readonly position: bigint; readonly eventType: string } | undefined;
}

export interface Progress {
  readonly position: bigint;
  readonly head: bigint;
  readonly events: number;
  readonly elapsedMs: number;
}

/**
 * Events per batch unless told otherwise: large, because a batch's rows are
 * written once however often its events change them, and each commit writes
 * the pages it touched.
 */
export const DEFAULT_BATCH_SIZE = 25_000;

/**
 * How long the runner applies events before it lets other work on its thread
 * run (an API in the same process answers meanwhile): SQLite's driver is
 * synchronous, so a batch of 25,000 events would otherwise hold the event
 * loop for seconds.
 */
export const SLICE_MS = 20;

/**
 * A batch of at most this many events is committed for every projection at
 * its checkpoint in one transaction (following the log live: a write's
 * events reach all read models in one commit); a larger one, a catch-up's,
 * one projection at a time, so a transaction holds one projection's rows.
 */
export const COMBINED_BATCH_EVENTS = 1000;

/** Lets timers and I/O callbacks waiting on this thread run. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface RunnerOptions {
  readonly store: EventStore;
  readonly readModels: ReadModelDb;
  readonly projections: readonly Projection[];
  /** Events read and applied per transaction. */
  readonly batchSize?: number;
  /** How long it applies events before it lets other work on its thread run (SLICE_MS). */
  readonly sliceMs?: number;
  readonly onProgress?: (progress: Progress) => void;
  readonly log?: (message: string) => void;
  /**
   * Catch up far-behind projections on several threads (the platform's own
   * projections only; others stay on this thread).
   */
  readonly threads?: ThreadsOptions;
  /** Fault injection for crash tests: called inside each batch's transaction, after the rows are written and before the checkpoint. */
  readonly beforeCheckpoint?: (projection: string) => void;
  /** Work on the read models as a whole that follows certain events (the erasure of a data subject). */
  readonly maintenance?: RunnerMaintenance;
}

/**
 * Work that needs the read models to itself, such as rebuilding them after
 * a data subject's key was erased. While following the log the runner runs
 * it between batches, never during one: once when it starts (to finish what
 * a stop interrupted) and after each batch that held one of `types`. It must
 * be safe to repeat: a rebuild it starts reads those events again.
 */
export interface RunnerMaintenance {
  /** The event types after which `run` is due; the runner reads them even when no projection handles them. */
  readonly types: readonly string[];
  run(runner: ProjectionRunner): Promise<void>;
}

interface Worker {
  readonly projection: Projection;
  readonly handles: ReadonlySet<string>;
  generation: number;
  status: ProjectionStateTable['status'];
  position: bigint;
  error: ProjectionHealth['error'];
  /** The generation it replaces while BUILDING. */
  replaces: { version: number; generation: number } | undefined;
  /** Committed rows of this generation, between batches. */
  cache: RowCache;
}

/** The database or the runner's own bookkeeping failed, not the projection: roll back and retry later. */
class InfrastructureFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/**
 * Another runner moved this projection's checkpoint since this one last read it (two projectors on
 * one database, or one that lost its lock without noticing): the batch was computed from stale rows.
 */
class CheckpointMoved extends Error {
  constructor(projection: string, expected: bigint) {
    super(`${projection}: its checkpoint is no longer at ${expected}; another projector moved it`);
  }
}

class ProjectionFailure extends Error {
  constructor(
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** The lowest checkpoint of these workers, and at most `ceiling`. */
function lowest(workers: readonly Worker[], ceiling: bigint): bigint {
  return workers.reduce((min, w) => (w.position < min ? w.position : min), ceiling);
}

/** The failure a projection stopped at, as its registry row records it. */
function failureOf(row: ProjectionStateTable): ProjectionHealth['error'] {
  return row.error
    ? { message: row.error, position: BigInt(row.error_position ?? 0), eventType: row.error_event_type ?? '' }
    : undefined;
}

/**
 * Runs projections over the event log. One reader takes batches from the
 * lowest checkpoint; each projection applies the events after its own
 * checkpoint in one transaction that also moves the checkpoint, so a crash
 * at any point neither loses nor repeats an effect. A small batch (following
 * the log live) is one transaction for every projection at the same
 * checkpoint. A projection whose
 * `apply` throws stops at that event (the others go on), keeps what it
 * applied before it, and reports the error through `health()`.
 *
 * A projection whose version is new is built into new tables from position 0
 * while readers keep seeing the old version's tables; when it has caught up,
 * one transaction points the views at the new tables and drops the old ones.
 */
export class ProjectionRunner {
  private readonly db: Kysely<RegistryDb>;
  private readonly workers: Worker[] = [];
  private readonly batchSize: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private migrated = false;
  private maintenanceDue = false;

  constructor(private readonly options: RunnerOptions) {
    this.db = options.readModels.db as Kysely<RegistryDb>;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const owners = new Map<string, string>();
    for (const p of options.projections) {
      for (const t of p.tables) {
        const owner = owners.get(t.name);
        if (owner)
          throw new Error(`Table "${t.name}" belongs to both ${owner} and ${p.name}: each table has one writer`);
        owners.set(t.name, p.name);
      }
    }
  }

  private physical(worker: Worker): (table: string) => string {
    return (table) => physicalName(table, worker.projection.version, worker.generation);
  }

  /** Creates the registry and each projection version's tables; decides what must be built. */
  async migrate(): Promise<void> {
    if (this.migrated) return;
    await createRegistry(this.db);
    for (const projection of this.options.projections) {
      const rows = await this.db
        .selectFrom('projection_state')
        .selectAll()
        .where('name', '=', projection.name)
        .execute();
      const active = rows.find((r) => r.status === 'ACTIVE');
      // A build of this version under way (a new version, or a rebuild stopped by a restart) goes on.
      const current =
        rows.find((r) => r.version === projection.version && r.status === 'BUILDING') ??
        (active?.version === projection.version ? active : undefined);
      const worker: Worker = {
        projection,
        handles: new Set(projection.handles),
        generation: current?.generation ?? Math.max(-1, ...rows.map((r) => r.generation)) + 1,
        status: current?.status ?? (active ? 'BUILDING' : 'ACTIVE'),
        position: BigInt(current?.position ?? START),
        error: current ? failureOf(current) : undefined,
        replaces: active && active !== current ? { version: active.version, generation: active.generation } : undefined,
        // At position 0 nothing has been committed to the generation's tables: they are empty.
        cache: new RowCache({ empty: !current || BigInt(current.position) === START }),
      };
      if (!current) {
        try {
          await this.createGeneration(worker);
        } catch (error) {
          // Another projector starting at the same moment created it first: take theirs.
          const created = await this.db
            .selectFrom('projection_state')
            .select('generation')
            .where('name', '=', projection.name)
            .where('version', '=', projection.version)
            .where('generation', '=', worker.generation)
            .executeTakeFirst();
          if (!created) throw error;
          await this.reload(worker);
        }
      }
      this.workers.push(worker);
    }
    this.migrated = true;
  }

  private async createGeneration(worker: Worker): Promise<void> {
    const { projection } = worker;
    await this.db.transaction().execute(async (tx) => {
      for (const table of projection.tables)
        await table.create(tx, this.physical(worker)(table.name), this.options.readModels.dialect);
      await tx
        .insertInto('projection_state')
        .values({
          name: projection.name,
          version: projection.version,
          generation: worker.generation,
          status: worker.status,
          position: String(worker.position),
          error: null,
          error_position: null,
          error_event_type: null,
          updated_at: new Date().toISOString(),
        })
        .execute();
      if (worker.status === 'ACTIVE') await this.pointViews(tx, worker);
    });
    this.options.log?.(
      `${projection.name} v${projection.version}: ${worker.status === 'ACTIVE' ? 'created' : 'building beside the active version'}`,
    );
  }

  private async pointViews(tx: Transaction<RegistryDb>, worker: Worker): Promise<void> {
    const db = tx as unknown as AnyKysely;
    for (const table of worker.projection.tables) {
      await db.schema.dropView(table.name).ifExists().execute();
      await db.schema
        .createView(table.name)
        .as(db.selectFrom(this.physical(worker)(table.name)).selectAll())
        .execute();
    }
  }

  private async dropGeneration(
    tx: Transaction<RegistryDb>,
    projection: Projection,
    version: number,
    generation: number,
  ): Promise<void> {
    const db = tx as unknown as AnyKysely;
    for (const table of projection.tables) {
      const physical = physicalName(table.name, version, generation);
      for (const companion of table.companions?.(physical) ?? []) {
        if (companion.kind === 'table') await db.schema.dropTable(companion.name).ifExists().execute();
      }
      await db.schema.dropTable(physical).ifExists().execute();
    }
  }

  /**
   * Applies one batch; returns how many positions of the log it covered (0
   * when every projection is at the head).
   */
  async runOnce(): Promise<number> {
    await this.migrate();
    const live = this.workers.filter((w) => !w.error);
    if (live.length === 0) return 0;
    const from = lowest(live, live[0]!.position);
    const types = this.typesOf(live);
    // Only a filtered read can stop short of the head having seen everything (the rest was of other types).
    const head = types ? await this.options.store.headPosition() : undefined;
    const batch: RecordedEvent<WerkbezoekEvent>[] = [];
    for await (const event of this.options.store.readAll({
      fromPosition: from,
      maxCount: this.batchSize,
      ...(types ? { types } : {}),
    })) {
      batch.push(event as RecordedEvent<WerkbezoekEvent>);
    }
    const last = batch.at(-1)?.position ?? from;
    // A short batch read to the end of the log: every event up to the head has been seen, even
    // where none of them was of a type these projections handle.
    const end = head !== undefined && batch.length < this.batchSize && head > last ? head : last;
    if (end <= from) {
      for (const w of live) if (w.status === 'BUILDING') await this.switchOver(w);
      return 0;
    }
    // A short batch read to the end: following the log live, where the row caches keep only what live writes reuse.
    for (const w of live) w.cache.follow(batch.length < this.batchSize);
    // The projections at one checkpoint (after catch-up, all of them) apply the batch together.
    const atPosition = new Map<bigint, Worker[]>();
    for (const w of live) {
      if (end <= w.position) continue;
      const group = atPosition.get(w.position);
      if (group) group.push(w);
      else atPosition.set(w.position, [w]);
    }
    for (const [position, workers] of atPosition) {
      const pending = batch.filter((e) => e.position > position);
      if (workers.length > 1 && pending.length <= COMBINED_BATCH_EVENTS)
        await this.applyTogether(workers, pending, batch, end);
      else for (const worker of workers) await this.applyBatch(worker, batch, end);
    }
    const maintenance = this.options.maintenance;
    if (maintenance && batch.some((e) => maintenance.types.includes(e.type))) this.maintenanceDue = true;
    if (batch.length < this.batchSize)
      for (const w of live) if (w.status === 'BUILDING' && !w.error) await this.switchOver(w);
    this.notifyWaiters();
    return Number(end - from);
  }

  /** The event types these projections handle; undefined when that is every type (nothing to filter). */
  private typesOf(workers: readonly Worker[]): string[] | undefined {
    const types = new Set([...workers.flatMap((w) => [...w.handles]), ...(this.options.maintenance?.types ?? [])]);
    return types.size < werkbezoekCatalogue.types.length ? [...types].sort() : undefined;
  }

  /**
   * Applies `pending` (the batch after the workers' common checkpoint) to every worker and commits them in one
   * transaction: one checkpoint update for all, then each one's rows. A projection whose event fails, or a
   * transaction that fails for any cause but an outage (a projection's rows refused, a checkpoint another
   * projector moved), leaves them to the one-projection-at-a-time path, which tells them apart as it always has.
   */
  private async applyTogether(
    workers: readonly Worker[],
    pending: readonly RecordedEvent<WerkbezoekEvent>[],
    batch: readonly RecordedEvent<WerkbezoekEvent>[],
    end: bigint,
  ): Promise<void> {
    const from = workers[0]!.position;
    const slice = { started: performance.now() };
    const prepared: { worker: Worker; uow: UnitOfWork }[] = [];
    const alone: Worker[] = [];
    for (const worker of workers) {
      try {
        prepared.push({ worker, uow: await this.prepare(worker, pending, slice) });
      } catch (error) {
        if (!(error instanceof ProjectionFailure)) throw error;
        if (storageFault(error.cause)) throw error.cause;
        alone.push(worker);
      }
    }
    if (prepared.length > 0) {
      try {
        await this.db.transaction().execute(async (tx) => {
          // First, as for one projection: on PostgreSQL it locks the rows, so a second writer waits here and
          // then finds its checkpoints moved.
          const moved = await tx
            .updateTable('projection_state')
            .set({ position: String(end), updated_at: new Date().toISOString() })
            .where('position', '=', String(from))
            .where('error', 'is', null)
            .where((eb) =>
              eb.or(
                prepared.map(({ worker }) =>
                  eb.and([
                    eb('name', '=', worker.projection.name),
                    eb('version', '=', worker.projection.version),
                    eb('generation', '=', worker.generation),
                  ]),
                ),
              ),
            )
            .executeTakeFirst();
          if (moved.numUpdatedRows !== BigInt(prepared.length))
            throw new CheckpointMoved(prepared.map((p) => p.worker.projection.name).join(', '), from);
          for (const { uow } of prepared) uow.begin(tx);
          // On PostgreSQL every projection's rows in one statement.
          await flushTogether(prepared.map((p) => p.uow));
          try {
            for (const { worker } of prepared) this.options.beforeCheckpoint?.(worker.projection.name);
          } catch (cause) {
            throw new InfrastructureFailure(cause);
          }
        });
      } catch (error) {
        if (error instanceof InfrastructureFailure) throw error.cause;
        if (storageFault(error)) throw error;
        // Nothing was committed: each projection again on its own, which finds which one failed or moved.
        alone.unshift(...prepared.map((p) => p.worker));
        prepared.length = 0;
      }
    }
    for (const { worker, uow } of prepared) {
      uow.committed();
      worker.position = end;
    }
    for (const worker of alone) await this.applyBatch(worker, batch, end);
  }

  private async applyBatch(
    worker: Worker,
    batch: readonly RecordedEvent<WerkbezoekEvent>[],
    end: bigint,
  ): Promise<void> {
    if (end <= worker.position) return;
    const pending = batch.filter((e) => e.position > worker.position);
    try {
      await this.commit(worker, pending, end);
    } catch (error) {
      if (error instanceof CheckpointMoved) return this.yieldTo(worker, error);
      // A full disk, a read-only database or a lost connection is an outage, never the event's fault:
      // the batch rolled back, and the live loop tries again until the storage is back. (A small
      // empty commit may still fit where the batch did not, so the check below cannot tell.)
      if (error instanceof ProjectionFailure && storageFault(error.cause)) throw error.cause;
      if (storageFault(error)) throw error;
      if (error instanceof ProjectionFailure) {
        // Keep what came before the failing event, then stop this projection at it.
        const before = pending.filter((e) => e.position < error.event.position);
        await this.stopAt(worker, error.event, error.message, before);
        return;
      }
      if (error instanceof InfrastructureFailure) throw error.cause;
      // The batch's writes failed (a constraint, a type, or the connection): find the event by
      // committing one at a time, and tell the event's fault from an outage with an empty commit.
      for (const event of pending) {
        try {
          await this.commit(worker, [event], event.position);
        } catch (single) {
          if (single instanceof CheckpointMoved) return this.yieldTo(worker, single);
          if (single instanceof InfrastructureFailure) throw single.cause;
          if (storageFault(single)) throw single;
          if (!(single instanceof ProjectionFailure)) {
            try {
              await this.commit(worker, [], worker.position);
            } catch (empty) {
              if (empty instanceof CheckpointMoved) return this.yieldTo(worker, empty);
              throw single;
            }
          }
          await this.stopAt(worker, event, single instanceof Error ? single.message : String(single), []);
          return;
        }
      }
    }
  }

  /** Records that a projection cannot apply `event` and stops it there; a failure to record that is an outage, and is thrown. */
  private async stopAt(
    worker: Worker,
    event: RecordedEvent,
    message: string,
    before: readonly RecordedEvent<WerkbezoekEvent>[],
  ): Promise<void> {
    const failure = { message: message.slice(0, 2000), position: event.position, eventType: event.type };
    await this.commit(worker, before, event.position - 1n, failure);
    worker.error = failure;
    this.options.log?.(
      `${worker.projection.name} v${worker.projection.version} stopped at ${event.type} #${event.position}: ${failure.message}`,
    );
  }

  /** Another runner got ahead: drop what this one cached and carry on from the checkpoint it finds. */
  private async yieldTo(worker: Worker, moved: CheckpointMoved): Promise<void> {
    this.options.log?.(`${moved.message}; reloading it and going on from there`);
    await this.reload(worker);
  }

  /**
   * Applies `events` to a unit of work of the worker's rows, before any transaction opens: the unit of work
   * only reads (this runner is its tables' only writer, so what it reads is current) and keeps its writes in
   * memory, so the write lock is held only while they are stored, and projector threads sharing one SQLite
   * file take turns briefly. `slice` is when the current slice of work on this thread began.
   */
  private async prepare(
    worker: Worker,
    events: readonly RecordedEvent<WerkbezoekEvent>[],
    slice: { started: number } = { started: performance.now() },
  ): Promise<UnitOfWork> {
    const uow = new UnitOfWork(
      this.db,
      this.options.readModels.dialect,
      this.physical(worker),
      worker.cache,
      this.options.readModels.sqlite,
    );
    for (const [i, event] of events.entries()) {
      if (!worker.handles.has(event.type)) continue;
      try {
        await worker.projection.apply(event, uow);
      } catch (cause) {
        throw new ProjectionFailure(event, cause);
      }
      if (i % 64 === 63 && performance.now() - slice.started >= (this.options.sliceMs ?? SLICE_MS)) {
        await yieldToEventLoop();
        slice.started = performance.now();
      }
    }
    return uow;
  }

  private async commit(
    worker: Worker,
    events: readonly RecordedEvent<WerkbezoekEvent>[],
    checkpoint: bigint,
    failure?: ProjectionHealth['error'],
  ): Promise<void> {
    const uow = await this.prepare(worker, events);
    const from = worker.position;
    await this.db.transaction().execute(async (tx) => {
      // The checkpoint moves only from where this batch started, and first: on PostgreSQL that locks the
      // row, so a second writer of these tables waits here and then finds the checkpoint moved.
      const moved = await tx
        .updateTable('projection_state')
        .set({
          position: String(checkpoint),
          updated_at: new Date().toISOString(),
          ...(failure
            ? { error: failure.message, error_position: String(failure.position), error_event_type: failure.eventType }
            : {}),
        })
        .where('name', '=', worker.projection.name)
        .where('version', '=', worker.projection.version)
        .where('generation', '=', worker.generation)
        .where('position', '=', String(from))
        .where('error', 'is', null)
        .executeTakeFirst();
      if (moved.numUpdatedRows !== 1n) throw new CheckpointMoved(worker.projection.name, from);
      uow.begin(tx);
      await uow.flush();
      try {
        this.options.beforeCheckpoint?.(worker.projection.name);
      } catch (cause) {
        throw new InfrastructureFailure(cause);
      }
    });
    uow.committed();
    worker.position = checkpoint;
  }

  private async switchOver(worker: Worker): Promise<void> {
    const { projection } = worker;
    const head = await this.options.store.headPosition();
    if (worker.position < head) return;
    const switched = await this.db.transaction().execute(async (tx) => {
      // Claim the switch first: a second projector that got here too finds the row no longer BUILDING.
      const claimed = await tx
        .updateTable('projection_state')
        .set({ status: 'ACTIVE', updated_at: new Date().toISOString() })
        .where('name', '=', projection.name)
        .where('version', '=', projection.version)
        .where('generation', '=', worker.generation)
        .where('status', '=', 'BUILDING')
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) return false;
      const old = await tx
        .selectFrom('projection_state')
        .selectAll()
        .where('name', '=', projection.name)
        .where('status', '=', 'ACTIVE')
        .where((eb) => eb.or([eb('version', '!=', projection.version), eb('generation', '!=', worker.generation)]))
        .executeTakeFirst();
      await this.pointViews(tx, worker);
      if (old) {
        await tx
          .updateTable('projection_state')
          .set({ status: 'RETIRED', updated_at: new Date().toISOString() })
          .where('name', '=', old.name)
          .where('version', '=', old.version)
          .where('generation', '=', old.generation)
          .execute();
        await this.dropGeneration(tx, projection, old.version, old.generation);
      }
      return true;
    });
    if (!switched) return this.reload(worker);
    worker.status = 'ACTIVE';
    worker.replaces = undefined;
    this.options.log?.(`${projection.name} v${projection.version} (generation ${worker.generation}) is now active`);
  }

  /**
   * Applies batches until every projection has reached the head of the log as it stood when the catch-up
   * began (and a version being built has taken over). What is appended meanwhile is the live loop's
   * (`start`): under a steady stream of writes, "until no event is left" lasts as long as the writes do,
   * and a projector taking over would only then report itself caught up and serve its probes.
   */
  async catchUp(): Promise<void> {
    const started = Date.now();
    let events = 0;
    const head = await this.options.store.headPosition();
    await this.migrate();
    await this.catchUpOnThreads(head, started);
    for (;;) {
      const n = await this.runOnce();
      if (n === 0) break;
      await yieldToEventLoop();
      events += n;
      const live = this.workers.filter((w) => !w.error);
      if (this.options.onProgress)
        this.options.onProgress({ position: lowest(live, head), head, events, elapsedMs: Date.now() - started });
      if (live.every((w) => w.position >= head && w.status === 'ACTIVE')) break;
    }
  }

  /** Catches up on threads when configured and worth it; then this runner goes on from where they stopped. */
  private async catchUpOnThreads(head: bigint, started: number): Promise<void> {
    const threads = this.options.threads;
    if (!threads || threads.count < 2) return;
    const behind = this.workers.filter((w) => !w.error && head - w.position >= BigInt(threads.minimumLag ?? 50_000));
    if (behind.length < 2 || !threadable(behind.map((w) => w.projection))) return;
    const from = lowest(behind, head);
    const groups = partition(
      behind.map((w) => w.projection),
      threads.count,
    );
    this.options.log?.(
      `Catching up ${head - from} events on ${groups.length} threads: ${groups.map((g) => g.map((p) => p.name).join(', ')).join(' | ')}`,
    );
    try {
      await catchUpOnThreads(groups, {
        ...threads,
        batchSize: this.batchSize,
        onProgress: (position) =>
          this.options.onProgress?.({
            position,
            head,
            events: Number(position - from),
            elapsedMs: Date.now() - started,
          }),
        ...(this.options.log ? { log: this.options.log } : {}),
      });
    } finally {
      // The threads moved the checkpoints (and may have switched versions or stopped at a failure).
      for (const worker of behind) await this.reload(worker);
    }
  }

  private async reload(worker: Worker): Promise<void> {
    const rows = await this.db
      .selectFrom('projection_state')
      .selectAll()
      .where('name', '=', worker.projection.name)
      .where('version', '=', worker.projection.version)
      .execute();
    // Another projector may have switched this version over, or rebuilt it into a newer generation.
    const row =
      rows.find((r) => r.generation === worker.generation && r.status !== 'RETIRED') ??
      rows.find((r) => r.status === 'BUILDING') ??
      rows.find((r) => r.status === 'ACTIVE');
    if (!row) throw new Error(`${worker.projection.name} v${worker.projection.version} has no live generation`);
    worker.generation = row.generation;
    worker.position = BigInt(row.position);
    worker.status = row.status;
    if (row.status === 'ACTIVE') worker.replaces = undefined;
    worker.error = failureOf(row);
    worker.cache = new RowCache();
  }

  /** Runs until stopped: catches up, then follows the log live. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = (async () => {
      const subscription = this.options.store.subscribeToAll({ fromPosition: await this.options.store.headPosition() });
      const signal = (async () => {
        for await (const _ of subscription) this.wake?.();
      })();
      // Due once at the start: a stop, a crash or a catch-up on threads may have left work unfinished.
      this.maintenanceDue = this.options.maintenance !== undefined;
      try {
        while (!this.stopping) {
          let n = 0;
          try {
            n = await this.runOnce();
            await this.maintain();
            // Between batches too: a catch-up of many batches never holds the thread from one to the next.
            if (n > 0) await yieldToEventLoop();
          } catch (error) {
            // An outage (database or store unreachable): the batch rolled back; say so, wait, try again.
            this.options.log?.(
              `Projection runner: ${error instanceof Error ? error.message : String(error)}; retrying in 1 s`,
            );
          }
          if (n === 0 && !this.stopping)
            await new Promise<void>((resolve) => {
              this.wake = resolve;
              setTimeout(resolve, 1000);
            });
        }
      } finally {
        await subscription.stop();
        await signal;
      }
    })();
  }

  /** Runs the maintenance work when it is due; when it fails it stays due, and the live loop retries it. */
  private async maintain(): Promise<void> {
    const maintenance = this.options.maintenance;
    if (!maintenance || !this.maintenanceDue || this.stopping) return;
    this.maintenanceDue = false;
    try {
      await maintenance.run(this);
    } catch (error) {
      this.maintenanceDue = true;
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private notifyWaiters(): void {
    const reached = this.minimumPosition();
    this.waiters = this.waiters.filter((w) => {
      if (w.position > reached) return true;
      w.resolve();
      return false;
    });
  }

  private minimumPosition(): bigint {
    const active = this.workers.filter((w) => w.status === 'ACTIVE' && !w.error);
    return lowest(active, active[0]?.position ?? START);
  }

  /**
   * Resolves when every active projection has reached `position` (read your
   * writes); rejects after `timeoutMs`.
   */
  waitFor(position: bigint, timeoutMs = 5000): Promise<void> {
    if (this.minimumPosition() >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new ReadModelsBehindError(position, this.minimumPosition(), timeoutMs));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ position, resolve: done });
      this.wake?.();
    });
  }

  async health(): Promise<ProjectionHealth[]> {
    await this.migrate();
    const head = await this.options.store.headPosition();
    return this.workers.map((w) => ({
      name: w.projection.name,
      version: w.projection.version,
      generation: w.generation,
      status: w.status,
      position: w.position,
      lag: head - w.position,
      error: w.error,
    }));
  }

  /** Gives up a build under way: its tables go, its registry row is retired. */
  private async retireBuild(worker: Worker): Promise<void> {
    const { projection } = worker;
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('projection_state')
        .set({ status: 'RETIRED', updated_at: new Date().toISOString() })
        .where('name', '=', projection.name)
        .where('version', '=', projection.version)
        .where('generation', '=', worker.generation)
        .execute();
      await this.dropGeneration(tx, projection, projection.version, worker.generation);
    });
  }

  /**
   * Rebuilds projections from position 0 into new tables, beside the ones
   * readers use, and switches when caught up. Without names: all of them.
   * A build already under way goes on, unless `restartBuilds` (after an
   * erasure: what it built so far was read before the key was gone).
   */
  async rebuild(names?: readonly string[], options: { readonly restartBuilds?: boolean } = {}): Promise<void> {
    await this.migrate();
    for (const worker of this.workers) {
      if (names && !names.includes(worker.projection.name)) continue;
      if (worker.status === 'BUILDING') {
        if (!options.restartBuilds) continue;
        await this.retireBuild(worker);
      }
      worker.generation =
        (await this.db
          .selectFrom('projection_state')
          .select((eb) => eb.fn.max('generation').as('g'))
          .where('name', '=', worker.projection.name)
          .executeTakeFirst())!.g + 1;
      worker.status = 'BUILDING';
      worker.position = START;
      worker.error = undefined;
      worker.cache = new RowCache({ empty: true });
      await this.createGeneration(worker);
    }
    await this.catchUp();
  }
}
