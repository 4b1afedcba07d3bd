import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { LivePlatform } from '../e2e/harness.js';

/*
 * The operations of the live API, found from its schema rather than listed by
 * hand (issue 16): every field of Query and Mutation with its arguments, a
 * document that calls it, and plausible values for its arguments by their
 * names, so that a field added to the schema is fuzzed and put in the
 * authorisation matrix without a change here.
 */

export type OperationKind = 'query' | 'mutation';

export interface Operation {
  readonly kind: OperationKind;
  readonly field: GraphQLField<unknown, unknown>;
  /** `Query.lessons`, `Mutation.recordLesson`. */
  readonly coordinate: string;
}

/** The live server's schema, introspected over HTTP as `token`. */
export async function liveSchema(live: LivePlatform, token: string): Promise<GraphQLSchema> {
  const response = await live.gql<IntrospectionQuery>(token, getIntrospectionQuery());
  if (!response.data || response.errors?.length)
    throw new Error(`Introspection failed: ${JSON.stringify(response.errors)}`);
  return buildClientSchema(response.data);
}

/** Every field of Query, then every field of Mutation, in the schema's order. */
export function operationsOf(schema: GraphQLSchema): Operation[] {
  const of = (kind: OperationKind) => {
    const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({
      kind,
      field,
      coordinate: `${type!.name}.${field.name}`,
    }));
  };
  return [...of('query'), ...of('mutation')];
}

