/*
 * The API keeps answers and their parts between requests per read-model
 * database (a WeakMap keyed by its Kysely instance, so a closed database's
 * go with it), each kind bounded by how many it keeps, the least recently
 * used forgotten first.
 */

/** The map `perDatabase` keeps for `db`, made on first use. */
export function keptFor<K, V>(perDatabase: WeakMap<object, Map<K, V>>, db: object): Map<K, V> {
  let kept = perDatabase.get(db);
  if (!kept) perDatabase.set(db, (kept = new Map<K, V>()));
  return kept;
}

/** Sets `key` as the most recently used entry of `map`, forgetting the least recently used beyond `max`. */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
}
