import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

function eachField(
  set: SelectionSetNode,
  fragments: Fragments,
  visit: (field: FieldNode) => void,
  spread: Set<string> = new Set(),
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) eachField(selection.selectionSet, fragments, visit, spread);
    else {
      const fragment = fragments[selection.name.value];
      if (!fragment || spread.has(fragment.name.value)) continue;
      spread.add(fragment.name.value);
      eachField(fragment.selectionSet, fragments, visit, spread);
    }
  }
}

function collect(
  set: SelectionSetNode,
  fragments: Fragments,
  under: readonly string[],
  prefix: string,
  out: Set<string>,
) {
  eachField(set, fragments, (field) => {
    const name = field.name.value;
    if (name.startsWith('__')) return;
    if (under.length > 0) {
      if (name === under[0] && field.selectionSet) collect(field.selectionSet, fragments, under.slice(1), prefix, out);
      return;
    }
    out.add(prefix + name);
    if (field.selectionSet) collect(field.selectionSet, fragments, under, `${prefix}${name}.`, out);
  });
}

// Apollo keeps each parsed document, so a field node stands for the same selection on every request.
const cache = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

function pathsOf(node: FieldNode, fragments: Fragments, under: readonly string[]): ReadonlySet<string> {
  let byPath = cache.get(node);
  if (!byPath) cache.set(node, (byPath = new Map<string, ReadonlySet<string>>()));
  const key = under.join('.');
  let paths = byPath.get(key);
  if (!paths) {
    const out = new Set<string>();
    if (node.selectionSet) collect(node.selectionSet, fragments, under, '', out);
    byPath.set(key, (paths = out));
  }
  return paths;
}

/**
 * The fields a query asks for below the resolver's field, at `under` (e.g.
 * `['edges', 'node']` of a connection), as dotted paths (`status`,
 * `assessment`, `assessment.recommendation`), so that the resolver reads only
 * what they need. Fragments count whatever their type condition and
 * `@skip`/`@include` are ignored: at worst a little more is read than shown.
 */
export function selectedPaths(info: GraphQLResolveInfo, under: readonly string[] = []): ReadonlySet<string> {
  const [only, ...more] = info.fieldNodes;
  if (only && more.length === 0) return pathsOf(only, info.fragments, under);
  const all = new Set<string>();
  for (const node of info.fieldNodes) for (const path of pathsOf(node, info.fragments, under)) all.add(path);
  return all;
}
