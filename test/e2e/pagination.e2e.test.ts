import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { FIRST_DAY, World, expectRefused, mutations, queries, type RequestView, type Token } from './scenario.js';

/*
 * Cursor pagination of the request list, the audit trail of one request, and
 * the Idempotency-Key header that makes a retried mutation a no-op.
 */

interface Page {
  edges: { cursor: string; node: { id: string; submittedOn: string; municipality: { nisCode: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface AuditPage {
  edges: {
    cursor: string;
    node: {
      position: string;
      revision: number;
      type: string;
      occurredAt: string;
      recordedAt: string;
      data: string;
      causationId: string;
      correlationId: string;
      actor: { id: string; role: string; nisCode: string | null };
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Five working days, five requests a day: some share a submission day, so the cursor's tie-break matters. */
const DAYS = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'];

let w: World;
const created: RequestView[] = [];

beforeAll(async () => {
  w = await World.start();
  for (const [d, day] of DAYS.entries()) {
    w.setToday(day);
    for (let n = 0; n < 5; n++) {
      const startDate = `2026-0${3 + (n % 3)}-${String(2 + d * 5 + n).padStart(2, '0')}`;
      created.push(await w.submit({ startDate, endDate: startDate, delegationSize: 1 + n }));
    }
  }
});
afterAll(async () => w.close());

const page = async (token: Token, variables: Record<string, unknown>): Promise<Page> =>
  (await w.run<{ accompanimentRequests: Page }>(token, queries.requests, variables)).accompanimentRequests;

/** Every page of the list, following endCursor. */
async function allPages(token: Token, first: number, filter?: Record<string, unknown>): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const next: Page = await page(token, { first, after, filter });
    pages.push(next);
    after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
  } while (after !== null && pages.length < 100);
  return pages;
}

describe('accompanimentRequests', () => {
  it('pages through 25 requests ten at a time: each appears exactly once, newest first', async () => {
    const pages = await allPages(tokens.analyst, 10);
    expect(pages.map((p) => p.edges.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    for (const p of pages) expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);

    const seen = pages.flatMap((p) => p.edges.map((e) => e.node));
    expect(seen.map((r) => r.id).sort()).toEqual(created.map((r) => r.id).sort());
    expect(new Set(seen.map((r) => r.id)).size).toBe(25);
    const days = seen.map((r) => r.submittedOn);
    expect(days).toEqual([...days].sort().reverse());
  });

  it('gives the same order whatever the page size', async () => {
    const ids = async (first: number) =>
      (await allPages(tokens.analyst, first)).flatMap((p) => p.edges.map((e) => e.node.id));
    const inOnePage = await ids(100);
    expect(inOnePage).toHaveLength(25);
    expect(await ids(7)).toEqual(inOnePage);
    expect(await ids(1)).toEqual(inOnePage);
  });

  it('pages a filtered list, and a coordinator pages their own', async () => {
    const filtered = (await allPages(tokens.staff, 2, { to: '2026-03-31' })).flatMap((p) => p.edges);
    const inMarch = created.filter((r) => r.startDate <= '2026-03-31');
    expect(filtered.map((e) => e.node.id).sort()).toEqual(inMarch.map((r) => r.id).sort());

    const own = await allPages(tokens.zoersel, 10);
    expect(own.flatMap((p) => p.edges)).toHaveLength(25);
    expect(await allPages(tokens.merelbeke, 10)).toEqual([
      { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    ]);
  });

  it('after the last page, the list is empty', async () => {
    const last = (await allPages(tokens.analyst, 10)).at(-1)!;
    const beyond = await page(tokens.analyst, { first: 10, after: last.edges.at(-1)!.cursor });
    expect(beyond).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it.each(['not-a-cursor', '%%%', ''.padEnd(300, 'x')])(
    'refuses the cursor "%s" it never handed out',
    async (after) => {
      expectRefused(
        await w.send(tokens.analyst, queries.requests, { first: 10, after }),
        'BAD_USER_INPUT',
        /is not a cursor this list handed out; use an endCursor from an earlier page/,
        ['after'],
      );
    },
  );

  it.each([0, -1, 101, 1000])('refuses first: %i', async (first) => {
    expectRefused(
      await w.send(tokens.analyst, queries.requests, { first }),
      'BAD_USER_INPUT',
      new RegExp(`first must be between 1 and 100, not ${first}`),
      ['first'],
    );
  });

  it('gives 20 when first is not given, and takes 1 and 100', async () => {
    expect((await page(tokens.analyst, {})).edges).toHaveLength(20);
    expect((await page(tokens.analyst, { first: 1 })).edges).toHaveLength(1);
    expect((await page(tokens.analyst, { first: 100 })).edges).toHaveLength(25);
  });
});

describe('the audit trail of a request', () => {
  let request: RequestView;
  let trail: AuditPage;

  beforeAll(async () => {
    w.setToday('2026-01-12');
    request = await w.submit({ startDate: '2026-06-01', endDate: '2026-06-05' });
    w.setToday('2026-01-13');
    await w.mutate(tokens.zoersel, 'amendAccompanimentRequest', {
      input: { requestId: request.id, delegationSize: 6, reasons: ['CONTENT_PROBLEMS', 'EXPERTISE_ACTIVITIES'] },
    });
    w.setToday('2026-01-14');
    await w.accept(request.id);
    const data = await w.run<{ accompanimentRequest: { auditTrail: AuditPage } }>(tokens.analyst, queries.auditTrail, {
      id: request.id,
    });
    trail = data.accompanimentRequest.auditTrail;
  });

  it('lists its events in order, each with the actor, the role and the time', () => {
    const entries = trail.edges.map((e) => e.node);
    expect(entries.map((e) => [e.type, e.actor.role, e.occurredAt])).toEqual([
      ['AccompanimentRequestSubmitted', 'COORDINATOR', '2026-01-12T10:00:00.000Z'],
      ['AccompanimentRequestAssessed', 'COORDINATOR', '2026-01-12T10:00:00.000Z'],
      ['AccompanimentRequestAmended', 'COORDINATOR', '2026-01-13T10:00:00.000Z'],
      ['AccompanimentRequestAssessed', 'COORDINATOR', '2026-01-13T10:00:00.000Z'],
      ['AccompanimentAccepted', 'STAFF', '2026-01-14T10:00:00.000Z'],
    ]);
    expect(entries.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    const positions = entries.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(positions).size).toBe(5);
    expect(entries[0]!.actor).toEqual({ id: tokens.zoersel, role: 'COORDINATOR', nisCode: '11055' });
    expect(entries[4]!.actor).toEqual({ id: tokens.staff, role: 'STAFF', nisCode: null });
    for (const e of entries) expect(Number.isNaN(Date.parse(e.recordedAt))).toBe(false);
    expect(trail.pageInfo.hasNextPage).toBe(false);
  });

  it('tells what happened and why: the data, and the command that caused each assessment', () => {
    const [submitted, assessed, amended, reassessed, accepted] = trail.edges.map((e) => e.node);
    expect(JSON.parse(submitted!.data)).toMatchObject({ requestId: request.id, nisCode: '11055', delegationSize: 4 });
    expect(JSON.parse(assessed!.data)).toMatchObject({ trigger: 'SUBMITTED', recommendation: 'ACCEPT' });
    expect(JSON.parse(amended!.data)).toEqual({
      requestId: request.id,
      delegationSize: 6,
      claimedReasons: ['CONTENT_PROBLEMS', 'EXPERTISE_ACTIVITIES'],
    });
    expect(JSON.parse(reassessed!.data)).toMatchObject({ trigger: 'AMENDED' });
    expect(JSON.parse(accepted!.data)).toMatchObject({ requestId: request.id, staffMemberId: w.staffMemberId });
    // An assessment is caused by the event it answers, within the same command's correlation.
    expect(assessed!.correlationId).toBe(submitted!.correlationId);
    expect(reassessed!.correlationId).toBe(amended!.correlationId);
    expect(amended!.correlationId).not.toBe(submitted!.correlationId);
  });

  it('pages like any list, and the coordinator of the municipality reads it too', async () => {
    const read = async (token: Token, after: string | null) =>
      (
        await w.run<{ accompanimentRequest: { auditTrail: AuditPage } }>(token, queries.auditTrail, {
          id: request.id,
          first: 2,
          after,
        })
      ).accompanimentRequest.auditTrail;
    const types: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const p: AuditPage = await read(tokens.zoersel, after);
      types.push(...p.edges.map((e) => e.node.type));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(types).toEqual(trail.edges.map((e) => e.node.type));

    expectRefused(
      await w.send(tokens.analyst, queries.auditTrail, { id: request.id, after: 'not-a-cursor' }),
      'BAD_USER_INPUT',
      /is not a cursor this list handed out/,
      ['after'],
    );
    expectRefused(
      await w.send(tokens.analyst, queries.auditTrail, { id: request.id, first: 0 }),
      'BAD_USER_INPUT',
      /first must be between 1 and 100/,
      ['first'],
    );
  });
});

describe('an Idempotency-Key header', () => {
  const count = async () => (await allPages(tokens.analyst, 100)).flatMap((p) => p.edges).length;
  const submit = (key: string, token: Token = tokens.zoersel) =>
    w.send<{ submitAccompanimentRequest: RequestView }>(
      token,
      mutations.submitAccompanimentRequest,
      { input: w.requestInput({ startDate: '2026-07-06', endDate: '2026-07-10' }) },
      { 'Idempotency-Key': key },
    );

  it('makes the same submit, sent twice, create one request', async () => {
    w.setToday(FIRST_DAY);
    const before = await count();
    const first = await submit('submit-2026-07-visit');
    expect(first.errors).toBeUndefined();
    const head = await w.head();

    const retried = await submit('submit-2026-07-visit');
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.submitAccompanimentRequest).toEqual(first.data!.submitAccompanimentRequest);
    expect(await w.head()).toBe(head);
    expect(await count()).toBe(before + 1);
  });

  it('keeps apart other keys, and the same key of another user', async () => {
    w.setToday(FIRST_DAY);
    const before = await count();
    const a = await submit('submit-another-visit');
    const b = await submit('submit-yet-another-visit');
    const merelbeke = await w.send<{ submitAccompanimentRequest: RequestView }>(
      tokens.merelbeke,
      mutations.submitAccompanimentRequest,
      { input: w.requestInput({ twinningId: w.merelbekeTwinningId }) },
      { 'Idempotency-Key': 'submit-another-visit' },
    );
    const ids = [a, b, merelbeke].map((r) => r.data?.submitAccompanimentRequest.id);
    expect(new Set(ids).size).toBe(3);
    expect(await count()).toBe(before + 3);
  });
});
