import 'reflect-metadata';
import { MemoryEventStore, SqliteEventStore, type EventStore } from '@werkbezoek/eventstore';
import { testMetadata } from '@werkbezoek/eventstore/testing';
import { History, id } from '@werkbezoek/projections/testing';
import { werkbezoekCatalogue } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { readAuditTrail } from './audit.js';

const stores: [string, () => EventStore][] = [
  ['the in-memory store', () => new MemoryEventStore()],
  ['the SQLite store', () => new SqliteEventStore({ path: ':memory:' })],
];

describe.each(stores)('the audit trail from %s', (_, open) => {
  /** The usual cast, a request submitted by Zoersel's coordinator, amended twice and withdrawn. */
  async function history(): Promise<{ store: EventStore; stream: string }> {
    const history = new History(open());
    await history.basics();
    const requestId = await history.submitted('audited');
    const stream = `request-${requestId}`;
    await history.add(stream, 'AccompanimentRequestAmended', { requestId, delegationSize: 4 }, '2026-03-03');
    await history.add(stream, 'AccompanimentRequestAmended', { requestId, notes: 'Eén dag langer.' }, '2026-03-04');
    await history.submitted('other');
    await history.store.appendToStream(stream, [
      {
        type: 'AccompanimentRequestWithdrawn',
        data: { requestId, reason: 'De gemeenteraad schoof het bezoek op.' },
        metadata: testMetadata({
          occurredAt: '2026-03-05T14:00:00.000Z',
          actor: { id: 'coordinator-zoersel', role: 'COORDINATOR', nisCode: '11055' },
          correlationId: 'command-withdraw',
          causationId: 'command-withdraw',
        }),
      },
    ]);
    return { store: history.store, stream };
  }

  it("reads a stream's events in revision order, with who, when and why", async () => {
    const { store, stream } = await history();
    const page = await readAuditTrail(store, stream, { first: 50 });
    expect(page.hasNextPage).toBe(false);
    const entries = page.edges.map((e) => e.node);
    expect(entries.map((e) => [Number(e.revision), e.type])).toEqual([
      [0, 'AccompanimentRequestSubmitted'],
      [1, 'AccompanimentRequestAmended'],
      [2, 'AccompanimentRequestAmended'],
      [3, 'AccompanimentRequestWithdrawn'],
    ]);
    expect(entries[3]).toMatchObject({
      streamId: stream,
      metadata: {
        occurredAt: '2026-03-05T14:00:00.000Z',
        actor: { id: 'coordinator-zoersel', role: 'COORDINATOR', nisCode: '11055' },
        correlationId: 'command-withdraw',
        causationId: 'command-withdraw',
      },
      data: { requestId: id('audited'), reason: 'De gemeenteraad schoof het bezoek op.' },
    });
    expect(entries[0]!.metadata.schemaVersion).toBe(
      werkbezoekCatalogue.currentVersion('AccompanimentRequestSubmitted'),
    );
    expect(entries[0]!.data).toMatchObject({ requestId: id('audited'), nisCode: '11055' });
    expect(entries[2]!.data).toEqual({ requestId: id('audited'), notes: 'Eén dag langer.' });
  });

  it('pages through a trail by revision, each entry once', async () => {
    const { store, stream } = await history();
    const seen: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await readAuditTrail(store, stream, { first: 3, ...(after ? { after } : {}) });
      seen.push(...page.edges.map((e) => Number(e.node.revision)));
      if (!page.hasNextPage) break;
      after = page.edges[page.edges.length - 1]!.cursor;
    }
    expect(seen).toEqual([0, 1, 2, 3]);
    expect((await readAuditTrail(store, 'request-unknown', { first: 3 })).edges).toEqual([]);
    await expect(readAuditTrail(store, stream, { first: 3, after: 'not-a-cursor' })).rejects.toThrow(/cursor/);
  });

  it('shows an entry appended after the first read on the next one, without waiting for a projection', async () => {
    const { store, stream } = await history();
    const before = await readAuditTrail(store, stream, { first: 50 });
    await store.appendToStream(stream, [
      {
        type: 'AccompanimentRequestAmended',
        data: { requestId: id('audited'), delegationSize: 5 },
        metadata: testMetadata({ occurredAt: '2026-03-06T09:00:00.000Z' }),
      },
    ]);
    const after = await readAuditTrail(store, stream, { first: 50, after: before.edges.at(-1)!.cursor });
    expect(after.edges.map((e) => [Number(e.node.revision), e.node.type])).toEqual([
      [4, 'AccompanimentRequestAmended'],
    ]);
  });
});
