import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The evidence suites (issue 16) measure the live platform under faults,
 * abuse and load. `pnpm test` runs each in a short version that still checks
 * every property; `pnpm test:evidence` (EVIDENCE=full) runs the full version
 * and writes its figures to test/evidence/results/<name>.json, which the
 * README's "Evidence" section quotes.
 */

/** Whether this run is the full evidence run (`pnpm test:evidence`). */
export const fullEvidence = process.env.EVIDENCE === 'full';

/** The short version's amount in `pnpm test`, the full one in `pnpm test:evidence`. */
export function evidenceScale<T>(short: T, full: T): T {
  return fullEvidence ? full : short;
}

export const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');

/**
 * Now on a monotonic clock, in milliseconds: measure durations with this, never with `Date.now()`. The wall
 * clock jumps when the machine is paused (a virtual machine snapshotted) or its time is stepped, and a
 * duration measured across the jump includes it: on 3 December the VM was paused for about 40 s during the
 * projector suite's run, and one restart of both projectors read 43 s instead of a few.
 */
export const monotonicMs = (): number => performance.now();

/** Wall clock minus monotonic clock when this suite's module was loaded. */
const clockOffset = Date.now() - performance.now();

/**
 * How far the wall clock has moved ahead of the monotonic clock since this suite began (a pause of the
 * machine, a step of its time); about 0 on a run nothing interrupted. Every report carries it, so that a
 * reader can tell a slow platform from a stopped machine.
 */
export function wallClockJumpMs(): number {
  return Math.round(Date.now() - performance.now() - clockOffset);
}

/**
 * Writes a suite's figures (full runs only, so a short CI run never replaces
 * published figures) and prints them, either way, as one JSON line.
 */
export function recordEvidence(name: string, figures: Record<string, unknown>): void {
  const report = {
    suite: name,
    date: new Date().toISOString(),
    full: fullEvidence,
    machine: { cpus: os.availableParallelism(), memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    wallClockJumpMs: wallClockJumpMs(),
    ...figures,
  };
  process.stdout.write(`[evidence] ${name}: ${JSON.stringify(report)}\n`);
  if (!fullEvidence) return;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
}
