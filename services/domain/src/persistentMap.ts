const SHARDS = 64;

function shardOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return (h >>> 0) % SHARDS;
}

/**
 * An immutable string-keyed map whose `with` copies one of 64 shards rather
 * than every entry. States that collect entries for years (a budget's
 * reservations, a staff member's bookings) then fold in time linear in their
 * events instead of quadratic, and every earlier state stays valid.
 */
export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly shards: readonly ReadonlyMap<string, V>[],
    readonly size: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(
      Array.from({ length: SHARDS }, () => new Map<string, V>()),
      0,
    );
  }

  /** A map with `key` set to `value`; this one is unchanged. */
  with(key: string, value: V): PersistentMap<V> {
    const i = shardOf(key);
    const shard = this.shards[i]!;
    const shards = this.shards.slice();
    shards[i] = new Map(shard).set(key, value);
    return new PersistentMap(shards, this.size + (shard.has(key) ? 0 : 1));
  }

  get(key: string): V | undefined {
    return this.shards[shardOf(key)]!.get(key);
  }

  has(key: string): boolean {
    return this.shards[shardOf(key)]!.has(key);
  }

  *entries(): MapIterator<[string, V]> {
    for (const shard of this.shards) yield* shard.entries();
  }

  *keys(): MapIterator<string> {
    for (const shard of this.shards) yield* shard.keys();
  }

  *values(): MapIterator<V> {
    for (const shard of this.shards) yield* shard.values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }
}
