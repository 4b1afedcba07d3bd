import type { EventStore } from '@werkbezoek/eventstore';

/** Loads the synthetic demo history into an empty store. */
export async function loadDemoHistory(_store: EventStore, log: (message: string) => void): Promise<void> {
  log('Demo data: the generator lands with the write-side issue; starting with an empty store.');
}
