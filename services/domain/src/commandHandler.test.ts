import { MemoryEventStore } from '@werkbezoek/eventstore';
import { createCatalogue, defineEvent, uuidv7, type Event } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  LONG_STREAM_EVENTS,
  MAX_CACHED_EVENTS,
  MAX_CACHED_STREAMS,
  cachedStreams,
  loadStream,
} from './commandHandler.js';

/*
 * loadStream's cache of folded streams: bounded by streams and by the events
 * they hold, the least recently loaded forgotten first, and a forgotten
 * stream loads again whole and right.
 */

const Counted = defineEvent({
  type: 'ProbeCounted',
  aggregate: 'probe',
  description: 'One step of a probe stream.',
  schema: z.strictObject({ probeId: z.string() }),
});
type CountedEvent = Event<'ProbeCounted', { probeId: string }>;
const counter = { initialState: () => 0, evolve: (n: number) => n + 1 };

async function withStreams(lengths: Record<string, number>): Promise<MemoryEventStore> {
  const store = new MemoryEventStore(createCatalogue([Counted]));
  for (const [streamId, length] of Object.entries(lengths))
    for (let from = 0; from < length; from += 1_000) {
      const events = Array.from({ length: Math.min(1_000, length - from) }, () => ({
        type: 'ProbeCounted' as const,
        data: { probeId: streamId },
        metadata: {
          eventId: uuidv7(),
          occurredAt: '2026-12-03T12:00:00.000Z',
          actor: { id: 'probe', role: 'STAFF' as const },
          correlationId: uuidv7(),
          causationId: uuidv7(),
        },
      }));
      await store.appendToStream(streamId, events);
    }
  return store;
}

describe('the folded streams loadStream keeps', () => {
  it('hold at most MAX_CACHED_EVENTS events, forgetting the least recently loaded stream first', async () => {
    const big = Math.ceil(MAX_CACHED_EVENTS * 0.4);
    const store = await withStreams({ a: big, b: big, c: big, d: 10 });
    for (const id of ['a', 'b']) await loadStream<number, CountedEvent>(store, counter, id);
    expect(cachedStreams(store)).toEqual({ streams: 2, events: 2 * big });
    // a again: now the most recent, so c pushes out b, not a.
    await loadStream<number, CountedEvent>(store, counter, 'a');
    const c = await loadStream<number, CountedEvent>(store, counter, 'c');
    expect(c.state).toBe(big);
    expect(cachedStreams(store)).toEqual({ streams: 2, events: 2 * big });
    await loadStream<number, CountedEvent>(store, counter, 'd');
    expect(cachedStreams(store)).toEqual({ streams: 3, events: 2 * big + 10 });
    // b was forgotten: it loads again from its first event, whole.
    const b = await loadStream<number, CountedEvent>(store, counter, 'b');
    expect(b.state).toBe(big);
    expect(b.events()).toHaveLength(big);
    expect(cachedStreams(store).events).toBeLessThanOrEqual(MAX_CACHED_EVENTS);
  });

  it('keeps a stream longer than the bound while it is loaded, and counts a cached stream’s new events once', async () => {
    const store = await withStreams({ long: MAX_CACHED_EVENTS + 5, short: 3 });
    await loadStream<number, CountedEvent>(store, counter, 'short');
    const long = await loadStream<number, CountedEvent>(store, counter, 'long');
    expect(long.state).toBe(MAX_CACHED_EVENTS + 5);
    // The one just loaded stays (a command is about to use it); the others make room.
    expect(cachedStreams(store)).toEqual({ streams: 1, events: MAX_CACHED_EVENTS + 5 });
    await store.appendToStream('short', [
      {
        type: 'ProbeCounted',
        data: { probeId: 'short' },
        metadata: {
          eventId: uuidv7(),
          occurredAt: '2026-12-03T12:00:00.000Z',
          actor: { id: 'probe', role: 'STAFF' },
          correlationId: uuidv7(),
          causationId: uuidv7(),
        },
      },
    ] as never);
    const short = await loadStream<number, CountedEvent>(store, counter, 'short');
    expect(short.state).toBe(4);
    expect(cachedStreams(store)).toEqual({ streams: 1, events: 4 });
  });

  it('hold at most MAX_CACHED_STREAMS streams', async () => {
    const lengths = Object.fromEntries(Array.from({ length: MAX_CACHED_STREAMS + 10 }, (_, i) => [`s${i}`, 1]));
    const store = await withStreams(lengths);
    for (const id of Object.keys(lengths)) await loadStream<number, CountedEvent>(store, counter, id);
    expect(cachedStreams(store)).toEqual({ streams: MAX_CACHED_STREAMS, events: MAX_CACHED_STREAMS });
  });

  it('forget a long stream for too many events only, not for too many streams', async () => {
    const shorts = Array.from({ length: MAX_CACHED_STREAMS + 10 }, (_, i) => `s${i}`);
    const store = await withStreams({ budget: LONG_STREAM_EVENTS, ...Object.fromEntries(shorts.map((id) => [id, 2])) });
    await loadStream<number, CountedEvent>(store, counter, 'budget');
    for (const id of shorts) await loadStream<number, CountedEvent>(store, counter, id);
    // The long stream, loaded first, outlived the short streams loaded after it.
    expect(cachedStreams(store)).toEqual({
      streams: MAX_CACHED_STREAMS,
      events: LONG_STREAM_EVENTS + 2 * (MAX_CACHED_STREAMS - 1),
    });
    const budget = await loadStream<number, CountedEvent>(store, counter, 'budget');
    expect(budget.state).toBe(LONG_STREAM_EVENTS);
    expect(cachedStreams(store).streams).toBe(MAX_CACHED_STREAMS);
  });
});
