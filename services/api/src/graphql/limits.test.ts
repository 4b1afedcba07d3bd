import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { limitRules } from './limits.js';

const schema = buildSchema(`
  type Node { id: ID! child: Node children(first: Int): [Node!]! }
  type Query { node: Node nodes(first: Int): [Node!]! }
`);
const check = (query: string, variables: Record<string, unknown> = {}) =>
  validate(schema, parse(query), [limitRules({ maxDepth: 4, maxCost: 500 }, () => variables)]).map((e) => e.message);

describe('query limits', () => {
  it('refuses queries nested deeper than the limit, through fragments too', () => {
    expect(check('{ node { child { child { id } } } }')).toEqual([]);
    expect(check('{ node { child { child { child { id } } } } }')).toEqual([
      'The query nests 5 levels deep; at most 4 are allowed',
    ]);
    expect(check('{ node { ...deep } } fragment deep on Node { child { child { child { id } } } }')).toHaveLength(1);
  });

  it('multiplies the cost of fields by the page sizes around them, literal or variable', () => {
    expect(check('{ nodes(first: 10) { id children(first: 10) { id } } }')).toEqual([]);
    expect(check('{ nodes(first: 50) { id children(first: 10) { id } } }')[0]).toMatch(/would cost 601 .* at most 500/);
    expect(check('query($n: Int) { nodes(first: $n) { id children(first: $n) { id } } }', { n: 50 })[0]).toMatch(
      /would cost/,
    );
  });

  it('measures each fragment once: a document of nested spreads is refused at once, not expanded', () => {
    // Thirty fragments of ten spreads each: 10^30 fields if every spread were expanded where it stands.
    let document = 'fragment F0 on Query { node { id } }\n';
    for (let i = 1; i <= 30; i++)
      document += `fragment F${i} on Query { ${Array.from({ length: 10 }, () => `...F${i - 1}`).join(' ')} }\n`;
    const started = performance.now();
    const errors = check(`{ ...F30 }`.concat('\n', document));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(errors).toEqual([expect.stringMatching(/would cost about 2\.0e\+30 .* at most 500/)]);
    // Counted as often as it is spread: three spreads of a two-field fragment cost six.
    expect(check('{ ...two ...two ...two } fragment two on Query { node { id } }')).toEqual([]);
    expect(
      validate(schema, parse('{ ...two ...two ...two } fragment two on Query { node { id } }'), [
        limitRules({ maxDepth: 4, maxCost: 5 }),
      ]).map((e) => e.message),
    ).toEqual([expect.stringMatching(/would cost 6 /)]);
  });

  it('refuses more aliases than the limit, counting those in fragments as often as they are spread', () => {
    const aliased = (n: number) => Array.from({ length: n }, (_, i) => `n${i}: node { id }`).join(' ');
    const rules = (query: string) =>
      validate(schema, parse(query), [limitRules({ maxDepth: 4, maxCost: 10_000, maxAliases: 3 })]).map(
        (e) => e.message,
      );
    expect(rules(`{ ${aliased(3)} }`)).toEqual([]);
    expect(rules(`{ ${aliased(4)} }`)).toEqual([
      'The query renames 4 fields with aliases; at most 3 are allowed: ask for each field once, and for several records through a list',
    ]);
    expect(rules(`{ ...two ...two } fragment two on Query { ${aliased(2)} }`)[0]).toMatch(/renames 4 fields/);
    expect(rules('{ node { child { id } } nodes { id } }')).toEqual([]);
  });
});
