import { readyz, startProcess, until, type PlatformProcess, type Readyz } from '../../topology/processes.js';
import { monotonicMs } from '../evidence.js';

/**
 * One platform process (`pnpm start`'s entry point in a role) that a fault
 * suite kills with SIGKILL and starts again, on the same port each time, so
 * clients keep one URL.
 */
export class PlatformRole {
  private process: PlatformProcess | undefined;
  /** Every process started for this role, the killed ones included (for their output). */
  readonly started: PlatformProcess[] = [];

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    readonly port: number,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get url(): string {
    return `${this.base}/graphql`;
  }

  get current(): PlatformProcess {
    if (!this.process) throw new Error(`${this.name} was not started`);
    return this.process;
  }

  /** Starts a process and resolves with the time it was spawned (on the monotonic clock: `monotonicMs`). */
  async start(): Promise<number> {
    const spawnedAt = monotonicMs();
    const p = await startProcess(`${this.name} #${this.started.length + 1}`, { ...this.env, PORT: String(this.port) });
    this.process = { ...p, port: this.port, base: this.base };
    this.started.push(this.process);
    return spawnedAt;
  }

  /** Waits until /readyz satisfies `ready`; fails with every process's output if this one exits. */
  async until(what: string, ready: (r: Readyz) => boolean, ms = 90_000): Promise<Readyz> {
    const p = this.current;
    return until(
      `${this.name}: ${what}`,
      async () => {
        const r = await readyz(p);
        return r && ready(r) ? r : undefined;
      },
      ms,
      [p],
    );
  }

  async kill(): Promise<void> {
    const p = this.current;
    p.child.kill('SIGKILL');
    const how = await p.exited;
    if (how !== 'SIGKILL') throw new Error(`${p.name} ended with ${how} before it was killed:\n${p.output()}`);
  }

  /** A graceful stop (SIGTERM); resolves with the exit code. */
  async stop(): Promise<number | string> {
    const p = this.current;
    if (p.child.exitCode !== null || p.child.signalCode !== null) return p.child.exitCode ?? p.child.signalCode!;
    p.child.kill('SIGTERM');
    return p.exited;
  }

  /** Ends whatever still runs (after a failed test). */
  async end(): Promise<void> {
    for (const p of this.started)
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGKILL');
        await p.exited;
      }
  }

  /** The last lines of every process's output, for a failure message. */
  output(lines = 40): string {
    return this.started.map((p) => `--- ${p.name}:\n${p.output().split('\n').slice(-lines).join('\n')}`).join('\n');
  }
}

/** Lag zero everywhere and the head known: the read models show every stored event. */
export const caughtUp = (r: Readyz): boolean =>
  r.projections.length > 0 && r.projections.every((p) => p.lagEvents === '0' && p.error === null);

export function summary(values: readonly number[]): { n: number; min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] ?? NaN,
    median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
