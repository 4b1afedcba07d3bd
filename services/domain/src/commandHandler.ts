import type { EventStore } from '@werkbezoek/eventstore';
import {
  ConcurrencyError,
  deterministicUuidv7,
  type Command,
  type Event,
  type NewEvent,
  type RecordedEvent,
} from '@werkbezoek/schema';
import type { Decider } from './decider.js';

export interface LoadedStream<State, E extends Event> {
  readonly state: State;
  /** -1n when the stream does not exist. */
  readonly revision: bigint;
  /** The stream's last event, if any. */
  readonly last: RecordedEvent<E> | undefined;
  /** The events so far, oldest first: a copy, so meant for short streams. */
  events(): RecordedEvent<E>[];
  /** The events a command (or the event a reaction answers) appended, oldest first. */
  causedBy(causationId: string): readonly RecordedEvent<E>[];
}

interface CachedStream {
  readonly decider: object;
  readonly state: unknown;
  readonly revision: bigint;
  /** Owned and only ever appended to: a loaded stream reads it up to its own length. */
  readonly log: RecordedEvent[];
  readonly byCause: Map<string, RecordedEvent[]>;
  /** The log's length when it was cached: what it counts in FoldedStreams.events. */
  readonly counted: number;
}

/**
 * Folded streams per store, so a command reads only the events appended since
 * the stream was last loaded: events are immutable, so a state at a revision
 * never changes. Loading copies nothing, so long streams (a year's budget, a
 * staff member's bookings) cost a command only their new events.
 *
 * Bounded by streams and by the events they hold, the least recently loaded
 * forgotten first. An event held costs about 1 KB of heap, 4.5 KB in a
 * request's stream (its assessments carry their reasons). Under a steady
 * load a request's stream is touched by the assessments near it for a while
 * and then no more, so the cache fills with streams no command will load
 * again: at 2 submissions a second, 600 streams in 90 s, 5,000 (the bound
 * before, some 200 MB) in twelve minutes. 500 streams hold the open requests
 * a few regions' reassessments touch; a forgotten short stream is read again
 * in well under a millisecond. Long streams (a year's budget: 15,000-21,000
 * events, a staff member's bookings) would take a long read to fold again, so
 * the count of streams never forgets them: only the bound on events does,
 * 50,000 of them (about 50 MB).
 */
interface FoldedStreams {
  readonly streams: Map<string, CachedStream>;
  /** The events the cached logs hold, together. */
  events: number;
}
const folded = new WeakMap<EventStore, FoldedStreams>();
export const MAX_CACHED_STREAMS = 500;
export const MAX_CACHED_EVENTS = 50_000;
/** A stream this long is forgotten only to keep the events under MAX_CACHED_EVENTS. */
export const LONG_STREAM_EVENTS = 1_000;

/**
 * Forgets every folded stream of `store`. After an erasure the cached states
 * and events hold the erased values in clear; the next load reads them anew
 * and finds them erased.
 */
export function forgetLoadedStreams(store: EventStore): void {
  folded.delete(store);
}

export async function loadStream<State, E extends Event>(
  store: EventStore,
  decider: Pick<Decider<State, never, E>, 'evolve' | 'initialState'>,
  streamId: string,
): Promise<LoadedStream<State, E>> {
  let cache = folded.get(store);
  if (!cache) folded.set(store, (cache = { streams: new Map<string, CachedStream>(), events: 0 }));
  const cached = cache.streams.get(streamId);
  const hit = cached?.decider === decider ? cached : undefined;
  let state = hit ? (hit.state as State) : decider.initialState();
  let revision = hit?.revision ?? -1n;
  const log = hit?.log ?? [];
  const byCause = hit?.byCause ?? new Map<string, RecordedEvent[]>();
  for await (const event of store.readStream(streamId, { fromRevision: revision + 1n })) {
    const e = event as unknown as RecordedEvent<E>;
    state = decider.evolve(state, e);
    revision = e.revision;
    log.push(e);
    const caused = byCause.get(e.metadata.causationId);
    if (caused) caused.push(e);
    else byCause.set(e.metadata.causationId, [e]);
  }
  // The entry there now (another load may have replaced it meanwhile) is replaced: what it counted goes.
  const current = cache.streams.get(streamId);
  if (current) cache.events -= current.counted;
  cache.streams.delete(streamId);
  cache.streams.set(streamId, { decider, state, revision, log, byCause, counted: log.length });
  cache.events += log.length;
  forgetLeastRecent(cache, streamId);
  const length = log.length;
  const events = log as RecordedEvent<E>[];
  return {
    state,
    revision,
    last: events[length - 1],
    events: () => events.slice(0, length),
    // Events appended later carry revisions beyond this load's; leave them out.
    causedBy: (causationId) =>
      (byCause.get(causationId) ?? []).filter((e) => e.revision <= revision) as RecordedEvent<E>[],
  };
}

