import { createServer } from 'node:net';
import { EventStoreDBClient, eventTypeFilter } from '@eventstore/db-client';
import { ConcurrencyError, werkbezoekCatalogue } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { budgetAllocated, collect, municipalityRegistered, uniqueStream } from '../testing/builders.js';
import { eventStoreContract } from '../testing/eventStoreContract.js';
import { FakeEventStoreDb } from '../testing/fakeEventStoreDb.js';
import { filteredReadAllRequest, grpcConnection, type EsdbConnection } from './connection.js';
import { EventStoreDbEventStore, exactTypes, packPosition, unpackPosition } from './eventStoreDbEventStore.js';

const url = process.env.EVENTSTORE_URL;
const HOUR = 3_600_000;

describe('EventStoreDB positions', () => {
  it('pack (commit, prepare) into one bigint in $all order, losslessly', () => {
    const a = { commit: 1_000n, prepare: 990n };
    const b = { commit: 1_000n, prepare: 995n };
    const c = { commit: 1_200n, prepare: 1_200n };
    expect(unpackPosition(packPosition(a))).toEqual(a);
    expect(packPosition(a) < packPosition(b) && packPosition(b) < packPosition(c)).toBe(true);
  });
});

describe('EventStoreDB server-side filter on event types', () => {
  it('matches exactly the catalogue types, no prefix of one and no system event', () => {
    const regex = new RegExp(exactTypes(werkbezoekCatalogue.types));
    for (const type of werkbezoekCatalogue.types) expect(regex.test(type)).toBe(true);
    expect(regex.test('BudgetAllocatedX')).toBe(false);
    expect(regex.test('XBudgetAllocated')).toBe(false);
    expect(regex.test('$statsCollected')).toBe(false);
    expect(new RegExp(exactTypes(['a.b'])).test('axb')).toBe(false);
  });

  it("sends readAll's filter in the gRPC request the server reads (client 6.2.1 sends none itself)", () => {
    const request = filteredReadAllRequest({
      fromPosition: { commit: 7n, prepare: 5n },
      maxCount: 11,
      filter: eventTypeFilter({ regex: exactTypes(['BudgetAllocated']) }),
    }).toObject();
    expect(request.options).toMatchObject({
      all: { position: { commitPosition: '7', preparePosition: '5' } },
      count: '11',
      readDirection: 0,
      filter: { eventType: { regex: '^(?:BudgetAllocated)$', prefixList: [] }, count: {} },
    });
    expect(request.options?.noFilter).toBeUndefined();
    expect(request.options?.subscription).toBeUndefined();
  });
});

