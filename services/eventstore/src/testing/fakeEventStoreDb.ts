import {
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type Filter,
  type JSONEventType,
  type Position,
  type ResolvedEvent,
  StreamNotFoundError,
} from '@eventstore/db-client';
import type { EsdbConnection, EsdbRead, EsdbSubscription } from '../eventstoredb/connection.js';

type Stored = AllStreamResolvedEvent & { event: NonNullable<AllStreamResolvedEvent['event']> };

/**
 * An EventStoreDB in memory, behind the adapter's EsdbConnection, for the
 * adapter's own logic where no server can run (this machine): retries,
 * conflicts, the reads an append makes, reconnects. It follows the server's
 * documented append rules: an exact expected revision (or no_stream) that the
 * stream has moved past succeeds without writing when the events after it
 * carry the same ids (EventStoreDB's idempotent write), else fails with
 * WrongExpectedVersion; `'any'` recognises only ids among the last
 * `recentIds` events written (the server's cache) and otherwise writes them
 * again. It is no substitute for the real server: the contract suite runs
 * against one when EVENTSTORE_URL is set.
 */
export class FakeEventStoreDb implements EsdbConnection {
  private readonly all: Stored[] = [];
  private readonly streams = new Map<string, Stored[]>();
  private waiters: (() => void)[] = [];
  private readonly live = new Set<{ drop(error: Error): void }>();
  private isDown = false;
  /** The server's clock for `created`: tests set it to write history "earlier". */
  now: () => number = Date.now;
  /** How many recently written ids an `'any'` append is checked against (the server's cache). */
  recentIds = 0;
  /** What the adapter asked for: calls and events delivered. */
  readonly calls = { appendToStream: 0, readStream: 0, eventsRead: 0, readAll: 0, subscribeToAll: 0 };
  /** The filters readAll and subscribeToAll were given. */
  readonly filters: Filter[] = [];

  private storedEvent(streamId: string, eventId: string): Stored {
    const event = this.streams.get(streamId)?.find((e) => e.event.id === eventId);
    if (!event) throw new Error(`The fake holds no event ${eventId} in ${streamId}`);
    return event;
  }

  /** An event's data as stored, for tests that look at the stored bytes. */
  storedData(streamId: string, eventId: string): unknown {
    return this.storedEvent(streamId, eventId).event.data;
  }

  /** Replaces an event's stored data, as no real server allows: for tests of tampering. */
  replaceData(streamId: string, eventId: string, data: object): void {
    (this.storedEvent(streamId, eventId).event as { data: unknown }).data = JSON.parse(JSON.stringify(data));
  }

  /** Stops answering (as a stopped server): calls fail with UNAVAILABLE, subscriptions drop. */
  down(): void {
    this.isDown = true;
    for (const subscription of this.live) subscription.drop(this.unavailable());
  }

  /** Answers again, with everything it stored (as a restarted server). */
  up(): void {
    this.isDown = false;
  }

  private unavailable(): Error {
    return new UnavailableError(undefined, '14 UNAVAILABLE: No connection established');
  }

  private check(): void {
    if (this.isDown) throw this.unavailable();
  }

