import {
  astFromValue,
  getNamedType,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  print,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { GraphQLResponse } from './harness.js';

/*
 * Everything a role can read, found from the schema rather than listed by
 * hand: one query per Query field that selects every field below it (to a
 * bounded depth, never entering a type already on the path), run, and pruned
 * of the fields the API refuses (FORBIDDEN) until it answers without errors.
 * What is left is all the role can read there; `findLeaks` then searches it.
 */

/** A field in a generated query, with the schema coordinate (`Type.field`) it stands for. */
export interface FieldNode {
  readonly name: string;
  readonly coordinate: string;
  /** The printed arguments, e.g. `(nisCode: "11055")`, or ''. */
  readonly args: string;
  /** Sub-selections of an object field; inline fragments hold the possible types of an abstract one. */
  readonly children: (FieldNode | FragmentNode)[] | null;
  /** Set when the API refused it (FORBIDDEN): it is left out of the query from then on. */
  refused?: boolean;
  /** Set when the answer held a value other than null or an empty list here. */
  seen?: boolean;
}

export interface FragmentNode {
  readonly on: string;
  readonly children: (FieldNode | FragmentNode)[];
}

const isField = (n: FieldNode | FragmentNode): n is FieldNode => 'name' in n;

/** A value for an argument, or undefined to leave a nullable one out. */
export type ArgumentValues = (coordinate: string, argument: GraphQLArgument) => unknown;

export class MissingArgumentError extends Error {}

function printArgs(coordinate: string, args: readonly GraphQLArgument[], values: ArgumentValues): string {
  const printed: string[] = [];
  for (const arg of args) {
    const value = values(coordinate, arg);
    if (value === undefined) {
      if (isNonNullType(arg.type) && arg.defaultValue === undefined)
        throw new MissingArgumentError(
          `No value for the required argument ${coordinate}(${arg.name}: ${String(arg.type)}): add a sensible one to the test's argument table`,
        );
      continue;
    }
    const ast = astFromValue(value, arg.type);
    if (!ast) throw new Error(`${coordinate}(${arg.name}): ${JSON.stringify(value)} is not a ${String(arg.type)}`);
    printed.push(`${arg.name}: ${print(ast)}`);
  }
  return printed.length > 0 ? `(${printed.join(', ')})` : '';
}

function selectionOf(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  values: ArgumentValues,
  depth: number,
  path: readonly string[],
): FieldNode[] {
  const nodes: FieldNode[] = [];
  for (const field of Object.values(type.getFields())) {
    const coordinate = `${type.name}.${field.name}`;
    const named = getNamedType(field.type);
    const args = printArgs(coordinate, field.args, values);
    if (isLeafType(named)) {
      nodes.push({ name: field.name, coordinate, args, children: null });
      continue;
    }
    // Deeper than the bound, or back into a type already on the path: the field is read where it first appears.
    if (depth <= 1 || path.includes(named.name)) continue;
    const children = childrenOf(schema, named, values, depth - 1, [...path, named.name]);
    if (children.length > 0) nodes.push({ name: field.name, coordinate, args, children });
  }
  return nodes;
}

function childrenOf(
  schema: GraphQLSchema,
  type: GraphQLNamedType,
  values: ArgumentValues,
  depth: number,
  path: readonly string[],
): (FieldNode | FragmentNode)[] {
  if (isObjectType(type)) return selectionOf(schema, type, values, depth, path);
  if (isAbstractType(type)) {
    return schema.getPossibleTypes(type).map((possible) => ({
      on: possible.name,
      children: [
        { name: '__typename', coordinate: `${possible.name}.__typename`, args: '', children: null },
        ...selectionOf(schema, possible, values, depth, path),
      ],
    }));
  }
  throw new Error(`${type.name} is neither a leaf, an object nor an abstract type`);
}

/**
 * One query tree per field of Query (those named in `skip` left out), each
 * selecting every field below it to `depth` levels.
 */
export function queryTrees(
  schema: GraphQLSchema,
  values: ArgumentValues,
  { depth, skip = [] }: { depth: number; skip?: readonly string[] },
): FieldNode[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('The schema has no Query type');
  return selectionOf(schema, query, values, depth + 1, [query.name]).filter((n) => !skip.includes(n.name));
}

function printNodes(nodes: readonly (FieldNode | FragmentNode)[]): string {
  return nodes
    .map((n) => {
      if (!isField(n)) return `... on ${n.on} { ${printNodes(n.children)} }`;
      if (n.refused) return '';
      if (!n.children) return `${n.name}${n.args}`;
      const inner = printNodes(n.children);
      // Every sub-field refused: ask for the type's name alone, so the field is still read.
      return `${n.name}${n.args} { ${inner.trim() === '' ? '__typename' : inner} }`;
    })
    .filter((s) => s !== '')
    .join(' ');
}

export function printQuery(root: FieldNode): string {
  return `query Reach { ${printNodes([root])} }`;
}

function fieldsOf(nodes: readonly (FieldNode | FragmentNode)[]): FieldNode[] {
  return nodes.flatMap((n) => (isField(n) ? [n] : fieldsOf(n.children)));
}

/** The node(s) an error's path names (list indices skipped; a name may stand in several fragments). */
function nodesAt(root: FieldNode, path: readonly (string | number)[]): FieldNode[] {
  let current: FieldNode[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') continue;
    current =
      current.length === 0
        ? segment === root.name
          ? [root]
          : []
        : current.flatMap((n) => fieldsOf(n.children ?? []).filter((c) => c.name === segment));
    if (current.length === 0) return [];
  }
  return current;
}

function markSeen(node: FieldNode, value: unknown): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) markSeen(node, item);
    return;
  }
  node.seen = true;
  if (!node.children || typeof value !== 'object') return;
  for (const child of fieldsOf(node.children)) markSeen(child, (value as Record<string, unknown>)[child.name]);
}

