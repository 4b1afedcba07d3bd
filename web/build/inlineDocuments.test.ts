import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedDocuments } from './inlineDocuments';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'gql' ? [] : sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('inlining the generated documents', () => {
  const documents = generatedDocuments(path.join(web, 'src', 'gql'));

  it('finds a document for every graphql(…) call of the app, the same the generated client answers', async () => {
    const { graphql } = await import('../src/gql');
    const calls = sources(path.join(web, 'src')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)].map((m) => m[1]!),
    );
    expect(calls.length).toBeGreaterThan(20);
    for (const source of calls) {
      const inlined = documents.get(source);
      expect(inlined, source.slice(0, 60)).toBeDefined();
      expect(JSON.parse(inlined!)).toEqual(graphql(source as never));
    }
  });
});
