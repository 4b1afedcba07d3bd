import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsJson } from './accept.js';

/*
 * The oracle: the negotiator Apollo itself loads, asked as Apollo asks it
 * after running an operation (chooseContentTypeForSingleResultResponse).
 */
type Negotiator = new (request: { headers: { accept?: string } }) => {
  mediaType(offered: string[]): string | undefined;
};
const fromApollo = createRequire(createRequire(import.meta.url).resolve('@apollo/server'));
const NegotiatorOfApollo = fromApollo('negotiator') as Negotiator;
const OFFERED = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'application/json; callbackSpec=1.0; charset=utf-8',
];
const apolloAccepts = (accept: string | undefined) =>
  !accept || new NegotiatorOfApollo({ headers: { accept } }).mediaType(OFFERED) !== undefined;

const range = fc
  .record({
    type: fc.constantFrom('application', 'text', '*', 'APPLICATION', 'image', 'multipart'),
    subtype: fc.constantFrom('json', 'graphql-response+json', '*', 'html', 'JSON', 'xml', 'mixed', 'json+x'),
    params: fc.array(
      fc.record({
        key: fc.constantFrom('q', 'charset', 'callbackSpec', 'foo', 'Q', 'deferSpec'),
        value: fc.constantFrom(
          '0',
          '1',
          '0.5',
          '0.0',
          'abc',
          '',
          'utf-8',
          'UTF-8',
          'utf-16',
          '*',
          '"utf-8"',
          '1.0',
          '"a,b"',
        ),
        space: fc.constantFrom('', ' ', '\t'),
      }),
      { maxLength: 3 },
    ),
  })
  .map(
    ({ type, subtype, params }) => `${type}/${subtype}${params.map((p) => `;${p.space}${p.key}=${p.value}`).join('')}`,
  );
const header = fc.oneof(
  fc.array(range, { minLength: 1, maxLength: 4 }).map((ranges) => ranges.join(', ')),
  fc.string({ maxLength: 40 }),
  fc
    .array(fc.constantFrom('a/b', ',', ';', '=', '"', '\\', ' ', 'q=0', 'application/json', '*/*', 'text/html'), {
      maxLength: 8,
    })
    .map((parts) => parts.join('')),
);

describe('whether an Accept header takes JSON', () => {
  it('takes no header, JSON, GraphQL responses and wildcards; refuses what names other types only', () => {
    for (const accept of [
      undefined,
      '',
      'application/json',
      'application/graphql-response+json',
      '*/*',
      'application/*',
      'application/json;q=0, */*',
      'application/json; foo',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    ])
      expect(acceptsJson(accept), String(accept)).toBe(true);
    for (const accept of [
      'text/html',
      '*/*;q=0',
      'application/json; charset=utf-16',
      'application/json;q=abc',
      'aLVt&Mv>',
    ])
      expect(acceptsJson(accept), accept).toBe(false);
  });

  it("decides as Apollo's own negotiation does, on any header", () => {
    fc.assert(
      fc.property(header, (accept) => {
        expect(acceptsJson(accept)).toBe(apolloAccepts(accept));
      }),
      { numRuns: 5_000 },
    );
  });
});
