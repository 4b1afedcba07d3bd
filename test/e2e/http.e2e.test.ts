import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlatform, tokens, type LivePlatform } from './harness.js';

let live: LivePlatform;
beforeAll(async () => {
  live = await livePlatform({ production: true });
});
afterAll(async () => live.close());

describe('GraphQL over HTTP', () => {
  it("passes every MUST of graphql-http's audit against the live server", async () => {
    const results = await auditServer({
      url: live.url,
      fetchFn: (input: string | URL | Request, init?: RequestInit) =>
        fetch(input, {
          ...init,
          headers: {
            ...Object.fromEntries(new Headers(init?.headers).entries()),
            authorization: `Bearer ${tokens.analyst}`,
          },
        }),
    });
    const failedMusts = results.filter((r) => r.status === 'error' && r.name.startsWith('MUST'));
    expect(failedMusts.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });

  it('refuses requests without valid credentials with UNAUTHENTICATED (401)', async () => {
    for (const token of [undefined, 'demo-nobody', 'demo-coordinator-12']) {
      const response = await live.gql(token, '{ __typename }');
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses impossible dates as BAD_USER_INPUT, in variables and in literals alike', async () => {
    const query = 'query($d: LocalDate) { accompanimentRequests(filter: { from: $d }) { edges { cursor } } }';
    const inVariables = await live.gql(tokens.analyst, query, { d: '2027-02-30' });
    expect(inVariables.errors?.[0]?.message).toMatch(/"2027-02-30" is not a calendar date/);
    const inLiteral = await live.gql(
      tokens.analyst,
      '{ accompanimentRequests(filter: { from: "2027-02-30" }) { edges { cursor } } }',
    );
    expect(inLiteral.errors?.[0]?.message).toMatch(/"2027-02-30" is not a calendar date/);
    expect(inLiteral.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('refuses queries that would cost too much before running them', async () => {
    const lists = Array.from(
      { length: 40 },
      (_, i) => `l${i}: accompanimentRequests(first: 100) { edges { node { id status startDate endDate } } }`,
    );
    const refused = await live.gql(tokens.analyst, `{ ${lists.join(' ')} }`);
    expect(refused.errors?.[0]?.message).toMatch(/The query would cost \d+ \(fields × page sizes\); at most 20000/);
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const fine = await live.gql(tokens.analyst, `{ ${lists.slice(0, 5).join(' ')} }`);
    expect(fine.errors).toBeUndefined();
  });

  it('bounds request bodies and prevents CSRF', async () => {
    const big = await fetch(live.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.analyst}` },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(big.status).toBe(413);
    const simple = await fetch(`${live.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { authorization: `Bearer ${tokens.analyst}` },
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
  });

  it('sends no stack traces in production mode, and no details of unexpected errors', async () => {
    const response = await live.gql(tokens.analyst, '{ accompanimentRequests(first: 1000) { edges { cursor } } }');
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('serves GraphiQL to browsers, with its assets from the server itself', async () => {
    const page = await fetch(live.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/graphiql/graphiql.js');
    const script = await fetch(new URL('/graphiql/graphiql.js', live.url));
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });
});
