import type { Operation } from './operations.js';

/*
 * What the load generator process (client.ts) is asked to do and what it
 * answers, shared by the suites that start it.
 */

/** What the writes act on: the server's date and the history's twinnings and completed missions. */
export interface WriteTargets {
  /** The server's date (YYYY-MM-DD): visits are requested after it. */
  readonly today: string;
  readonly twinnings: readonly { readonly id: string; readonly nisCode: string }[];
  readonly missions: readonly { readonly id: string }[];
  readonly documents: Record<'submit' | 'amend' | 'decide' | 'recordLesson', string>;
}

export type LoadPlan =
  | {
      /** `connections` clients back to back for `seconds`; every fifth request a write. */
      readonly mode: 'mixed';
      readonly url: string;
      readonly seconds: number;
      readonly connections: number;
      readonly reads: readonly Operation[];
      readonly writes: WriteTargets;
    }
  | {
      /**
       * Open loop: requests started at a steady `rate` per second for `seconds`, whether or not earlier ones were
       * answered (as people using the UI would), every fifth a write; each latency counted from when its request was
       * due, so a stalled server is charged for every request it held up (no coordinated omission).
       */
      readonly mode: 'paced';
      readonly url: string;
      readonly seconds: number;
      readonly rate: number;
      readonly reads: readonly Operation[];
      readonly writes: WriteTargets;
    }
  | {
      /** One request at a time, every read in turn, `warmupRounds` unmeasured then `rounds` measured. */
      readonly mode: 'rounds';
      readonly url: string;
      readonly warmupRounds: number;
      readonly rounds: number;
      /** Fewer rounds (at least 10) when the measured ones would outlast this. */
      readonly maxSeconds?: number;
      readonly reads: readonly Operation[];
    };

/** Latency percentiles (ms) of a set of requests, their rate (requests/s) and how many failed. */
export interface Figures {
  readonly requests: number;
  readonly errors: number;
  readonly errorRate: number;
  readonly rate: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface LoadResult {
  /** The measured window, in epoch milliseconds (to line up the server's memory samples). */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly byOperation: Record<string, Figures>;
  readonly reads: Figures;
  readonly writes: Figures;
  readonly all: Figures;
  /** Requests completed in each second of the window. */
  readonly perSecond: readonly number[];
  /** The first failures, to say what went wrong. */
  readonly errorSamples: readonly { readonly operation: string; readonly status: number; readonly message: string }[];
}
