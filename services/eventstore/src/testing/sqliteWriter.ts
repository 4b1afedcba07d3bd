/**
 * A child process for the SQLite store's multi-process and crash tests:
 * appends single events and prints "ack <position> <eventId>" after each
 * acknowledged append, so the parent knows what was promised.
 *
 * usage: node --import tsx sqliteWriter.ts <db> <writer-name> <count> [sharedEvery]
 */
import { ConcurrencyError } from '@werkbezoek/schema';
import { SqliteEventStore } from '../sqlite/sqliteEventStore.js';
import { budgetAllocated } from './builders.js';

const [db, name, countArg, sharedEveryArg] = process.argv.slice(2);
if (!db || !name || !countArg) throw new Error('usage: sqliteWriter.ts <db> <writer-name> <count> [sharedEvery]');
const count = Number(countArg);
const sharedEvery = Number(sharedEveryArg ?? 0);
const store = new SqliteEventStore({ path: db });

for (let i = 0; i < count; i++) {
  const event = budgetAllocated(i + 1);
  let result;
  if (sharedEvery > 0 && i % sharedEvery === 0) {
    // Read, decide, append at the revision read; on a conflict, read again.
    for (;;) {
      let revision: bigint | 'no_stream' = 'no_stream';
      for await (const e of store.readStream('shared', { direction: 'backwards', maxCount: 1 })) revision = e.revision;
      try {
        result = await store.appendToStream('shared', [{ ...event, metadata: { ...event.metadata } }], {
          expectedRevision: revision,
        });
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  } else {
    result = await store.appendToStream(`${name}-${i % 7}`, [event]);
  }
  process.stdout.write(`ack ${result.position} ${event.metadata.eventId}\n`);
}
await store.close();
