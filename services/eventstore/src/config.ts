import type { EventStore } from './eventStore.js';
import { SqliteEventStore } from './sqlite/sqliteEventStore.js';

/**
 * Where the event log lives, as plain data: enough for another thread or
 * process (a projector thread, the rebuild command) to open the same store.
 */
export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/** EVENTSTORE_URL selects EventStoreDB; otherwise the embedded store in `dataDir/events.db`. */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): EventStoreConfig {
  return env.EVENTSTORE_URL
    ? { kind: 'eventstoredb', connectionString: env.EVENTSTORE_URL }
    : { kind: 'sqlite', path: `${dataDir}/events.db` };
}

export interface OpenEventStoreOptions {
  /** Where a networked store reports reconnects, one line each. */
  readonly log?: (message: string) => void;
}

export async function openEventStore(
  config: EventStoreConfig,
  options: OpenEventStoreOptions = {},
): Promise<EventStore> {
  if (config.kind === 'sqlite') return new SqliteEventStore({ path: config.path });
  // Loaded only when used: the EventStoreDB client is large.
  const { EventStoreDbEventStore } = await import('./eventstoredb/eventStoreDbEventStore.js');
  return new EventStoreDbEventStore({ connectionString: config.connectionString, log: options.log });
}
