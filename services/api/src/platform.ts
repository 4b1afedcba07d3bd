import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { CommandHandlers, DecisionRecovery, EventLogContext, PrivacyHandlers } from '@werkbezoek/domain';
import {
  eventStoreConfigFromEnv,
  openEventStore,
  openKeyStore,
  type EventStore,
  type EventStoreConfig,
  type SubjectKeyStore,
} from '@werkbezoek/eventstore';
import {
  allProjections,
  CheckpointWatcher,
  ErasureEffect,
  openReadModels,
  PostgresProjectorLease,
  ProjectionRunner,
  Projector,
  soleProjector,
  type ReadModelConfig,
  type ReadModelDb,
} from '@werkbezoek/projections';
import { ProgressBar } from '@werkbezoek/terminal';
import type { Logger } from 'pino';
import type { ApiServer } from './apiServer.js';
import type { ExecutionOptions } from './graphql/execution.js';
import type { AuthConfig } from './auth/principal.js';
import { landing } from './http/landing.js';
import { readModelDirectory } from './privacy/dataSubjectDirectory.js';
import { DEFAULT_RETENTION, RetentionJob, type RetentionSettings } from './privacy/retentionJob.js';
import { DEFAULT_RECOVERY, RecoveryJob, type RecoverySettings } from './recovery/recoveryJob.js';
import { prepareDataDir } from './startupErrors.js';
import { healthRoutes, sendJson, type ProcessRole } from './http/readiness.js';
import { defaultWebDist } from './http/webUi.js';

export interface PlatformOptions {
  readonly dataDir: string;
  /** Where the event log lives; by default the embedded SQLite store in dataDir. */
  readonly eventStore?: EventStoreConfig;
  readonly readModels: ReadModelConfig;
  readonly auth: AuthConfig;
  readonly host: string;
  readonly port: number;
  /** Load the synthetic demo history into an empty store. */
  readonly demoData: boolean;
  readonly production?: boolean;
  readonly log?: (message: string) => void;
  /** Structured request logs, passed to the API server. */
  readonly logger?: Logger;
  /**
   * What this process runs: `all` (API and projector, the embedded default), `api` (stateless
   * GraphQL and UI; any number of replicas) or `projector` (the projection runner; one active).
   */
  readonly role?: 'all' | 'api' | 'projector';
  /** How long a mutation waits for the read models to reach its events (read your writes). */
  readonly readYourWritesTimeoutMs?: number;
  /** How often a standing-by projector tries to become the active one. */
  readonly standbyRetryMs?: number;
  /** Show a progress bar while the read models catch up. */
  readonly progress?: boolean;
  /** The clock for command times (tests set it). */
  readonly now?: () => Date;
  /** When repeated queries are compiled; by default on their second run. */
  readonly execution?: ExecutionOptions;
  /** The built web UI served at / (default: web/dist of the repository). */
  readonly webDist?: string;
  /** How long an Idempotency-Key stays bound to its first request (default 24 hours). */
  readonly idempotencyKeyTtlMs?: number;
  /** Retention periods per kind of personal data and the daily job (default DEFAULT_RETENTION: a dry run). */
  readonly retention?: RetentionSettings;
  /** The grace period and pace of the job that settles decisions interrupted halfway (default DEFAULT_RECOVERY). */
  readonly recovery?: RecoverySettings;
}

export interface Platform {
  /** The GraphQL endpoint; for a projector, the base of its /healthz and /readyz. */
  readonly url: string;
  readonly role: ProcessRole;
  readonly store: EventStore;
  /** This process's projector (roles `all` and `projector`). */
  readonly projector: Projector | undefined;
  /** The GraphQL API (roles `all` and `api`). */
  readonly api: ApiServer | undefined;
  /** The daily retention job (roles `all` and `projector`, unless RETENTION_JOB=off); it runs while the projector is active. */
  readonly retentionJob: RetentionJob | undefined;
  /** Completes or gives back decisions interrupted halfway (roles `all` and `projector`); it runs while the projector is active. */
  readonly recoveryJob: RecoveryJob | undefined;
  readonly events: bigint;
  /**
   * Resolves when the write side's index of the log (the domain context the assessments ask) has read the
   * whole log once. It starts reading at once, in slices that leave the event loop free; until it is done,
   * commands that assess wait for it (a first start over 1.3 million events: seconds), reads do not.
   */
  readonly contextReady: Promise<void>;
  /** Stops accepting, finishes requests in flight and the projector's batch, gives up the projector lease. */
  close(): Promise<void>;
}

