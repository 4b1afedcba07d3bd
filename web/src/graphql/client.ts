import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';
import { cacheKeys } from './cacheKeys';
import { freshnessUpdates } from './freshness';

/** One client per signed-in session, so no cached answer outlives its reader. */
export function createApiClient(token: string, onUnauthenticated: () => void): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange({ keys: cacheKeys, updates: freshnessUpdates() }), fetchExchange],
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    requestPolicy: 'cache-first',
    // POST with a JSON body: the API's CSRF prevention refuses simple GETs, and answers are never cached.
    preferGetMethod: false,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401) onUnauthenticated();
      return response;
    },
  });
}
