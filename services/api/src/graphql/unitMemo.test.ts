import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../context.js';
import { memoisedByUnit } from './unitMemo.js';

// The memo is kept per read-model database: each test has its own.
const contextOf = () => ({ services: { readModels: { db: {} } } }) as unknown as ApiContext;

/** A ranking whose parts are each unit's name and the version it was computed at; records what it computed. */
function ranking(context: ApiContext) {
  const computed: string[][] = [];
  const read = (key: string, versions: Record<string, string>) =>
    memoisedByUnit(context, key, new Map(Object.entries(versions)), {
      compute: (units) => {
        computed.push([...units]);
        return Promise.resolve(new Map(units.map((u) => [u, `${u}@${versions[u]}`])));
      },
      empty: '',
      merge: (parts) => parts.join(' '),
    });
  return { computed, read };
}

describe('an answer kept per unit while each unit stands still', () => {
  it('computes every unit once, then only the units whose version moved, merging kept and new parts', async () => {
    const { computed, read } = ranking(contextOf());
    expect(await read('2027', { BJ: '1', SN: '2', ZA: '3' })).toBe('BJ@1 SN@2 ZA@3');
    expect(await read('2027', { BJ: '1', SN: '2', ZA: '3' })).toBe('BJ@1 SN@2 ZA@3');
    expect(await read('2027', { BJ: '1', SN: '7', ZA: '3' })).toBe('BJ@1 SN@7 ZA@3');
    // A unit new to the ranking is computed alone; one gone from it is left out.
    expect(await read('2027', { BJ: '1', EC: '8', SN: '7' })).toBe('BJ@1 EC@8 SN@7');
    expect(computed).toEqual([['BJ', 'SN', 'ZA'], ['SN'], ['EC']]);
  });

  it('gives the empty part for a unit the computation found nothing in', async () => {
    const answer = await memoisedByUnit(
      contextOf(),
      'k',
      new Map([
        ['BJ', '1'],
        ['MA', '1'],
      ]),
      {
        compute: () => Promise.resolve(new Map([['BJ', ['a']]])),
        empty: [] as string[],
        merge: (parts) => parts.flat(),
      },
    );
    expect(answer).toEqual(['a']);
  });

  it('keeps answers per key and per database', async () => {
    const context = contextOf();
    const { computed, read } = ranking(context);
    await read('2027', { BJ: '1' });
    await read('2028', { BJ: '1' });
    await ranking(contextOf()).read('2027', { BJ: '1' });
    await read('2027', { BJ: '1' });
    expect(computed).toEqual([['BJ'], ['BJ']]);
  });

  it('computes a moved unit once for concurrent requests that read the same versions', async () => {
    const { computed, read } = ranking(contextOf());
    await read('2027', { BJ: '1', SN: '1' });
    const answers = await Promise.all([read('2027', { BJ: '2', SN: '1' }), read('2027', { BJ: '2', SN: '1' })]);
    expect(answers).toEqual(['BJ@2 SN@1', 'BJ@2 SN@1']);
    expect(computed).toEqual([['BJ', 'SN'], ['BJ']]);
  });

  it('does not keep a failed part: the next request computes that unit again, and only it', async () => {
    const context = contextOf();
    let fail = true;
    const computed: string[][] = [];
    const read = (versions: Record<string, string>) =>
      memoisedByUnit(context, 'k', new Map(Object.entries(versions)), {
        compute: (units) => {
          computed.push([...units]);
          if (fail && units.includes('SN')) return Promise.reject(new Error('the database was busy'));
          return Promise.resolve(new Map(units.map((u) => [u, u])));
        },
        empty: '',
        merge: (parts) => parts.join(' '),
      });
    await read({ BJ: '1' });
    await expect(read({ BJ: '1', SN: '1' })).rejects.toThrow(/busy/);
    fail = false;
    expect(await read({ BJ: '1', SN: '1' })).toBe('BJ SN');
    expect(computed).toEqual([['BJ'], ['SN'], ['SN']]);
  });

  it('keeps the last sixteen keys, dropping the least recently used', async () => {
    const { computed, read } = ranking(contextOf());
    for (let i = 0; i < 16; i++) await read(`k${i}`, { BJ: '1' });
    await read('k0', { BJ: '1' }); // used again: now the most recent
    await read('k16', { BJ: '1' }); // drops k1
    const before = computed.length;
    await read('k0', { BJ: '1' });
    expect(computed.length).toBe(before);
    await read('k1', { BJ: '1' });
    expect(computed.length).toBe(before + 1);
  });
});
