import { IllegalStateError, ValidationError } from '@werkbezoek/schema';
import { KEY_BYTES, randomBytesFromPool } from './envelope.js';

/** A data subject in the key store: when its key was made, and when it was erased (then the key is gone). */
export interface SubjectKeyInfo {
  readonly subjectId: string;
  readonly createdAt: string;
  readonly erasedAt: string | null;
}

/**
 * The keys that encrypt personal data, one per data subject (a person, or a
 * record whose id is a document key), kept apart from the events. Erasing a
 * subject deletes its key for good: what was encrypted with it reads as
 * erased, in every copy of the event log.
 */
export interface SubjectKeyStore {
  /** The subject's key, created on first use; throws SubjectErasedError if the subject was erased. */
  keyFor(subjectId: string): Promise<Buffer>;
  /** Keys for reading: a Buffer, 'erased', or absent when the subject never had one. */
  lookup(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer | 'erased'>>;
  /** Forgets the key for good (idempotent): true when a key was deleted now. Leaves a tombstone with the time. */
  erase(subjectId: string, erasedAt: string): Promise<boolean>;
  /** Every subject with when its key was created, and when it was erased (for retention and reports). */
  subjects(): AsyncIterable<SubjectKeyInfo>;
  close(): Promise<void>;
}

/** Personal data of an erased subject cannot be recorded any more: there is no key to encrypt it with. */
export class SubjectErasedError extends IllegalStateError {
  constructor(
    readonly subjectId: string,
    readonly erasedAt: string,
  ) {
    super(`The person ${subjectId} was erased on ${erasedAt.slice(0, 10)}; their data can no longer be recorded`);
  }
}

/** What a backend knows of one subject. */
export type StoredKey = Buffer | { readonly erasedAt: string };

/** The storage under a key store: SQLite, PostgreSQL or memory. The cache in front of it is KeyCache's. */
export interface KeyBackend {
  /** The subject's key, stored first as `candidate` if it has none; or its tombstone. Safe under concurrent callers. */
  getOrCreate(subjectId: string, candidate: Buffer, createdAt: string): Promise<StoredKey>;
  /** What the store holds for these subjects; subjects it never saw are left out. */
  fetch(subjectIds: readonly string[]): Promise<ReadonlyMap<string, StoredKey>>;
  /** Deletes the key and leaves a tombstone (one also for a subject that never had a key); true when a key was deleted. */
  erase(subjectId: string, erasedAt: string): Promise<boolean>;
  subjects(): AsyncIterable<SubjectKeyInfo>;
  /** A counter every erasure raises, in whatever process: other processes compare it to drop their cached keys. */
  erasures(): Promise<number>;
  close(): Promise<void>;
}

export interface KeyCacheOptions {
  /**
   * How long this process may go on using a key that another process has
   * erased, in milliseconds: the erasure counter is read again at most this
   * often, and every cached key is dropped when it moved. 0 reads it on every
   * call. Default 1000.
   */
  readonly maxStaleMs?: number;
  /** The clock, in milliseconds (tests). */
  readonly now?: () => number;
  /**
   * How many keys this process keeps in memory, the least recently used
   * forgotten first (read again from the backend when needed). Default
   * 10,000: a subject is a person or a record, and a long-running server
   * meets new ones with every submission.
   */
  readonly maxKeys?: number;
}

function checkSubjectId(subjectId: unknown): asserts subjectId is string {
  if (typeof subjectId !== 'string' || subjectId.trim() === '' || subjectId.length > 200)
    throw new ValidationError(
      `A data subject id must be a non-empty string of at most 200 characters, not ${JSON.stringify(subjectId)}`,
      ['subjectId'],
    );
}

function checkInstant(erasedAt: unknown): asserts erasedAt is string {
  if (typeof erasedAt !== 'string' || Number.isNaN(Date.parse(erasedAt)))
    throw new ValidationError(
      `erasedAt must be an ISO 8601 time such as "2026-03-01T09:30:00.000Z", not ${JSON.stringify(erasedAt)}`,
      ['erasedAt'],
    );
}

/**
 * A key store over a backend, with the keys cached in memory: reading an
 * event costs no query once its subjects' keys are known. An erasure drops
 * the key from this process's cache at once; other processes notice within
 * `maxStaleMs`, when they next read the backend's erasure counter and find it
 * moved. Tombstones are kept for good, as erasure is.
 */
export class KeyCache implements SubjectKeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly erased = new Map<string, string>();
  private readonly maxStaleMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private checkedAt = -Infinity;
  private knownErasures: number | undefined;
  private closed = false;

