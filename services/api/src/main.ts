/**
 * `pnpm start`: a Werkbezoek process, configured by environment variables
 * (config.ts; .env.example lists them). ROLE=all runs the whole platform: the
 * event store and the read models in DATA_DIR (embedded SQLite) unless
 * EVENTSTORE_URL (EventStoreDB) and DATABASE_URL (PostgreSQL) say otherwise,
 * the projection runner following the log, and the GraphQL API on HOST:PORT.
 *
 * A start that fails says why in one line on stderr and exits with 1 (see
 * startupErrors.ts); SIGINT or SIGTERM stops it gracefully, a second one at once.
 */
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { loadConfig, type Config } from './config.js';
import { createLogger, logLines } from './logging.js';
import type { Platform } from './platform.js';
import { checkPortFree, checkSqliteFile, describeStartupError, prepareDataDir } from './startupErrors.js';

let config: Config | undefined;
let logger: Logger | undefined;
let platform: Platform | undefined;

/** Ends the process after a failed start: one line on stderr (and a fatal entry in JSON logs), the stack only at debug level. */
function fail(error: unknown): never {
  const line = describeStartupError(error, config);
  process.stderr.write(`[werkbezoek] ${line}\n`);
  if (logger?.isLevelEnabled('debug') && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  if (config?.log.format === 'json') logger?.fatal({ code: (error as { code?: unknown }).code }, line);
  process.exit(1);
}

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) {
    // A second signal: the operator does not want to wait for the graceful stop.
    logger?.warn(`${signal} again: exiting at once`);
    process.exit(128 + constants.signals[signal]);
  }
  stopping = true;
  logger?.info(`${signal}: stopping (send it again to exit at once)`);
  // During the start there is nothing in flight to finish: every write is a transaction.
  if (!platform) process.exit(0);
  platform.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger?.error({ err: error }, 'The graceful stop failed');
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

/** Builds the web UI into web/dist when it is missing or older than its sources (not when WEB_DIST names another build). */
async function ensureWebUi(log: Logger): Promise<void> {
  const { buildWebUi, webBuildState } = await import('./http/webBuild.js');
  const repository = fileURLToPath(new URL('../../../', import.meta.url));
  const state = webBuildState(repository);
  if (state !== 'missing' && state !== 'stale') return;
  log.info(`Building the web UI (its build is ${state === 'missing' ? 'missing' : 'older than its sources'})…`);
  const started = performance.now();
  const built = buildWebUi(repository);
  if (built.ok) log.info(`Web UI built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  else
    log.error(
      `The web UI did not build: ${built.error}. The API starts without it; / says how to build it ` +
        '(fix the error above, then run pnpm --filter @werkbezoek/web build).',
    );
}

function banner(config: Config, platform: Platform): string {
  const base = platform.url.replace(/\/graphql$/, '');
  const { eventStore, readModels, auth } = config;
  const serves =
    config.role === 'projector'
      ? `  Projector     ${platform.projector?.state ?? 'none'} (one active projector; the others stand by)\n`
      : `  Web UI        ${base}/\n  GraphQL API   ${platform.url}   (POST; open it in a browser for GraphiQL)\n`;
  return `
Werkbezoek is running${config.role === 'all' ? '' : ` (ROLE=${config.role})`}.
${serves}  Health        ${base}/healthz (alive) · ${base}/readyz (stores, projection lag, projector)
  Event store   ${eventStore.kind === 'eventstoredb' ? 'EventStoreDB (EVENTSTORE_URL)' : `SQLite ${eventStore.path}`} (${platform.events} events)
  Read models   ${readModels.dialect === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${readModels.path}`}
  Sign in       ${auth.mode === 'demo' ? 'Authorization: Bearer demo-management | demo-planner | demo-analyst | demo-staff | demo-coordinator-<NIS code> (e.g. demo-coordinator-11055)' : 'Authorization: Bearer <JWT> with the role (and nis_code) claims'}
Press Ctrl+C to stop.`;
}

try {
  config = loadConfig(process.env, { stdoutIsTty: process.stdout.isTTY });
  logger = createLogger(config);
  for (const warning of config.warnings) logger.warn(warning);

  // Checks that name the path or port, before the long part of the start (demo history, catching up).
  prepareDataDir(config.dataDir);
  if (config.eventStore.kind === 'sqlite') checkSqliteFile(config.eventStore.path);
  if (config.readModels.dialect === 'sqlite') checkSqliteFile(config.readModels.path);
  await checkPortFree(config.host, config.port);

  if (!config.webDist && config.role !== 'projector') await ensureWebUi(logger);

  // Loaded here, so that a module that fails to load (a native addon not built) is reported as above.
  const { startPlatform } = await import('./platform.js');
  platform = await startPlatform({
    role: config.role,
    dataDir: config.dataDir,
    eventStore: config.eventStore,
    readModels: config.readModels,
    auth: config.auth,
    host: config.host,
    port: config.port,
    demoData: config.demoData,
    production: config.production,
    progress: config.log.format === 'pretty',
    log: logLines(logger),
    logger,
    readYourWritesTimeoutMs: config.readYourWritesTimeoutMs,
    standbyRetryMs: config.standbyRetryMs,
    idempotencyKeyTtlMs: config.idempotencyKeyTtlHours * 3_600_000,
    // An operator's switch: every query on graphql-js, should a compiled one ever misbehave.
    ...(config.compileQueries ? {} : { execution: { compileAfter: Infinity } }),
    ...(config.webDist ? { webDist: config.webDist } : {}),
    retention: config.retention,
    recovery: config.recovery,
  });
} catch (error) {
  fail(error);
}

if (config.log.format === 'pretty') process.stdout.write(`${banner(config, platform)}\n`);
else
  logger.info(
    {
      role: config.role,
      url: platform.url,
      events: String(platform.events),
      eventStore: config.eventStore.kind === 'eventstoredb' ? 'eventstoredb' : config.eventStore.path,
      readModels: config.readModels.dialect === 'postgres' ? 'postgres' : config.readModels.path,
      auth: config.auth.mode,
    },
    'started',
  );
