// A separate entry: the gRPC client loads only for those who use EventStoreDB.
export {
  EventStoreDbEventStore,
  packPosition,
  unpackPosition,
  type EventStoreDbEventStoreOptions,
} from './eventStoreDbEventStore.js';
