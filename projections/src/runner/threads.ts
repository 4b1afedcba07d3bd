import { Worker } from 'node:worker_threads';
import type { EventStoreConfig } from '@werkbezoek/eventstore';
import type { ReadModelConfig } from '../db/database.js';
import { allProjections } from '../projections.js';
import type { Projection } from './projection.js';

/** Where a projector thread finds the stores: each thread opens its own connections. */
export interface ThreadsOptions {
  /** Threads to catch up on; 1 keeps everything on the caller's thread. */
  readonly count: number;
  readonly eventStore: EventStoreConfig;
  readonly readModels: ReadModelConfig;
  /** Behind by fewer events than this, one thread catches up sooner than several start. */
  readonly minimumLag?: number;
}

/** What the runner hands a projector thread. */
export interface ThreadTask {
  readonly eventStore: EventStoreConfig;
  readonly readModels: ReadModelConfig;
  readonly projections: readonly string[];
  readonly batchSize: number;
}

export type ThreadMessage = { kind: 'progress'; position: bigint } | { kind: 'log'; message: string };

/** Only the platform's own projections can be loaded by name in another thread. */
export function threadable(projections: readonly Projection[]): boolean {
  return projections.every((p) => allProjections.includes(p));
}

/**
 * Splits projections into at most `count` groups whose costliest group costs
 * the least, and of those the one whose groups read the fewest event types
 * (a type two groups handle is read twice): every split is tried while there
 * are few (a handful of threads and projections); else the costliest
 * projection goes to the lightest group first, which is within a third of
 * the best.
 */
export function partition(projections: readonly Projection[], count: number): Projection[][] {
  const k = Math.min(count, projections.length);
  const cost = (p: Projection) => p.cost ?? 1;
  const sorted = [...projections].sort((a, b) => cost(b) - cost(a));
  if (k ** sorted.length > 50_000) {
    const groups = Array.from({ length: k }, () => ({ cost: 0, members: [] as Projection[] }));
    for (const p of sorted) {
      const lightest = groups.reduce((min, g) => (g.cost < min.cost ? g : min));
      lightest.members.push(p);
      lightest.cost += cost(p);
    }
    return groups.map((g) => g.members);
  }
  const typesRead = (split: readonly Projection[][]) =>
    split.reduce((sum, g) => sum + new Set(g.flatMap((p) => p.handles)).size, 0);
  let best: { max: number; types: number; groups: Projection[][] } = { max: Infinity, types: Infinity, groups: [] };
  const groups: Projection[][] = [];
  const costs: number[] = [];
  const place = (i: number, max: number): void => {
    if (max > best.max) return;
    if (i === sorted.length) {
      if (groups.length < k) return;
      const types = typesRead(groups);
      if (max < best.max || types < best.types) best = { max, types, groups: groups.map((g) => [...g]) };
      return;
    }
    const p = sorted[i]!;
    // Groups are interchangeable: a projection goes into one already started, or starts the next one.
    for (let g = 0; g < Math.min(groups.length + 1, k); g++) {
      if (g === groups.length) {
        groups.push([]);
        costs.push(0);
      }
      groups[g]!.push(p);
      costs[g]! += cost(p);
      place(i + 1, Math.max(max, costs[g]!));
      groups[g]!.pop();
      costs[g]! -= cost(p);
      if (groups[g]!.length === 0) {
        groups.pop();
        costs.pop();
      }
    }
  };
  place(0, 0);
  return best.groups;
}

/**
 * Catches up groups of projections on threads of their own, each with its
 * own connections to the event store and the read models: applying events
 * is mostly JavaScript, so on several cores the groups run side by side, and
 * they take turns only for their short write transactions. Each thread's
 * runner checkpoints as the caller's would, so stopping midway loses nothing.
 */
export async function catchUpOnThreads(
  groups: readonly (readonly Projection[])[],
  options: ThreadsOptions & {
    readonly batchSize: number;
    readonly onProgress?: (position: bigint) => void;
    readonly log?: (message: string) => void;
  },
): Promise<void> {
  const positions = groups.map(() => -1n);
  const threads = groups.map((group) => {
    const task: ThreadTask = {
      eventStore: options.eventStore,
      readModels: options.readModels,
      projections: group.map((p) => p.name),
      batchSize: options.batchSize,
    };
    // A larger young generation: applying a batch makes many short-lived rows, and V8's default scavenges too often.
    return new Worker(new URL('./projectorThread.boot.mjs', import.meta.url), {
      workerData: task,
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    });
  });
  const finished = threads.map(
    (thread, i) =>
      new Promise<void>((resolve, reject) => {
        thread.on('message', (message: ThreadMessage) => {
          if (message.kind === 'log') return options.log?.(message.message);
          positions[i] = message.position;
          if (positions.every((p) => p >= 0n)) options.onProgress?.(positions.reduce((min, p) => (p < min ? p : min)));
        });
        thread.on('error', reject);
        thread.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`Projector thread ${i + 1} stopped with exit code ${code}`)),
        );
      }),
  );
  try {
    await Promise.all(finished);
  } catch (error) {
    // One thread failed (an outage): stop the others; every thread's checkpoints keep what it did.
    await Promise.all(threads.map((t) => t.terminate()));
    throw error;
  }
}
