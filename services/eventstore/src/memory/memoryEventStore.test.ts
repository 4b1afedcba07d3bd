import { eventStoreContract } from '../testing/eventStoreContract.js';
import { MemoryEventStore, MemoryStorage } from './memoryEventStore.js';

const storage = new MemoryStorage();

eventStoreContract('in-memory', {
  open: async (catalogue) => new MemoryEventStore(catalogue, storage),
});
