import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { CommandHandlers, EventLogContext } from '@werkbezoek/domain';
import {
  eventStoreConfigFromEnv,
  openEventStore,
  type EventStore,
  type EventStoreConfig,
} from '@werkbezoek/eventstore';
import { allProjections, openReadModels, ProjectionRunner, type ReadModelConfig } from '@werkbezoek/projections';
import { ProgressBar } from '@werkbezoek/terminal';
import type { Logger } from 'pino';
import { createApiServer, type ApiServer } from './apiServer.js';
import type { ExecutionOptions } from './graphql/execution.js';
import type { AuthConfig } from './auth/principal.js';
import { landing } from './http/landing.js';
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
}

export interface Platform {
  readonly url: string;
  readonly store: EventStore;
  readonly runner: ProjectionRunner;
  readonly api: ApiServer;
  readonly events: bigint;
  close(): Promise<void>;
}

/** The whole platform in one process: event store, projection runner, GraphQL API. */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const log = options.log ?? ((m: string) => console.error(`[werkbezoek] ${m}`));
  mkdirSync(options.dataDir, { recursive: true });
  const eventStore = options.eventStore ?? eventStoreConfigFromEnv({}, options.dataDir);
  const store = await openEventStore(eventStore);
  const projectorDb = openReadModels(options.readModels, { projector: true });
  const readerDb = openReadModels(options.readModels);
  const handlers = new CommandHandlers(store, new EventLogContext(store));

  if ((await store.headPosition()) === 0n && options.demoData) {
    const { loadDemoHistory } = await import('./demoData.js');
    await loadDemoHistory(store, log, options.progress ?? false);
  }

  const head = await store.headPosition();
  const bar = options.progress
    ? new ProgressBar({ label: 'Projecting the event log', total: Number(head), unit: 'events' })
    : undefined;
  const runner = new ProjectionRunner({
    store,
    readModels: projectorDb,
    projections: allProjections,
    // A long log (a first start, a new projection version) catches up on every core.
    threads: { count: availableParallelism(), eventStore, readModels: options.readModels },
    log,
    ...(bar ? { onProgress: (p) => bar.update(Number(p.position), Number(p.head)) } : {}),
  });
  await runner.catchUp();
  bar?.finish();
  runner.start();

  const api = await createApiServer({
    services: {
      store,
      handlers,
      readModels: readerDb,
      waitFor: (position) => runner.waitFor(position, 10_000),
      now: options.now ?? (() => new Date()),
    },
    auth: options.auth,
    production: options.production ?? false,
    log,
    ...(options.logger ? { logger: options.logger } : {}),
    fallback: landing({
      runner,
      readModels: readerDb,
      authMode: options.auth.mode,
      webDist: options.webDist ?? defaultWebDist,
    }),
    ...(options.execution ? { execution: options.execution } : {}),
  });
  const url = await api.listen(options.port, options.host);
  return {
    url,
    store,
    runner,
    api,
    events: head,
    close: async () => {
      await api.close();
      await runner.stop();
      await Promise.all([projectorDb.close(), readerDb.close()]);
      await store.close();
    },
  };
}