/**
 * The platform in one process, in one of three roles: `all` (event store, projector and GraphQL API: the
 * embedded default), `api` (a stateless replica: GraphQL and the UI, reading checkpoints from the
 * database for read-your-writes) or `projector` (the projection runner, active while it holds the
 * projector lease on PostgreSQL, else standing by; it serves only /healthz and /readyz).
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const role = options.role ?? 'all';
  const log = options.log ?? ((m: string) => console.error(`[werkbezoek] ${m}`));
  prepareDataDir(options.dataDir);
  // The keys of personal data go where the read models are: PostgreSQL, or keys.db in DATA_DIR.
  const eventStore =
    options.eventStore ??
    eventStoreConfigFromEnv(
      options.readModels.dialect === 'postgres' ? { DATABASE_URL: options.readModels.url } : {},
      options.dataDir,
    );
  // One key store for the whole process, so an erasure here drops its key from every cache at once.
  const keyStore = eventStore.keys ? await openKeyStore(eventStore.keys) : undefined;
  const store = await openEventStore(eventStore, keyStore ? { keyStore } : {}).catch(async (error: unknown) => {
    await keyStore?.close();
    throw error;
  });
  const context = new EventLogContext(store);
  let closing = false;
  const contextReady =
    role === 'projector'
      ? Promise.resolve()
      : context.catchUp().catch((error: unknown) => {
          // The commands that need it read it again, and fail with the store's error then; a store closed
          // under the first read (a stop soon after the start) is no failure.
          if (!closing)
            log(
              `Reading the event log for the write side failed: ${error instanceof Error ? error.message : String(error)}`,
            );
        });
  // Caches of events read before an erasure hold the erased values in clear.
  const forget = () => context.forget();
  // The API's reads in a thread beside the event loop (SQLite): a long one no longer holds up every request.
  const readerDb = openReadModels(options.readModels, { readerThreads: 1, log });
  const projectorDb = role === 'api' ? undefined : openReadModels(options.readModels, { projector: true });
  const projector = projectorDb
    ? createProjector(options, store, eventStore, projectorDb, log, keyStore && { keys: keyStore, forget })
    : undefined;
  await projector?.start();
  const retention = options.retention ?? DEFAULT_RETENTION;
  const retentionJob =
    projector && retention.job !== 'off'
      ? new RetentionJob({
          settings: retention,
          readModels: readerDb,
          privacy:
            keyStore && new PrivacyHandlers({ store, subjects: readModelDirectory(readerDb), keys: keyStore, forget }),
          isActive: () => projector.state === 'active',
          log,
          ...(options.now ? { now: options.now } : {}),
        })
      : undefined;
  retentionJob?.start();
  const recoverySettings = options.recovery ?? DEFAULT_RECOVERY;
  const recoveryJob = projector
    ? new RecoveryJob({
        settings: recoverySettings,
        recovery: new DecisionRecovery(store, new CommandHandlers(store, context), recoverySettings.graceMinutes),
        isActive: () => projector.state === 'active',
        log,
        ...(options.now ? { now: options.now } : {}),
      })
    : undefined;
  recoveryJob?.start();

  const timeout = options.readYourWritesTimeoutMs ?? 10_000;
  const checkpoints = new CheckpointWatcher(readerDb);
  // The active projector of this process knows its positions at once; otherwise the database tells.
  const waitFor = (position: bigint) =>
    projector?.runner ? projector.runner.waitFor(position, timeout) : checkpoints.waitFor(position, timeout);
  const health = healthRoutes({
    role,
    store,
    readModels: readerDb,
    ...(projector ? { projector } : {}),
    ...(recoveryJob ? { recovery: () => recoveryJob.stats() } : {}),
  });

  let api: ApiServer | undefined;
  let probes: Server | undefined;
  let url: string;
  if (role === 'projector') {
    probes = createServer((request, response) => {
      void health(request, response).then((handled) => {
        if (!handled) sendJson(response, 404, { error: 'A projector serves only /healthz and /readyz' });
      });
    });
    url = await listen(probes, options.port, options.host);
  } else {
    // Loaded only where it serves: Apollo, type-graphql and the resolvers are a second of a projector's start,
    // which a restart of both projectors waits for (issue 16).
    const { createApiServer } = await import('./apiServer.js');
    api = await createApiServer({
      services: {
        store,
        handlers: new CommandHandlers(store, context),
        ...(keyStore
          ? {
              privacy: new PrivacyHandlers({
                store,
                subjects: readModelDirectory(readerDb),
                keys: keyStore,
                forget,
              }),
            }
          : {}),
        readModels: readerDb,
        waitFor,
        now: options.now ?? (() => new Date()),
        retention: retention.periods,
      },
      auth: options.auth,
      production: options.production ?? false,
      log,
      ...(options.logger ? { logger: options.logger } : {}),
      fallback: landing({
        health,
        readModels: readerDb,
        authMode: options.auth.mode,
        webDist: options.webDist ?? defaultWebDist,
      }),
      ...(options.execution ? { execution: options.execution } : {}),
      ...(options.idempotencyKeyTtlMs !== undefined ? { idempotencyKeyTtlMs: options.idempotencyKeyTtlMs } : {}),
    });
    url = await api.listen(options.port, options.host);
  }
  return {
    url,
    role,
    store,
    projector,
    api,
    retentionJob,
    recoveryJob,
    events: await store.headPosition(),
    contextReady,
    close: async () => {
      // In order: no new requests (those in flight finish), then the projector's current batch and its lease.
      closing = true;
      await api?.close();
      if (probes) await new Promise<void>((resolve) => probes.close(() => resolve()));
      await retentionJob?.stop();
      await recoveryJob?.stop();
      await projector?.stop();
      await Promise.all([projectorDb?.close(), readerDb.close()]);
      await store.close();
      await keyStore?.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
  });
}

/**
 * The projector: on PostgreSQL read models it holds the advisory lock while active; on SQLite this process
 * is the one projector. The first activation loads the demo history into an empty store and shows the
 * catch-up's progress.
 */
