/** A projector thread: catches up the projections it is given, reporting each batch's position. */
import { parentPort, workerData } from 'node:worker_threads';
import { openEventStore } from '@werkbezoek/eventstore';
import { openReadModels } from '../db/database.js';
import { allProjections } from '../projections.js';
import { ProjectionRunner } from './runner.js';
import type { ThreadMessage, ThreadTask } from './threads.js';

const task = workerData as ThreadTask;
const post = (message: ThreadMessage) => parentPort!.postMessage(message);
const store = await openEventStore(task.eventStore);
const readModels = openReadModels(task.readModels, { projector: true });
try {
  const runner = new ProjectionRunner({
    store,
    readModels,
    projections: allProjections.filter((p) => task.projections.includes(p.name)),
    batchSize: task.batchSize,
    onProgress: (p) => post({ kind: 'progress', position: p.position }),
    log: (message) => post({ kind: 'log', message }),
  });
  const started = performance.now();
  await runner.catchUp();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  post({ kind: 'log', message: `Thread for ${task.projections.join(', ')}: caught up in ${seconds} s` });
} finally {
  await readModels.close();
  await store.close();
}
