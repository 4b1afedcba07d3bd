import {
  ConcurrencyError,
  ERASED_VALUE,
  ValidationError,
  createCatalogue,
  defineEvent,
  uuidv7,
  type EventCatalogue,
  type RecordedEvent,
} from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventStore } from '../eventStore.js';
import { ENVELOPE_PREFIX } from '../privacy/envelope.js';
import { SubjectErasedError, memoryKeyStore, type SubjectKeyStore } from '../privacy/keyStore.js';
import { PersonalDataCodec } from '../privacy/personalDataCodec.js';
import {
  budgetAllocated,
  collect,
  contactLogged,
  municipalityRegistered,
  staffMemberRegistered,
  testMetadata,
  uniqueStream,
} from './builders.js';

export interface ContractHarness {
  /**
   * A store with the real catalogue (or the one given), encrypting personal
   * data with `codec` when given. Stores opened by one harness share their
   * storage, as processes share a database.
   */
  open(catalogue?: EventCatalogue, options?: { codec?: PersonalDataCodec }): Promise<EventStore>;
  /** False for adapters that keep event ids unique per stream only (EventStoreDB). */
  readonly eventIdsUniqueAcrossStreams?: boolean;
  /** The stored bytes, for the encryption cases; adapters without raw access leave it out (those cases are skipped). */
  readonly stored?: StoredAccess;
}

/** Raw access to what an adapter stored. */
export interface StoredAccess {
  /** The data of an event as the adapter stored it, as JSON text. */
  data(streamId: string, eventId: string): Promise<string>;
  /** Replaces the stored data of an event behind the adapter's back (a tampering attacker). */
  replace(streamId: string, eventId: string, data: object): Promise<void>;
}

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

/**
 * The behaviour every EventStore adapter must have. Each adapter's test file
 * calls this with a harness; the suite never assumes an empty store, so it can
 * also run against a shared EventStoreDB server.
 */
