export * from './eventStore.js';
export * from './config.js';
export { MemoryEventStore, MemoryStorage } from './memory/memoryEventStore.js';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqliteEventStore.js';
export { AppendNotifier, pollingSubscription } from './subscription.js';
export { prepareAppend, type PreparedEvent } from './validation.js';
