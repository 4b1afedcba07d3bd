import { MemoryEventStore, type EventStore } from '@werkbezoek/eventstore';
import { ProjectionRunner, allProjections, type DialectName, type ReadModelDb } from '@werkbezoek/projections';
import { DIALECTS, freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonSearchIndex, snapshot } from '../src/readModelSnapshot.js';
import { HistoryPlayer, setupArb, stepArb } from './testing/validHistory.js';

/*
 * The requirement for the read side: for random valid event
 * histories, rebuilding from scratch gives exactly the same read models as
 * processing incrementally with crashes in between.
 *
 * Incrementally, a projector catches up after random chunks of the history
 * have been appended, in small batches, and is made to crash: it is dropped
 * and a new one started over the same database (its checkpoints read back),
 * it dies inside a batch's transaction after the rows were written and before
 * the checkpoint (`beforeCheckpoint`), or it dies while reading the log. A
 * crashed process runs nothing more, so once a fault has fired it fires on
 * every later call too. In an outage, one transaction fails the same way and
 * the same projector object catches up again, with its in-memory positions
 * and row cache. The rebuild is one projector over a fresh database
 * after the whole history. Every view the database lists is then compared
 * row by row, and on SQLite the full-text index of the lessons as well.
 *
 * A failure prints fast-check's seed and path; replay it with
 * PROPERTY_SEED=<seed> PROPERTY_PATH=<path> npx vitest run test/projections,
 * adding PROPERTY_SHRINK=1 for a minimal counterexample.
 */

const SEED = Number(process.env.PROPERTY_SEED ?? 20_260_105);

/** A crash injected by the test; any other error from the runner is a failure. */
class InjectedCrash extends Error {}

/**
 * checkpoint: the process dies inside a batch's transaction, after the rows
 * and before the checkpoint; read: it dies while reading the log; outage: one
 * transaction fails the same way, and the same projector object retries.
 */
type Fault = { readonly kind: 'checkpoint' | 'read' | 'outage'; readonly after: number };

interface ProjectorRun {
  /** Keep the running projector object, or drop it and start a new one over the same database. */
  readonly restart: boolean;
  readonly batchSize: number;
  readonly fault: Fault | undefined;
}

const projectorRunArb: fc.Arbitrary<ProjectorRun> = fc.record({
  restart: fc.boolean(),
  batchSize: fc.integer({ min: 1, max: 9 }),
  fault: fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('checkpoint' as const), after: fc.nat({ max: 15 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const), after: fc.nat({ max: 25 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('outage' as const), after: fc.nat({ max: 15 }) }) },
  ),
});

const scenarioArb = fc.record({
  setup: setupArb,
  steps: fc.array(
    fc.record({
      step: stepArb,
      /** Whether the projector catches up after this command, and how. */
      projector: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: projectorRunArb }),
    }),
    { minLength: 25, maxLength: 90, size: 'max' },
  ),
  finalBatchSize: fc.integer({ min: 1, max: 9 }),
});

/** The store, with `readAll` dying after `after` events have been read (and on every read after that). */
function dyingReads(store: EventStore, after: number, crash: InjectedCrash): EventStore {
  let left = after;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'readAll') return Reflect.get(target, prop, receiver) as unknown;
      return async function* (...args: Parameters<EventStore['readAll']>) {
        for await (const event of target.readAll(...args)) {
          if (left-- <= 0) throw crash;
          yield event;
        }
      };
    },
  });
}

async function expectCaughtUp(runner: ProjectionRunner, store: EventStore): Promise<void> {
  const head = await store.headPosition();
  for (const health of await runner.health())
    expect(health).toMatchObject({ status: 'ACTIVE', position: head, error: undefined });
}

/** Counts over one property's runs, to show that they exercised what they claim to. */
const coverage = {
  eventTypes: new Set<string>(),
  /** Commands accepted and refused, by kind. */
  commands: {} as Record<string, { accepted: number; refused: number }>,
  crashes: 0,
  outages: 0,
  restarts: 0,
};
function resetCoverage(): void {
  coverage.eventTypes.clear();
  coverage.commands = {};
  coverage.crashes = coverage.outages = coverage.restarts = 0;
}

/** Projects incrementally: catches up when told, with restarts and crashes. */
class IncrementalProjector {
  private runner: ProjectionRunner | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelDb,
  ) {}

  private create(batchSize: number, options: { store?: EventStore; beforeCheckpoint?: () => void } = {}) {
    return new ProjectionRunner({
      store: options.store ?? this.store,
      readModels: this.readModels,
      projections: allProjections,
      batchSize,
      ...(options.beforeCheckpoint ? { beforeCheckpoint: options.beforeCheckpoint } : {}),
    });
  }

  async run({ restart, batchSize, fault }: ProjectorRun): Promise<void> {
    if (fault?.kind === 'outage') return this.outage(batchSize, fault.after);
    if (fault) return this.crash(batchSize, fault);
    if (restart || !this.runner) {
      if (this.runner) coverage.restarts++;
      this.runner = this.create(batchSize);
    }
    await this.runner.catchUp();
    await expectCaughtUp(this.runner, this.store);
  }

  /** The process dies: once the fault has fired, it fires on every later call too, and the projector is dropped. */
  private async crash(batchSize: number, fault: Fault): Promise<void> {
    this.runner = undefined;
    const crash = new InjectedCrash(`injected ${fault.kind} crash`);
    let left = fault.after;
    const runner =
      fault.kind === 'read'
        ? this.create(batchSize, { store: dyingReads(this.store, fault.after, crash) })
        : this.create(batchSize, {
            beforeCheckpoint: () => {
              if (left-- <= 0) throw crash;
            },
          });
    try {
      await runner.catchUp();
    } catch (error) {
      if (!(error instanceof InjectedCrash)) throw error;
      coverage.crashes++;
      // The next projector reads the checkpoints back; its health would show a crash recorded as a projection error.
      return;
    }
    await expectCaughtUp(runner, this.store);
  }

  /**
   * One transaction fails and is rolled back; the same projector object, with
   * what it holds in memory (positions, cached rows), catches up again.
   */
  private async outage(batchSize: number, after: number): Promise<void> {
    const outage = new InjectedCrash('injected outage');
    let left = after;
    let armed = true;
    const runner = this.create(batchSize, {
      beforeCheckpoint: () => {
        if (armed && left-- === 0) throw outage;
      },
    });
    this.runner = runner;
    try {
      await runner.catchUp();
    } catch (error) {
      if (error !== outage) throw error;
      coverage.outages++;
      await runner.catchUp();
    } finally {
      // The projector lives on into later runs, without the fault.
      armed = false;
    }
    await expectCaughtUp(runner, this.store);
  }

  /** A last, undisturbed catch-up over the whole history. */
  async finish(batchSize: number): Promise<void> {
    this.runner = this.create(batchSize);
    await this.runner.catchUp();
    await expectCaughtUp(this.runner, this.store);
  }
}

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

