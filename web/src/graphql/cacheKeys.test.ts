import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { cacheKeys } from './cacheKeys';

describe('the cache keys', () => {
  it('say how to key or embed every object type of the API that has no id', () => {
    const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
    const withoutId = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !['Query', 'Mutation'].includes(type.name))
      .filter((type) => isObjectType(type) && !type.getFields().id)
      .map((type) => type.name)
      .sort();
    expect(withoutId.filter((name) => !(name in cacheKeys))).toEqual([]);
    expect(Object.keys(cacheKeys).filter((name) => !schema.getType(name))).toEqual([]);
  });
});
