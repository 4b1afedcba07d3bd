/**
 * A projector in a child process, for the crash test: catches up the given
 * projections over a SQLite event store into SQLite read models, in small
 * batches, printing "at <position>" after each committed batch.
 *
 * usage: node --import tsx projectorProcess.ts <events.db> <read-models.db> <batchSize>
 */
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { openReadModels } from '../db/database.js';
import { allProjections } from '../projections.js';
import { ProjectionRunner } from '../runner/runner.js';

const [events, readModelsPath, batchSize] = process.argv.slice(2);
if (!events || !readModelsPath) throw new Error('usage: projectorProcess.ts <events.db> <read-models.db> <batchSize>');
const store = new SqliteEventStore({ path: events });
const readModels = openReadModels({ dialect: 'sqlite', path: readModelsPath });
const runner = new ProjectionRunner({
  store,
  readModels,
  projections: allProjections,
  batchSize: Number(batchSize ?? 50),
  onProgress: (p) => process.stdout.write(`at ${p.position}\n`),
});
await runner.catchUp();
process.stdout.write('done\n');
await readModels.close();
await store.close();
