/** `pnpm schema:emit`: writes schema/schema.graphql from the resolvers. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApiSchema } from './schema.js';
import { printSdl } from './sdl.js';

const target = fileURLToPath(new URL('../../../../schema/schema.graphql', import.meta.url));
writeFileSync(target, printSdl(await buildApiSchema()));
console.log(`Wrote ${target}`);
