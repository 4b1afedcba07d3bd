import { defaultLimits } from '@werkbezoek/api';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import {
  operationDocument,
  plausibleArguments,
  plausibleValue,
  selectionOf,
  type Operation,
  type PlausibleContext,
} from './schemaOperations.js';

/*
 * The cases of the fuzzing suite (issue 16), as fast-check arbitraries built
 * from the live schema: calls of every operation with plausible arguments,
 * one of which may be abused (a random or huge string, a wrong type, an
 * unknown enum value, an impossible date, a negative or enormous number, a
 * missing or null required field, an unknown field, a huge list), sent as
 * variables or inline; and abuse of the request itself (deep, wide and
 * aliased queries, fragment bombs, batches, oversized bodies, malformed JSON,
 * other content types, broken documents, GET, credentials and headers).
 */

/** The kinds of abuse, counted apart in the figures. */
export const ARGUMENT_ABUSES = [
  'valid',
  'randomString',
  'hugeString',
  'wrongType',
  'unknownEnum',
  'impossibleDate',
  'negativeNumber',
  'enormousNumber',
  'nullRequired',
  'missingRequired',
  'unknownField',
  'hugeList',
] as const;
export const REQUEST_ABUSES = [
  'deepQuery',
  'wideQuery',
  'aliases',
  'fragmentBomb',
  'batch',
  'oversizedBody',
  'malformedJson',
  'contentType',
  'brokenDocument',
  'get',
  'credentials',
  'headers',
] as const;
export type ArgumentAbuse = (typeof ARGUMENT_ABUSES)[number];
export type RequestAbuse = (typeof REQUEST_ABUSES)[number];
export type AbuseKind = ArgumentAbuse | RequestAbuse;

export interface FuzzRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The query string of a GET. */
  readonly search?: string;
  /** A body of this many bytes sent in chunks with no Content-Length. */
  readonly streamed?: number;
}

export interface FuzzCase {
  readonly kind: AbuseKind;
  readonly request: FuzzRequest;
  /** The operation called, when the case calls one. */
  readonly operation?: Operation;
  /** Where the abuse went, e.g. `input.startDate`. */
  readonly at?: string;
  /** Invalid on its face: the answer must be an error, and nothing may be stored. */
  readonly mustRefuse: boolean;
  /** Whether it may write (a mutation, or a batch or GET holding one). */
  readonly writes: boolean;
  readonly description: string;
}

/** The longest text any event field takes (NonEmptyText(20000) in schema/src/events). */
export const LONGEST_TEXT = 20_000;
/** What the API reads of a request body (apiServer.ts). */
export const BODY_LIMIT = 1_000_000;

const truncate = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;

function fuzzCase(fields: Omit<FuzzCase, 'description'> & { description?: string }): FuzzCase {
  const { request } = fields;
  const description =
    fields.description ??
    `${fields.kind}${fields.at ? ` at ${fields.at}` : ''}: ${request.method} ${JSON.stringify(request.headers)} ${
      request.streamed ? `<${request.streamed} bytes streamed>` : truncate(request.body ?? request.search ?? '')
    }`;
  // fast-check prints a failing case with this, not with its (possibly megabyte-long) body.
  return Object.assign({ ...fields, description }, { [fc.toStringMethod]: () => description });
}

const json = (token: string | undefined, extra: Record<string, string> = {}): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  ...extra,
});

// Values ---------------------------------------------------------------------------------------------

/** Strings that have broken other systems: injection, traversal, control and invisible characters. */
const NASTY_STRINGS = [
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '%',
  '_',
  '\\',
  '../../../../etc/passwd',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '\u0000',
  'a\u0000b',
  '\u202Egnp.exe',
  '\u200B',
  '\uFEFF',
  '\uD800',
  '\uDFFF',
  '👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷',
  ' ',
  '\n\t\r',
  'null',
  'undefined',
  'NaN',
  '[object Object]',
  'enc:v1:AAAA',
  '__proto__',
  'constructor',
];

