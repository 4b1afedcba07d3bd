import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutationPermissions, permissions } from '@werkbezoek/api';
import type { GraphQLArgument, GraphQLSchema } from 'graphql';
import { SignJWT } from 'jose';
import { format } from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allFields,
  printQuery,
  queryTrees,
  reach,
  type FieldNode,
  type FragmentNode,
} from '../e2e/coordinatorReach.js';
import { livePlatform, tokens, type GraphQLResponse, type LivePlatform } from '../e2e/harness.js';
import type { World } from '../e2e/scenario.js';
import { fullEvidence, recordEvidence, resultsDir } from './evidence.js';
import { evidenceWorld } from './evidenceWorld.js';
import {
  liveSchema,
  operationDocument,
  operationsOf,
  plausibleArguments,
  plausibleValue,
  selectionOf,
  type Operation,
  type PlausibleContext,
} from './schemaOperations.js';

/*
 * The authorisation matrix (issue 16): every role, a coordinator of the
 * municipality concerned and one of another, no token, an expired token and
 * a token signed with the wrong key, against every Query and Mutation field
 * of the live schema and every field the API refuses some role (found by
 * reading everything below each Query field as each role, coordinatorReach.ts).
 * The table is the README's "Authorisation" table: this test fails when the
 * live outcomes differ from it, and UPDATE_AUTH_MATRIX=1 writes it anew.
 *
 * A cell is `allowed` when the request got past authorisation: an answer, or
 * the domain's own refusal of that input in that state (NOT_FOUND, CONFLICT,
 * BAD_USER_INPUT from a resolver; test/evidence/results/authorization.md
 * names which). The roles run on the demo-token platform with one of
 * everything of Zoersel (evidenceWorld); the three without valid credentials
 * on a second platform in JWT mode, where a valid token of each role is
 * accepted (checked), so the refusals are the token's, not the mode's.
 */

const REGENERATE = 'UPDATE_AUTH_MATRIX=1 pnpm vitest run test/evidence/authorization.evidence.test.ts';
const root = fileURLToPath(new URL('../../', import.meta.url));
const README = path.join(root, 'README.md');
const START = '<!-- authorization-matrix:start -->';
const END = '<!-- authorization-matrix:end -->';

const ISSUER = 'https://login.vvsg.example';
const AUDIENCE = 'werkbezoek';
const SECRET = 'the-evidence-suite-secret-of-32-bytes!';

type Cell = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' | '—';
type RoleName = 'MANAGEMENT' | 'PLANNER' | 'ANALYST' | 'STAFF' | 'COORDINATOR';

interface Column {
  readonly name: string;
  /** The role it signs in with (none without valid credentials). */
  readonly role?: RoleName;
  /** The demo platform's token, or a JWT for the JWT platform. */
  readonly token: () => Promise<string | undefined>;
  readonly platform: 'demo' | 'jwt';
}

