import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7 } from '@werkbezoek/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { keyStoreContract } from '../testing/keyStoreContract.js';
import { KeyCache, MemoryKeys, memoryKeyStore } from './keyStore.js';
import { KEYS_FILE, openSqliteKeyStore } from './sqliteKeyStore.js';

const dir = mkdtempSync(join(tmpdir(), 'werkbezoek-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shared = new MemoryKeys();
keyStoreContract('in-memory', { open: async (options) => memoryKeyStore(shared, options) });

keyStoreContract('SQLite', { open: async (options) => openSqliteKeyStore({ path: join(dir, KEYS_FILE), ...options }) });

describe('the SQLite key store file', () => {
  it("is its owner's alone: keys.db and its WAL are made with mode 0600", async () => {
    const path = join(dir, 'private.db');
    const store = openSqliteKeyStore({ path });
    await store.keyFor(uuidv7());
    for (const file of [path, `${path}-wal`]) {
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).mode & 0o777, file).toBe(0o600);
    }
    await store.close();
  });

  it("holds an erased key's bytes in neither the file nor its WAL", async () => {
    const path = join(dir, 'shredded.db');
    const store = openSqliteKeyStore({ path });
    const [erased, kept] = [uuidv7(), uuidv7()];
    const key = await store.keyFor(erased);
    const other = await store.keyFor(kept);
    const bytes = () => Buffer.concat([path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    // The test can fail: the keys are in the files before the erasure.
    expect(bytes().includes(key)).toBe(true);
    expect(await store.erase(erased, '2026-05-04T10:00:00.000Z')).toBe(true);
    expect(bytes().includes(key)).toBe(false);
    expect(bytes().includes(other)).toBe(true);
    expect(statSync(`${path}-wal`).size).toBe(0);
    await store.close();
  });
});

describe('the key cache', () => {
  it('keeps each key in memory of its own, not a slice of a shared slab that the slice would keep whole', async () => {
    // As pg hands out a bytea: hex-decoded into Node's 8 KB Buffer pool.
    const pooled = (key: Buffer) => Buffer.from(key.toString('hex'), 'hex');
    const backend = new MemoryKeys();
    const store = new KeyCache(
      {
        getOrCreate: async (...args) => {
          const stored = await backend.getOrCreate(...args);
          return Buffer.isBuffer(stored) ? pooled(stored) : stored;
        },
        fetch: (ids) => backend.fetch(ids),
        erase: (id, at) => backend.erase(id, at),
        subjects: () => backend.subjects(),
        erasures: () => backend.erasures(),
        close: () => backend.close(),
      },
      { maxStaleMs: 0 },
    );
    const subject = uuidv7();
    const key = await store.keyFor(subject);
    expect(pooled(key).buffer.byteLength).toBeGreaterThan(key.length); // the test can fail: pooled keys share a slab
    expect(key.buffer.byteLength).toBe(key.length);
    expect((await store.lookup([subject])).get(subject)).toEqual(key);
    await store.close();
  });
});
