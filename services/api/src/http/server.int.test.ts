import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from './server.js';

const LIMIT = 100_000;
let written = 0;
const apollo = new ApolloServer({
  typeDefs: 'type Query { ok: Boolean } type Mutation { write: Int }',
  resolvers: { Query: { ok: () => true }, Mutation: { write: () => ++written } },
});
const server = createHttpServer({ apollo, maxBodyBytes: LIMIT, context: () => Promise.resolve({}) });
let url = '';

beforeAll(async () => {
  await apollo.start();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await apollo.stop();
});

/** A body sent in chunks of 64 kB with no Content-Length, as a client streaming it does. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(65_536));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

const post = (body: BodyInit) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);

describe('request bodies over the limit', () => {
  it('are answered 413 with BAD_REQUEST, whether declared or streamed without a length (not a reset connection)', async () => {
    for (const body of [
      JSON.stringify({ query: `{ ok } # ${'x'.repeat(LIMIT)}` }),
      streamed(3 * LIMIT),
      streamed(200 * LIMIT),
    ]) {
      const response = await post(body);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        errors: [{ message: `The request body exceeds ${LIMIT} bytes`, extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    // The server reads the next request as before.
    const fine = await post(JSON.stringify({ query: '{ ok }' }));
    expect(await fine.json()).toEqual({ data: { ok: true } });
  });
});

describe('an Accept header that takes no JSON', () => {
  it('is answered 406 before the operation runs, so a mutation is not stored behind a refusal', async () => {
    const send = (accept: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({ query: 'mutation { write }' }),
      });
    const refused = await send('text/html');
    expect(refused.status).toBe(406);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(written).toBe(0);
    const taken = await send('text/html, application/json;q=0.5');
    expect(await taken.json()).toEqual({ data: { write: 1 } });
  });
});