const jwt = (claims: Record<string, unknown>, options: { expires?: string; key?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('evidence-user')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(options.expires ? '-2h' : undefined)
    .setExpirationTime(options.expires ?? '10m')
    .sign(new TextEncoder().encode(options.key ?? SECRET));

const demo = (token: string) => () => Promise.resolve(token);

const COLUMNS: readonly Column[] = [
  { name: 'MANAGEMENT', role: 'MANAGEMENT', token: demo(tokens.management), platform: 'demo' },
  { name: 'PLANNER', role: 'PLANNER', token: demo(tokens.planner), platform: 'demo' },
  { name: 'ANALYST', role: 'ANALYST', token: demo(tokens.analyst), platform: 'demo' },
  { name: 'STAFF', role: 'STAFF', token: demo(tokens.staff), platform: 'demo' },
  { name: 'COORDINATOR of the municipality', role: 'COORDINATOR', token: demo(tokens.zoersel), platform: 'demo' },
  { name: 'COORDINATOR of another', role: 'COORDINATOR', token: demo(tokens.merelbeke), platform: 'demo' },
  { name: 'no token', token: () => Promise.resolve(undefined), platform: 'jwt' },
  { name: 'expired token', token: () => jwt({ role: 'MANAGEMENT' }, { expires: '-1h' }), platform: 'jwt' },
  {
    name: 'wrong key',
    token: () => jwt({ role: 'MANAGEMENT' }, { key: 'another-secret-of-at-least-32-bytes!!' }),
    platform: 'jwt',
  },
];
const OWN = COLUMNS[4]!;
const OTHER = COLUMNS[5]!;

interface Outcome {
  readonly cell: Cell;
  /** What exactly came back: data, null, or the error code. */
  readonly detail: string;
}

interface Row {
  /** `Query.lessons`, `Mutation.recordLesson`, `Mission.staff`. */
  readonly subject: string;
  readonly kind: 'query' | 'mutation' | 'field';
  readonly outcomes: Outcome[];
}

let world: World;
let context: PlausibleContext;
let jwtLive: LivePlatform;
let schema: GraphQLSchema;
let requests = 0;

async function send(column: Column, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse> {
  requests++;
  const token = await column.token();
  return column.platform === 'demo' ? world.send(token, query, variables) : jwtLive.gql(token, query, variables);
}

/** Whether the request got past authorisation, from the errors at the operation's root. */
function classify(response: GraphQLResponse, operation: Operation): Outcome {
  const name = operation.field.name;
  const error = (response.errors ?? []).find((e) => !e.path || (e.path.length === 1 && e.path[0] === name));
  if (!error) {
    const below = [...new Set((response.errors ?? []).map((e) => String(e.extensions?.code)))];
    const value = response.data?.[name] === null ? 'null' : 'data';
    return { cell: 'allowed', detail: below.length ? `${value}, ${below.join(' ')} below` : value };
  }
  const code = String(error.extensions?.code);
  if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') return { cell: code, detail: code };
  // The resolver ran (the error stands at its path) and the domain refused this input in this state.
  if (error.path && ['NOT_FOUND', 'CONFLICT', 'BAD_USER_INPUT'].includes(code))
    return { cell: 'allowed', detail: code };
  throw new Error(
    `${operation.coordinate}: the API answered ${code} (${error.message}) before authorisation: the generated document or arguments are wrong (see schemaOperations.ts)`,
  );
}

/** The ids that are Zoersel's alone: another municipality's coordinator must never read them. */
const zoerselOnly = () => [
  context.ids.twinningId,
  context.ids.requestId,
  context.ids.missionId,
  context.ids.activityId,
];

const isIdField = (name: string) => name === 'id' || name === 'nisCode' || /Ids?$/.test(name);

async function operationRows(restricted: ReadonlySet<string>): Promise<{ rows: Row[]; leaks: string[] }> {
  const rows: Row[] = [];
  const leaks: string[] = [];
  for (const operation of operationsOf(schema)) {
    const args = plausibleArguments(operation.field, context);
    // Ids only, three levels down (a connection's nodes): enough to see whose records come back.
    // The restricted fields have rows of their own; here they would only null the answer.
    const selection = selectionOf(
      operation.field.type,
      3,
      (coordinate, leaf) => !restricted.has(coordinate) && (!leaf || isIdField(coordinate.split('.')[1]!)),
    );
    const document = operationDocument(operation, Object.keys(args), selection);
    const outcomes: Outcome[] = [];
    for (const column of COLUMNS) {
      const response = await send(column, document, args);
      const outcome = classify(response, operation);
      outcomes.push(outcome);
      if (column === OTHER && outcome.detail === 'data') {
        const text = JSON.stringify(response.data);
        for (const id of zoerselOnly())
          if (text.includes(id)) leaks.push(`${operation.coordinate} gave ${OTHER.name} Zoersel's ${id}`);
      }
    }
    rows.push({ subject: operation.coordinate, kind: operation.kind, outcomes });
  }
  return { rows, leaks };
}

/** Sensible values for the required arguments anywhere in a query tree, by the same rules. */
const treeArguments = (coordinate: string, arg: GraphQLArgument): unknown => {
  const required = String(arg.type).endsWith('!') && arg.defaultValue === undefined;
  return required ? plausibleValue(arg.type, arg.name, context, {}, coordinate.split('.')[1]) : undefined;
};

const fieldsIn = (nodes: readonly (FieldNode | FragmentNode)[]): FieldNode[] =>
  nodes.flatMap((n) => ('name' in n ? [n] : fieldsIn(n.children)));

/**
 * The fields of a read tree that were resolved without being refused: those
 * on an object the answer held (a field under an empty list never ran).
 */
function evaluated(tree: FieldNode): FieldNode[] {
  const found: FieldNode[] = [];
  const walk = (node: FieldNode, onObject: boolean) => {
    if (node.refused) return;
    if (onObject || node.seen) found.push(node);
    for (const child of fieldsIn(node.children ?? [])) walk(child, node.seen === true);
  };
  walk(tree, true);
  return found;
}

/**
 * Every field below every Query field, read as each role: the fields the API
 * refuses some role (FORBIDDEN) are the restricted ones, and their row says
 * for whom. A role that cannot reach a field (its operation refused) gets —.
 */
async function fieldRows(): Promise<Row[]> {
  const refused = new Map<Column, Set<string>>();
  const reached = new Map<Column, Set<string>>();
  const failures: string[] = [];
  /** For each field, a whole query that reads it (as first generated, before any pruning). */
  const queryOf = new Map<string, string>();
  for (const column of COLUMNS.filter((c) => c.role)) {
    refused.set(column, new Set());
    reached.set(column, new Set());
    for (const tree of queryTrees(schema, treeArguments, { depth: 4 })) {
      const query = printQuery(tree);
      for (const node of allFields(tree)) if (!queryOf.has(node.coordinate)) queryOf.set(node.coordinate, query);
      try {
        const result = await reach(tree, async (query) => send(column, query));
        for (const coordinate of result.refused) refused.get(column)!.add(coordinate);
        for (const node of evaluated(tree)) reached.get(column)!.add(node.coordinate);
      } catch (error) {
        failures.push(`${column.name}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  expect(failures, 'reading every field as each role met errors other than FORBIDDEN').toEqual([]);
  const restricted = [...new Set([...refused.values()].flatMap((s) => [...s]))]
    .filter((c) => !c.startsWith('Query.') && !c.startsWith('Mutation.'))
    .sort();
  const rows: Row[] = [];
  for (const coordinate of restricted) {
    const outcomes: Outcome[] = [];
    for (const column of COLUMNS) {
      if (!column.role) {
        // Without valid credentials nothing is read: a whole query holding the field is refused.
        const response = await send(column, queryOf.get(coordinate)!);
        const code = String(response.errors?.[0]?.extensions?.code);
        outcomes.push({ cell: code === 'UNAUTHENTICATED' ? 'UNAUTHENTICATED' : '—', detail: code });
        continue;
      }
      const cell: Cell = refused.get(column)!.has(coordinate)
        ? 'FORBIDDEN'
        : reached.get(column)!.has(coordinate)
          ? 'allowed'
          : '—';
      outcomes.push({ cell, detail: cell });
    }
    rows.push({ subject: coordinate, kind: 'field', outcomes });
  }
  return rows;
}

const HEADER = ['operation or field', ...COLUMNS.map((c) => c.name)];

function markdownTable(rows: readonly Row[], cell: (o: Outcome) => string): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(HEADER),
    line(HEADER.map(() => '---')),
    ...rows.map((r) => line([`\`${r.subject}\``, ...r.outcomes.map(cell)])),
  ].join('\n');
}

/** The rows of the README's table: the subject and its cells, as written. */
function readmeRows(readme: string): Map<string, string[]> | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  const rows = new Map<string, string[]>();
  for (const line of readme.slice(start, end).split('\n')) {
    const match = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (match)
      rows.set(
        match[1]!,
        match[2]!.split('|').map((c) => c.trim()),
      );
  }
  return rows;
}

async function readmeSection(rows: readonly Row[]): Promise<string> {
  const table = await format(
    markdownTable(rows, (o) => o.cell),
    { parser: 'markdown' },
  );
  return `${START}\n<!-- Generated from the live API by test/evidence/authorization.evidence.test.ts; never edit by hand. Regenerate: ${REGENERATE} -->\n\n${table.trim()}\n\n${END}`;
}

let matrix: Row[] = [];
let leaks: string[] = [];

beforeAll(async () => {
  ({ world, context } = await evidenceWorld());
  jwtLive = await livePlatform({ auth: { mode: 'jwt', issuer: ISSUER, audience: AUDIENCE, secret: SECRET } });
  schema = await liveSchema(world.live, tokens.staff);
}, 120_000);

afterAll(async () => {
  await world?.close();
  await jwtLive?.close();
});

describe('the authorisation matrix', () => {
  it('the JWT platform accepts a valid token of every role, so its refusals are the tokens’', async () => {
    for (const role of ['MANAGEMENT', 'PLANNER', 'ANALYST', 'STAFF', 'COORDINATOR'] as const) {
      const token = await jwt({ role, ...(role === 'COORDINATOR' ? { nis_code: '11055' } : {}) });
      const response = await jwtLive.gql<{ viewer: { role: string } }>(token, '{ viewer { role } }');
      expect(response.data?.viewer.role, JSON.stringify(response.errors)).toBe(role);
    }
  });

  it('every role against every operation of the schema, and every restricted field', async () => {
    // Fields first: they are read-only, and the mutations below change what the records' state allows.
    const fields = await fieldRows();
    const operations = await operationRows(new Set(fields.map((r) => r.subject)));
    leaks = operations.leaks;
    matrix = [...operations.rows, ...fields];
    expect(fields.length, 'the API refuses coordinators some fields (Mission.staff, …)').toBeGreaterThan(0);
  }, 300_000);

  it('refuses everything without valid credentials: no token, an expired token, a token signed with another key', () => {
    const unauthenticated = COLUMNS.flatMap((c, i) => (c.role ? [] : [i]));
    for (const row of matrix)
      for (const i of unauthenticated)
        expect(`${row.subject} ${COLUMNS[i]!.name}: ${row.outcomes[i]!.cell}`).toBe(
          `${row.subject} ${COLUMNS[i]!.name}: UNAUTHENTICATED`,
        );
  });

  it('allows each mutation exactly the roles of its permission in services/api/src/auth/roles.ts', () => {
    const mutations = matrix.filter((r) => r.kind === 'mutation');
    expect(mutations.length).toBeGreaterThan(0);
    const differences: string[] = [];
    for (const row of mutations) {
      const name = row.subject.slice('Mutation.'.length);
      const permission = mutationPermissions[name as keyof typeof mutationPermissions];
      if (!permission) {
        differences.push(`${name} has no entry in mutationPermissions`);
        continue;
      }
      const roles: readonly string[] = permissions[permission];
      COLUMNS.forEach((column, i) => {
        if (!column.role) return;
        // Another municipality's coordinator acts on none of Zoersel's records.
        const expected = column !== OTHER && roles.includes(column.role) ? 'allowed' : 'FORBIDDEN';
        const actual = row.outcomes[i]!;
        if (actual.cell !== expected)
          differences.push(`${name} as ${column.name}: ${actual.cell} (${actual.detail}), expected ${expected}`);
      });
    }
    expect(differences).toEqual([]);
  });

  it("gives another municipality's coordinator none of the municipality's records", () => {
    expect(leaks).toEqual([]);
    // And its own coordinator reads them where the others are refused.
    const own = COLUMNS.indexOf(OWN);
    expect(matrix.some((r) => r.kind === 'query' && r.outcomes[own]!.detail === 'data')).toBe(true);
  });

  it("is the README's table (regenerate it with UPDATE_AUTH_MATRIX=1, never by hand)", async () => {
    expect(matrix.length).toBeGreaterThan(0);
    const detailed = markdownTable(matrix, (o) =>
      o.cell === 'allowed' && o.detail !== 'data' && o.detail !== 'allowed' ? `allowed (${o.detail})` : o.cell,
    );
    const counts: Record<string, number> = {};
    for (const row of matrix) for (const o of row.outcomes) counts[o.cell] = (counts[o.cell] ?? 0) + 1;
    const figures = {
      operations: matrix.filter((r) => r.kind !== 'field').length,
      restrictedFields: matrix.filter((r) => r.kind === 'field').map((r) => r.subject),
      columns: COLUMNS.map((c) => c.name),
      cells: counts,
      requests,
    };
    recordEvidence('authorization', figures);
    const readme = readFileSync(README, 'utf8');
    const section = await readmeSection(matrix);
    if (process.env.UPDATE_AUTH_MATRIX === '1' || fullEvidence) {
      mkdirSync(resultsDir, { recursive: true });
      writeFileSync(
        path.join(resultsDir, 'authorization.md'),
        `# Authorisation matrix\n\nGenerated by test/evidence/authorization.evidence.test.ts (${REGENERATE}). \`allowed (CODE)\`: the request got past authorisation and the domain refused that input in that state.\n\n${detailed}\n`,
      );
    }
    if (process.env.UPDATE_AUTH_MATRIX === '1') {
      const start = readme.indexOf(START);
      const end = readme.indexOf(END);
      if (start < 0 || end < start)
        throw new Error(`README.md has no ${START} … ${END} section: add the two markers under "Authorisation"`);
      writeFileSync(README, `${readme.slice(0, start)}${section}${readme.slice(end + END.length)}`);
      return;
    }
    const documented = readmeRows(readme);
    if (!documented)
      throw new Error(`README.md has no ${START} … ${END} section; add the markers, then run: ${REGENERATE}`);
    const differences: string[] = [];
    for (const row of matrix) {
      const cells = documented.get(row.subject);
      if (!cells) {
        differences.push(`${row.subject}: not in the README`);
        continue;
      }
      row.outcomes.forEach((o, i) => {
        if (cells[i] !== o.cell)
          differences.push(`${row.subject} as ${COLUMNS[i]!.name}: README says ${cells[i]}, the API answers ${o.cell}`);
      });
    }
    for (const subject of documented.keys())
      if (!matrix.some((r) => r.subject === subject)) differences.push(`${subject}: in the README, not in the API`);
    expect(
      differences,
      `The live authorisation differs from README.md's table. If the change is intended, regenerate it: ${REGENERATE}`,
    ).toEqual([]);
  });
});
