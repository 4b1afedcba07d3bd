import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentMap } from './persistentMap.js';

describe('PersistentMap', () => {
  it('behaves as a Map, and every earlier version stays as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer())), (writes) => {
        const versions: PersistentMap<number>[] = [PersistentMap.empty()];
        const expected: Map<string, number>[] = [new Map<string, number>()];
        for (const [key, value] of writes) {
          versions.push(versions.at(-1)!.with(key, value));
          expected.push(new Map(expected.at(-1)).set(key, value));
        }
        versions.forEach((map, i) => {
          const want = expected[i]!;
          expect(map.size).toBe(want.size);
          expect(new Map(map)).toEqual(want);
          for (const [key, value] of want) {
            expect(map.has(key)).toBe(true);
            expect(map.get(key)).toBe(value);
          }
        });
      }),
    );
  });

  it('iterates keys, values and forEach over the same entries', () => {
    const map = PersistentMap.empty<number>().with('a', 1).with('b', 2).with('a', 3);
    expect([...map.keys()].sort()).toEqual(['a', 'b']);
    expect([...map.values()].sort()).toEqual([2, 3]);
    const seen: [string, number][] = [];
    map.forEach((v, k, m) => {
      expect(m).toBe(map);
      seen.push([k, v]);
    });
    expect(seen.sort()).toEqual([...map.entries()].sort());
    expect(map.has('c')).toBe(false);
    expect(map.get('c')).toBeUndefined();
  });

  it('holds 40,000 entries (two levels of 64: a write copies about 140 slots, not a 64th of the map), and the empty map it grew from stays empty', () => {
    // One level of 64 shards copied a 64th of the entries per write (seconds for this); two levels copy ~140 slots.
    let map = PersistentMap.empty<number>();
    const first = map;
    for (let i = 0; i < 40_000; i++) map = map.with(`reservation-${i}`, i);
    expect(map.size).toBe(40_000);
    expect(map.get('reservation-39999')).toBe(39_999);
    expect(first.size).toBe(0);
    expect([...first.entries()]).toEqual([]);
    let n = 0;
    for (const [key, value] of map) n += key === `reservation-${value}` ? 1 : 0;
    expect(n).toBe(40_000);
  });
});