export interface Reach {
  /** The last query, answered without errors. */
  readonly query: string;
  readonly data: Record<string, unknown>;
  /** Coordinates the API refused with FORBIDDEN. */
  readonly refused: string[];
}

/**
 * Runs a query tree, leaving out each field the API answers FORBIDDEN, until
 * it answers without errors. Any other error fails: the test would not know
 * what it did not read.
 */
export async function reach(
  root: FieldNode,
  run: (query: string) => Promise<GraphQLResponse>,
  maxRounds = 40,
): Promise<Reach> {
  const refused: string[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const query = printQuery(root);
    const response = await run(query);
    const errors = response.errors ?? [];
    if (errors.length === 0) {
      const data = response.data ?? {};
      markSeen(root, data[root.name]);
      return { query, data, refused };
    }
    for (const error of errors) {
      const code = error.extensions?.code;
      const at = error.path ? nodesAt(root, error.path) : [];
      if (code !== 'FORBIDDEN' || at.length === 0) {
        throw new Error(
          `${root.name}: the API answered ${String(code)} at ${JSON.stringify(error.path)}: ${error.message}\nquery: ${query}`,
        );
      }
      for (const node of at) {
        if (!node.refused) refused.push(node.coordinate);
        node.refused = true;
      }
    }
    if (root.refused) return { query, data: {}, refused };
  }
  throw new Error(`${root.name}: still refused after ${maxRounds} rounds`);
}

/** Every field node of a tree, the root included. */
export function allFields(root: FieldNode): FieldNode[] {
  return [root, ...fieldsOf(root.children ?? []).flatMap(allFields)];
}

/** What must not appear in what a role reads. */
export interface Secret {
  readonly text: string;
  /** What it is, for the failure message (e.g. "staff member's name"). */
  readonly what: string;
}

export interface LeakRules {
  /** Exact strings that may not stand in any text, at any depth (JSON inside strings included). */
  readonly secrets: readonly Secret[];
  /** Patterns that may not match any text: a euro sign, free days. */
  readonly patterns: readonly { readonly re: RegExp; readonly what: string }[];
  /** Keys (GraphQL fields or keys of JSON inside a string) that must be absent or null. */
  readonly keys: readonly { readonly re: RegExp; readonly what: string }[];
  /** The documented exceptions: a secret allowed at a schema coordinate. */
  readonly allowed?: (coordinate: string, secret: Secret) => boolean;
}

export interface Leak {
  /** Where, e.g. `accompanimentRequest.auditTrail.edges[].node.data{}.inputs`. */
  readonly path: string;
  readonly coordinate: string;
  readonly what: string;
  readonly value: string;
}

const parseJson = (text: string): unknown => {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
};

function scanText(text: string, at: { path: string; coordinate: string }, rules: LeakRules, leaks: Leak[]): void {
  for (const secret of rules.secrets) {
    if (text.includes(secret.text) && !rules.allowed?.(at.coordinate, secret))
      leaks.push({ ...at, what: secret.what, value: text });
  }
  for (const { re, what } of rules.patterns) if (re.test(text)) leaks.push({ ...at, what, value: text });
}

/** Searches a value read at `coordinate` (a JSON string is searched inside as well). */
function scanValue(value: unknown, at: { path: string; coordinate: string }, rules: LeakRules, leaks: Leak[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item) => scanValue(item, { ...at, path: `${at.path}[]` }, rules, leaks));
    return;
  }
  if (typeof value === 'string') {
    scanText(value, at, rules, leaks);
    const inner = parseJson(value);
    if (inner !== undefined) scanValue(inner, { ...at, path: `${at.path}{}` }, rules, leaks);
    return;
  }
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const path = `${at.path}.${key}`;
      if (inner !== null && inner !== undefined) {
        for (const { re, what } of rules.keys)
          if (re.test(key)) leaks.push({ path, coordinate: at.coordinate, what, value: JSON.stringify(inner) });
      }
      scanValue(inner, { path, coordinate: at.coordinate }, rules, leaks);
    }
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') scanText(String(value), at, rules, leaks);
}

/** Searches an answer field by field, knowing each field's schema coordinate. */
export function findLeaks(root: FieldNode, data: Record<string, unknown>, rules: LeakRules): Leak[] {
  const leaks: Leak[] = [];
  const visit = (node: FieldNode, value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item) => visit(node, item, `${path}[]`));
      return;
    }
    const at = { path, coordinate: node.coordinate };
    for (const { re, what } of rules.keys)
      if (re.test(node.name)) leaks.push({ ...at, what, value: JSON.stringify(value) });
    if (!node.children || typeof value !== 'object') {
      scanValue(value, at, rules, leaks);
      return;
    }
    for (const child of fieldsOf(node.children))
      visit(child, (value as Record<string, unknown>)[child.name], `${path}.${child.name}`);
  };
  visit(root, data[root.name], root.name);
  return leaks;
}
