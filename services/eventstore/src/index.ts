export * from './eventStore.js';
export * from './config.js';
export { MemoryEventStore, MemoryStorage, type MemoryEventStoreOptions } from './memory/memoryEventStore.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqliteEventStore.js';
export { enableWal } from './sqlite/wal.js';
export { AppendNotifier, pollingSubscription } from './subscription.js';
export { prepareAppend, type PreparedEvent } from './validation.js';
export * from './privacy/index.js';
