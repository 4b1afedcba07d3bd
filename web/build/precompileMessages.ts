import { runInNewContext } from 'node:vm';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

const messagesModule = /export const (\w+)(?:: [\w<> ]+)? = (\{[\s\S]*\});\s*$/;

/**
 * Production builds ship the messages already parsed (ICU syntax trees), so
 * the browser needs no message parser (about 10 kB gzipped less on every
 * page). A messages module (`*.messages.ts`, `*.messages.en.ts`) is one
 * object of string literals; anything else fails the build rather than
 * shipping wrong.
 */
export function precompileMessages(): Plugin {
  return {
    name: 'werkbezoek:precompile-messages',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^@formatjs\/icu-messageformat-parser$/,
            replacement: '@formatjs/icu-messageformat-parser/no-parser',
          },
        ],
      },
    }),
    transform(code, id) {
      if (!/\.messages(\.en)?\.ts$/.test(id)) return null;
      const match = messagesModule.exec(code.replace(/^import .*;$/gm, ''));
      if (!match) throw new Error(`${id}: expected one "export const X = { 'id': 'message', … };"`);
      const [, name, body] = match;
      // Our own source of string literals, read as data in an empty context, then parsed as ICU.
      const messages = runInNewContext(`(${body})`, {}) as Record<string, string>;
      const compiled = Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, parse(text)]));
      return { code: `export const ${name} = ${JSON.stringify(compiled)};`, map: null };
    },
  };
}