  constructor(
    private readonly backend: KeyBackend,
    options: KeyCacheOptions = {},
  ) {
    this.maxStaleMs = options.maxStaleMs ?? 1000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** A cached key, now the most recently used. */
  private cached(subjectId: string): Buffer | undefined {
    const key = this.keys.get(subjectId);
    if (key) {
      this.keys.delete(subjectId);
      this.keys.set(subjectId, key);
    }
    return key;
  }

  /** Drops every cached key when another process has erased one since the last look (at most every maxStaleMs). */
  private async fresh(): Promise<void> {
    if (this.closed) throw new Error('This key store is closed');
    const now = this.now();
    if (now - this.checkedAt < this.maxStaleMs) return;
    const erasures = await this.backend.erasures();
    this.checkedAt = now;
    if (erasures !== this.knownErasures) {
      this.keys.clear();
      this.knownErasures = erasures;
    }
  }

  private remember(subjectId: string, stored: StoredKey): Buffer | 'erased' {
    if (Buffer.isBuffer(stored)) {
      // A copy with memory of its own: a small Buffer from a driver (pg's bytea, hex-decoded) or a random
      // pool is a slice of a shared 8 KB slab, which a kept slice keeps whole, outside V8's heap.
      const own = Buffer.allocUnsafeSlow(stored.length);
      stored.copy(own);
      this.keys.delete(subjectId);
      this.keys.set(subjectId, own);
      if (this.keys.size > this.maxKeys) this.keys.delete(this.keys.keys().next().value!);
      return own;
    }
    this.keys.delete(subjectId);
    this.erased.set(subjectId, stored.erasedAt);
    return 'erased';
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    checkSubjectId(subjectId);
    await this.fresh();
    const erasedAt = this.erased.get(subjectId);
    if (erasedAt !== undefined) throw new SubjectErasedError(subjectId, erasedAt);
    const cached = this.cached(subjectId);
    if (cached) return cached;
    const stored = await this.backend.getOrCreate(
      subjectId,
      randomBytesFromPool(KEY_BYTES),
      new Date(this.now()).toISOString(),
    );
    const key = this.remember(subjectId, stored);
    if (key === 'erased') throw new SubjectErasedError(subjectId, this.erased.get(subjectId)!);
    return key;
  }

  async lookup(subjectIds: readonly string[]): Promise<ReadonlyMap<string, Buffer | 'erased'>> {
    await this.fresh();
    const found = new Map<string, Buffer | 'erased'>();
    const missing: string[] = [];
    for (const id of subjectIds) {
      if (found.has(id)) continue;
      const key = this.cached(id) ?? (this.erased.has(id) ? 'erased' : undefined);
      if (key) found.set(id, key);
      else missing.push(id);
    }
    // Subjects without a key are not remembered: another process may make one any moment.
    if (missing.length > 0)
      for (const [id, stored] of await this.backend.fetch(missing)) found.set(id, this.remember(id, stored));
    return found;
  }

  async erase(subjectId: string, erasedAt: string): Promise<boolean> {
    checkSubjectId(subjectId);
    checkInstant(erasedAt);
    if (this.closed) throw new Error('This key store is closed');
    this.keys.delete(subjectId);
    const deleted = await this.backend.erase(subjectId, erasedAt);
    const stored = (await this.backend.fetch([subjectId])).get(subjectId);
    if (stored && !Buffer.isBuffer(stored)) this.erased.set(subjectId, stored.erasedAt);
    return deleted;
  }

  subjects(): AsyncIterable<SubjectKeyInfo> {
    return this.backend.subjects();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.keys.clear();
    await this.backend.close();
  }
}

/** Keys in memory, for tests: as the durable stores, behind the same cache. Stores made over one `MemoryKeys` share it, as processes share a database. */
export class MemoryKeys implements KeyBackend {
  readonly rows = new Map<string, { key: Buffer | null; createdAt: string; erasedAt: string | null }>();
  private count = 0;

  async getOrCreate(subjectId: string, candidate: Buffer, createdAt: string): Promise<StoredKey> {
    let row = this.rows.get(subjectId);
    if (!row) this.rows.set(subjectId, (row = { key: Buffer.from(candidate), createdAt, erasedAt: null }));
    // Copies, as a database hands out: a cache elsewhere keeps its own bytes.
    return row.key ? Buffer.from(row.key) : { erasedAt: row.erasedAt! };
  }

  async fetch(subjectIds: readonly string[]): Promise<ReadonlyMap<string, StoredKey>> {
    const out = new Map<string, StoredKey>();
    for (const id of subjectIds) {
      const row = this.rows.get(id);
      if (row) out.set(id, row.key ? Buffer.from(row.key) : { erasedAt: row.erasedAt! });
    }
    return out;
  }

  async erase(subjectId: string, erasedAt: string): Promise<boolean> {
    const row = this.rows.get(subjectId);
    if (row?.erasedAt) return false;
    this.count++;
    if (!row) {
      this.rows.set(subjectId, { key: null, createdAt: erasedAt, erasedAt });
      return false;
    }
    row.key?.fill(0);
    row.key = null;
    row.erasedAt = erasedAt;
    return true;
  }

  async *subjects(): AsyncIterable<SubjectKeyInfo> {
    for (const [subjectId, row] of this.rows) yield { subjectId, createdAt: row.createdAt, erasedAt: row.erasedAt };
  }

  async erasures(): Promise<number> {
    return this.count;
  }

  async close(): Promise<void> {}
}

/** A key store in memory (tests); pass one `MemoryKeys` to several to share it. */
export function memoryKeyStore(keys: MemoryKeys = new MemoryKeys(), options: KeyCacheOptions = {}): SubjectKeyStore {
  return new KeyCache(keys, { maxStaleMs: 0, ...options });
}
