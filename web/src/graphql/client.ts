import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';
import { cacheKeys } from './cacheKeys';
import { freshnessUpdates } from './freshness';
import { idempotencyExchange, withMutationTimeout } from './idempotency';
import { LiveQueries } from './liveQueries';

const live = new WeakMap<Client, LiveQueries>();

/** One client per signed-in session, so no cached answer outlives its reader. */
export function createApiClient(token: string, onUnauthenticated: () => void): Client {
  const queries = new LiveQueries();
  const client = new Client({
    url: '/graphql',
    // Every mutation that reaches the network carries an Idempotency-Key, one per intent (idempotency.ts).
    exchanges: [
      queries.exchange,
      cacheExchange({ keys: cacheKeys, updates: freshnessUpdates() }),
      idempotencyExchange(),
      fetchExchange,
    ],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    // A page shows what the cache has at once and fetches it again behind it: read models change with every event.
    requestPolicy: 'cache-and-network',
    // POST with a JSON body: the API's CSRF prevention refuses simple GETs, and answers are never cached.
    preferGetMethod: false,
    fetch: async (input, init) => {
      const response = await withMutationTimeout(fetch)(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
  live.set(client, queries);
  return client;
}

/** Fetches again every query on screen (see LiveQueries). */
export function refreshLiveQueries(client: Client): void {
  live.get(client)?.refresh();
}