async function rebuildEqualsIncremental(dialect: DialectName, scenario: Scenario): Promise<void> {
  const store = new MemoryEventStore();
  const player = new HistoryPlayer(store);
  const databases: TestDatabase[] = [];
  try {
    const incremental = await freshDatabase(dialect);
    databases.push(incremental);
    const projector = new IncrementalProjector(store, incremental.readModels);
    await player.setup(scenario.setup);
    for (const { step, projector: run } of scenario.steps) {
      await player.play(step);
      if (run) await projector.run(run);
    }
    await projector.finish(scenario.finalBatchSize);

    const rebuilt = await freshDatabase(dialect);
    databases.push(rebuilt);
    const runner = new ProjectionRunner({ store, readModels: rebuilt.readModels, projections: allProjections });
    await runner.catchUp();
    await expectCaughtUp(runner, store);

    const expected = await snapshot(rebuilt.readModels);
    const actual = await snapshot(incremental.readModels);
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['requests', 'missions', 'lessons', 'capacity_staff_years']),
    );
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    for (const view of Object.keys(expected))
      expect({ view, rows: actual[view] }).toEqual({ view, rows: expected[view] });
    expect(await lessonSearchIndex(incremental.readModels)).toEqual(await lessonSearchIndex(rebuilt.readModels));

    for (const [kind, { accepted, refused }] of player.outcomes) {
      const total = (coverage.commands[kind] ??= { accepted: 0, refused: 0 });
      total.accepted += accepted;
      total.refused += refused;
    }
    for await (const event of store.readAll()) coverage.eventTypes.add(event.type);
  } finally {
    for (const database of databases) await database.drop();
    await store.close();
  }
}

/** The event types a history of these commands can contain; each must occur in some run. */
const EXPECTED_EVENT_TYPES = [
  'MunicipalityRegistered',
  'TwinningEstablished',
  'TwinningActorChanged',
  'TwinningEnded',
  'AccompanimentAdvised',
  'ContactLogged',
  'StaffMemberRegistered',
  'StaffCapacityDeclared',
  'StaffDaysBooked',
  'StaffDaysReleased',
  'BudgetAllocated',
  'BudgetReserved',
  'BudgetReleased',
  'CostRecorded',
  'AccompanimentRequestSubmitted',
  'AccompanimentRequestAmended',
  'AccompanimentRequestWithdrawn',
  'AccompanimentRequestAssessed',
  'AccompanimentAccepted',
  'AccompanimentDeclined',
  'MissionScheduled',
  'MissionActivityPlanned',
  'MissionActivityDone',
  'MissionReportFiled',
  'MissionCompleted',
  'MissionCancelled',
  'LessonRecorded',
  'LessonEdited',
  'LessonPromotedToGoodPractice',
  'LessonRetracted',
];

/**
 * A PostgreSQL run spends most of its time creating two databases and their
 * read-model tables, so it gets fewer runs; the SQLite runs must between
 * them produce every event type.
 */
const RUNS: Record<DialectName, number> = { sqlite: 25, postgres: 6 };

describe.each(DIALECTS)('the read models on %s', (dialect) => {
  it('are the same rebuilt from scratch as projected incrementally with crashes in between', async () => {
    resetCoverage();
    await fc.assert(
      fc.asyncProperty(scenarioArb, (scenario) => rebuildEqualsIncremental(dialect, scenario)),
      {
        numRuns: RUNS[dialect],
        seed: SEED,
        ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}),
        // Shrinking replays whole histories against real databases, which takes minutes; ask for it when debugging.
        endOnFailure: !process.env.PROPERTY_SHRINK,
      },
    );
    if (dialect === 'sqlite') {
      const missing = EXPECTED_EVENT_TYPES.filter((t) => !coverage.eventTypes.has(t));
      expect(missing, `event types no run produced (commands: ${JSON.stringify(coverage.commands)})`).toEqual([]);
    }
    expect(coverage.crashes, 'injected crashes that fired').toBeGreaterThanOrEqual(RUNS[dialect]);
    expect(coverage.outages, 'outages the same projector recovered from').toBeGreaterThan(0);
    expect(coverage.restarts, 'restarts of a projector that had run').toBeGreaterThan(0);
  }, 240_000);
});
