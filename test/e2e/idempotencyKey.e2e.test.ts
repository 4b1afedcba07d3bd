import { request as httpRequest } from 'node:http';
import type { RecordedEvent } from '@werkbezoek/schema';
import { freshDatabase, type TestDatabase } from '@werkbezoek/projections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens, type GraphQLResponse } from './harness.js';
import { FIRST_DAY, World, expectRefused, mutations, queries, type RequestView, type Token } from './scenario.js';

/*
 * The Idempotency-Key header as API clients meet it (issue 16), over HTTP on a
 * live platform, with the keys' table in SQLite and in PostgreSQL read models:
 * the key's syntax (the IETF draft's quoted string, or bare as Stripe sends
 * it), retries answered with the first answer, a key reused for another
 * request refused, concurrent retries, users kept apart, and expiry.
 */

const COUNT = `query($first: Int) { accompanimentRequests(first: $first) { totalCount } }`;
const RULE = /an Idempotency-Key is 1 to 255 visible ASCII characters other than the double quote, backslash and comma/;

describe.each(['sqlite', 'postgres'] as const)('an Idempotency-Key on %s read models', (dialect) => {
  let w: World;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    if (dialect === 'postgres') {
      const db = await freshDatabase('postgres');
      database = db;
      w = await World.start({ readModels: () => db.config });
    } else w = await World.start();
  });
  afterAll(async () => {
    await w?.close();
    await database?.drop();
  });

  const submit = (key: string, visit: { startDate: string; endDate: string }, token: Token = tokens.zoersel) =>
    w.send<{ submitAccompanimentRequest: RequestView }>(
      token,
      mutations.submitAccompanimentRequest,
      {
        input: w.requestInput({
          ...visit,
          ...(token === tokens.merelbeke ? { twinningId: w.merelbekeTwinningId } : {}),
        }),
      },
      { 'Idempotency-Key': key },
    );
  const amend = (key: string, input: Record<string, unknown>) =>
    w.send<{ amendAccompanimentRequest: RequestView }>(
      tokens.zoersel,
      mutations.amendAccompanimentRequest,
      { input },
      { 'Idempotency-Key': key },
    );
  const requestCount = async () =>
    (await w.run<{ accompanimentRequests: { totalCount: number } }>(tokens.analyst, COUNT, { first: 1 }))
      .accompanimentRequests.totalCount;
  const eventsSince = async (position: bigint): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of w.live.platform.store.readAll({ fromPosition: position })) events.push(event);
    return events;
  };

  it('takes a short key (probe-1): the retried submit answers the same and stores nothing more', async () => {
    w.setToday(FIRST_DAY);
    const before = await requestCount();
    const first = await submit('probe-1', { startDate: '2026-04-06', endDate: '2026-04-08' });
    expect(first.errors).toBeUndefined();
    const retried = await w.nothingStored(() => submit('probe-1', { startDate: '2026-04-06', endDate: '2026-04-08' }));
    expect(retried).toEqual(first);
    expect(await requestCount()).toBe(before + 1);
  });

  it('refuses a key with a space (bare or quoted) with BAD_IDEMPOTENCY_KEY and HTTP 400, naming the rule, storing nothing', async () => {
    for (const key of ['probe 1', '"probe 1"']) {
      const response = await w.nothingStored(() => submit(key, { startDate: '2026-04-13', endDate: '2026-04-15' }));
      expect(response.status).toBe(400);
      expectRefused(response, 'BAD_IDEMPOTENCY_KEY', /"probe 1" holds a space at position 6/);
      expect(response.errors![0]!.message).toMatch(RULE);
    }
  });

  it('refuses an empty key and one of 256 characters, and shows only the start of a long one', async () => {
    const empty = await w.nothingStored(() => submit('', { startDate: '2026-04-13', endDate: '2026-04-15' }));
    expectRefused(empty, 'BAD_IDEMPOTENCY_KEY', /the key is empty/);
    const long = await w.nothingStored(() =>
      submit('k'.repeat(4000), { startDate: '2026-04-13', endDate: '2026-04-15' }),
    );
    expectRefused(long, 'BAD_IDEMPOTENCY_KEY', /is 4000 characters long, more than 255/);
    expect(long.errors![0]!.message.length).toBeLessThan(500);
  });

  it('refuses two Idempotency-Key headers, sent as two fields', async () => {
    const body = JSON.stringify({
      query: mutations.submitAccompanimentRequest,
      variables: { input: w.requestInput({ startDate: '2026-04-13', endDate: '2026-04-15' }) },
    });
    const response = await w.nothingStored(
      () =>
        new Promise<GraphQLResponse>((resolve, reject) => {
          const url = new URL(w.live.url);
          const req = httpRequest(
            {
              host: url.hostname,
              port: url.port,
              path: url.pathname,
              method: 'POST',
              // Raw header pairs: fetch would join the two into one field.
              headers: [
                'host',
                url.host,
                'content-length',
                String(Buffer.byteLength(body)),
                'content-type',
                'application/json',
                'authorization',
                `Bearer ${tokens.zoersel}`,
                'idempotency-key',
                'same-key-1',
                'idempotency-key',
                'same-key-1',
              ],
            },
            (res) => {
              let text = '';
              res.on('data', (chunk: Buffer) => (text += chunk.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(JSON.parse(text) as object) }));
            },
          );
          req.on('error', reject);
          req.end(body);
        }),
    );
    expect(response.status).toBe(400);
    expectRefused(response, 'BAD_IDEMPOTENCY_KEY', /the request has 2 Idempotency-Key headers; send one/);
  });

  it("takes the draft's quoted form as the same key as the bare one", async () => {
    const visit = { startDate: '2026-04-20', endDate: '2026-04-22' };
    const quoted = await submit('"8e03978e-40d5-43e8-bc93-6894a57f9324"', visit);
    expect(quoted.errors).toBeUndefined();
    const bare = await w.nothingStored(() => submit('8e03978e-40d5-43e8-bc93-6894a57f9324', visit));
    expect(bare).toEqual(quoted);
  });

  it('refuses the key of an amendment sent again with another end date (IDEMPOTENCY_KEY_REUSED, 422): nothing stored, the first end date stands', async () => {
    const { id } = await w.submit({ startDate: '2027-08-02', endDate: '2027-08-04' });
    const first = await amend('amend-august', { requestId: id, endDate: '2027-08-05' });
    expect(first.data?.amendAccompanimentRequest.endDate).toBe('2027-08-05');

    const other = await w.nothingStored(() => amend('amend-august', { requestId: id, endDate: '2027-08-09' }));
    expect(other.status).toBe(422);
    expectRefused(
      other,
      'IDEMPOTENCY_KEY_REUSED',
      /^Idempotency-Key "amend-august" was first used at 2026-01-05T10:00:00.000Z for amendAccompanimentRequest with other variables or another document, so this request was not run: a key belongs to one request\. Send this request with a new key/,
    );
    expect(other.errors![0]!.extensions?.firstUsedAt).toBe('2026-01-05T10:00:00.000Z');

    const request = await w.run<{ accompanimentRequest: RequestView }>(tokens.zoersel, queries.request, { id });
    expect(request.accompanimentRequest.endDate).toBe('2027-08-05');
    // The same amendment again still gets the first answer.
    expect(await w.nothingStored(() => amend('amend-august', { requestId: id, endDate: '2027-08-05' }))).toEqual(first);
  });

  it('refuses a key first used for another operation, naming it', async () => {
    const { id } = await w.submit({ startDate: '2026-05-04', endDate: '2026-05-06' });
    expect(
      (await submit('one-key-two-uses', { startDate: '2026-05-11', endDate: '2026-05-13' })).errors,
    ).toBeUndefined();
    const response = await w.nothingStored(() => amend('one-key-two-uses', { requestId: id, endDate: '2026-05-07' }));
    expectRefused(response, 'IDEMPOTENCY_KEY_REUSED', /for another operation \(submitAccompanimentRequest\)/);
  });

  it('gives concurrent retries with one key one result and one set of events', async () => {
    const before = await w.head();
    const count = await requestCount();
    const visit = { startDate: '2026-06-08', endDate: '2026-06-10' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit('concurrent-submit', visit)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer).toEqual(answers[0]);
    }
    const events = await eventsSince(before);
    expect(events.filter((e) => e.type === 'AccompanimentRequestSubmitted')).toHaveLength(1);
    expect(new Set(events.map((e) => e.metadata.correlationId)).size).toBe(1);
    expect(new Set(events.map((e) => e.metadata.eventId)).size).toBe(events.length);
    expect(await requestCount()).toBe(count + 1);
  });

  it("keeps one user's key apart from the same key of another user, even for another request", async () => {
    const count = await requestCount();
    const zoersel = await submit('shared-key', { startDate: '2026-06-15', endDate: '2026-06-17' });
    const merelbeke = await submit('shared-key', { startDate: '2026-06-22', endDate: '2026-06-24' }, tokens.merelbeke);
    expect(zoersel.errors).toBeUndefined();
    expect(merelbeke.errors).toBeUndefined();
    expect(merelbeke.data!.submitAccompanimentRequest.id).not.toBe(zoersel.data!.submitAccompanimentRequest.id);
    expect(await requestCount()).toBe(count + 2);
  });

  it('frees a key after 24 hours: it then starts a new request', async () => {
    w.setToday('2026-01-06');
    const first = await submit('daily-key', { startDate: '2026-07-06', endDate: '2026-07-08' });
    expect(first.errors).toBeUndefined();
    w.setToday('2026-01-07');
    const count = await requestCount();
    const before = await w.head();
    const next = await submit('daily-key', { startDate: '2026-07-13', endDate: '2026-07-15' });
    expect(next.errors).toBeUndefined();
    expect(next.data!.submitAccompanimentRequest.id).not.toBe(first.data!.submitAccompanimentRequest.id);
    expect(await w.head()).toBeGreaterThan(before);
    expect(await requestCount()).toBe(count + 1);
    // And the same request sent again under the new claim is a retry again.
    expect(
      await w.nothingStored(() => submit('daily-key', { startDate: '2026-07-13', endDate: '2026-07-15' })),
    ).toEqual(next);
    w.setToday(FIRST_DAY);
  });

  it('checks the key of a query, then ignores it: the key stays free for a mutation', async () => {
    const bad = await w.send(tokens.analyst, COUNT, { first: 1 }, { 'Idempotency-Key': 'a b' });
    expect(bad.status).toBe(400);
    expectRefused(bad, 'BAD_IDEMPOTENCY_KEY', /holds a space/);
    for (const first of [1, 2]) {
      const read = await w.send(tokens.zoersel, COUNT, { first }, { 'Idempotency-Key': 'read-then-write' });
      expect(read.errors).toBeUndefined();
    }
    const write = await submit('read-then-write', { startDate: '2026-07-20', endDate: '2026-07-22' });
    expect(write.errors).toBeUndefined();
  });
});
