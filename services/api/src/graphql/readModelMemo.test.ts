import { createRegistry, openReadModels, type ReadModelDb, type RegistryDb } from '@werkbezoek/projections';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiContext } from '../context.js';
import { keptUnder, memoised } from './readModelMemo.js';

let readModels: ReadModelDb<RegistryDb>;
beforeEach(async () => {
  readModels = openReadModels<RegistryDb>({ dialect: 'sqlite', path: ':memory:' });
  await createRegistry(readModels.db);
  for (const name of ['clusters', 'requests'])
    await readModels.db
      .insertInto('projection_state')
      .values({ name, version: 1, generation: 0, status: 'ACTIVE', position: '10', updated_at: '2027-01-01T00:00:00Z' })
      .execute();
});
afterEach(() => readModels.close());

const context = () => ({ services: { readModels } }) as unknown as ApiContext;
const moveTo = (name: string, position: string) =>
  readModels.db.updateTable('projection_state').set({ position }).where('name', '=', name).execute();

describe('an answer kept while the read models it reads stand still', () => {
  it('is computed once per version of the projections it reads, and again when one of them moves', async () => {
    let computed = 0;
    const ranking = () => memoised(context(), ['clusters'], 'ranking 2027', () => Promise.resolve(++computed));
    expect([await ranking(), await ranking()]).toEqual([1, 1]);
    // Another projection moving leaves it be; its own moving computes it anew.
    await moveTo('requests', '11');
    expect(await ranking()).toBe(1);
    await moveTo('clusters', '12');
    expect(await ranking()).toBe(2);
    // Other arguments, another answer.
    expect(await memoised(context(), ['clusters'], 'ranking 2028', () => Promise.resolve(-1))).toBe(-1);
  });

  it('does not keep a failure: the next request computes again', async () => {
    let attempts = 0;
    const flaky = () =>
      memoised(context(), ['clusters'], 'flaky', async () => {
        attempts++;
        if (attempts === 1) throw new Error('the database was busy');
        return 'answer';
      });
    await expect(flaky()).rejects.toThrow(/busy/);
    expect(await flaky()).toBe('answer');
    expect(attempts).toBe(2);
  });

  it('keeps the last sixteen answers, dropping the least recently used', async () => {
    let computed = 0;
    const answer = (key: string) => memoised(context(), ['clusters'], key, () => Promise.resolve(++computed));
    for (let i = 0; i < 16; i++) await answer(`k${i}`);
    await answer('k0'); // used again: now the most recent
    await answer('k16'); // drops k1
    const before = computed;
    await answer('k0');
    expect(computed).toBe(before);
    await answer('k1');
    expect(computed).toBe(before + 1);
  });

  it('keeps each shelf apart: answers of one do not push out those of another', async () => {
    let computed = 0;
    const ranking = () => memoised(context(), ['clusters'], 'ranking', () => Promise.resolve(++computed));
    const search = (i: number) => keptUnder(context(), 'lessons', `search ${i} @ v1`, () => Promise.resolve(-i));
    expect(await ranking()).toBe(1);
    for (let i = 0; i < 20; i++) expect(await search(i)).toBe(-i);
    expect(await ranking()).toBe(1);
    // The same key on another shelf is another answer.
    expect(await keptUnder(context(), 'other', 'search 19 @ v1', () => Promise.resolve('other'))).toBe('other');
  });
});
