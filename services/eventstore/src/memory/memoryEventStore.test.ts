import type { RecordedEvent } from '@werkbezoek/schema';
import { eventStoreContract } from '../testing/eventStoreContract.js';
import { MemoryEventStore, MemoryStorage } from './memoryEventStore.js';

const storage = new MemoryStorage();

function storedEvent(eventId: string): RecordedEvent {
  const event = storage.byId.get(eventId);
  if (!event) throw new Error(`No event ${eventId} in the storage`);
  return event;
}

eventStoreContract('in-memory', {
  open: async (catalogue, options) => new MemoryEventStore(catalogue, storage, options),
  stored: {
    data: async (_, eventId) => JSON.stringify(storedEvent(eventId).data),
    replace: async (streamId, eventId, data) => {
      const old = storedEvent(eventId);
      const changed = Object.freeze({ ...old, data });
      storage.byId.set(eventId, changed);
      storage.all[storage.all.indexOf(old)] = changed;
      const stream = storage.streams.get(streamId)!;
      stream[stream.indexOf(old)] = changed;
    },
  },
});
