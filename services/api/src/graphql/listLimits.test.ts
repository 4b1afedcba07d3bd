import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longestArray, listLimitPlugin } from './listLimits.js';

const apollo = new ApolloServer({
  typeDefs: 'type Query { count(levels: [String!], filter: Filter): Int } input Filter { levels: [String!] }',
  resolvers: {
    Query: {
      count: (_: unknown, args: { levels?: string[]; filter?: { levels: string[] } }) =>
        (args.levels ?? args.filter?.levels ?? []).length,
    },
  },
  plugins: [listLimitPlugin(3)],
});
beforeAll(() => apollo.start());
afterAll(() => apollo.stop());

const run = async (query: string, variables?: Record<string, unknown>) => {
  const response = await apollo.executeOperation({ query, ...(variables ? { variables } : {}) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
};

describe('lists in a request', () => {
  it('are taken up to the limit, in variables and in the document', async () => {
    expect((await run('query($l: [String!]) { count(levels: $l) }', { l: ['a', 'b', 'c'] })).data).toEqual({
      count: 3,
    });
    expect((await run('{ count(filter: { levels: ["a", "b", "c"] }) }')).data).toEqual({ count: 3 });
  });

  it('are refused beyond it with BAD_USER_INPUT (400), nested in an input or written inline, before anything runs', async () => {
    for (const refused of [
      await run('query($f: Filter) { count(filter: $f) }', { f: { levels: ['a', 'b', 'c', 'd'] } }),
      await run('{ count(levels: ["a", "b", "c", "d"]) }'),
    ]) {
      expect(refused.status).toBe(400);
      expect(refused.data).toBeUndefined();
      expect(refused.errors?.[0]).toMatchObject({
        message: 'A list in this request holds 4 values; at most 3 are taken: send fewer, or several requests',
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });

  it('finds the longest array in variables nested deeper than the stack would go', () => {
    let deep: unknown = [1, 2, 3, 4, 5];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(longestArray({ a: deep, b: { c: [1, 2] } })).toBe(5);
  });
});
