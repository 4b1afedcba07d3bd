import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedPaths } from './selection.js';

const schema = buildSchema(`
  type Place { name: String code: String }
  type Item { id: ID status: String place: Place other: Place }
  type Edge { cursor: String node: Item }
  type Connection { edges: [Edge] total: Int }
  type Query { items: Connection }
`);

/** The paths under edges.node that the `items` resolver sees for a query. */
function pathsFor(query: string): string[] {
  let paths: string[] = [];
  const items = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    paths = [...selectedPaths(info, ['edges', 'node'])].sort();
    return { edges: [] };
  };
  void execute({ schema, document: parse(query), rootValue: { items } });
  return paths;
}

describe('selectedPaths', () => {
  it('lists the fields below a path, nested ones dotted', () => {
    expect(pathsFor('{ items { total edges { cursor node { id place { name } } } } }')).toEqual([
      'id',
      'place',
      'place.name',
    ]);
  });

  it('follows fragments and inline fragments, reads through aliases and leaves out __typename', () => {
    const query = `{ items { edges { node { __typename a: status ...F ... on Item { other { code } } } } } }
      fragment F on Item { place { b: code } }`;
    expect(pathsFor(query)).toEqual(['other', 'other.code', 'place', 'place.code', 'status']);
  });

  it('unites the selections of a field asked for twice', () => {
    expect(pathsFor('{ items { edges { node { id } } } items { edges { node { status } } } }')).toEqual([
      'id',
      'status',
    ]);
  });

  it('answers the same for the same document, as Apollo reuses it', () => {
    const document = parse('{ items { edges { node { id } } } }');
    const seen: ReadonlySet<string>[] = [];
    const items = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      seen.push(selectedPaths(info, ['edges', 'node']));
      return { edges: [] };
    };
    void execute({ schema, document, rootValue: { items } });
    void execute({ schema, document, rootValue: { items } });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
  });
});
