import type { EventStore } from './eventStore.js';
import { PersonalDataCodec } from './privacy/personalDataCodec.js';
import type { SubjectKeyStore } from './privacy/keyStore.js';
import { keyStoreConfigFromEnv, openKeyStore, type KeyStoreConfig } from './privacy/keyStoreConfig.js';
import { SqliteEventStore } from './sqlite/sqliteEventStore.js';

/**
 * Where the event log lives, as plain data: enough for another thread or
 * process (a projector thread, the rebuild command) to open the same store.
 * `keys`: where the keys of personal data live; without it the store neither
 * encrypts nor decrypts (tests, and migrate:eventstore, which copies sealed
 * values as they are).
 */
export type EventStoreConfig = (
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string }
) & { readonly keys?: KeyStoreConfig };

/**
 * EVENTSTORE_URL selects EventStoreDB; otherwise the embedded store in
 * `dataDir/events.db`. The keys go to PostgreSQL with DATABASE_URL, else to
 * `dataDir/keys.db`.
 */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): EventStoreConfig {
  const keys = keyStoreConfigFromEnv(env, dataDir);
  return env.EVENTSTORE_URL
    ? { kind: 'eventstoredb', connectionString: env.EVENTSTORE_URL, keys }
    : { kind: 'sqlite', path: `${dataDir}/events.db`, keys };
}

export interface OpenEventStoreOptions {
  /** Where a networked store reports reconnects, one line each. */
  readonly log?: (message: string) => void;
  /**
   * The key store to encrypt personal data with, owned by the caller (who
   * closes it after the store). Without it, the store opens the one
   * `config.keys` names and closes it with itself.
   */
  readonly keyStore?: SubjectKeyStore;
}

export async function openEventStore(
  config: EventStoreConfig,
  options: OpenEventStoreOptions = {},
): Promise<EventStore> {
  const owned = options.keyStore === undefined && config.keys ? await openKeyStore(config.keys) : undefined;
  const keyStore = options.keyStore ?? owned;
  const codec = keyStore ? new PersonalDataCodec(keyStore) : undefined;
  let store: EventStore;
  try {
    if (config.kind === 'sqlite') store = new SqliteEventStore({ path: config.path, codec });
    else {
      // Loaded only when used: the EventStoreDB client is large.
      const { EventStoreDbEventStore } = await import('./eventstoredb/eventStoreDbEventStore.js');
      store = new EventStoreDbEventStore({ connectionString: config.connectionString, log: options.log, codec });
    }
  } catch (error) {
    await owned?.close();
    throw error;
  }
  if (owned) {
    // The key store opened here is closed after the store: a subscription's last batch may still need keys.
    const closeStore = store.close.bind(store);
    store.close = async () => {
      await closeStore();
      await owned.close();
    };
  }
  return store;
}