function createProjector(
  options: PlatformOptions,
  store: EventStore,
  eventStore: EventStoreConfig,
  readModels: ReadModelDb,
  log: (message: string) => void,
  erasure: { readonly keys: SubjectKeyStore; readonly forget: () => void } | undefined,
): Projector {
  let first = true;
  return new Projector({
    lease:
      options.readModels.dialect === 'postgres'
        ? new PostgresProjectorLease({ url: options.readModels.url })
        : soleProjector,
    standbyRetryMs: options.standbyRetryMs ?? 2000,
    log,
    onActive: async () => {
      if (options.demoData && (await store.headPosition()) === 0n) {
        const { loadDemoHistory } = await import('./demoData.js');
        await loadDemoHistory(store, log, options.progress ?? false);
      }
    },
    createRunner: () => {
      const bar =
        first && options.progress ? new ProgressBar({ label: 'Projecting the event log', unit: 'events' }) : undefined;
      first = false;
      let finished = false;
      return new ProjectionRunner({
        store,
        readModels,
        projections: allProjections,
        // The erasure of a data subject: key deleted, read models holding personal data rebuilt, SQLite compacted.
        ...(erasure
          ? { maintenance: new ErasureEffect({ readModels, projections: allProjections, log, ...erasure }) }
          : {}),
        // A long log (a first start, a new projection version) catches up on every core.
        threads: { count: availableParallelism(), eventStore, readModels: options.readModels },
        log,
        ...(bar
          ? {
              onProgress: (p) => {
                if (finished) return;
                bar.update(Number(p.position), Number(p.head));
                if (p.position >= p.head) {
                  finished = true;
                  bar.finish();
                }
              },
            }
          : {}),
      });
    },
  });
}
