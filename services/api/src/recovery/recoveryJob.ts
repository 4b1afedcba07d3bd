import type { DecisionRecovery, RecoveryRun } from '@werkbezoek/domain';

export interface RecoverySettings {
  /** How long a decision interrupted halfway waits for its client to send it again before the platform settles it. */
  readonly graceMinutes: number;
  /** How often the job looks; the grace period bounds how late a decision is settled, this only adds to it. */
  readonly everySeconds: number;
}

export const DEFAULT_RECOVERY: RecoverySettings = { graceMinutes: 5, everySeconds: 60 };

/** What the job did since the process started, for /readyz. */
export interface RecoveryStats {
  readonly graceMinutes: number;
  readonly runs: number;
  readonly lastRunAt: string | null;
  /** Decisions seen taking resources and not yet finished (most finish within a second). */
  readonly pending: number;
  readonly completed: number;
  readonly released: number;
  readonly unknown: number;
  readonly failed: number;
  readonly lastError: string | null;
}

export interface RecoveryJobOptions {
  readonly settings: RecoverySettings;
  readonly recovery: DecisionRecovery;
  /** Only the active projector runs the job, so one process of a topology settles a decision. */
  readonly isActive: () => boolean;
  readonly log: (message: string) => void;
  readonly now?: () => Date;
}

/** One line for the log: counts, kinds and command ids, never a person's data. */
export function describeRun(run: RecoveryRun, graceMinutes: number): string {
  const settled = run.outcomes
    .filter((o) => o.outcome !== 'NOTHING')
    .map((o) => `${o.kind} ${o.commandId}: ${o.outcome}${o.errorCode ? ` (${o.errorCode})` : ''}`);
  return (
    `Decision recovery: ${run.completed} completed, ${run.released} released, ${run.unknown} left for an operator, ` +
    `${run.failed} failed (tried again next run), ${run.pending} pending (grace ${graceMinutes} min)` +
    (settled.length > 0 ? `; ${settled.join('; ')}` : '')
  );
}

/**
 * The process manager of issue 16 as a job of the active projector: every
 * `everySeconds` it settles the decisions interrupted halfway for longer
 * than the grace period (see `DecisionRecovery`). Logs a line only when it
 * did or failed something.
 */
export class RecoveryJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;
  private totals = { runs: 0, completed: 0, released: 0, unknown: 0, failed: 0 };
  private lastRunAt: string | null = null;
  private lastError: string | null = null;
  private pending = 0;

  constructor(private readonly options: RecoveryJobOptions) {}

  private get now(): Date {
    return this.options.now?.() ?? new Date();
  }

  start(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runNow()
        .catch((error: unknown) => {
          // The store's own errors (unreachable, disk full) name no person.
          this.lastError = error instanceof Error ? error.message : String(error);
          this.options.log(`Decision recovery: the run failed (${this.lastError}); trying again next run`);
        })
        .finally(() => this.start());
    }, this.options.settings.everySeconds * 1000);
    this.timer.unref();
  }

  /** One run now; undefined when this process is not the active projector. */
  async runNow(): Promise<RecoveryRun | undefined> {
    if (!this.options.isActive()) return undefined;
    const { settings, recovery, log } = this.options;
    const run = await recovery.run(this.now);
    this.totals.runs++;
    this.totals.completed += run.completed;
    this.totals.released += run.released;
    this.totals.unknown += run.unknown;
    this.totals.failed += run.failed;
    this.pending = run.pending;
    this.lastRunAt = this.now.toISOString();
    const failure = run.outcomes.find((o) => o.outcome === 'FAILED');
    if (failure) this.lastError = `${failure.kind} ${failure.commandId}: ${failure.errorCode ?? 'failed'}`;
    if (run.completed + run.released + run.unknown + run.failed > 0) log(describeRun(run, settings.graceMinutes));
    return run;
  }

  stats(): RecoveryStats {
    return {
      graceMinutes: this.options.settings.graceMinutes,
      ...this.totals,
      lastRunAt: this.lastRunAt,
      pending: this.pending,
      lastError: this.lastError,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
