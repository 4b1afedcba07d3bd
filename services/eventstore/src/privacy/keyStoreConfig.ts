import { join } from 'node:path';
import type { SubjectKeyStore } from './keyStore.js';
import { KEYS_FILE, openSqliteKeyStore } from './sqliteKeyStore.js';

/**
 * Where the keys of personal data live, as plain data (a projector thread
 * opens the same store): PostgreSQL when the read models are there, so every
 * replica shares them; else `keys.db` beside `events.db`.
 */
export type KeyStoreConfig =
  { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** DATABASE_URL puts the keys in the read-model database; otherwise DATA_DIR/keys.db. */
export function keyStoreConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): KeyStoreConfig {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL }
    : { kind: 'sqlite', path: join(dataDir, KEYS_FILE) };
}

export async function openKeyStore(config: KeyStoreConfig): Promise<SubjectKeyStore> {
  if (config.kind === 'sqlite') return openSqliteKeyStore({ path: config.path });
  // Loaded only when used: SQLite deployments need no PostgreSQL client.
  const { openPostgresKeyStore } = await import('./postgresKeyStore.js');
  return openPostgresKeyStore({ url: config.url });
}
