import { MemoryEventStore } from '@werkbezoek/eventstore';
import type { RecordedEvent } from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { allProjections } from '../projections.js';
import { freshDatabase } from '../testing/dialects.js';
import { History } from '../testing/history.js';
import { PostgresProjectorLease } from './lease.js';
import { Projector } from './projector.js';
import { ProjectionRunner } from './runner.js';

/*
 * A projector taking over (its peers killed, or a new version deployed) while API replicas go on writing:
 * it caught up "until no event is left", and under a steady stream of writes that moment comes only when
 * the writes pause. It was active and applying all along, yet reported itself caught up, and served its
 * /healthz and /readyz, only then. Found while looking for the cause of issue 16's 43 s restart of both
 * projectors (a paused virtual machine, in the end), which looked like this from the outside.
 */

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * An event log that grows while it is read, as the API's does under a steady load: after each read of it,
 * one more municipality is appended (until `stop`), so every batch finds a new event behind it.
 */
class GrowingLog extends MemoryEventStore {
  private growing = true;
  appended = 0;

  override async *readAll(options?: Parameters<MemoryEventStore['readAll']>[0]): AsyncIterable<RecordedEvent> {
    yield* super.readAll(options);
    if (!this.growing) return;
    const nisCode = String(20_000 + this.appended++);
    await new History(this).add(`municipality-${nisCode}`, 'MunicipalityRegistered', {
      nisCode,
      name: `Gemeente ${nisCode}`,
      province: 'ANTWERPEN',
    });
  }

  stop(): void {
    this.growing = false;
  }
}

describe('a projector taking over while the API goes on writing (PostgreSQL read models)', () => {
  it('is active and caught up within seconds, not when the writes pause, and follows the rest live', async () => {
    const db = await freshDatabase('postgres');
    cleanup.push(() => db.drop());
    if (db.config.dialect !== 'postgres') throw new Error('expected PostgreSQL');
    const store = new GrowingLog();
    cleanup.push(async () => store.stop());
    await new History(store).basics();

    const projector = new Projector({
      lease: new PostgresProjectorLease({ url: db.config.url, heartbeatMs: 200 }),
      createRunner: () => new ProjectionRunner({ store, readModels: db.readModels, projections: allProjections }),
      standbyRetryMs: 50,
    });
    cleanup.push(() => projector.stop());
    const outcome = await Promise.race([
      projector.start().then(() => 'caught up' as const),
      sleep(10_000).then(() => 'still catching up after 10 s' as const),
    ]);
    expect(outcome).toBe('caught up');
    expect(projector.state).toBe('active');

    // The log goes on growing a little, then stops: the live loop has applied every event.
    await sleep(300);
    store.stop();
    expect(store.appended).toBeGreaterThan(10);
    await projector.runner!.waitFor(await store.headPosition(), 10_000);
  }, 30_000);
});
