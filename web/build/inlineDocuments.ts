import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const call = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const mapEntry = /^ {4}("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm;
const documentExport = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/** Each operation's source text (as written in a `graphql(…)` call) and its document as JSON, from the generated client. */
export function generatedDocuments(gqlDir: string): Map<string, string> {
  const json = new Map<string, string>();
  for (const [, name, body] of readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8').matchAll(documentExport))
    json.set(name!, body!);
  const documents = new Map<string, string>();
  const map = readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8');
  for (const [, source, name] of map.slice(map.indexOf('const documents')).matchAll(mapEntry)) {
    const body = json.get(name!);
    if (!body) throw new Error(`src/gql/graphql.ts has no ${name}: run \`pnpm codegen\``);
    documents.set(JSON.parse(source!) as string, body);
  }
  return documents;
}

/**
 * Production builds put each operation's document where it is used, instead
 * of calling the generated `graphql()`, whose map holds every operation of
 * the app (and its source text) in the first chunk every page loads: what
 * graphql-codegen's Babel plugin does, for Vite. A call whose text the
 * generated client does not know fails the build (run `pnpm codegen`).
 */
export function inlineDocuments(gqlDir: string): Plugin {
  let documents: Map<string, string>;
  return {
    name: 'werkbezoek:inline-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = generatedDocuments(gqlDir);
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.startsWith(gqlDir) || !code.includes('graphql(')) return null;
      let replaced = false;
      const out = code.replace(call, (_, source: string) => {
        if (source.includes('${')) throw new Error(`${id}: a graphql(…) document cannot interpolate`);
        const body = documents.get(source);
        if (!body) throw new Error(`${id}: an operation the generated client does not know: run \`pnpm codegen\``);
        replaced = true;
        return `(${body})`;
      });
      return replaced ? { code: out, map: null } : null;
    },
  };
}
