import { uuidv7 } from '@werkbezoek/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { SubjectErasedError, type KeyCacheOptions, type SubjectKeyStore } from '../privacy/keyStore.js';
import { collect } from './builders.js';

export interface KeyStoreHarness {
  /** A key store; stores opened by one harness share their storage, as processes share a database. */
  open(options?: KeyCacheOptions): Promise<SubjectKeyStore>;
}

/** The behaviour every SubjectKeyStore must have: SQLite, PostgreSQL and memory run it. */
export function keyStoreContract(name: string, harness: KeyStoreHarness): void {
  describe(`${name}: the SubjectKeyStore contract`, () => {
    const opened: SubjectKeyStore[] = [];
    async function open(options?: KeyCacheOptions): Promise<SubjectKeyStore> {
      const store = await harness.open(options);
      opened.push(store);
      return store;
    }
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
    });

    it('makes a 256-bit key on first use and gives the same one after, in this process and another', async () => {
      const [one, other] = [await open(), await open()];
      const subject = uuidv7();
      const key = await one.keyFor(subject);
      expect(key).toHaveLength(32);
      expect(await one.keyFor(subject)).toEqual(key);
      expect(await other.keyFor(subject)).toEqual(key);
      expect(await one.keyFor(uuidv7())).not.toEqual(key);
    });

    it('keeps at most maxKeys keys in memory, the least recently used forgotten and read again when needed', async () => {
      // A long maxStaleMs: what this process serves from memory is what it kept, not what it read again.
      const [store, other] = [await open({ maxKeys: 2, maxStaleMs: 3_600_000 }), await open()];
      const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
      const keyOfA = await store.keyFor(a);
      const keyOfB = await store.keyFor(b);
      expect(await store.keyFor(a)).toEqual(keyOfA); // a used again: b is now the least recently used
      await store.keyFor(c); // a third key: b is forgotten
      await other.erase(a, '2026-05-04T10:00:00.000Z');
      await other.erase(b, '2026-05-04T10:00:00.000Z');
      // a is still kept here (erasures elsewhere show after maxStaleMs); b was forgotten, so it is read again.
      expect(await store.keyFor(a)).toEqual(keyOfA);
      await expect(store.keyFor(b)).rejects.toBeInstanceOf(SubjectErasedError);
      expect(keyOfB).toHaveLength(32);
      expect((await store.lookup([a, b, c])).get(b)).toBe('erased');
    });

    it('gives one key to concurrent first uses in two processes', async () => {
      const [one, other] = [await open(), await open()];
      const subject = uuidv7();
      const keys = await Promise.all([one.keyFor(subject), other.keyFor(subject), one.keyFor(subject)]);
      expect(keys[1]).toEqual(keys[0]);
      expect(keys[2]).toEqual(keys[0]);
    });

    it('looks up keys for reading: a key, erased, or nothing for a subject that never had one', async () => {
      const store = await open();
      const [kept, erased, never] = [uuidv7(), uuidv7(), uuidv7()];
      const key = await store.keyFor(kept);
      await store.keyFor(erased);
      await store.erase(erased, '2026-05-04T10:00:00.000Z');
      const found = await store.lookup([kept, erased, never, kept]);
      expect(found.get(kept)).toEqual(key);
      expect(found.get(erased)).toBe('erased');
      expect(found.has(never)).toBe(false);
      expect(found.size).toBe(2);
      // Another process reads the same.
      const other = await (await open()).lookup([kept, erased, never]);
      expect([other.get(kept), other.get(erased), other.has(never)]).toEqual([key, 'erased', false]);
    });

    it('erases for good and idempotently, and refuses a key for an erased subject, naming person and date', async () => {
      const store = await open();
      const subject = uuidv7();
      await store.keyFor(subject);
      expect(await store.erase(subject, '2026-05-04T10:00:00.000Z')).toBe(true);
      expect(await store.erase(subject, '2026-06-01T10:00:00.000Z')).toBe(false);
      const error = await store.keyFor(subject).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SubjectErasedError);
      expect((error as Error).message).toBe(
        `The person ${subject} was erased on 2026-05-04; their data can no longer be recorded`,
      );
      const other = await open();
      await expect(other.keyFor(subject)).rejects.toThrow(SubjectErasedError);
    });

    it('leaves a tombstone for a subject that never had a key, so none is made later', async () => {
      const store = await open();
      const subject = uuidv7();
      expect(await store.erase(subject, '2026-05-04T10:00:00.000Z')).toBe(false);
      await expect(store.keyFor(subject)).rejects.toThrow(/was erased on 2026-05-04/);
      expect((await store.lookup([subject])).get(subject)).toBe('erased');
    });

    it('lists every subject with when its key was made and when it was erased', async () => {
      const store = await open();
      const [kept, erased] = [uuidv7(), uuidv7()];
      const before = new Date().toISOString();
      await store.keyFor(kept);
      await store.keyFor(erased);
      await store.erase(erased, '2026-05-04T10:00:00.000Z');
      const listed = (await collect(store.subjects())).filter((s) => s.subjectId === kept || s.subjectId === erased);
      expect(listed.map((s) => [s.subjectId, s.erasedAt])).toEqual(
        expect.arrayContaining([
          [kept, null],
          [erased, '2026-05-04T10:00:00.000Z'],
        ]),
      );
      for (const s of listed) expect(s.createdAt >= before).toBe(true);
    });

    it('stops serving a key another process erased once its cache is older than maxStaleMs', async () => {
      let now = 1_000_000;
      const reader = await open({ maxStaleMs: 5_000, now: () => now });
      const eraser = await open();
      const subject = uuidv7();
      const key = await reader.keyFor(subject);
      expect((await reader.lookup([subject])).get(subject)).toEqual(key);
      await eraser.erase(subject, '2026-05-04T10:00:00.000Z');
      now += 4_000;
      // Within the window the cached key may still be used: the documented bound.
      expect((await reader.lookup([subject])).get(subject)).toEqual(key);
      now += 1_001;
      expect((await reader.lookup([subject])).get(subject)).toBe('erased');
      await expect(reader.keyFor(subject)).rejects.toThrow(SubjectErasedError);
    });

    it('refuses subject ids that are not strings and erasure times that are not times', async () => {
      const store = await open();
      await expect(store.keyFor('')).rejects.toThrow(/A data subject id must be a non-empty string/);
      await expect(store.erase(uuidv7(), 'yesterday')).rejects.toThrow(/erasedAt must be an ISO 8601 time/);
    });
  });
}