const randomString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(...NASTY_STRINGS),
  fc.uuid(),
);

const hugeString = fc
  .record({
    length: fc.integer({ min: LONGEST_TEXT + 1, max: 250_000 }),
    char: fc.constantFrom('a', 'é', '€', ' ', '😀'),
  })
  .map(({ length, char }) => char.repeat(Math.ceil(length / char.length)));

/** Dates no calendar has, and dates in other forms than YYYY-MM-DD. */
const impossibleDate = fc.oneof(
  fc.constantFrom(
    '2025-02-30',
    '2025-02-29',
    '2023-02-29',
    '2100-02-29',
    '2025-04-31',
    '2025-06-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-01-32',
    '0000-00-00',
    '9999-99-99',
    '2025-1-5',
    '25-01-05',
    '2025/01/05',
    '05-01-2025',
    '2025-01-05T00:00:00Z',
    '2025-01-05 ',
    ' 2025-01-05',
    '20250105',
    '',
    'gisteren',
    '2025-W01',
    '+002025-01-05',
    '2025-02-28\u0000',
  ),
  fc
    .record({
      y: fc.integer({ min: 1000, max: 9999 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 29, max: 99 }),
    })
    .filter(({ y, m, d }) => new Date(Date.UTC(y, m - 1, d)).getUTCMonth() !== m - 1)
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

const negativeNumber = (scalar: string) =>
  scalar === 'Int'
    ? fc.integer({ min: -(2 ** 31), max: -1 })
    : fc.oneof(fc.double({ max: -Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }), fc.constant(-0.01));

const enormousNumber = (scalar: string) =>
  scalar === 'Int'
    ? fc.oneof(fc.integer({ min: 1_000_000_000, max: 2 ** 31 - 1 }), fc.constantFrom(2 ** 31, 2 ** 53, 1e21))
    : fc.oneof(fc.double({ min: 1e9, max: 1e308, noNaN: true }), fc.constantFrom(1e15, 1e21, 1.7976931348623157e308));

/** A value of another JSON type than `type` takes, and that GraphQL does not coerce into it. */
function wrongType(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return wrongType(inner.ofType).map((v) => [v]);
  if (isInputObjectType(inner)) return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  if (isEnumType(inner)) return fc.oneof(fc.integer(), fc.boolean(), fc.constant({}));
  switch (inner.name) {
    case 'Int':
      return fc.oneof(fc.string(), fc.boolean(), fc.constant(1.5), fc.constant({}));
    case 'Float':
      return fc.oneof(fc.string(), fc.boolean(), fc.constant({}));
    case 'Boolean':
      return fc.oneof(fc.constant('true'), fc.integer(), fc.constant({}));
    case 'ID': // An ID takes an integer: give it what it never takes.
      return fc.oneof(fc.boolean(), fc.constant(1.5), fc.constant({}));
    default:
      return fc.oneof(fc.integer(), fc.boolean(), fc.constant({}), fc.double({ noNaN: true, noDefaultInfinity: true }));
  }
}

function unknownEnumValue(type: GraphQLNamedType): fc.Arbitrary<string> {
  const values = isEnumType(type) ? type.getValues().map((v) => v.value as string) : [];
  return fc
    .oneof(
      fc.stringMatching(/^[A-Z][A-Z_]{0,40}$/),
      fc.constantFrom(values[0]!.toLowerCase(), ` ${values[0]}`, 'Technisch', ''),
    )
    .filter((v) => !values.includes(v));
}

// Where an argument's value can be abused -------------------------------------------------------------

interface Slot {
  /** Into the variables: argument name, then fields and list indexes. */
  readonly path: readonly (string | number)[];
  readonly type: GraphQLInputType;
}

/** Every place in the arguments' values, present or an absent optional field. */
function slotsOf(args: readonly GraphQLArgument[], values: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  const visit = (type: GraphQLInputType, value: unknown, path: (string | number)[]) => {
    slots.push({ path, type });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner) && Array.isArray(value) && value.length > 0) visit(inner.ofType, value[0], [...path, 0]);
    if (isInputObjectType(inner) && value && typeof value === 'object')
      for (const field of Object.values(inner.getFields()))
        visit(field.type, (value as Record<string, unknown>)[field.name], [...path, field.name]);
  };
  for (const arg of args) visit(arg.type, values[arg.name], [arg.name]);
  return slots;
}

