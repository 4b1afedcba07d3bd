import type { Event, RecordedEvent } from '@werkbezoek/schema';
import type { Subscription } from './eventStore.js';

/**
 * Wakes waiting subscriptions when this process commits an append. Writers in
 * other processes are noticed by polling.
 */
export class AppendNotifier {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  /** Resolves on the next notification, after `timeoutMs`, or when `signal` aborts. */
  wait(timeoutMs: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/**
 * A catch-up subscription over a store that can read batches after a position:
 * it reads batches until one comes back short (caught up), then waits for an
 * append notification or the poll interval, and reads on.
 */
export function pollingSubscription<E extends Event>(options: {
  fromPosition: bigint;
  readBatch: (after: bigint, max: number) => Promise<RecordedEvent<E>[]> | RecordedEvent<E>[];
  notifier: AppendNotifier;
  batchSize?: number;
  pollIntervalMs?: number;
  onStop?: () => void;
}): Subscription<E> {
  const { readBatch, notifier, batchSize = 1000, pollIntervalMs = 100 } = options;
  const abort = new AbortController();
  let started = false;
  // True while the consumer holds an event: stop() must not wait for the loop
  // then, or a consumer that stops from inside its own for-await would deadlock.
  let atYield = false;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));

  async function* run(): AsyncGenerator<RecordedEvent<E>> {
    let after = options.fromPosition;
    try {
      while (!abort.signal.aborted) {
        const batch = await readBatch(after, batchSize);
        for (const event of batch) {
          if (abort.signal.aborted) return;
          atYield = true;
          yield event;
          atYield = false;
          after = event.position;
        }
        if (batch.length < batchSize) await notifier.wait(pollIntervalMs, abort.signal);
      }
    } finally {
      options.onStop?.();
      finished();
    }
  }

  return {
    [Symbol.asyncIterator]() {
      if (started) throw new Error('A subscription can be iterated only once; subscribe again to read again');
      started = true;
      return run();
    },
    async stop() {
      abort.abort();
      if (started && !atYield) await done;
      else options.onStop?.();
    },
  };
}