  async appendToStream(
    streamId: string,
    events: EventData[],
    { expectedRevision }: { expectedRevision: AppendExpectedRevision },
  ): Promise<AppendResult> {
    this.calls.appendToStream++;
    this.check();
    const stream = this.streams.get(streamId) ?? [];
    const current = BigInt(stream.length) - 1n;
    const idsAt = (from: number) => events.every((e, i) => stream[from + i]?.event.id === e.id);
    const wrong = () =>
      new WrongExpectedVersionError(undefined, {
        streamName: streamId,
        current: current < 0n ? 'no_stream' : current,
        expected: expectedRevision,
      });
    const exact =
      expectedRevision === 'no_stream' ? -1n : typeof expectedRevision === 'bigint' ? expectedRevision : null;
    if (exact !== null && exact !== current) {
      if (exact < current && idsAt(Number(exact) + 1)) {
        return { success: true, nextExpectedRevision: exact + BigInt(events.length), position: undefined };
      }
      throw wrong();
    }
    if (expectedRevision === 'stream_exists' && current < 0n) throw wrong();
    if (exact === null) {
      const recent = this.all.slice(-this.recentIds);
      const at = recent.findIndex((e) => e.event.streamId === streamId && e.event.id === events[0]?.id);
      if (this.recentIds > 0 && at >= 0 && idsAt(Number(recent[at]!.event.revision))) {
        const last = stream[Number(recent[at]!.event.revision) + events.length - 1]!;
        return { success: true, nextExpectedRevision: last.event.revision, position: last.event.position };
      }
    }
    const created = new Date(this.now());
    for (const e of events) {
      const position: Position = {
        commit: BigInt(this.all.length + 1) * 100n,
        prepare: BigInt(this.all.length + 1) * 100n,
      };
      const json = e as EventData<JSONEventType>;
      const stored = {
        event: {
          streamId,
          id: e.id,
          isJson: true,
          revision: BigInt(stream.length),
          type: e.type,
          created,
          data: JSON.parse(JSON.stringify(json.data)) as JSONEventType['data'],
          metadata: JSON.parse(JSON.stringify(json.metadata)) as JSONEventType['data'],
          position,
        },
        commitPosition: position.commit,
      } as Stored;
      stream.push(stored);
      this.all.push(stored);
    }
    this.streams.set(streamId, stream);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    const last = stream[stream.length - 1]!.event;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(
    streamId: string,
    options: { direction: 'forwards' | 'backwards'; fromRevision: bigint | 'start' | 'end'; maxCount: number },
  ): EsdbRead<ResolvedEvent> {
    this.calls.readStream++;
    let cancelled = false;
    async function* read(this: FakeEventStoreDb): AsyncGenerator<ResolvedEvent> {
      this.check();
      const stream = this.streams.get(streamId);
      if (!stream) throw new StreamNotFoundError(undefined, streamId);
      const backwards = options.direction === 'backwards';
      const from =
        options.fromRevision === 'start'
          ? 0
          : options.fromRevision === 'end'
            ? stream.length - 1
            : Math.min(Number(options.fromRevision), backwards ? stream.length - 1 : Number.MAX_SAFE_INTEGER);
      let count = 0;
      for (
        let i = from;
        i >= 0 && i < stream.length && count < options.maxCount && !cancelled;
        i += backwards ? -1 : 1
      ) {
        count++;
        this.calls.eventsRead++;
        yield stream[i]!;
      }
    }
    return Object.assign(read.call(this), { cancel: async () => void (cancelled = true) });
  }

  private matches(filter: Filter | undefined, e: Stored): boolean {
    if (!filter) return true;
    const subject = filter.filterOn === 'eventType' ? e.event.type : e.event.streamId;
    return 'regex' in filter
      ? new RegExp(filter.regex).test(subject)
      : filter.prefixes.some((p) => subject.startsWith(p));
  }

  private indexAfter(position: Position | 'start', inclusive: boolean): number {
    if (position === 'start') return 0;
    const i = this.all.findIndex((e) =>
      inclusive ? e.event.position.commit >= position.commit : e.event.position.commit > position.commit,
    );
    return i < 0 ? this.all.length : i;
  }

  readAll(options: {
    fromPosition: Position | 'start';
    maxCount?: number;
    filter?: Filter;
  }): EsdbRead<AllStreamResolvedEvent> {
    this.calls.readAll++;
    if (options.filter) this.filters.push(options.filter);
    let cancelled = false;
    async function* read(this: FakeEventStoreDb): AsyncGenerator<AllStreamResolvedEvent> {
      this.check();
      let count = 0;
      const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
      for (let i = this.indexAfter(options.fromPosition, true); i < this.all.length && count < max && !cancelled; i++) {
        if (!this.matches(options.filter, this.all[i]!)) continue;
        count++;
        yield this.all[i]!;
      }
    }
    return Object.assign(read.call(this), { cancel: async () => void (cancelled = true) });
  }

  readAllBackwards(maxCount: number): EsdbRead<AllStreamResolvedEvent> {
    async function* read(this: FakeEventStoreDb): AsyncGenerator<AllStreamResolvedEvent> {
      this.check();
      for (let i = this.all.length - 1, n = 0; i >= 0 && n < maxCount; i--, n++) yield this.all[i]!;
    }
    return Object.assign(read.call(this), { cancel: async () => {} });
  }

  subscribeToAll(options: { fromPosition: Position | 'start'; filter: Filter }): EsdbSubscription {
    this.calls.subscribeToAll++;
    this.filters.push(options.filter);
    let ended = false;
    let failure: Error | undefined;
    let wake: () => void = () => {};
    const confirmations: (() => void)[] = [];
    const handle = {
      drop(error: Error) {
        failure = error;
        wake();
      },
    };
    async function* run(this: FakeEventStoreDb): AsyncGenerator<AllStreamResolvedEvent> {
      this.live.add(handle);
      try {
        this.check();
        await Promise.resolve();
        for (const confirm of confirmations) confirm();
        let i = this.indexAfter(options.fromPosition, false);
        for (;;) {
          if (failure) throw failure;
          if (ended) return;
          if (i < this.all.length) {
            const e = this.all[i++]!;
            if (this.matches(options.filter, e)) yield e;
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            this.waiters.push(resolve);
          });
        }
      } finally {
        this.live.delete(handle);
      }
    }
    const iterator = run.call(this);
    return {
      [Symbol.asyncIterator]: () => iterator,
      on(_event: 'confirmation', listener: () => void) {
        confirmations.push(listener);
        return this;
      },
      async unsubscribe() {
        ended = true;
        wake();
      },
    };
  }

  /** Several stores may share one fake, as clients share a server: disposing one leaves the others be. */
  async dispose(): Promise<void> {}
}
