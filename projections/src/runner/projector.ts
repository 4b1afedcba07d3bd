import type { ProjectorLease } from './lease.js';
import type { ProjectionRunner } from './runner.js';

/** `standby`: another process is the active projector (or the database cannot be reached); this one waits. */
export type ProjectorState = 'starting' | 'active' | 'standby' | 'stopped';

export interface ProjectorOptions {
  readonly lease: ProjectorLease;
  /** A fresh runner each time this process becomes active: it reads the checkpoints anew and caches nothing stale. */
  readonly createRunner: () => ProjectionRunner;
  /** How often a standby tries to take the lease. */
  readonly standbyRetryMs?: number;
  readonly log?: (message: string) => void;
  /** Runs each time this process becomes active, before catching up (the demo history goes into an empty store here). */
  readonly onActive?: () => Promise<void>;
}

/**
 * The projection runner of one process, run only while this process holds the projector lease: exactly
 * one projector is active, the others stand by and retry. A standby that takes over resumes from the
 * checkpoints, which were written in the same transactions as the rows, so nothing is applied twice.
 */
export class Projector {
  private current: ProjectorState = 'starting';
  private since = new Date();
  private activeRunner: ProjectionRunner | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private readonly stopped: Promise<string>;
  private markStopped: (reason: string) => void = () => {};

  constructor(private readonly options: ProjectorOptions) {
    this.stopped = new Promise((resolve) => (this.markStopped = resolve));
  }

  get state(): ProjectorState {
    return this.current;
  }

  /** When the current state began. */
  get stateSince(): Date {
    return this.since;
  }

  /** The runner while this process is the active projector. */
  get runner(): ProjectionRunner | undefined {
    return this.activeRunner;
  }

  /** Starts; resolves once this process is either active and caught up, or standing by. */
  start(): Promise<void> {
    return new Promise((settled, failed) => {
      this.loop = this.run(settled).catch((error: unknown) => {
        this.enter('stopped');
        failed(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  private enter(state: ProjectorState): void {
    if (this.current === state) return;
    this.current = state;
    this.since = new Date();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(settled: () => void): Promise<void> {
    const { lease, log } = this.options;
    const retry = this.options.standbyRetryMs ?? 2000;
    // The holder last named in the log: a standby says who it waits for once, and again when that changes.
    let named: string | undefined;
    while (!this.stopping) {
      let acquired = false;
      let unreachable: unknown;
      try {
        acquired = await lease.tryAcquire();
      } catch (error) {
        unreachable = error;
      }
      if (!acquired) {
        const wasStandingBy = this.current === 'standby';
        this.enter('standby');
        const since = this.since.toISOString();
        if (unreachable !== undefined)
          log?.(
            `Projector: cannot reach the read-model database for the lease (${message(unreachable)}); standing by since ${since}, retrying every ${retry} ms`,
          );
        else if (!wasStandingBy || (lease.heldBy !== undefined && lease.heldBy !== named)) {
          named = lease.heldBy;
          log?.(
            `Projector: standing by since ${since}: the projector lease is held by ${named ?? 'another projector'}; trying again every ${retry} ms`,
          );
        }
        settled();
        await this.sleep(retry);
        continue;
      }
      const lost = lease.lost();
      const runner = this.options.createRunner();
      this.activeRunner = runner;
      const stoodBy = this.current === 'standby' ? Date.now() - this.since.getTime() : undefined;
      this.enter('active');
      named = undefined;
      try {
        log?.(
          `Projector: active (this process holds the projector lease)${stoodBy === undefined ? '' : ` after standing by for ${(stoodBy / 1000).toFixed(1)} s`}; catching up`,
        );
        const catchingUp = performance.now();
        await this.options.onActive?.();
        await runner.catchUp();
        log?.(`Projector: caught up in ${Math.round(performance.now() - catchingUp)} ms; following the log`);
      } catch (error) {
        // The database went away while catching up: give the lease back and try again later.
        log?.(`Projector: catching up failed (${message(error)}); retrying`);
        this.activeRunner = undefined;
        this.enter('standby');
        await lease.release();
        await this.sleep(retry);
        continue;
      }
      settled();
      runner.start();
      const reason = await Promise.race([lost, this.stopped]);
      await runner.stop();
      this.activeRunner = undefined;
      if (this.stopping) break;
      log?.(`Projector: lost the projector lease: ${reason}; standing by`);
      this.enter('standby');
    }
    await lease.release();
    this.enter('stopped');
  }

  /** Finishes the current batch, stops, and gives the lease up so a standby takes over at once. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.markStopped('stopping');
    this.wake?.();
    await this.loop;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
