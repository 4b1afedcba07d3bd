import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildApiSchema } from './schema.js';
import { printSdl } from './sdl.js';

describe('the committed SDL', () => {
  it('matches the resolvers (run `pnpm schema:emit` and commit schema/schema.graphql after an API change)', async () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../../../../schema/schema.graphql', import.meta.url)),
      'utf8',
    );
    expect(printSdl(await buildApiSchema())).toBe(committed);
  });
});
