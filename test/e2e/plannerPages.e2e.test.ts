import { addMonths } from '@werkbezoek/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livePlatform, tokens, type LivePlatform } from './harness.js';

/*
 * The planner's lists a page at a time (issue 16) over the demo history:
 * regionalClusterPage and jointMissionCandidatePage read page after page give
 * the whole lists regionalClusters and jointMissionCandidates answer, in the
 * same order, with the same total on every page. The clock is set to the
 * day the platform starts, as in planner.e2e.test.ts.
 */

let live: LivePlatform;
const today = new Date().toISOString().slice(0, 10);
const nextYear = { from: today, to: addMonths(today, 12) };

beforeAll(async () => {
  live = await livePlatform({ demoData: true });
  live.setToday(today);
}, 180_000);
afterAll(() => live?.close());

interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: N }[];
}

async function run<T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await live.gql<T>(token, query, variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

/** Every page of a connection, `first` at a time; checks the total is the same on every page. */
async function everyPage<N>(read: (after: string | null) => Promise<Connection<N>>) {
  const nodes: N[] = [];
  const totals = new Set<number>();
  let pages = 0;
  for (let after: string | null = null; ; pages++) {
    const page = await read(after);
    totals.add(page.totalCount);
    nodes.push(...page.edges.map((e) => e.node));
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(totals.size, 'the same total on every page').toBe(1);
  return { nodes, total: [...totals][0]!, pages: pages + 1 };
}

const clusterFields = `regionCode countryCode municipalities { nisCode visiting } visits { id } overlappingGroups { visits { id } } jointMissions { id } regionalEvents { id }`;
const candidateFields = `regionCodes savingEur tripStart requests { id nisCode reasons newReasons } municipalities { nisCode name } why { nl en }`;

describe('regionalClusterPage', () => {
  it('reads, page after page, every region regionalClusters lists, in its order, with the total', async () => {
    const { regionalClusters: all } = await run<{ regionalClusters: unknown[] }>(
      tokens.planner,
      `query($from: LocalDate!, $to: LocalDate!) { regionalClusters(from: $from, to: $to) { ${clusterFields} } }`,
      nextYear,
    );
    expect(all.length).toBeGreaterThan(3);
    const paged = await everyPage(async (after) => {
      const data = await run<{ regionalClusterPage: Connection<unknown> }>(
        tokens.planner,
        `query($from: LocalDate!, $to: LocalDate!, $after: String) {
          regionalClusterPage(from: $from, to: $to, first: 3, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${clusterFields} } }
          }
        }`,
        { ...nextYear, after },
      );
      return data.regionalClusterPage;
    });
    expect(paged.total).toBe(all.length);
    expect(paged.pages).toBe(Math.ceil(all.length / 3));
    expect(paged.nodes).toEqual(all);
  });

  it('refuses a page size outside 1 to 100 and a cursor it did not hand out, naming the argument', async () => {
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ] as const) {
      const response = await live.gql(
        tokens.planner,
        `query($from: LocalDate!, $to: LocalDate!, $first: Int, $after: String) {
          regionalClusterPage(from: $from, to: $to, first: $first, after: $after) { totalCount }
        }`,
        { ...nextYear, ...variables },
      );
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.fields).toContain(field);
    }
  });
});

describe('jointMissionCandidatePage', () => {
  it('reads, page after page, every candidate jointMissionCandidates lists, in its order, with the total', async () => {
    const { jointMissionCandidates: all } = await run<{ jointMissionCandidates: unknown[] }>(
      tokens.planner,
      `query($from: LocalDate!, $to: LocalDate!) { jointMissionCandidates(from: $from, to: $to) { ${candidateFields} } }`,
      nextYear,
    );
    expect(all.length).toBeGreaterThan(2);
    const paged = await everyPage(async (after) => {
      const data = await run<{ jointMissionCandidatePage: Connection<unknown> }>(
        tokens.planner,
        `query($from: LocalDate!, $to: LocalDate!, $after: String) {
          jointMissionCandidatePage(from: $from, to: $to, first: 2, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${candidateFields} } }
          }
        }`,
        { ...nextYear, after },
      );
      return data.jointMissionCandidatePage;
    });
    expect(paged.total).toBe(all.length);
    expect(paged.nodes).toEqual(all);
  });

  it("says of each request the dates of its visit and whether it awaits a decision, as the request's own page does", async () => {
    const data = await run<{
      jointMissionCandidatePage: Connection<{
        requests: { id: string; startDate: string; endDate: string; undecided: boolean }[];
      }>;
    }>(
      tokens.planner,
      `query($from: LocalDate!, $to: LocalDate!) {
        jointMissionCandidatePage(from: $from, to: $to, first: 5) { edges { node { requests { id startDate endDate undecided } } } }
      }`,
      nextYear,
    );
    const requests = data.jointMissionCandidatePage.edges.flatMap((e) => e.node.requests);
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      const { accompanimentRequest: own } = await run<{
        accompanimentRequest: {
          status: string;
          startDate: string;
          endDate: string;
          mission: { startDate: string; endDate: string } | null;
        };
      }>(
        tokens.planner,
        `query($id: ID!) { accompanimentRequest(id: $id) { status startDate endDate mission { startDate endDate } } }`,
        { id: r.id },
      );
      expect(r.undecided, r.id).toBe(own.status === 'SUBMITTED');
      const visit = own.mission ?? own;
      expect([r.startDate, r.endDate], r.id).toEqual([visit.startDate, visit.endDate]);
    }
  });

  it('is for planners, management and staff; coordinators and analysts are refused', async () => {
    const query = `query($from: LocalDate!, $to: LocalDate!) { jointMissionCandidatePage(from: $from, to: $to) { totalCount } }`;
    for (const token of [tokens.management, tokens.staff])
      expect(
        (await run<{ jointMissionCandidatePage: { totalCount: number } }>(token, query, nextYear))
          .jointMissionCandidatePage.totalCount,
      ).toBeGreaterThan(0);
    for (const token of [tokens.zoersel, tokens.analyst]) {
      const response = await live.gql(token, query, nextYear);
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(response.errors)).toBe('FORBIDDEN');
    }
  });
});