/** A document calling one operation with its arguments as variables, e.g. `mutation($input: X!) { f(input: $input) { id } }`. */
export function operationDocument(
  operation: Operation,
  argumentNames: readonly string[],
  selection: string,
  alias?: string,
): string {
  const args = operation.field.args.filter((a) => argumentNames.includes(a.name));
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${operation.kind}${definitions ? `(${definitions})` : ''} { ${alias ? `${alias}: ` : ''}${operation.field.name}${
    call ? `(${call})` : ''
  }${selection ? ` ${selection}` : ''} }`;
}

/**
 * A selection of an output type: its leaf fields without required arguments,
 * and its object fields to `depth` levels (`__typename` alone at the bottom),
 * each only if `keep` keeps its coordinate (`Mission.id`, `leaf` telling which
 * kind it is). Empty for a leaf type.
 */
export function selectionOf(
  type: GraphQLOutputType,
  depth: number,
  keep: (coordinate: string, leaf: boolean) => boolean = () => true,
): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isAbstractType(named) || depth <= 0 || !isObjectType(named)) return '{ __typename }';
  const parts: string[] = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const leaf = isLeafType(getNamedType(field.type));
    if (!keep(`${named.name}.${field.name}`, leaf)) continue;
    if (leaf) parts.push(field.name);
    else if (depth > 1) parts.push(`${field.name} ${selectionOf(field.type, depth - 1, keep)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The ids a world holds, by the names arguments and input fields give them. */
export interface KnownIds {
  readonly twinningId: string;
  readonly requestId: string;
  readonly missionId: string;
  readonly activityId: string;
  readonly lessonId: string;
  readonly staffMemberId: string;
  readonly jointMissionId: string;
  readonly regionalEventId: string;
  readonly erasureId: string;
  readonly subjectId: string;
  /** Requests a joint mission can bundle (undecided, in one country). */
  readonly requestIds: readonly string[];
}

export interface PlausibleContext {
  readonly ids: KnownIds;
  /** The municipality the ids belong to, and another one. */
  readonly nisCode: string;
  readonly otherNisCode: string;
  /** The platform's date: visits lie after it, records on it. */
  readonly today: string;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** What an id-typed argument or field of this name refers to; `id` names the thing its field reads (`mission(id)`). */
function idFor(name: string, owner: string | undefined, ids: KnownIds): string | undefined {
  const aliases: Record<string, keyof KnownIds> = {
    authorStaffMemberId: 'staffMemberId',
    accompanimentRequestId: 'requestId',
  };
  const key = name === 'id' && owner ? `${owner}Id` : name;
  const value = ids[aliases[key] ?? (key as keyof KnownIds)];
  return typeof value === 'string' ? value : undefined;
}

function stringFor(name: string, context: PlausibleContext): string {
  const year = Number(context.today.slice(0, 4));
  const byName: Record<string, string> = {
    nisCode: context.nisCode,
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    email: 'els.peeters@example.org',
    name: 'Els Peeters',
    partnerName: 'Bohicon',
    title: 'Een stedenbandcomité met beide pijlers',
    fromQuarter: `${year - 9}-Q1`,
    toQuarter: `${year + 1}-Q4`,
    caseReference: `AVG-${year}-0142`,
    policyDomain: 'LOCAL_GOVERNANCE',
    search: 'comité',
  };
  return byName[name] ?? 'Een korte toelichting bij dit verzoek';
}

function dateFor(name: string, today: string): string {
  const byName: Record<string, string> = {
    startDate: addDays(today, 90),
    endDate: addDays(today, 94),
    // A period within one calendar year: the planner's queries take at most that.
    from: `${today.slice(0, 4)}-01-01`,
    to: `${today.slice(0, 4)}-12-31`,
    since: '2015-01-01',
  };
  return byName[name] ?? today;
}

function numberFor(name: string, scalar: 'Int' | 'Float', today: string): number {
  const year = Number(today.slice(0, 4));
  const byName: Record<string, number> = {
    year,
    fromYear: year - 9,
    toYear: year + 1,
    delegationSize: 4,
    daysPerYear: 40,
    days: 20,
    daysSpent: 2,
    first: 10,
    windowDays: 14,
    sdgs: 11,
    amountEur: 15_000,
    budgetEur: 4_000,
    costEur: 3_500,
    estimatedCostEur: 3_500,
  };
  return byName[name] ?? (scalar === 'Int' ? 1 : 1.5);
}

/** Lists whose element needs a value of its own: codes that are strings in the schema, several ids. */
function listFor(name: string, context: PlausibleContext): unknown[] | undefined {
  const byName: Record<string, unknown[]> = {
    policyDomains: ['LOCAL_GOVERNANCE'],
    themes: ['LOCAL_GOVERNANCE'],
    regionCodes: ['BJ-ZO'],
    countryCodes: ['BJ'],
    invitedNisCodes: [context.nisCode, context.otherNisCode],
    requestIds: [...context.ids.requestIds],
    staffMemberIds: [context.ids.staffMemberId],
    sdgs: [11],
  };
  return byName[name];
}

/**
 * A value of `type` that the schema accepts and the domain probably does:
 * known ids by name, dates around today, the first value of an enum; input
 * objects with their required fields (all fields with `optional`).
 */
export function plausibleValue(
  type: GraphQLInputType,
  name: string,
  context: PlausibleContext,
  options: { optional?: boolean } = {},
  owner?: string,
): unknown {
  if (isNonNullType(type)) return plausibleValue(type.ofType, name, context, options, owner);
  if (isListType(type)) return listFor(name, context) ?? [plausibleValue(type.ofType, name, context, options, owner)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || options.optional) value[field.name] = plausibleValue(field.type, field.name, context, options);
    }
    return value;
  }
  switch (type.name) {
    case 'ID':
      return idFor(name, owner, context.ids) ?? '0190a5b2-7c1e-7000-8000-000000000000';
    case 'String':
      return stringFor(name, context);
    case 'LocalDate':
      return dateFor(name, context.today);
    case 'Int':
    case 'Float':
      return numberFor(name, type.name, context.today);
    case 'Boolean':
      return false;
    default:
      throw new Error(`No plausible value for the scalar ${type.name} (${name}): add one to schemaOperations.ts`);
  }
}

/** Plausible values for a field's required arguments (and its optional ones with `optional`). */
export function plausibleArguments(
  field: { readonly name: string; readonly args: readonly GraphQLArgument[] },
  context: PlausibleContext,
  options: { optional?: boolean } = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    if (required || options.optional)
      values[arg.name] = plausibleValue(arg.type, arg.name, context, options, field.name);
  }
  return values;
}