const scalarName = (slot: Slot) => getNamedType(slot.type).name;
const isList = (slot: Slot) => isListType(isNonNullType(slot.type) ? slot.type.ofType : slot.type);

function fits(kind: ArgumentAbuse, slot: Slot): boolean {
  const named = getNamedType(slot.type);
  const leaf = !isList(slot);
  switch (kind) {
    case 'valid':
    case 'wrongType':
      return true;
    case 'randomString':
    case 'hugeString':
      return leaf && (named.name === 'String' || named.name === 'ID');
    case 'unknownEnum':
      return leaf && isEnumType(named);
    case 'impossibleDate':
      return leaf && named.name === 'LocalDate';
    case 'negativeNumber':
    case 'enormousNumber':
      return leaf && (named.name === 'Int' || named.name === 'Float');
    case 'nullRequired':
    case 'missingRequired':
      return isNonNullType(slot.type) && typeof slot.path.at(-1) === 'string';
    case 'unknownField':
      return leaf && isInputObjectType(named);
    case 'hugeList':
      return isList(slot);
  }
}

function abusedValue(kind: ArgumentAbuse, slot: Slot, context: PlausibleContext): fc.Arbitrary<unknown> {
  const named = getNamedType(slot.type);
  switch (kind) {
    case 'valid':
    case 'nullRequired':
    case 'missingRequired':
    case 'unknownField':
      return fc.constant(null);
    case 'randomString':
      return randomString;
    case 'hugeString':
      return hugeString;
    case 'wrongType':
      return wrongType(slot.type);
    case 'unknownEnum':
      return unknownEnumValue(named);
    case 'impossibleDate':
      return impossibleDate;
    case 'negativeNumber':
      return negativeNumber(named.name);
    case 'enormousNumber':
      return enormousNumber(named.name);
    case 'hugeList': {
      const element = plausibleValue(
        isNonNullType(slot.type) ? slot.type.ofType : slot.type,
        String(slot.path.at(-1)),
        context,
      ) as unknown[];
      return fc
        .integer({ min: 1_001, max: 5_000 })
        .map((n) => Array.from({ length: n }, (_, i) => element[i % element.length]));
    }
  }
}

/** Whether a value with this abuse is invalid on its face, so that the API must refuse it. */
function refused(kind: ArgumentAbuse, slot: Slot, value: unknown, operation: Operation): boolean {
  const mutation = operation.kind === 'mutation';
  switch (kind) {
    case 'valid':
    case 'randomString':
      return false;
    case 'wrongType':
    case 'unknownEnum':
    case 'impossibleDate':
    case 'nullRequired':
    case 'missingRequired':
    case 'unknownField':
      return true;
    // Every text, number and list an event takes is bounded: no command may store these.
    case 'hugeString':
    case 'negativeNumber':
    case 'hugeList':
      return mutation;
    // Beyond a 32-bit Int GraphQL refuses it; within, only the domain knows (counted, see the figures).
    case 'enormousNumber':
      return scalarName(slot) === 'Int' && (value as number) > 2 ** 31 - 1;
  }
}

function setAt(
  target: Record<string, unknown>,
  path: readonly (string | number)[],
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  let parent: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = parent[key];
    if (next === null || typeof next !== 'object') return;
    parent = next as Record<string | number, unknown>;
  }
  change(parent, path.at(-1)!);
}