export function eventStoreContract(name: string, harness: ContractHarness): void {
  describe(`${name}: the EventStore contract`, () => {
    const opened: EventStore[] = [];
    async function open(catalogue?: EventCatalogue, options?: { codec?: PersonalDataCodec }): Promise<EventStore> {
      const store = await harness.open(catalogue, options);
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    describe('appending', () => {
      it('appends to a new stream and reads the events back with their data, metadata and revisions', async () => {
        const store = await open();
        const stream = uniqueStream();
        const events = [budgetAllocated(100), budgetAllocated(250.5)];
        const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1n);
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => [e.type, e.data, e.revision, e.streamId])).toEqual([
          ['BudgetAllocated', { year: 2026, amountEur: 100 }, 0n, stream],
          ['BudgetAllocated', { year: 2026, amountEur: 250.5 }, 1n, stream],
        ]);
        expect(read[1]!.position).toBe(result.position);
        expect(read[0]!.metadata).toEqual({ ...events[0]!.metadata, schemaVersion: 1 });
        expect(Number.isNaN(Date.parse(read[0]!.recordedAt))).toBe(false);
      });

      it('appends at the expected revision and refuses a stale one, naming stream, expected and actual revision', async () => {
        const store = await open();
        const stream = uniqueStream();
        const first = await store.appendToStream(stream, [budgetAllocated()], { expectedRevision: 'no_stream' });
        const second = await store.appendToStream(stream, [budgetAllocated()], {
          expectedRevision: first.nextExpectedRevision,
        });
        expect(second.nextExpectedRevision).toBe(1n);
        expect(second.position > first.position).toBe(true);

        const error = await thrown(store.appendToStream(stream, [budgetAllocated(7)], { expectedRevision: 0n }));
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: stream, expected: '0', actual: '1' });
        expect((error as Error).message).toContain(
          `Stream "${stream}" was expected at revision 0 (expected revision 0), but it is at revision 1 (actual revision 1)`,
        );
        expect((await collect(store.readStream(stream))).map((e) => e.data)).not.toContainEqual({
          year: 2026,
          amountEur: 7,
        });
      });

      it("enforces 'no_stream' and 'stream_exists', and lets 'any' through", async () => {
        const store = await open();
        const stream = uniqueStream();
        expect(
          await thrown(store.appendToStream(stream, [budgetAllocated()], { expectedRevision: 'stream_exists' })),
        ).toMatchObject({
          name: 'ConcurrencyError',
          expected: 'stream_exists',
          actual: 'no_stream',
        });
        await store.appendToStream(stream, [budgetAllocated()], { expectedRevision: 'any' });
        expect(
          await thrown(store.appendToStream(stream, [budgetAllocated()], { expectedRevision: 'no_stream' })),
        ).toMatchObject({
          name: 'ConcurrencyError',
          expected: 'no_stream',
          actual: '0',
        });
        await store.appendToStream(stream, [budgetAllocated()], { expectedRevision: 'stream_exists' });
        await store.appendToStream(stream, [budgetAllocated()]);
        expect(await collect(store.readStream(stream))).toHaveLength(3);
      });

      it('lets exactly one of several concurrent appends at the same revision win', async () => {
        const store = await open();
        const stream = uniqueStream();
        await store.appendToStream(stream, [budgetAllocated()], { expectedRevision: 'no_stream' });
        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            store.appendToStream(stream, [budgetAllocated(i)], { expectedRevision: 0n }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyError);
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('treats a retried append (same event ids, same order) as a no-op with the original result', async () => {
        const store = await open();
        const stream = uniqueStream();
        const events = [budgetAllocated(1), budgetAllocated(2), budgetAllocated(3)];
        const original = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        await store.appendToStream(stream, [budgetAllocated(4)], { expectedRevision: 2n });
        expect(await store.appendToStream(stream, events, { expectedRevision: 'no_stream' })).toEqual(original);
        expect(await store.appendToStream(stream, events, { expectedRevision: 'any' })).toEqual(original);
        expect(await store.appendToStream(stream, events.slice(0, 2), { expectedRevision: 'no_stream' })).toEqual({
          nextExpectedRevision: 1n,
          position: (await collect(store.readStream(stream)))[1]!.position,
        });
        expect((await collect(store.readStream(stream))).map((e) => e.data)).toEqual(
          [1, 2, 3, 4].map((amountEur) => ({ year: 2026, amountEur })),
        );
      });

      it('keeps the recorded time an import gives, and stamps the time of the append otherwise', async () => {
        const store = await open();
        const stream = uniqueStream();
        const before = Date.now();
        await store.appendToStream(stream, [budgetAllocated(1)], {
          expectedRevision: 'no_stream',
          recordedAt: '2024-05-06T09:08:07.123+02:00',
        });
        await store.appendToStream(stream, [budgetAllocated(2)], { expectedRevision: 0n });
        const [imported, live] = await collect(store.readStream(stream));
        expect(imported!.recordedAt).toBe('2024-05-06T07:08:07.123Z');
        expect(imported!.metadata).not.toHaveProperty('recordedAt');
        // A server's clock may differ a little from this machine's.
        expect(Date.parse(live!.recordedAt)).toBeGreaterThan(before - 60_000);
        const [fromAll] = await collect(store.readAll({ fromPosition: imported!.position - 1n, maxCount: 1 }));
        expect(fromAll!.recordedAt).toBe('2024-05-06T07:08:07.123Z');
      });

      it('reports itself connected once it has answered', async () => {
        const store = await open();
        await store.appendToStream(uniqueStream(), [budgetAllocated()]);
        expect(store.status?.()).toMatchObject({ connected: true });
      });

      it('refuses an append that reuses stored event ids in another order or another stream, writing nothing', async () => {
        const store = await open();
        const stream = uniqueStream();
        const [a, b] = [budgetAllocated(1), budgetAllocated(2)];
        await store.appendToStream(stream, [a, b]);
        const reordered = await thrown(store.appendToStream(stream, [b, a]));
        expect(reordered).toBeInstanceOf(ValidationError);
        expect((reordered as Error).message).toMatch(/already stored/);
        const mixed = await thrown(store.appendToStream(stream, [budgetAllocated(3), a]));
        expect((mixed as Error).message).toMatch(/already stored/);
        if (harness.eventIdsUniqueAcrossStreams !== false) {
          const elsewhere = uniqueStream();
          expect(await thrown(store.appendToStream(elsewhere, [a]))).toBeInstanceOf(ValidationError);
          expect(await collect(store.readStream(elsewhere))).toEqual([]);
        }
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });
    });

    describe('rejecting bad input before anything is written', () => {
      const cases: [string, () => Parameters<EventStore['appendToStream']>][] = [
        ['an empty stream id', () => ['', [budgetAllocated()]]],
        ['a stream id of spaces', () => ['   ', [budgetAllocated()]]],
        ['a system stream id', () => ['$all', [budgetAllocated()]]],
        ['no events', () => [uniqueStream(), []]],
        ['an unknown event type', () => [uniqueStream(), [{ ...budgetAllocated(), type: 'BudgetStolen' }]]],
        [
          'data that fails its schema',
          () => [uniqueStream(), [{ ...budgetAllocated(), data: { year: 2026, amountEur: 'lots' } }]],
        ],
        [
          'an event id that is not a UUID v7',
          () => [uniqueStream(), [{ ...budgetAllocated(), metadata: testMetadata({ eventId: 'e-1' }) }]],
        ],
        [
          'metadata without an actor',
          () => [
            uniqueStream(),
            [{ ...budgetAllocated(), metadata: { ...testMetadata(), actor: undefined as never } }],
          ],
        ],
        [
          'the same event id twice',
          () => {
            const e = budgetAllocated();
            return [uniqueStream(), [e, e]];
          },
        ],
        ['a bad expected revision', () => [uniqueStream(), [budgetAllocated()], { expectedRevision: -3n }]],
        [
          'a recorded time that is not an instant',
          () => [uniqueStream(), [budgetAllocated()], { recordedAt: 'yesterday' }],
        ],
      ];
      it.each(cases)('rejects %s with a ValidationError', async (_, args) => {
        const store = await open();
        const [stream, events, options] = args();
        const error = await thrown(store.appendToStream(stream, events, options));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as Error).message.length).toBeGreaterThan(20);
        if (stream.trim() !== '' && !stream.startsWith('$'))
          expect(await collect(store.readStream(stream))).toEqual([]);
      });

      it('writes none of a batch when one of its events is bad', async () => {
        const store = await open();
        const stream = uniqueStream();
        const error = await thrown(
          store.appendToStream(stream, [budgetAllocated(), municipalityRegistered('999', 'Nowhere')]),
        );
        expect((error as Error).message).toMatch(
          /event 1 \(MunicipalityRegistered\).*nisCode: a Belgian NIS code is five digits/,
        );
        expect((error as ValidationError).fields).toEqual(['events.1.data.nisCode']);
        expect(await collect(store.readStream(stream))).toEqual([]);
      });
    });

    describe('reading a stream', () => {
      it('reads from a revision, a number of events, and backwards; a missing stream yields nothing', async () => {
        const store = await open();
        const stream = uniqueStream();
        await store.appendToStream(
          stream,
          [1, 2, 3, 4, 5].map((n) => budgetAllocated(n)),
        );
        const amounts = (events: RecordedEvent[]) => events.map((e) => (e.data as { amountEur: number }).amountEur);
        expect(amounts(await collect(store.readStream(stream, { fromRevision: 2n })))).toEqual([3, 4, 5]);
        expect(amounts(await collect(store.readStream(stream, { fromRevision: 1n, maxCount: 2 })))).toEqual([2, 3]);
        expect(amounts(await collect(store.readStream(stream, { direction: 'backwards' })))).toEqual([5, 4, 3, 2, 1]);
        expect(
          amounts(await collect(store.readStream(stream, { direction: 'backwards', fromRevision: 3n, maxCount: 2 }))),
        ).toEqual([4, 3]);
        expect(await collect(store.readStream(uniqueStream()))).toEqual([]);
      });
    });

    describe('reading all events in global order', () => {
      it('reads every stream interleaved by position, after a checkpoint, up to a count', async () => {
        const store = await open();
        const before = await store.headPosition();
        const [s1, s2] = [uniqueStream(), uniqueStream()];
        await store.appendToStream(s1, [budgetAllocated(1)]);
        await store.appendToStream(s2, [budgetAllocated(2), budgetAllocated(3)]);
        const last = await store.appendToStream(s1, [budgetAllocated(4)]);
        const mine = (await collect(store.readAll({ fromPosition: before }))).filter(
          (e) => e.streamId === s1 || e.streamId === s2,
        );
        expect(mine.map((e) => [e.streamId, (e.data as { amountEur: number }).amountEur])).toEqual([
          [s1, 1],
          [s2, 2],
          [s2, 3],
          [s1, 4],
        ]);
        for (let i = 1; i < mine.length; i++) expect(mine[i]!.position > mine[i - 1]!.position).toBe(true);
        expect(await store.headPosition()).toBe(last.position);

        const afterSecond = await collect(store.readAll({ fromPosition: mine[1]!.position, maxCount: 2 }));
        expect(afterSecond.map((e) => e.position)).toEqual([mine[2]!.position, mine[3]!.position]);
      });

      it('reads only the given types when asked, with the count counting those', async () => {
        const store = await open();
        const before = await store.headPosition();
        const stream = uniqueStream();
        await store.appendToStream(stream, [budgetAllocated(1), municipalityRegistered('11055', 'Eén')]);
        await store.appendToStream(stream, [budgetAllocated(2), municipalityRegistered('12002', 'Twee')]);
        const all = await collect(store.readAll({ fromPosition: before }));
        const municipalities = await collect(
          store.readAll({ fromPosition: before, types: ['MunicipalityRegistered'] }),
        );
        expect(municipalities.map((e) => (e.data as { name: string }).name)).toEqual(['Eén', 'Twee']);
        expect(municipalities.map((e) => e.position)).toEqual(
          all.filter((e) => e.type === 'MunicipalityRegistered').map((e) => e.position),
        );
        const first = await collect(store.readAll({ fromPosition: before, types: ['BudgetAllocated'], maxCount: 1 }));
        expect(first.map((e) => e.data)).toEqual([{ year: 2026, amountEur: 1 }]);
        expect(await collect(store.readAll({ fromPosition: before, types: ['LessonRecorded'] }))).toEqual([]);
      });
    });

    describe('catch-up subscriptions', () => {
      it('replays from a position, then delivers new appends live, until stopped', async () => {
        const store = await open();
        const stream = uniqueStream();
        const before = await store.headPosition();
        await store.appendToStream(stream, [budgetAllocated(1), budgetAllocated(2)]);
        const subscription = store.subscribeToAll({ fromPosition: before });
        const seen: number[] = [];
        const consuming = (async () => {
          for await (const event of subscription) {
            if (event.streamId !== stream) continue;
            seen.push((event.data as { amountEur: number }).amountEur);
            if (seen.length === 2) void store.appendToStream(stream, [budgetAllocated(3)]);
            if (seen.length === 3) await subscription.stop();
          }
        })();
        await consuming;
        expect(seen).toEqual([1, 2, 3]);
      });

      it('resumes after a checkpoint without repeating or skipping events', async () => {
        const store = await open();
        const stream = uniqueStream();
        await store.appendToStream(
          stream,
          [1, 2, 3, 4].map((n) => budgetAllocated(n)),
        );
        const all = await collect(store.readStream(stream));
        const subscription = store.subscribeToAll({ fromPosition: all[1]!.position });
        const seen: bigint[] = [];
        for await (const event of subscription) {
          if (event.streamId !== stream) continue;
          seen.push(event.revision);
          if (seen.length === 2) break;
        }
        await subscription.stop();
        expect(seen).toEqual([2n, 3n]);
      });

      it('stops a subscription that waits for new events', async () => {
        const store = await open();
        const subscription = store.subscribeToAll({ fromPosition: await store.headPosition() });
        const consuming = collect(subscription);
        await new Promise((r) => setTimeout(r, 50));
        await subscription.stop();
        await expect(consuming).resolves.toEqual([]);
      });
    });

    describe('schema evolution', () => {
      const V1 = defineEvent({
        type: 'ContractProbeRecorded',
        aggregate: 'probe',
        description: 'A probe event, v1 with a single tag.',
        schema: z.strictObject({ tag: z.string() }),
      });
      const V2 = defineEvent({
        type: 'ContractProbeRecorded',
        version: 2,
        aggregate: 'probe',
        description: 'A probe event, v2 with a list of tags.',
        schema: z.strictObject({ tags: z.array(z.string()) }),
        upcasters: { 1: (d: { tag: string }) => ({ tags: [d.tag] }) },
      });

      it('reads an event stored at an old schema version back in the current shape', async () => {
        const stream = uniqueStream('probe');
        const oldCode = await open(createCatalogue([V1]));
        await oldCode.appendToStream(stream, [
          { type: V1.type, data: { tag: 'waste' }, metadata: testMetadata({ eventId: uuidv7() }) },
        ]);
        const newCode = await open(createCatalogue([V2]));
        const [event] = await collect(newCode.readStream(stream));
        expect(event).toMatchObject({
          type: 'ContractProbeRecorded',
          data: { tags: ['waste'] },
          metadata: { schemaVersion: 2 },
        });
        const [fromAll] = await collect(newCode.readAll({ fromPosition: event!.position - 1n, maxCount: 1 }));
        expect(fromAll!.data).toEqual({ tags: ['waste'] });
      });
    });

    describe('personal data (issue 15)', () => {
      const name = 'An Peeters';
      const email = 'an.peeters@zoersel.be';
      async function encrypting(keys: SubjectKeyStore = memoryKeyStore(), catalogue?: EventCatalogue) {
        return { keys, store: await open(catalogue, { codec: new PersonalDataCodec(keys, catalogue) }) };
      }

      it('seals personal fields at write and opens them for readStream, readAll and subscribeToAll', async () => {
        const { store } = await encrypting();
        const stream = uniqueStream('staff');
        const person = uuidv7();
        const events = [staffMemberRegistered(person, name, email), contactLogged(person, 'Bert Claes')];
        const before = await store.headPosition();
        await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        const expected = events.map((e) => e.data);
        expect((await collect(store.readStream(stream))).map((e) => e.data)).toEqual(expected);
        expect((await collect(store.readStream(stream, { direction: 'backwards' }))).map((e) => e.data)).toEqual(
          [...expected].reverse(),
        );
        const all = await collect(store.readAll({ fromPosition: before }));
        expect(all.filter((e) => e.streamId === stream).map((e) => e.data)).toEqual(expected);
        const typed = await collect(store.readAll({ fromPosition: before, types: ['ContactLogged'] }));
        expect(typed.filter((e) => e.streamId === stream).map((e) => e.data)).toEqual([expected[1]]);
        const subscription = store.subscribeToAll({ fromPosition: before });
        const live: unknown[] = [];
        for await (const event of subscription) {
          if (event.streamId === stream) live.push(event.data);
          if (live.length === 2) break;
        }
        await subscription.stop();
        expect(live).toEqual(expected);
      });

      it('treats a retried append with personal data as a no-op, though every attempt seals anew', async () => {
        const { store } = await encrypting();
        const stream = uniqueStream('staff');
        const event = staffMemberRegistered(uuidv7(), name, email);
        const first = await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
        expect(await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' })).toEqual(first);
        expect(await store.appendToStream(stream, [event], { expectedRevision: 'any' })).toEqual(first);
        expect((await collect(store.readStream(stream))).map((e) => e.data)).toEqual([event.data]);
      });

      it('reads an erased subject as the placeholder everywhere, refuses new personal data of theirs, and still appends events naming their id', async () => {
        const { keys, store } = await encrypting();
        const stream = uniqueStream('staff');
        const [person, other] = [uuidv7(), uuidv7()];
        const before = await store.headPosition();
        await store.appendToStream(stream, [
          staffMemberRegistered(person, name, email),
          contactLogged(other, 'Bert Claes'),
        ]);
        expect(await keys.erase(person, '2026-05-04T10:00:00.000Z')).toBe(true);

        const erased = { staffMemberId: person, name: ERASED_VALUE, email: ERASED_VALUE };
        const [first, second] = await collect(store.readStream(stream));
        expect(first!.data).toEqual(erased);
        expect((second!.data as { person: { name: string } }).person.name).toBe('Bert Claes');
        const fromAll = (await collect(store.readAll({ fromPosition: before }))).find((e) => e.streamId === stream);
        expect(fromAll!.data).toEqual(erased);
        const subscription = store.subscribeToAll({ fromPosition: before });
        for await (const event of subscription) {
          if (event.streamId !== stream) continue;
          expect(event.data).toEqual(erased);
          break;
        }
        await subscription.stop();

        const refused = await thrown(store.appendToStream(stream, [staffMemberRegistered(person, 'An P.')]));
        expect(refused).toBeInstanceOf(SubjectErasedError);
        expect((refused as Error).message).toBe(
          `The person ${person} was erased on 2026-05-04; their data can no longer be recorded`,
        );
        const capacity = {
          type: 'StaffCapacityDeclared',
          data: { staffMemberId: person, year: 2026, days: 40 },
          metadata: testMetadata(),
        };
        await store.appendToStream(stream, [capacity]);
        expect((await collect(store.readStream(stream))).map((e) => e.type)).toEqual([
          'StaffMemberRegistered',
          'ContactLogged',
          'StaffCapacityDeclared',
        ]);
      });

      it('reads events written before encryption came in as they are', async () => {
        const plain = await open();
        const stream = uniqueStream('staff');
        const event = staffMemberRegistered(uuidv7(), name, email);
        await plain.appendToStream(stream, [event]);
        const { store } = await encrypting();
        expect((await collect(store.readStream(stream))).map((e) => e.data)).toEqual([event.data]);
      });

      it('opens personal data before upcasting an old version', async () => {
        const V1 = defineEvent({
          type: 'ContractPersonMet',
          aggregate: 'probe',
          description: 'A probe event with a name, v1.',
          schema: z.strictObject({ personId: z.string(), name: z.string() }),
          personalData: [{ subject: 'personId', fields: ['name'] }],
        });
        const V2 = defineEvent({
          type: 'ContractPersonMet',
          version: 2,
          aggregate: 'probe',
          description: 'A probe event with a name and a greeting, v2.',
          schema: z.strictObject({ personId: z.string(), name: z.string(), greeting: z.string() }),
          personalData: [{ subject: 'personId', fields: ['name', 'greeting'] }],
          upcasters: { 1: (d: { personId: string; name: string }) => ({ ...d, greeting: `Dag ${d.name}` }) },
        });
        const keys = memoryKeyStore();
        const stream = uniqueStream('probe');
        const personId = uuidv7();
        const { store: oldCode } = await encrypting(keys, createCatalogue([V1]));
        await oldCode.appendToStream(stream, [{ type: V1.type, data: { personId, name }, metadata: testMetadata() }]);
        const { store: newCode } = await encrypting(keys, createCatalogue([V2]));
        const [event] = await collect(newCode.readStream(stream));
        expect(event!.data).toEqual({ personId, name, greeting: `Dag ${name}` });
      });

      if (!harness.stored) {
        it.skip('skipped: this harness offers no raw access to stored data (plaintext, tampering and binding cases)', () => {});
        return;
      }
      const stored = harness.stored;

      it('stores no personal value in plaintext: each is an envelope, the subject id stays in clear', async () => {
        const { store } = await encrypting();
        const stream = uniqueStream('staff');
        const person = uuidv7();
        const events = [staffMemberRegistered(person, name, email), contactLogged(person, 'Bert Claes')];
        await store.appendToStream(stream, events);
        for (const event of events) {
          const raw = await stored.data(stream, event.metadata.eventId);
          for (const secret of [name, email, 'Peeters', 'Bert Claes', 'Gesprek over de partnerstad']) {
            expect(raw).not.toContain(secret);
          }
          expect(raw).toContain(person);
          expect(raw).toContain(ENVELOPE_PREFIX);
        }
        const raw = JSON.parse(await stored.data(stream, events[0]!.metadata.eventId)) as Record<string, string>;
        expect(raw.name).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
        expect(raw.email).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
      });

      /** Reads events and every value in them, as a consumer that uses all of its data does. */
      async function readEverything(events: AsyncIterable<RecordedEvent>): Promise<unknown[]> {
        return (await collect(events)).map((e) => JSON.parse(JSON.stringify(e.data)) as unknown);
      }

      it('refuses a changed ciphertext, naming the event id, type and path, through every read', async () => {
        const { store } = await encrypting();
        const stream = uniqueStream('staff');
        const event = staffMemberRegistered(uuidv7(), name, email);
        const before = await store.headPosition();
        await store.appendToStream(stream, [event]);
        const eventId = event.metadata.eventId;
        const raw = JSON.parse(await stored.data(stream, eventId)) as Record<string, string>;
        const flipped = raw.email!.slice(0, -3) + (raw.email!.at(-3) === 'A' ? 'B' : 'A') + raw.email!.slice(-2);
        await stored.replace(stream, eventId, { ...raw, email: flipped });
        const refused = new RegExp(
          `Event ${eventId} \\(StaffMemberRegistered\\): the personal data at "email" cannot be read: its authentication tag does not match`,
        );
        await expect(readEverything(store.readStream(stream))).rejects.toThrow(refused);
        await expect(readEverything(store.readAll({ fromPosition: before }))).rejects.toThrow(refused);
        const subscription = store.subscribeToAll({ fromPosition: before });
        await expect(readEverything(subscription)).rejects.toThrow(refused);
        await subscription.stop();
      });

      it('refuses ciphertexts swapped between fields or moved to another event: each is bound to its event, path and subject', async () => {
        const { store } = await encrypting();
        const stream = uniqueStream('staff');
        const person = uuidv7();
        const [a, b] = [staffMemberRegistered(person, name, email), staffMemberRegistered(person, 'An P.', email)];
        await store.appendToStream(stream, [a, b]);
        const rawA = JSON.parse(await stored.data(stream, a.metadata.eventId)) as Record<string, string>;
        const rawB = JSON.parse(await stored.data(stream, b.metadata.eventId)) as Record<string, string>;
        // Name and email swapped within one event.
        await stored.replace(stream, a.metadata.eventId, { ...rawA, name: rawA.email!, email: rawA.name! });
        await expect(readEverything(store.readStream(stream, { maxCount: 1 }))).rejects.toThrow(
          /the personal data at "name" cannot be read/,
        );
        // A's name copied into B: same subject, same field, another event.
        await stored.replace(stream, a.metadata.eventId, rawA);
        await stored.replace(stream, b.metadata.eventId, { ...rawB, name: rawA.name! });
        expect(await readEverything(store.readStream(stream, { maxCount: 1 }))).toEqual([a.data]);
        await expect(readEverything(store.readStream(stream, { fromRevision: 1n }))).rejects.toThrow(
          new RegExp(`Event ${b.metadata.eventId} \\(StaffMemberRegistered\\): the personal data at "name"`),
        );
      });
    });
  });
}
