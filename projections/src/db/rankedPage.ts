import { decodeCursor, edgesOf, type Page } from './pagination.js';

/** A page of a ranked list, with how many there are in all. */
export interface RankedPage<T> extends Page<T> {
  readonly totalCount: number;
}

/**
 * The page of `ranked` (in its order, `compare`) after the item a cursor was
 * made from (`keyOf`, its sort key): the first `first` items ranking after
 * it. The cursor holds the key, not a position, so a page reads on from where
 * the last one ended even when items were added or removed before it.
 */
export function pageOfRanked<T, K extends unknown[]>(
  ranked: readonly T[],
  page: { readonly first: number; readonly after?: string | null },
  keyOf: (item: T) => K,
  shape: readonly ('string' | 'number')[],
  compare: (a: K, b: K) => number,
): RankedPage<T> {
  let start = 0;
  if (page.after) {
    const after = decodeCursor<K>(page.after, shape);
    // Ranked in `compare`'s order: the first item ranking after the cursor, by bisection.
    let end = ranked.length;
    while (start < end) {
      const mid = (start + end) >>> 1;
      if (compare(keyOf(ranked[mid]!), after) <= 0) start = mid + 1;
      else end = mid;
    }
  }
  const items = ranked.slice(start, start + page.first);
  return {
    edges: edgesOf(items, keyOf),
    hasNextPage: start + page.first < ranked.length,
    totalCount: ranked.length,
  };
}
