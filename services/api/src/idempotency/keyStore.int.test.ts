import { openReadModels } from '@werkbezoek/projections';
import { DIALECTS, freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeys, type KeyClaim } from './keyStore.js';

const HOUR = 3_600_000;
const T0 = new Date('2026-03-02T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(DIALECTS)('IdempotencyKeys on %s', (dialect) => {
  let database: TestDatabase;
  let keys: IdempotencyKeys;
  let n = 0;
  /** A claim of a key no other test uses. */
  const fresh = (overrides: Partial<KeyClaim> = {}): KeyClaim => ({
    principalId: 'demo-coordinator-11055',
    key: `key-${dialect}-${++n}`,
    fingerprint: 'f'.repeat(64),
    operation: 'submitAccompanimentRequest',
    now: T0,
    ...overrides,
  });

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    keys = new IdempotencyKeys(database.readModels, { ttlMs: 24 * HOUR });
    await keys.setUp();
  });
  afterAll(async () => database?.drop());

  it('binds a new key to its request, and gives a retry of that request the same command id', async () => {
    const claim = fresh();
    const first = await keys.claim(claim);
    expect(first).toMatchObject({ kind: 'claimed', repeated: false });
    const retry = await keys.claim({ ...claim, now: later(HOUR) });
    expect(retry).toEqual({ ...first, repeated: true });
  });

  it('refuses the key for another request, saying which operation had it first and when', async () => {
    const claim = fresh();
    await keys.claim(claim);
    expect(await keys.claim({ ...claim, fingerprint: 'e'.repeat(64), operation: 'amendAccompanimentRequest' })).toEqual(
      { kind: 'reused', operation: 'submitAccompanimentRequest', firstUsedAt: T0.toISOString() },
    );
  });

  it("keeps one user's key apart from the same key of another user", async () => {
    const claim = fresh();
    const mine = await keys.claim(claim);
    const theirs = await keys.claim({ ...claim, principalId: 'demo-coordinator-44043', fingerprint: 'e'.repeat(64) });
    expect(theirs.kind).toBe('claimed');
    expect(theirs).not.toEqual(mine);
  });

  it('frees a key 24 hours after its first use, with a new command id', async () => {
    const claim = fresh();
    const first = await keys.claim(claim);
    expect((await keys.claim({ ...claim, fingerprint: 'e'.repeat(64), now: later(24 * HOUR - 1) })).kind).toBe(
      'reused',
    );
    const again = await keys.claim({ ...claim, fingerprint: 'e'.repeat(64), now: later(24 * HOUR) });
    expect(again).toMatchObject({ kind: 'claimed', repeated: false });
    expect(again).not.toEqual(first);
  });

  it('lets one of many racing first requests claim the key: the same request gets one command id', async () => {
    const claim = fresh();
    const results = await Promise.all(Array.from({ length: 12 }, () => keys.claim(claim)));
    const ids = new Set(results.map((r) => (r.kind === 'claimed' ? r.commandId : 'reused')));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.kind === 'claimed' && !r.repeated)).toHaveLength(1);
  });

  it('lets exactly one of racing different requests with one key claim it; the others are refused', async () => {
    const claim = fresh();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => keys.claim({ ...claim, fingerprint: String(i).padStart(64, '0') })),
    );
    expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'reused')).toHaveLength(11);
  });

  it('lets one of racing requests claim an expired key anew', async () => {
    const claim = fresh();
    await keys.claim(claim);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        keys.claim({ ...claim, fingerprint: String(i).padStart(64, '0'), now: later(25 * HOUR) }),
      ),
    );
    expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
  });

  it('purges the expired keys only', async () => {
    const old = fresh({ now: later(-30 * HOUR) });
    const recent = fresh();
    const stored = async () =>
      (
        await database.readModels.db
          .selectFrom('idempotency_keys' as never)
          .select(['key' as never])
          .execute()
      ).map((r) => (r as { key: string }).key);
    // Claimed last, the old key is not purged by a claim (each purges before it inserts).
    await keys.claim(recent);
    await keys.claim(old);
    expect(await stored()).toEqual(expect.arrayContaining([old.key, recent.key]));
    expect(await keys.purgeExpired(T0)).toBeGreaterThanOrEqual(1);
    const left = await stored();
    expect(left).toContain(recent.key);
    expect(left).not.toContain(old.key);
  });

  it('purges expired keys while claiming, at most every purgeEveryMs', async () => {
    const other = new IdempotencyKeys(database.readModels, { ttlMs: HOUR, purgeEveryMs: 10 * 60_000 });
    const t = later(1000 * HOUR).getTime();
    const at = (minutes: number) => fresh({ now: new Date(t + minutes * 60_000) });
    const [a, b, c, d, e] = [at(0), at(1), at(60.5), at(65), at(71)];
    const stored = async () => {
      const rows = await database.readModels.db
        .selectFrom('idempotency_keys' as never)
        .select(['key' as never])
        .execute();
      const all = new Set(rows.map((r) => (r as { key: string }).key));
      return [a, b, c, d, e].filter((k) => all.has(k.key)).map((k) => k.key);
    };
    await other.claim(a); // the first claim purges
    await other.claim(b);
    await other.claim(c); // ten minutes since the last purge: a (expired) goes, b (not yet) stays
    expect(await stored()).toEqual([b.key, c.key]);
    await other.claim(d); // b has expired, but the last purge was 4.5 minutes ago
    expect(await stored()).toEqual([b.key, c.key, d.key]);
    await other.claim(e); // 10.5 minutes since: b goes
    expect(await stored()).toEqual([c.key, d.key, e.key]);
  });

  it('sets up the table again harmlessly, from several processes at once', async () => {
    const others = Array.from({ length: 4 }, () => openReadModels(database.config));
    try {
      await Promise.all(others.map((db) => new IdempotencyKeys(db).setUp()));
      expect((await new IdempotencyKeys(others[0]!).claim(fresh())).kind).toBe('claimed');
    } finally {
      await Promise.all(others.map((db) => db.close()));
    }
  });
});
