// A separate entry: the gRPC client loads only for those who use EventStoreDB.
export {
  EventStoreDbEventStore,
  exactTypes,
  packPosition,
  unpackPosition,
  type EventStoreDbEventStoreOptions,
} from './eventStoreDbEventStore.js';
export { grpcConnection, type EsdbConnection, type EsdbRead, type EsdbSubscription } from './connection.js';