describe('EventStoreDB adapter over an in-memory fake of the server (its own logic; the real server below)', () => {
  const shared = new FakeEventStoreDb();
  eventStoreContract('EventStoreDB adapter on FakeEventStoreDb', {
    eventIdsUniqueAcrossStreams: false,
    open: async (catalogue, options) =>
      new EventStoreDbEventStore({ connection: shared, catalogue, codec: options?.codec }),
    stored: {
      data: async (streamId, eventId) => JSON.stringify(shared.storedData(streamId, eventId)),
      replace: async (streamId, eventId, data) => shared.replaceData(streamId, eventId, data),
    },
  });

  async function longStream(fake: FakeEventStoreDb, store: EventStoreDbEventStore, events: number, agoMs: number) {
    const stream = uniqueStream('long');
    fake.now = () => Date.now() - agoMs;
    for (let written = 0; written < events; written += 1000) {
      await store.appendToStream(
        stream,
        Array.from({ length: 1000 }, (_, i) => budgetAllocated(written + i)),
        { expectedRevision: written === 0 ? 'no_stream' : BigInt(written - 1) },
      );
    }
    fake.now = Date.now;
    return stream;
  }

  const reads = (fake: FakeEventStoreDb) => ({ calls: fake.calls.readStream, events: fake.calls.eventsRead });

  it('appends at an exact revision without reading the stream, however long it is', async () => {
    const fake = new FakeEventStoreDb();
    const store = new EventStoreDbEventStore({ connection: fake });
    const stream = await longStream(fake, store, 5000, HOUR);
    expect(reads(fake)).toEqual({ calls: 0, events: 0 });
    const result = await store.appendToStream(stream, [budgetAllocated(1)], { expectedRevision: 4999n });
    await store.appendToStream(uniqueStream(), [budgetAllocated(2)], { expectedRevision: 'no_stream' });
    expect(result.nextExpectedRevision).toBe(5000n);
    expect(reads(fake)).toEqual({ calls: 0, events: 0 });
    await store.close();
  });

  it("reads only the stream's last event for an 'any' append to a stream last written before its event ids were made", async () => {
    const fake = new FakeEventStoreDb();
    const store = new EventStoreDbEventStore({ connection: fake });
    const stream = await longStream(fake, store, 5000, HOUR);
    await store.appendToStream(stream, [budgetAllocated(1)]);
    await store.appendToStream(stream, [budgetAllocated(2)], { expectedRevision: 'stream_exists' });
    // The first 'any' append read 1 event; the second found that fresh event, then the hour-old one.
    expect(reads(fake)).toEqual({ calls: 3, events: 3 });
    expect(fake.calls.appendToStream).toBe(7);
    await store.close();
  });

  it('recognises a retry long after, when the server no longer does, and writes nothing twice', async () => {
    const fake = new FakeEventStoreDb();
    const store = new EventStoreDbEventStore({ connection: fake });
    const stream = uniqueStream();
    const events = [budgetAllocated(1), budgetAllocated(2)];
    const original = await store.appendToStream(stream, events);
    for (let i = 0; i < 3; i++) {
      await store.appendToStream(
        stream,
        Array.from({ length: 1000 }, (_, j) => budgetAllocated(j)),
      );
    }
    expect(await store.appendToStream(stream, events)).toEqual(original);
    expect(await store.appendToStream(stream, events, { expectedRevision: 'no_stream' })).toEqual(original);
    expect(await store.appendToStream(stream, events, { expectedRevision: 1000n })).toEqual(original);
    expect(await collect(store.readStream(stream))).toHaveLength(3002);
    await store.close();
  });

  it('tells a conflict from a retry by reading back only as far as events older than the append', async () => {
    const fake = new FakeEventStoreDb();
    const store = new EventStoreDbEventStore({ connection: fake });
    const stream = await longStream(fake, store, 3000, HOUR);
    await store.appendToStream(stream, [budgetAllocated(1)], { expectedRevision: 2999n });
    const before = reads(fake);
    const error = await store
      .appendToStream(stream, [budgetAllocated(2)], { expectedRevision: 2999n })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expected: '2999', actual: '3000' });
    // The competing event (just written), then one from an hour ago: the append's ids cannot be further back.
    expect(reads(fake).events - before.events).toBe(2);
    await store.close();
  });

  it('reads $all and follows it with the server filtering on the catalogue types', async () => {
    const fake = new FakeEventStoreDb();
    const store = new EventStoreDbEventStore({ connection: fake });
    await store.appendToStream(uniqueStream(), [budgetAllocated(1), municipalityRegistered()]);
    expect(await collect(store.readAll({ types: ['MunicipalityRegistered'] }))).toHaveLength(1);
    expect(await collect(store.readAll())).toHaveLength(2);
    const subscription = store.subscribeToAll();
    for await (const _ of subscription) break;
    await subscription.stop();
    expect(fake.filters.map((f) => ('regex' in f ? f.regex : f.prefixes))).toEqual([
      '^(?:MunicipalityRegistered)$',
      exactTypes(werkbezoekCatalogue.types),
      exactTypes(werkbezoekCatalogue.types),
    ]);
    await store.close();
  });

  it('reconnects a subscription with capped exponential backoff and resumes after the last event it yielded', async () => {
    const fake = new FakeEventStoreDb();
    const logged: string[] = [];
    const store = new EventStoreDbEventStore({
      connection: fake,
      log: (line) => logged.push(line),
      reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
    });
    const stream = uniqueStream();
    await store.appendToStream(stream, [budgetAllocated(1), budgetAllocated(2)]);
    expect(store.status()).toMatchObject({ connected: true, reconnects: 0, lastError: undefined });

    const subscription = store.subscribeToAll();
    const seen: number[] = [];
    const positions: bigint[] = [];
    let twoSeen: () => void = () => {};
    const waitingForTwo = new Promise<void>((resolve) => (twoSeen = resolve));
    const consuming = (async () => {
      for await (const event of subscription) {
        seen.push((event.data as { amountEur: number }).amountEur);
        positions.push(event.position);
        if (seen.length === 2) twoSeen();
        if (seen.length === 3) await subscription.stop();
      }
    })();
    await waitingForTwo;
    fake.down();
    // While the server is away, the subscription keeps trying: five failed reconnects.
    while (logged.length < 5) await new Promise((r) => setTimeout(r, 2));
    expect(store.status()).toMatchObject({ connected: false });
    expect(store.status().reconnects).toBe(logged.length);
    expect(store.status().lastError).toMatch(/UNAVAILABLE/);
    fake.up();
    await store.appendToStream(stream, [budgetAllocated(3)]);
    await consuming;
    expect(seen).toEqual([1, 2, 3]);
    expect(positions[2]! > positions[1]!).toBe(true);
    expect(logged.map((line) => Number(/in (\d+) ms/.exec(line)?.[1]))).toEqual(
      [5, 10, 20, 20, 20].slice(0, logged.length),
    );
    expect(logged[0]).toMatch(
      /^EventStoreDB subscription to \$all lost \(14 UNAVAILABLE.*\); reconnect 1 in 5 ms, resuming after position \d+$/,
    );
    expect(store.status()).toMatchObject({ connected: true });
    expect(store.status().lastErrorAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await store.close();
  });
});

