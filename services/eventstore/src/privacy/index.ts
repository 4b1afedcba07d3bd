export { ENVELOPE_PREFIX, isEnvelope } from './envelope.js';
export * from './keyStore.js';
export * from './keyStoreConfig.js';
export * from './personalDataCodec.js';
export { KEYS_FILE, openSqliteKeyStore, type SqliteKeyStoreOptions } from './sqliteKeyStore.js';
export type { PostgresKeyStoreOptions } from './postgresKeyStore.js';
