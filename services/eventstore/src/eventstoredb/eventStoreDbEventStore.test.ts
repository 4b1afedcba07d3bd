import { describe, expect, it } from 'vitest';
import { eventStoreContract } from '../testing/eventStoreContract.js';
import { EventStoreDbEventStore, packPosition, unpackPosition } from './eventStoreDbEventStore.js';

const url = process.env.EVENTSTORE_URL;

describe('EventStoreDB positions', () => {
  it('pack (commit, prepare) into one bigint in $all order, losslessly', () => {
    const a = { commit: 1_000n, prepare: 990n };
    const b = { commit: 1_000n, prepare: 995n };
    const c = { commit: 1_200n, prepare: 1_200n };
    expect(unpackPosition(packPosition(a))).toEqual(a);
    expect(packPosition(a) < packPosition(b) && packPosition(b) < packPosition(c)).toBe(true);
  });
});

if (url) {
  eventStoreContract('EventStoreDB', {
    eventIdsUniqueAcrossStreams: false,
    open: async (catalogue) => new EventStoreDbEventStore({ connectionString: url, catalogue }),
  });
} else {
  console.warn(
    '[skipped] EventStoreDB contract suite: EVENTSTORE_URL is not set (no EventStoreDB server can run on this machine). ' +
      'Run it with EVENTSTORE_URL=esdb://localhost:2113?tls=false pnpm test.',
  );
  describe('EventStoreDB contract suite', () => {
    it.skip('skipped: set EVENTSTORE_URL to an EventStoreDB server to run the contract suite against it', () => {});
  });
}
