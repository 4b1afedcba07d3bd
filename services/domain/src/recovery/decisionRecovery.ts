import type { EventStore } from '@werkbezoek/eventstore';
import { DomainError } from '@werkbezoek/schema';
import type { CommandHandlers } from '../handlers.js';
import { overdue, trackDecisions, TRACKED_TYPES, type PendingDecision } from './interruptedDecisions.js';
import { recoverDecision, type RecoveryOutcome } from './recoverDecision.js';

/** What one recovery run found and did; ids only, so it may be logged. */
export interface RecoveryRun {
  /** Decisions seen taking resources and not yet seen finishing, after the run. */
  readonly pending: number;
  readonly completed: number;
  readonly released: number;
  /** Settled already (by a retry, or the command's own compensation): nothing to do. */
  readonly nothing: number;
  /** Resources held for a decision whose stream the log does not name: left for an operator. */
  readonly unknown: number;
  readonly failed: number;
  /** Per settled decision: its kind, command id and what was done. */
  readonly outcomes: readonly {
    kind: string;
    commandId: string;
    outcome: RecoveryOutcome | 'FAILED';
    /** The failure's message, which may name a staff member: for tests and traces, not for logs. */
    error?: string;
    /** The failure's code (a DomainError's) or class: what a log may say. */
    errorCode?: string;
  }[];
}

const PAGE = 10_000;
const SLICE_MS = 20;

/**
 * The process manager that finishes or gives back decisions interrupted
 * halfway (issue 16). It follows the log from where it last read (the event
 * types of `trackDecisions` only) and keeps the decisions still pending in
 * memory; each run settles those older than the grace period. After a
 * restart it reads the log from the start once.
 */
export class DecisionRecovery {
  private pending: ReadonlyMap<string, PendingDecision> = new Map();
  private position = 0n;

  constructor(
    private readonly store: EventStore,
    private readonly handlers: CommandHandlers,
    private readonly graceMinutes: number,
  ) {}

  /** Reads the log's new events of the tracked types. */
  async catchUp(): Promise<void> {
    // The first read after a start covers the whole log (1.3 million events: seconds); it runs in the API's
    // process, so it lets other work run every SLICE_MS.
    let sliceStarted = performance.now();
    for (;;) {
      let read = 0;
      for await (const e of this.store.readAll({ fromPosition: this.position, maxCount: PAGE, types: TRACKED_TYPES })) {
        this.pending = trackDecisions(this.pending, e);
        this.position = e.position;
        if (++read % 256 === 0 && performance.now() - sliceStarted >= SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStarted = performance.now();
        }
      }
      if (read < PAGE) return;
    }
  }

  /** The decisions pending now (read up to the last catch-up). */
  get pendingDecisions(): readonly PendingDecision[] {
    return [...this.pending.values()];
  }

  /** Catches up, then settles every decision pending for longer than the grace period. */
  async run(now: Date): Promise<RecoveryRun> {
    await this.catchUp();
    const counts = { completed: 0, released: 0, nothing: 0, unknown: 0, failed: 0 };
    const outcomes: RecoveryRun['outcomes'][number][] = [];
    for (const d of overdue(this.pending, now, this.graceMinutes * 60_000)) {
      try {
        const outcome = await recoverDecision(this.store, this.handlers, d, { now, graceMinutes: this.graceMinutes });
        counts[
          outcome === 'COMPLETED'
            ? 'completed'
            : outcome === 'RELEASED'
              ? 'released'
              : outcome === 'NOTHING'
                ? 'nothing'
                : 'unknown'
        ]++;
        outcomes.push({ kind: d.kind, commandId: d.commandId, outcome });
        const next = new Map(this.pending);
        next.delete(d.commandId);
        this.pending = next;
      } catch (error) {
        // Kept: the next run tries again (a concurrent change, a store briefly unavailable).
        counts.failed++;
        outcomes.push({
          kind: d.kind,
          commandId: d.commandId,
          outcome: 'FAILED',
          error: error instanceof Error ? error.message : String(error),
          errorCode:
            error instanceof DomainError ? error.code : error instanceof Error ? error.constructor.name : 'UNKNOWN',
        });
      }
    }
    return { pending: this.pending.size, ...counts, outcomes };
  }
}