describe('EventStoreDB adapter with the real client and no server', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  it('reports the server unreachable and keeps reconnecting its subscription, logging each attempt', async () => {
    const logged: string[] = [];
    const store = new EventStoreDbEventStore({
      connectionString: `esdb://127.0.0.1:${await closedPort()}?tls=false`,
      log: (line) => logged.push(line),
      reconnect: { initialDelayMs: 10, maxDelayMs: 40 },
    });
    expect(store.status()).toEqual({ connected: false, reconnects: 0, lastError: undefined, lastErrorAt: undefined });
    await expect(
      store.appendToStream(uniqueStream(), [budgetAllocated()], { expectedRevision: 'no_stream' }),
    ).rejects.toThrow(/UNAVAILABLE|ECONNREFUSED/);
    expect(store.status()).toMatchObject({ connected: false });
    const subscription = store.subscribeToAll();
    const consuming = collect(subscription);
    while (logged.length < 4) await new Promise((r) => setTimeout(r, 10));
    await subscription.stop();
    await expect(consuming).resolves.toEqual([]);
    expect(logged.slice(0, 4).map((line) => Number(/in (\d+) ms/.exec(line)?.[1]))).toEqual([10, 20, 40, 40]);
    expect(store.status().reconnects).toBeGreaterThanOrEqual(4);
    expect(store.status().lastError).toMatch(/UNAVAILABLE|ECONNREFUSED/);
    await store.close();
  }, 30_000);
});

if (url) {
  eventStoreContract('EventStoreDB', {
    eventIdsUniqueAcrossStreams: false,
    open: async (catalogue, options) =>
      new EventStoreDbEventStore({ connectionString: url, catalogue, codec: options?.codec }),
  });

  describe('EventStoreDB appends on a real server', () => {
    it('append at an exact revision without reading the stream, however long it is', async () => {
      const client = EventStoreDBClient.connectionString(url);
      const real = grpcConnection(client);
      let streamReads = 0;
      const counting: EsdbConnection = {
        ...real,
        readStream: (...args) => {
          streamReads++;
          return real.readStream(...args);
        },
      };
      const store = new EventStoreDbEventStore({ connection: counting });
      const stream = uniqueStream('long');
      for (let written = 0; written < 2000; written += 500) {
        await store.appendToStream(
          stream,
          Array.from({ length: 500 }, (_, i) => budgetAllocated(written + i)),
          { expectedRevision: written === 0 ? 'no_stream' : BigInt(written - 1) },
        );
      }
      await store.appendToStream(stream, [budgetAllocated()], { expectedRevision: 1999n });
      expect(streamReads).toBe(0);
      await store.close();
    }, 60_000);
  });
} else {
  console.warn(
    '[skipped] EventStoreDB contract suite and real-server append test: EVENTSTORE_URL is not set (no EventStoreDB server can run on this machine). ' +
      'Run them with EVENTSTORE_URL=esdb://localhost:2113?tls=false pnpm test.',
  );
  describe('EventStoreDB contract suite', () => {
    it.skip('skipped: set EVENTSTORE_URL to an EventStoreDB server to run the contract suite against it', () => {});
    it.skip('skipped: set EVENTSTORE_URL to count the reads an append makes on a real server', () => {});
  });
}
