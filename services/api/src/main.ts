/**
 * `pnpm start`: the whole platform in one process. The event store and the
 * read models live in DATA_DIR (embedded SQLite) unless EVENTSTORE_URL
 * (EventStoreDB) and DATABASE_URL (PostgreSQL) say otherwise; the projection
 * runner follows the log; the GraphQL API listens on HOST:PORT.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventStoreConfigFromEnv } from '@werkbezoek/eventstore';
import { readModelConfigFromEnv } from '@werkbezoek/projections';
import { authConfigFromEnv } from './auth/principal.js';
import { buildWebUi, webBuildState } from './http/webBuild.js';
import { startPlatform } from './platform.js';

const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? 'data');
const host = env.HOST ?? '127.0.0.1';
const eventStore = eventStoreConfigFromEnv(env, dataDir);
const readModels = readModelConfigFromEnv(env, dataDir);
const auth = authConfigFromEnv(env);

// The web UI is served from web/dist: build it first when it is missing or older than its sources.
const repository = fileURLToPath(new URL('../../../', import.meta.url));
const webBuild = webBuildState(repository);
if (webBuild === 'missing' || webBuild === 'stale') {
  console.log(`Building the web UI (its build is ${webBuild === 'missing' ? 'missing' : 'older than its sources'})…`);
  const started = performance.now();
  const built = buildWebUi(repository);
  if (built.ok) console.log(`Web UI built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  else
    console.error(
      `[werkbezoek] The web UI did not build: ${built.error}. The API starts without it; / says how to build it ` +
        '(fix the error above, then run pnpm --filter @werkbezoek/web build).',
    );
}

const platform = await startPlatform({
  dataDir,
  eventStore,
  readModels,
  auth,
  host,
  port: Number(env.PORT ?? 4000),
  demoData: env.DEMO_DATA !== 'off',
  production: env.NODE_ENV === 'production',
  progress: true,
  // An operator's switch: every query on graphql-js, should a compiled one ever misbehave.
  ...(env.COMPILE_QUERIES === 'off' ? { execution: { compileAfter: Infinity } } : {}),
});
const base = platform.url.replace(/\/graphql$/, '');

console.log(`
Werkbezoek is running.
  Web UI        ${base}/
  GraphQL API   ${platform.url}   (POST; open it in a browser for GraphiQL)
  Health        ${base}/healthz
  Event store   ${eventStore.kind === 'eventstoredb' ? `EventStoreDB at ${eventStore.connectionString}` : `SQLite ${eventStore.path}`} (${platform.events} events)
  Read models   ${readModels.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${dataDir}/read-models.db`}
  Sign in       ${auth.mode === 'demo' ? 'Authorization: Bearer demo-management | demo-planner | demo-analyst | demo-staff | demo-coordinator-<NIS code> (e.g. demo-coordinator-11055)' : 'Authorization: Bearer <JWT> with the role (and nis_code) claims'}
Press Ctrl+C to stop.`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`[werkbezoek] ${signal}: stopping`);
  await platform.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
