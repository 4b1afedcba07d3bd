import type { Cache, UpdatesConfig } from '@urql/exchange-graphcache';

/** Root fields that never change while the app runs (vocabularies, who signed in). */
const stable = new Set(['vocabularies', 'viewer', 'policyDomains', 'readModelPosition', 'assessDraftRequest']);

/**
 * Every read model may change with any event: invalidating the root fields
 * that read them makes graphcache fetch again what a screen shows, so a
 * decision updates every list and chart without a reload. Entities returned by
 * a mutation are updated in place by normalisation; their audit trails are
 * dropped so they are read again.
 */
function invalidateReadModels(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (!stable.has(field.fieldName)) cache.invalidate('Query', field.fieldKey);
  }
}

function invalidateAuditTrails(cache: Cache, result: unknown): void {
  if (!result || typeof result !== 'object') return;
  for (const value of Object.values(result)) {
    const entity = value as { __typename?: string; id?: string } | null;
    if (!entity?.__typename || !entity.id) continue;
    const key = cache.keyOfEntity(entity as { __typename: string; id: string });
    if (!key) continue;
    for (const field of cache.inspectFields(key)) {
      if (field.fieldName === 'auditTrail') cache.invalidate(key, field.fieldKey);
    }
  }
}

/**
 * Graphcache updaters: after any mutation of one's own, the read models'
 * root fields are invalidated. Every mutation field gets the same updater, so
 * a mutation added to the API needs nothing here. (Others' events reach the
 * screen through the position poll, which fetches the queries on screen again.)
 */
export function freshnessUpdates(): UpdatesConfig {
  return {
    Mutation: new Proxy(
      {},
      {
        get: () => (result: unknown, _args: unknown, cache: Cache) => {
          invalidateReadModels(cache);
          invalidateAuditTrails(cache, result);
        },
        has: () => true,
      },
    ),
  };
}
