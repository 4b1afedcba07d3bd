import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlatform, tokens, type GraphQLResponse, type LivePlatform } from './harness.js';

/*
 * A query runs through graphql-js the first time and as compiled JavaScript
 * (graphql-jit) from then on. Whatever a query asks, and however it fails,
 * the compiled runs answer byte for byte what graphql-js answered.
 */

let live: LivePlatform;

beforeAll(async () => {
  live = await livePlatform({ demoData: true, execution: { compileAfter: 1 } });
}, 120_000);
afterAll(() => live?.close());

const request = `fragment Request on AccompanimentRequest {
  __typename id status missionType startDate endDate
  ... on AccompanimentRequest { municipality { nisCode name } twinning { id countryCode regionCode } }
  assessment { recommendation opportune requiredReasons satisfiedReasons derivedReasons explanation policyVersion }
}`;

interface Case {
  readonly name: string;
  readonly token: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
  /** What the first answer must show, so an empty or failed answer cannot pass unnoticed. */
  readonly check: (response: GraphQLResponse<Record<string, unknown>>) => void;
}

const hasData = (response: GraphQLResponse<Record<string, unknown>>) => {
  expect(response.errors).toBeUndefined();
  expect(JSON.stringify(response.data).length).toBeGreaterThan(200);
};
const code = (expected: string) => (response: GraphQLResponse<Record<string, unknown>>) =>
  expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe(expected);

const cases: Case[] = [
  {
    name: 'the benchmark request list',
    token: tokens.analyst,
    query: `{ accompanimentRequests(first: 20, filter: { status: [ACCEPTED, COMPLETED], countryCode: "BJ" }) { edges { node { id status missionType startDate endDate municipality { name } twinning { regionCode } assessment { recommendation satisfiedReasons } } } pageInfo { hasNextPage endCursor } } }`,
    check: hasData,
  },
  {
    name: 'fragments, aliases, variables, @include and @skip',
    token: tokens.analyst,
    query: `query Page($first: Int!, $withMission: Boolean!, $plain: Boolean!) {
      done: accompanimentRequests(first: $first, filter: { status: [COMPLETED] }) {
        edges { cursor node { ...Request mission @include(if: $withMission) { id status costEur staffNames } } }
        pageInfo { hasNextPage endCursor }
      }
      open: accompanimentRequests(first: 3, filter: { status: [SUBMITTED] }) @skip(if: $plain) { edges { node { id } } }
    } ${request}`,
    variables: { first: 7, withMission: true, plain: false },
    check: hasData,
  },
  {
    name: 'one operation of several, by name',
    token: tokens.planner,
    query: `query A { lessons(first: 2) { edges { node { id } } } }
      query B($search: String) { lessons(search: $search, first: 10) { edges { node { id title level goodPractice rank } } } }`,
    operationName: 'B',
    variables: { search: 'afval' },
    check: hasData,
  },
  {
    name: 'several operations and none named (no operation to run)',
    token: tokens.analyst,
    query: `query A { lessons(first: 1) { edges { cursor } } } query B { lessons(first: 2) { edges { cursor } } }`,
    check: (r) => {
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.message).toMatch(/operation name/);
    },
  },
  {
    name: 'the dashboard',
    token: tokens.management,
    query: `{ dashboard(fromQuarter: "2024-Q1", toQuarter: "2026-Q4") { totals { submitted accepted declined withdrawn agreementRate } rows { quarter missionType submitted accepted declined medianDaysToDecision } } }`,
    check: hasData,
  },
  {
    name: 'a history and the regional clusters',
    token: tokens.analyst,
    query: `{ accompanimentHistory(nisCode: "11055") { nisCode name lastAccompaniedOn monthsSinceLastAccompaniment visits { __typename } }
      regionalClusters(from: "2025-01-01", to: "2026-12-31") { regionCode countryCode municipalities { __typename } } }`,
    check: hasData,
  },
  {
    name: 'introspection',
    token: tokens.analyst,
    query: getIntrospectionQuery(),
    check: hasData,
  },
  {
    name: 'a request that does not exist (null, no error)',
    token: tokens.analyst,
    query: `{ accompanimentRequest(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    check: (r) => expect(r).toMatchObject({ data: { accompanimentRequest: null } }),
  },
  {
    name: 'a cursor never handed out (BAD_USER_INPUT at its path)',
    token: tokens.analyst,
    query: `{ accompanimentRequests(after: "not-a-cursor") { edges { cursor } } }`,
    check: code('BAD_USER_INPUT'),
  },
  {
    name: 'a coordinator asking for the dashboard (FORBIDDEN)',
    token: tokens.zoersel,
    query: `{ dashboard(fromQuarter: "2024-Q1", toQuarter: "2026-Q4") { totals { submitted } } }`,
    check: code('FORBIDDEN'),
  },
  {
    name: 'an impossible date in a variable (BAD_USER_INPUT)',
    token: tokens.analyst,
    query: 'query($d: LocalDate) { accompanimentRequests(filter: { from: $d }) { edges { cursor } } }',
    variables: { d: '2027-02-30' },
    check: code('BAD_USER_INPUT'),
  },
  {
    name: 'a missing required variable',
    token: tokens.analyst,
    query: 'query($first: Int!) { accompanimentRequests(first: $first) { edges { cursor } } }',
    check: (r) => expect(r.errors?.[0]?.message).toMatch(/\$first/),
  },
];

async function ask(c: Case): Promise<string> {
  const response = await fetch(live.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ query: c.query, variables: c.variables, operationName: c.operationName }),
  });
  return JSON.stringify({ status: response.status, body: await response.text() });
}

describe('compiled queries', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: compiled runs answer what graphql-js answered', async (_, c) => {
    const first = await ask(c);
    const { status, body } = JSON.parse(first) as { status: number; body: string };
    c.check({ status, ...(JSON.parse(body) as Omit<GraphQLResponse<Record<string, unknown>>, 'status'>) });
    expect(await ask(c)).toBe(first);
    expect(await ask(c)).toBe(first);
  });
});
