/**
 * `pnpm start`: the whole platform in one process. The event store and the
 * read models live in DATA_DIR (embedded SQLite) unless EVENTSTORE_URL
 * (EventStoreDB) and DATABASE_URL (PostgreSQL) say otherwise; the projection
 * runner follows the log; the GraphQL API listens on HOST:PORT.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandHandlers, EventLogContext } from '@werkbezoek/domain';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@werkbezoek/eventstore';
import { allProjections, openReadModels, ProjectionRunner, readModelConfigFromEnv } from '@werkbezoek/projections';
import { ProgressBar } from '@werkbezoek/terminal';
import { createApiServer } from './apiServer.js';
import { authConfigFromEnv } from './auth/principal.js';
import { landing } from './http/landing.js';

const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? 'data');
const host = env.HOST ?? '127.0.0.1';
const port = Number(env.PORT ?? 4000);
const production = env.NODE_ENV === 'production';
const log = (message: string) => console.error(`[werkbezoek] ${message}`);

mkdirSync(dataDir, { recursive: true });
const store: EventStore = env.EVENTSTORE_URL
  ? new EventStoreDbEventStore({ connectionString: env.EVENTSTORE_URL })
  : new SqliteEventStore({ path: `${dataDir}/events.db` });
const readModelConfig = readModelConfigFromEnv(env, dataDir);
const projectorDb = openReadModels(readModelConfig);
const readerDb = openReadModels(readModelConfig);
const handlers = new CommandHandlers(store, new EventLogContext(store));

if ((await store.headPosition()) === 0n && env.DEMO_DATA !== 'off') {
  const { loadDemoHistory } = await import('./demoData.js');
  await loadDemoHistory(store, log);
}

const runner = new ProjectionRunner({ store, readModels: projectorDb, projections: allProjections, log });
const head = await store.headPosition();
const bar = new ProgressBar({ label: 'Projecting the event log', total: Number(head), unit: 'events' });
await new ProjectionRunner({
  store,
  readModels: projectorDb,
  projections: allProjections,
  log,
  onProgress: (p) => bar.update(Number(p.position), Number(p.head)),
}).catchUp();
bar.finish();
runner.start();

const auth = authConfigFromEnv(env);
const api = await createApiServer({
  services: {
    store,
    handlers,
    readModels: readerDb,
    waitFor: (position) => runner.waitFor(position, 10_000),
    now: () => new Date(),
  },
  auth,
  production,
  log,
  fallback: landing(runner, auth.mode),
});
const url = await api.listen(port, host);

console.log(`
Werkbezoek is running.
  GraphQL API   ${url}   (POST; GraphiQL in a browser)
  Health        http://${host}:${port}/healthz
  Event store   ${env.EVENTSTORE_URL ? `EventStoreDB at ${env.EVENTSTORE_URL}` : `SQLite ${dataDir}/events.db`} (${head} events)
  Read models   ${readModelConfig.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${dataDir}/read-models.db`}
  Sign in       ${auth.mode === 'demo' ? 'Authorization: Bearer demo-management | demo-planner | demo-analyst | demo-staff | demo-coordinator-<NIS code>, e.g. demo-coordinator-11055' : 'Authorization: Bearer <JWT> with the role and nis_code claims'}
Press Ctrl+C to stop.`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  await api.close();
  await runner.stop();
  await Promise.all([projectorDb.close(), readerDb.close()]);
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
