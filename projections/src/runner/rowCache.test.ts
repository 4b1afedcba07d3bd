import { expect, it } from 'vitest';
import { RowCache } from './unitOfWork.js';

it('keeps the rows a rebuild keeps using and lets go of those it no longer uses', () => {
  const cache = new RowCache({ maxRows: 4 });
  const row = (n: number) => ({ n });
  cache.store('t', 'open-mission', row(0));
  cache.store('t', 'a', row(1));
  cache.store('t', 'b', row(2));
  cache.trim(); // three used since the last turnover: more than half of 4, so they become the old rows
  expect(cache.lookup('t', 'open-mission')).toEqual({ row: row(0) }); // used again: young again
  cache.store('t', 'c', row(3));
  cache.store('t', 'd', undefined); // a key known to have no row is remembered too
  cache.trim();
  expect(cache.lookup('t', 'open-mission')).toEqual({ row: row(0) });
  expect(cache.lookup('t', 'd')).toEqual({ row: undefined });
  expect(cache.lookup('t', 'a')).toBeUndefined(); // unused for two turnovers: gone
  expect(cache.lookup('other', 'a')).toBeUndefined();
});

it('knows which keys have no row when it has seen the tables from empty, across turnovers', () => {
  const cache = new RowCache({ maxRows: 2, empty: true });
  cache.store('t', 'a', { n: 1 });
  cache.store('t', 'b', { n: 2 });
  cache.store('t', 'c', { n: 3 });
  cache.store('t', 'b', undefined); // deleted
  cache.trim();
  cache.store('t', 'd', { n: 4 });
  cache.store('t', 'e', { n: 5 });
  cache.trim();
  expect(cache.lookup('t', 'a')).toBeUndefined(); // the row itself is no longer held…
  expect(cache.absent('t', 'a')).toBe(false); // …but it is known to exist: read it
  expect(cache.absent('t', 'b')).toBe(true);
  expect(cache.absent('t', 'never')).toBe(true);
  expect(cache.absent('other', 'a')).toBe(true);
  expect(new RowCache().absent('t', 'never')).toBe(false); // not seen from empty: unknown
});

it('keeps fewer rows once it follows the log live, and no longer claims to know which keys have no row', () => {
  const cache = new RowCache({ maxRows: 100, followingMaxRows: 2, empty: true });
  cache.store('t', 'a', { n: 1 });
  cache.store('t', 'b', { n: 2 });
  cache.trim(); // two of 100 while catching up: nothing turns over
  expect(cache.lookup('t', 'a')).toEqual({ row: { n: 1 } });
  expect(cache.absent('t', 'never')).toBe(true);
  cache.follow(true);
  expect(cache.absent('t', 'never')).toBe(false); // its keys are forgotten: a missing key is read
  cache.trim(); // two used since the last turnover: more than half of 2
  cache.store('t', 'c', { n: 3 });
  cache.store('t', 'd', { n: 4 });
  cache.trim();
  expect(cache.lookup('t', 'a')).toBeUndefined(); // two turnovers without use: gone
  expect(cache.lookup('t', 'd')).toEqual({ row: { n: 4 } });
  cache.follow(false); // behind again (a backlog): the catching-up bound
  for (const key of ['e', 'f', 'g']) cache.store('t', key, { key });
  cache.trim();
  expect(cache.lookup('t', 'c')).toEqual({ row: { n: 3 } });
});
