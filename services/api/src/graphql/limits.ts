import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  /** Deepest nesting of fields. */
  readonly maxDepth: number;
  /** Each field costs 1, multiplied by the page size (`first`, default 50) of the lists around it. */
  readonly maxCost: number;
  /**
   * Fields asked for under another name. Each alias of a field runs its resolver again, whatever the
   * resolver costs: two thousand aliases of one report (190 kB) held the server for over 20 s. The web UI
   * uses none. Default: defaultLimits.maxAliases.
   */
  readonly maxAliases?: number;
}

export const defaultLimits = { maxDepth: 10, maxCost: 20_000, maxAliases: 20 } as const satisfies QueryLimits;

function pageSize(args: readonly ArgumentNode[], variables: Record<string, unknown>): number {
  const first = args.find((a) => a.name.value === 'first');
  if (!first) return 1;
  const value = first.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : 50;
  }
  return 50;
}

/** A selection set's nesting below its own level, its cost per unit of the page sizes around it, its aliases. */
interface Measure {
  readonly depth: number;
  readonly cost: number;
  readonly aliases: number;
}

/**
 * Validation rules that refuse queries nested deeper than `maxDepth` or more
 * expensive than `maxCost` before they run. Each fragment is measured once:
 * expanding every spread where it stands would take time exponential in the
 * document (ten fragments of ten spreads each, 600 bytes, kept the server
 * busy for minutes; the fuzzing suite of issue 16 found it).
 */
export function limitRules(limits: QueryLimits, variables: () => Record<string, unknown> = () => ({})) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const measured = new Map<string, Measure>();
    const measuring = new Set<string>();
    function measureFragment(name: string): Measure {
      const known = measured.get(name);
      if (known) return known;
      const fragment = fragments.get(name);
      // An unknown fragment, or a cycle (both refused by graphql-js's own rules), costs nothing here.
      if (!fragment || measuring.has(name)) return { depth: 0, cost: 0, aliases: 0 };
      measuring.add(name);
      const measure = measureSet(fragment.selectionSet);
      measuring.delete(name);
      measured.set(name, measure);
      return measure;
    }
    function measureSet(set: SelectionSetNode): Measure {
      let depth = 0;
      let cost = 0;
      let aliases = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases += 1;
          if (selection.name.value.startsWith('__')) continue;
          cost += 1;
          if (selection.selectionSet) {
            const inner = measureSet(selection.selectionSet);
            depth = Math.max(depth, 1 + inner.depth);
            cost += Math.max(1, pageSize(selection.arguments ?? [], variables())) * inner.cost;
            aliases += inner.aliases;
          }
        } else {
          const inner =
            selection.kind === Kind.INLINE_FRAGMENT
              ? measureSet(selection.selectionSet)
              : measureFragment(selection.name.value);
          depth = Math.max(depth, inner.depth);
          cost += inner.cost;
          aliases += inner.aliases;
        }
      }
      return { depth, cost, aliases };
    }
    return {
      OperationDefinition(node) {
        const measure = measureSet(node.selectionSet);
        const depth = 1 + measure.depth;
        const cost = measure.cost;
        const maxAliases = limits.maxAliases ?? defaultLimits.maxAliases;
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`The query nests ${depth} levels deep; at most ${limits.maxDepth} are allowed`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_COMPLEX' },
            }),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(
              `The query would cost ${Number.isSafeInteger(cost) ? cost : `about ${cost.toPrecision(2)}`} (fields × page sizes); at most ${limits.maxCost} is allowed: ask for smaller pages or fewer fields`,
              { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } },
            ),
          );
        }
        if (measure.aliases > maxAliases) {
          context.reportError(
            new GraphQLError(
              `The query renames ${measure.aliases} fields with aliases; at most ${maxAliases} are allowed: ask for each field once, and for several records through a list`,
              { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } },
            ),
          );
        }
      },
    };
  };
}
