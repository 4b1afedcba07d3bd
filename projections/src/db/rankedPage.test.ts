import { describe, expect, it } from 'vitest';
import { pageOfRanked } from './rankedPage.js';

interface Team {
  readonly name: string;
  readonly points: number;
}
type Key = [number, string];
const keyOf = (t: Team): Key => [t.points, t.name];
// Most points first, then by name: the ranking the pages follow.
const compare = (a: Key, b: Key) => b[0] - a[0] || a[1].localeCompare(b[1]);
const ranked: Team[] = [
  { name: 'Aalst', points: 9 },
  { name: 'Brugge', points: 7 },
  { name: 'Gent', points: 7 },
  { name: 'Hasselt', points: 7 },
  { name: 'Leuven', points: 4 },
];
const page = (list: readonly Team[], first: number, after?: string) =>
  pageOfRanked(list, { first, ...(after ? { after } : {}) }, keyOf, ['number', 'string'], compare);

describe('a page of a ranked list', () => {
  it('reads the list in its order, page after page, with the total on every page', () => {
    const names: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const p = page(ranked, 2, after);
      expect(p.totalCount).toBe(5);
      names.push(p.edges.map((e) => e.node.name));
      if (!p.hasNextPage) break;
      after = p.edges.at(-1)!.cursor;
    }
    expect(names).toEqual([['Aalst', 'Brugge'], ['Gent', 'Hasselt'], ['Leuven']]);
  });

  it('reads on after the item the cursor names even when items were added or removed before it', () => {
    const first = page(ranked, 2);
    const after = first.edges.at(-1)!.cursor; // Brugge, 7 points
    const changed = [{ name: 'Antwerpen', points: 12 }, ...ranked.filter((t) => t.name !== 'Aalst')];
    expect(page(changed, 2, after).edges.map((e) => e.node.name)).toEqual(['Gent', 'Hasselt']);
    // The item itself gone: the next one in the ranking.
    const withoutBrugge = ranked.filter((t) => t.name !== 'Brugge');
    expect(page(withoutBrugge, 2, after).edges.map((e) => e.node.name)).toEqual(['Gent', 'Hasselt']);
  });

  it('is empty after the last item, and says there is nothing more', () => {
    const last = page(ranked, 5).edges.at(-1)!.cursor;
    const after = page(ranked, 5, last);
    expect(after.edges).toEqual([]);
    expect(after.hasNextPage).toBe(false);
    expect(after.totalCount).toBe(5);
  });

  it('refuses a cursor it did not hand out, naming the argument', () => {
    expect(() => page(ranked, 2, 'not-a-cursor')).toThrow(/not a cursor this list handed out/);
    const wrongShape = Buffer.from(JSON.stringify(['Gent', 7])).toString('base64url');
    expect(() => page(ranked, 2, wrongShape)).toThrow(/not a cursor/);
  });
});
