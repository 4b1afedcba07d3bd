/**
 * A projector in a child process that follows the log live, with no lock:
 * for the tests of two projectors writing one read-model database (two
 * `pnpm start` processes on one DATA_DIR, or a projector that lost its lock
 * without noticing). Prints "ready" once its projections exist, "moved" each
 * time it finds that another projector moved a checkpoint, and "stopped" on
 * SIGTERM after its current batch.
 *
 * usage: node --import tsx followingProjector.ts <events.db> <read-models.db | postgres://…> <batchSize>
 */
import { SqliteEventStore } from '@werkbezoek/eventstore';
import { openReadModels } from '../db/database.js';
import { allProjections } from '../projections.js';
import { ProjectionRunner } from '../runner/runner.js';

const [events, target, batchSize] = process.argv.slice(2);
if (!events || !target) throw new Error('usage: followingProjector.ts <events.db> <read-models> <batchSize>');
const store = new SqliteEventStore({ path: events });
const readModels = openReadModels(
  /^postgres(ql)?:/.test(target)
    ? { dialect: 'postgres', url: target, poolSize: 2 }
    : { dialect: 'sqlite', path: target },
  { projector: true },
);
const runner = new ProjectionRunner({
  store,
  readModels,
  projections: allProjections,
  batchSize: Number(batchSize ?? 50),
  log: (message) => {
    if (message.includes('another projector moved it')) process.stdout.write('moved\n');
    else process.stderr.write(`${message}\n`);
  },
});
await runner.migrate();
process.stdout.write('ready\n');
runner.start();
process.on('SIGTERM', () => {
  // While stopping, a timer keeps the process alive: a step that never settles then says which one it was,
  // instead of the process ending quietly with code 0 once nothing else holds it.
  let stage = 'stopping the runner';
  const watchdog = setTimeout(() => {
    process.stderr.write(`stop hung while ${stage}\n`);
    process.exit(1);
  }, 15_000);
  void (async () => {
    await runner.stop();
    stage = 'closing the read models';
    await readModels.close();
    stage = 'closing the event store';
    await store.close();
    clearTimeout(watchdog);
    process.stdout.write('stopped\n');
    process.exit(0);
  })();
});
