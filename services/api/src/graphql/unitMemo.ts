import type { ApiContext } from '../context.js';
import { keepRecent, keptFor } from './recentlyUsed.js';

/** One unit's kept part: the version it was computed at, and the part (or its computation under way). */
interface KeptUnit<P> {
  readonly version: string;
  readonly part: Promise<P>;
}

interface Kept<P, A> {
  readonly units: Map<string, KeptUnit<P>>;
  merged?: { readonly versions: string; readonly answer: Promise<A> };
}

/** The answers kept per read-model database, most recently used last. */
const memos = new WeakMap<object, Map<string, Kept<unknown, unknown>>>();
const KEPT = 16;

/**
 * An answer made of parts, one per unit (a country, a region), each kept
 * while its unit's version stands still: after a write, only the units it
 * changed are computed again and the answer is merged anew from the kept
 * parts (issue 16: a planner's ranking of every region costs hundreds of
 * milliseconds at a national scale, one region's a fraction). The versions
 * are read by the caller before computing, so no part is older than the
 * version it is kept under: read your writes holds. The merged answer is kept
 * too, while no unit moves. The last sixteen keys are kept; a part that
 * failed is not.
 *
 * @param versions Every unit the answer covers, with its version now.
 * @param compute The parts of these units (each unit once; a unit absent from the answer has an empty part: `empty`).
 * @param merge The answer from every unit's part, in the order of `versions`.
 */
export async function memoisedByUnit<P, A>(
  context: ApiContext,
  key: string,
  versions: ReadonlyMap<string, string>,
  parts: {
    readonly compute: (units: readonly string[]) => Promise<ReadonlyMap<string, P>>;
    readonly empty: P;
    readonly merge: (parts: readonly P[]) => A | Promise<A>;
  },
): Promise<A> {
  const memo = keptFor(memos, context.services.readModels.db) as Map<string, Kept<P, A>>;
  const kept = memo.get(key) ?? { units: new Map<string, KeptUnit<P>>() };
  keepRecent(memo, key, kept, KEPT);

  const all = [...versions].map(([unit, version]) => `${unit}@${version}`).join(' ');
  if (kept.merged?.versions === all) return kept.merged.answer;

  const stale = [...versions].filter(([unit, version]) => kept.units.get(unit)?.version !== version);
  if (stale.length > 0) {
    const computed = parts.compute(stale.map(([unit]) => unit));
    for (const [unit, version] of stale) {
      const part = computed.then((found) => found.get(unit) ?? parts.empty);
      const entry = { version, part };
      kept.units.set(unit, entry);
      part.catch(() => {
        if (kept.units.get(unit) === entry) kept.units.delete(unit);
      });
    }
  }
  const answer = Promise.all([...versions.keys()].map((unit) => kept.units.get(unit)!.part)).then(parts.merge);
  const merged = { versions: all, answer };
  kept.merged = merged;
  answer.catch(() => {
    if (kept.merged === merged) delete kept.merged;
  });
  return answer;
}