/**
 * Forgets the least recently loaded streams while the cache holds too many
 * streams or events; never `keep`, and a long stream only for too many events.
 */
function forgetLeastRecent(cache: FoldedStreams, keep: string): void {
  for (const [id, entry] of cache.streams) {
    const tooManyEvents = cache.events > MAX_CACHED_EVENTS;
    if (cache.streams.size <= MAX_CACHED_STREAMS && !tooManyEvents) return;
    if (id === keep || (!tooManyEvents && entry.counted >= LONG_STREAM_EVENTS)) continue;
    cache.streams.delete(id);
    cache.events -= entry.counted;
  }
}

/** What the folded streams of `store` hold now: for tests and diagnostics. */
export function cachedStreams(store: EventStore): { readonly streams: number; readonly events: number } {
  const cache = folded.get(store);
  return { streams: cache?.streams.size ?? 0, events: cache?.events ?? 0 };
}

/**
 * The id of the `index`th event that `causationId` (a command id, or the id of
 * the event a reaction answers) appends to `streamId`. Derived, not random, so
 * the same command stores its events once, however often it is sent.
 */
export function derivedEventId(issuedAt: string, causationId: string, streamId: string, index: number): string {
  return deterministicUuidv7(Date.parse(issuedAt), `${causationId}/${streamId}/${index}`);
}

export function toNewEvents<E extends Event>(
  command: Command,
  streamId: string,
  events: readonly E[],
  causationId?: string,
): NewEvent<E>[] {
  const { commandId, issuedAt, actor, correlationId } = command.metadata;
  const cause = causationId ?? commandId;
  return events.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: derivedEventId(issuedAt, cause, streamId, index),
      occurredAt: issuedAt,
      actor,
      correlationId: correlationId ?? commandId,
      causationId: cause,
    },
  }));
}

export interface HandledCommand<E extends Event = Event> {
  readonly streamId: string;
  readonly events: readonly E[];
  /** The ids of `events`, to name them as the cause of reactions. */
  readonly eventIds: readonly string[];
  /** Global position of the last event (of this or the earlier identical command); wait for projections to reach it. */
  readonly position: bigint;
  readonly nextExpectedRevision: bigint;
  /** True when the command had been handled before and nothing new was stored. */
  readonly repeated: boolean;
}

export interface HandleOptions {
  /** How often to reload and decide again after a concurrent change. */
  readonly maxAttempts?: number;
  /** Causation id of the events when not the command itself (reactions to an event). */
  readonly causationId?: string;
}

/**
 * Loads a stream, decides, and appends with the expected revision. On a
 * concurrency conflict it reloads and decides again, a bounded number of
 * times. A command already handled (its events are in the stream) returns
 * the earlier events and stores nothing.
 */
export async function handleCommand<State, C extends Command, E extends Event>(
  store: EventStore,
  decider: Decider<State, C, E>,
  streamId: string,
  command: C,
  options: HandleOptions = {},
): Promise<HandledCommand<E>> {
  const maxAttempts = options.maxAttempts ?? 5;
  const causationId = options.causationId ?? command.metadata.commandId;
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadStream(store, decider, streamId);
    const earlier = loaded.causedBy(causationId);
    if (earlier.length > 0) {
      const last = earlier[earlier.length - 1]!;
      const eventIds = earlier.map((e) => e.metadata.eventId);
      return {
        streamId,
        events: earlier,
        eventIds,
        position: last.position,
        nextExpectedRevision: loaded.revision,
        repeated: true,
      };
    }
    const events = decider.decide(command, loaded.state);
    if (events.length === 0) {
      return {
        streamId,
        events,
        eventIds: [],
        position: loaded.last?.position ?? 0n,
        nextExpectedRevision: loaded.revision,
        repeated: false,
      };
    }
    try {
      const newEvents = toNewEvents(command, streamId, events, options.causationId);
      const result = await store.appendToStream(streamId, newEvents, {
        expectedRevision: loaded.revision < 0n ? 'no_stream' : loaded.revision,
      });
      const eventIds = newEvents.map((e) => e.metadata.eventId);
      return {
        streamId,
        events,
        eventIds,
        position: result.position,
        nextExpectedRevision: result.nextExpectedRevision,
        repeated: false,
      };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxAttempts) throw error;
    }
  }
}
