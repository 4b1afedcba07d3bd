import { localDateOf, type PrivacyHandlers } from '@werkbezoek/domain';
import type { ReadModelDb, RetentionPeriods } from '@werkbezoek/projections';
import { applyRetention, describeReport, retentionReport } from './retention.js';

/** `off`: no job; `dry-run`: find who is past retention and log it; `apply`: erase them too. */
export type RetentionJobMode = 'off' | 'dry-run' | 'apply';

export interface RetentionSettings {
  readonly periods: RetentionPeriods;
  readonly job: RetentionJobMode;
  /** The time of day the job runs, HH:MM in the server's time zone. */
  readonly at: string;
}

/**
 * The defaults, in whole years from the day retention counts from (see
 * `retentionBasis`); null keeps that kind of data without a limit. The
 * README's retention table says why each.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  periods: { CONTACT_PERSON: 5, CONTACTED_PERSON: 5, TWINNING_ACTOR: 5, STAFF_MEMBER: 10, DOCUMENT: null },
  job: 'dry-run',
  at: '03:30',
};

/** The first moment after `now` at `at` (HH:MM, local time). */
export function nextRun(now: Date, at: string): Date {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  const next = new Date(now);
  next.setHours(hours, minutes, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next;
}

export interface RetentionJobOptions {
  readonly settings: RetentionSettings;
  /** The projector's read models: current, and on PostgreSQL the active projector's. */
  readonly readModels: ReadModelDb;
  /** Absent when no key store is configured: then nothing can be erased, and `apply` reports only. */
  readonly privacy: PrivacyHandlers | undefined;
  /** Only the active projector runs the job, so one process of a topology does it. */
  readonly isActive: () => boolean;
  readonly log: (message: string) => void;
  readonly now?: () => Date;
}

export interface RetentionJobRun {
  readonly asOf: string;
  readonly due: number;
  readonly erased: number;
  readonly skipped: number;
}

/**
 * Retention as a daily job in the platform (issue 15): the same report and
 * erasure as `pnpm privacy:retention`, at a time of day, in the process
 * that is the active projector. Logs counts per kind, never a person's id
 * or values. Off or dry-run unless configured to apply: erasure cannot be
 * undone, so the operator reads the first reports before letting it act.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly options: RetentionJobOptions) {}

  private get now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Schedules the daily runs. */
  start(): void {
    if (this.options.settings.job === 'off' || this.stopped) return;
    const delay = Math.max(0, nextRun(this.now, this.options.settings.at).getTime() - this.now.getTime());
    this.timer = setTimeout(() => {
      this.running = this.runNow()
        .catch((error: unknown) =>
          this.options.log(
            `Retention: the daily run failed (${error instanceof Error ? error.message : String(error)})`,
          ),
        )
        .finally(() => this.start());
    }, delay);
    this.timer.unref();
  }

  /** One run now; undefined when this process is not the active projector. */
  async runNow(): Promise<RetentionJobRun | undefined> {
    if (!this.options.isActive()) return undefined;
    const { settings, readModels, privacy, log } = this.options;
    const now = this.now;
    const report = await retentionReport(readModels, settings.periods, localDateOf(now.toISOString()));
    if (settings.job !== 'apply' || report.due.length === 0) {
      log(`${describeReport(report)}; dry run, nothing erased (RETENTION_JOB=${settings.job})`);
      return { asOf: report.asOf, due: report.due.length, erased: 0, skipped: 0 };
    }
    if (!privacy) {
      log(`${describeReport(report)}; nothing erased: no key store is configured`);
      return { asOf: report.asOf, due: report.due.length, erased: 0, skipped: report.due.length };
    }
    const outcomes = await applyRetention(privacy, report, now);
    const erased = outcomes.filter((o) => o.status === 'ERASED').length;
    log(
      `${describeReport(report)}; erased ${erased} (SYSTEM, RETENTION_EXPIRED), skipped ${outcomes.length - erased}; the read models are rebuilt without them next`,
    );
    return { asOf: report.asOf, due: report.due.length, erased, skipped: outcomes.length - erased };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