/** A value written inline in the document instead of as a variable. */
export function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const named = type && getNamedType(type);
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => literal(v, inner && isListType(inner) ? inner.ofType : undefined)).join(', ')}]`;
  if (typeof value === 'object') {
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]?.type)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && named && isEnumType(named) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return JSON.stringify(value);
}

export interface Tokens {
  /** Tokens that may call an operation (by its coordinate), for cases that should get past authorisation. */
  readonly allowed: (operation: Operation) => readonly (string | undefined)[];
  /** Every token, none and an unknown one included. */
  readonly any: readonly (string | undefined)[];
}

const tokenFor = (operation: Operation, tokens: Tokens) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(...(tokens.allowed(operation).length ? tokens.allowed(operation) : tokens.any)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...tokens.any) },
  );

/** A call of an operation with plausible arguments, one place abused as `kind` says. */
export function operationCase(
  operations: readonly Operation[],
  context: PlausibleContext,
  tokens: Tokens,
  kinds: fc.Arbitrary<ArgumentAbuse>,
): fc.Arbitrary<FuzzCase> {
  // For each kind of abuse, the operations with a place for it (their optional fields included).
  const fitting = new Map(
    ARGUMENT_ABUSES.map((kind) => [
      kind,
      operations.filter((o) =>
        slotsOf(o.field.args, plausibleArguments(o.field, context, { optional: true })).some((s) => fits(kind, s)),
      ),
    ]),
  );
  return kinds.chain((wanted) => {
    const kind: ArgumentAbuse = fitting.get(wanted)!.length > 0 ? wanted : 'valid';
    return fc
      .record({
        operation: fc.constantFrom(...(kind === 'valid' ? operations : fitting.get(kind)!)),
        optional: fc.boolean(),
        slot: fc.nat(),
        inlineWeight: fc.nat({ max: 4 }),
        depth: fc.integer({ min: 0, max: 2 }),
      })
      .chain(({ operation, optional, slot, inlineWeight, depth }) => {
        let values = plausibleArguments(operation.field, context, { optional });
        let candidates = slotsOf(operation.field.args, values).filter((s) => fits(kind, s));
        if (candidates.length === 0) {
          values = plausibleArguments(operation.field, context, { optional: true });
          candidates = slotsOf(operation.field.args, values).filter((s) => fits(kind, s));
        }
        const target = kind === 'valid' ? undefined : candidates[slot % candidates.length]!;
        return fc
          .record({
            value: target ? abusedValue(kind, target, context) : fc.constant(null),
            token: tokenFor(operation, tokens),
          })
          .map(({ value, token }) => {
            const args = structuredClone(values);
            if (target) {
              setAt(args, target.path, (parent, key) => {
                if (kind === 'missingRequired') delete parent[key];
                else if (kind === 'nullRequired') parent[key] = null;
                else if (kind === 'unknownField')
                  parent[key] = { ...(parent[key] as object), unknownField: 'not in the schema' };
                else parent[key] = value;
              });
            }
            const selection = selectionOf(operation.field.type, depth);
            // One case in five writes its arguments into the document instead of variables.
            const inline = inlineWeight === 0;
            const query = inline
              ? `${operation.kind} { ${operation.field.name}${
                  Object.keys(args).length
                    ? `(${Object.entries(args)
                        .map(([k, v]) => `${k}: ${literal(v, operation.field.args.find((a) => a.name === k)?.type)}`)
                        .join(', ')})`
                    : ''
                } ${selection} }`
              : operationDocument(operation, Object.keys(args), selection);
            const body = JSON.stringify(inline ? { query } : { query, variables: args });
            const at = target?.path.join('.');
            return fuzzCase({
              kind,
              request: { method: 'POST', headers: json(token), body },
              operation,
              ...(at ? { at } : {}),
              mustRefuse: target ? refused(kind, target, value, operation) : false,
              writes: operation.kind === 'mutation',
              description: `${kind} ${operation.coordinate}${at ? `(${at})` : ''}${inline ? ' inline' : ''} as ${
                token ?? 'nobody'
              }: ${truncate(body)}`,
            });
          });
      });
  });
}

// Abuse of the request itself ------------------------------------------------------------------------

const printable = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });

/** A plausible call of an operation, its arguments inline: the building block of the query abuses. */
function inlineCall(operation: Operation, context: PlausibleContext, selection: string, alias?: string): string {
  const args = plausibleArguments(operation.field, context);
  const call = Object.entries(args)
    .map(([k, v]) => `${k}: ${literal(v, operation.field.args.find((a) => a.name === k)?.type)}`)
    .join(', ');
  return `${alias ? `${alias}: ` : ''}${operation.field.name}${call ? `(${call})` : ''} ${selection}`;
}

const { maxDepth: MAX_DEPTH, maxCost: MAX_COST, maxAliases: MAX_ALIASES } = defaultLimits;

/**
 * A query that walks down object fields from a Query field, choosing at each
 * level by `picks`, to `depth` levels where the schema allows; its depth as
 * the limit counts it.
 */
function walk(
  schema: GraphQLSchema,
  operation: Operation,
  context: PlausibleContext,
  depth: number,
  picks: readonly number[],
): { query: string; depth: number } {
  let levels = 1;
  const descend = (typeName: string, level: number): string => {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type) || level >= depth) return '{ __typename }';
    const objects = Object.values(type.getFields()).filter((f) => isObjectType(getNamedType(f.type)));
    if (objects.length === 0) return '{ __typename }';
    const field = objects[picks[level % picks.length]! % objects.length]!;
    const args = plausibleArguments(field, context);
    const call = Object.entries(args)
      .map(([k, v]) => `${k}: ${literal(v, field.args.find((a) => a.name === k)?.type)}`)
      .join(', ');
    levels = Math.max(levels, level + 1);
    return `{ __typename ${field.name}${call ? `(${call})` : ''} ${descend(getNamedType(field.type).name, level + 1)} }`;
  };
  const query = `query { ${inlineCall(operation, context, descend(getNamedType(operation.field.type).name, 1))} }`;
  return { query, depth: levels };
}

export interface RequestAbuseInputs {
  readonly schema: GraphQLSchema;
  readonly operations: readonly Operation[];
  readonly context: PlausibleContext;
  readonly tokens: Tokens;
}

/** Every request abuse, one arbitrary each. */
export function requestCases({
  schema,
  operations,
  context,
  tokens,
}: RequestAbuseInputs): Record<RequestAbuse, fc.Arbitrary<FuzzCase>> {
  const queries = operations.filter((o) => o.kind === 'query' && !isLeafOnly(o));
  const mutations = operations.filter((o) => o.kind === 'mutation');
  const anyToken = fc.constantFrom(...tokens.any);
  const reader = fc.constantFrom(...tokens.allowed(queries.find((q) => q.field.name === 'accompanimentRequests')!));
  /** A plausible call as a JSON body, a query or a mutation. */
  const plausibleBody = fc.constantFrom(...operations).map((operation) => {
    const args = plausibleArguments(operation.field, context);
    return {
      operation,
      body: {
        query: operationDocument(operation, Object.keys(args), selectionOf(operation.field.type, 1)),
        variables: args,
      },
    };
  });

  return {
    deepQuery: fc
      .record({
        operation: fc.constantFrom(...queries),
        depth: fc.integer({ min: 2, max: 40 }),
        picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        token: reader,
      })
      .map(({ operation, depth, picks, token }) => {
        const built = walk(schema, operation, context, depth, picks);
        return fuzzCase({
          kind: 'deepQuery',
          request: { method: 'POST', headers: json(token), body: JSON.stringify({ query: built.query }) },
          operation,
          mustRefuse: built.depth > MAX_DEPTH,
          writes: false,
          description: `deepQuery of ${built.depth} levels from ${operation.coordinate}: ${truncate(built.query)}`,
        });
      }),

    wideQuery: fc
      .record({ picks: fc.array(fc.constantFrom(...queries), { minLength: 1, maxLength: 40 }), token: reader })
      .map(({ picks, token }) => {
        const query = `query { ${picks.map((o, i) => inlineCall(o, context, selectionOf(o.field.type, 1), `a${i}`)).join(' ')} }`;
        return fuzzCase({
          kind: 'wideQuery',
          request: { method: 'POST', headers: json(token), body: JSON.stringify({ query }) },
          mustRefuse: picks.length > MAX_ALIASES,
          writes: false,
          description: `wideQuery of ${picks.length} fields: ${truncate(query)}`,
        });
      }),

    aliases: fc
      // Up to three times the limit of aliases (limits.ts): beyond it, only the parser's time grows.
      .record({ operation: fc.constantFrom(...queries), count: fc.integer({ min: 2, max: 60 }), token: reader })
      .map(({ operation, count, token }) => {
        const call = (i: number) => inlineCall(operation, context, selectionOf(operation.field.type, 1), `a${i}`);
        const query = `query { ${Array.from({ length: count }, (_, i) => call(i)).join(' ')} }`;
        return fuzzCase({
          kind: 'aliases',
          request: { method: 'POST', headers: json(token), body: JSON.stringify({ query }) },
          mustRefuse: count > MAX_ALIASES,
          writes: false,
          description: `${count} aliases of ${operation.coordinate}: ${truncate(query)}`,
        });
      }),

    fragmentBomb: fc
      .record({ levels: fc.integer({ min: 1, max: 40 }), spreads: fc.integer({ min: 2, max: 12 }), token: reader })
      .map(({ levels, spreads, token }) => {
        let document = 'fragment F0 on Query { viewer { role } }\n';
        for (let i = 1; i <= levels; i++)
          document += `fragment F${i} on Query { ${Array.from({ length: spreads }, () => `...F${i - 1}`).join(' ')} }\n`;
        const query = `query { ...F${levels} }\n${document}`;
        return fuzzCase({
          kind: 'fragmentBomb',
          request: { method: 'POST', headers: json(token), body: JSON.stringify({ query }) },
          // Two fields in F0, spread spreads^levels times.
          mustRefuse: 2 * spreads ** levels > MAX_COST,
          writes: false,
          description: `fragmentBomb of ${levels} levels of ${spreads} spreads`,
        });
      }),

    batch: fc.record({ bodies: fc.array(plausibleBody, { maxLength: 50 }), token: anyToken }).map(({ bodies, token }) =>
      fuzzCase({
        kind: 'batch',
        request: { method: 'POST', headers: json(token), body: JSON.stringify(bodies.map((b) => b.body)) },
        mustRefuse: true,
        writes: bodies.some((b) => b.operation.kind === 'mutation'),
        description: `batch of ${bodies.length}: ${bodies.map((b) => b.operation.coordinate).join(', ')}`,
      }),
    ),

    oversizedBody: fc
      .record({
        size: fc.integer({ min: BODY_LIMIT + 1, max: 2_500_000 }),
        streamed: fc.boolean(),
        mutation: fc.constantFrom(...mutations),
        token: anyToken,
      })
      .map(({ size, streamed, mutation, token }) => {
        const args = plausibleArguments(mutation.field, context);
        const query = `${operationDocument(mutation, Object.keys(args), selectionOf(mutation.field.type, 0))} # `;
        const head = JSON.stringify({ query, variables: args });
        // The padding goes in the query's comment: all of it would be a valid mutation, were it not so long.
        const body = `${head.slice(0, head.indexOf('"variables"') - 2)}${'x'.repeat(Math.max(0, size - head.length))}${head.slice(head.indexOf('"variables"') - 2)}`;
        return fuzzCase({
          kind: 'oversizedBody',
          request: streamed
            ? { method: 'POST', headers: json(token), streamed: size }
            : { method: 'POST', headers: json(token), body },
          operation: mutation,
          mustRefuse: true,
          writes: true,
          description: `oversizedBody of ${size} bytes${streamed ? ', streamed' : ''} (${mutation.coordinate})`,
        });
      }),

    malformedJson: fc
      .record({
        body: fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          plausibleBody.chain(({ body }) =>
            fc.nat({ max: JSON.stringify(body).length - 1 }).map((n) => JSON.stringify(body).slice(0, n)),
          ),
          plausibleBody.map(({ body }) => `${JSON.stringify(body)}}`),
          plausibleBody.map(({ body }) => `\uFEFF${JSON.stringify(body)}`),
          plausibleBody.map(({ body }) => JSON.stringify(body).replace(/"/g, "'")),
          fc.integer({ min: 1_000, max: 200_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
          fc.constantFrom(
            '',
            'null',
            '42',
            '"{ viewer { role } }"',
            '[]',
            '{}',
            '{"query": null}',
            '{"query": ["{ viewer { role } }"]}',
            '{"query": {"query": "{ viewer { role } }"}}',
            '{"query": "{ viewer { role } }", "variables": []}',
            '{"query": "{ viewer { role } }", "variables": "{}"}',
            '{"query": "{ viewer { role } }", "operationName": 5}',
            '{"query": "{ viewer { role } }", "extensions": "x"}',
            '{"query": "{ viewer { role } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
            '{"query": "{ viewer { role } }", "extensions": {"persistedQuery": {"version": 2, "sha256Hash": "abc"}}}',
            '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000"}}}',
            '{"query": "{ viewer { role } }",}',
            '{"query": "{ viewer { role } }"} {"query": "{ viewer { role } }"}',
            '{"query": "\\ud800"}',
          ),
        ),
        token: anyToken,
      })
      .map(({ body, token }) =>
        fuzzCase({
          kind: 'malformedJson',
          request: { method: 'POST', headers: json(token), body },
          mustRefuse: true,
          writes: /mutation/.test(body),
        }),
      ),

    contentType: fc
      .record({
        call: plausibleBody,
        type: fc.constantFrom(
          'text/plain',
          'text/plain; charset=utf-8',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/graphql',
          'application/xml',
          'application/json; charset=utf-16',
          'application/json; charset=latin1',
          'APPLICATION/JSON',
          'application/jsonp',
          'application/graphql-response+json',
          '*/*',
          'application/json, text/plain',
        ),
        preflight: fc.boolean(),
        token: anyToken,
      })
      .map(({ call, type, preflight, token }) => {
        // Without the preflight header, a type a browser's form may send is refused (CSRF prevention).
        const simple = /^(text\/plain|application\/x-www-form-urlencoded|multipart\/form-data)/.test(type);
        return fuzzCase({
          kind: 'contentType',
          request: {
            method: 'POST',
            headers: {
              ...json(token),
              'content-type': type,
              ...(preflight ? { 'apollo-require-preflight': 'true' } : {}),
            },
            body: JSON.stringify(call.body),
          },
          operation: call.operation,
          mustRefuse: simple && !preflight,
          writes: call.operation.kind === 'mutation',
        });
      }),

    brokenDocument: fc
      .record({
        call: plausibleBody,
        edits: fc.array(
          fc.record({
            at: fc.nat(),
            what: fc.constantFrom('delete', 'insert', 'truncate'),
            char: fc.constantFrom(...'{}()[]:$@!"\\#.,=|&'.split(''), '...', 'query', 'fragment', '"""', '\u0000'),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        token: anyToken,
      })
      .map(({ call, edits, token }) => {
        let query = call.body.query;
        for (const { at, what, char } of edits) {
          const i = at % Math.max(1, query.length);
          query =
            what === 'delete'
              ? query.slice(0, i) + query.slice(i + 1)
              : what === 'insert'
                ? query.slice(0, i) + char + query.slice(i)
                : query.slice(0, i);
        }
        return fuzzCase({
          kind: 'brokenDocument',
          request: { method: 'POST', headers: json(token), body: JSON.stringify({ ...call.body, query }) },
          operation: call.operation,
          mustRefuse: false,
          writes: call.operation.kind === 'mutation',
        });
      }),

    get: fc
      .record({ call: plausibleBody, preflight: fc.boolean(), token: anyToken })
      .map(({ call, preflight, token }) => {
        const search = `?${new URLSearchParams({ query: call.body.query, variables: JSON.stringify(call.body.variables) }).toString()}`;
        return fuzzCase({
          kind: 'get',
          request: {
            method: 'GET',
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(preflight ? { 'apollo-require-preflight': 'true' } : {}),
            },
            search,
          },
          operation: call.operation,
          // A mutation is never run from a GET; without the preflight header nothing is (CSRF prevention).
          mustRefuse: call.operation.kind === 'mutation' || !preflight,
          writes: call.operation.kind === 'mutation',
        });
      }),

    credentials: fc
      .record({
        call: plausibleBody,
        authorization: fc.oneof(
          printable(200).map((t) => `Bearer ${t}`),
          printable(60).map((t) => `Bearer demo-coordinator-${t.replace(/[0-9]/g, 'x')}`),
          fc.constantFrom(
            'Basic dXNlcjpwYXNz',
            'Bearer',
            'Bearer ',
            'Token demo-staff',
            'demo-staff',
            'Bearer demo-staff demo-management',
            'Bearer demo-STAFF',
            'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiTUFOQUdFTUVOVCJ9.',
            'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiTUFOQUdFTUVOVCJ9.c2lnbmF0dXJl',
          ),
          fc.integer({ min: 1_000, max: 40_000 }).map((n) => `Bearer ${'x'.repeat(n)}`),
        ),
      })
      .map(({ call, authorization }) =>
        fuzzCase({
          kind: 'credentials',
          request: { method: 'POST', headers: { ...json(undefined), authorization }, body: JSON.stringify(call.body) },
          operation: call.operation,
          mustRefuse: true,
          writes: call.operation.kind === 'mutation',
        }),
      ),

    headers: fc
      .record({
        call: plausibleBody,
        extra: fc.dictionary(
          fc.constantFrom(
            'x-request-id',
            'idempotency-key',
            'accept',
            'x-apollo-operation-name',
            'apollo-require-preflight',
            'x-forwarded-for',
          ),
          printable(300),
          { maxKeys: 4 },
        ),
        token: fc.constantFrom(...tokens.any),
      })
      .map(({ call, extra, token }) =>
        fuzzCase({
          kind: 'headers',
          request: { method: 'POST', headers: json(token, extra), body: JSON.stringify(call.body) },
          operation: call.operation,
          mustRefuse: false,
          writes: call.operation.kind === 'mutation',
        }),
      ),
  };
}

/** Query fields whose answer is a leaf (a scalar): nothing to walk down into. */
function isLeafOnly(operation: Operation): boolean {
  return !isObjectType(getNamedType(operation.field.type));
}

/** Every case: three in five call an operation (one in four of those plausibly), the rest abuse the request. */
export function fuzzCases(inputs: RequestAbuseInputs): fc.Arbitrary<FuzzCase> {
  const kinds = fc.oneof(
    { weight: 4, arbitrary: fc.constant<ArgumentAbuse>('valid') },
    { weight: 12, arbitrary: fc.constantFrom(...ARGUMENT_ABUSES.filter((k) => k !== 'valid')) },
  );
  const requests = requestCases(inputs);
  return fc.oneof(
    { weight: 6, arbitrary: operationCase(inputs.operations, inputs.context, inputs.tokens, kinds) },
    { weight: 4, arbitrary: fc.oneof(...REQUEST_ABUSES.map((k) => requests[k])) },
  );
}
