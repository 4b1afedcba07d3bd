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
}

export const defaultLimits: QueryLimits = { maxDepth: 10, maxCost: 20_000 };

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

/**
 * Validation rules that refuse queries nested deeper than `maxDepth` or more
 * expensive than `maxCost` before they run.
 */
export function limitRules(limits: QueryLimits, variables: () => Record<string, unknown> = () => ({})) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    function measure(
      set: SelectionSetNode,
      depth: number,
      multiplier: number,
      seen: Set<string>,
    ): { depth: number; cost: number } {
      let maxDepth = depth;
      let cost = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          const size = pageSize(selection.arguments ?? [], variables());
          const fieldCost = multiplier;
          cost += fieldCost;
          if (selection.selectionSet) {
            const inner = measure(selection.selectionSet, depth + 1, multiplier * Math.max(1, size), seen);
            maxDepth = Math.max(maxDepth, inner.depth);
            cost += inner.cost;
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const inner = measure(selection.selectionSet, depth, multiplier, seen);
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(fragment.name.value)) continue;
          const inner = measure(fragment.selectionSet, depth, multiplier, new Set([...seen, fragment.name.value]));
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        }
      }
      return { depth: maxDepth, cost };
    }
    return {
      OperationDefinition(node) {
        const { depth, cost } = measure(node.selectionSet, 1, 1, new Set());
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
              `The query would cost ${cost} (fields × page sizes); at most ${limits.maxCost} is allowed: ask for smaller pages or fewer fields`,
              { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } },
            ),
          );
        }
      },
    };
  };
}
