import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * The most values one list in a request may hold. Far more than any honest request sends (the longest
 * a command takes is 100 invited municipalities), and few enough that a read model's query, which asks
 * for each value of a filter with a parameter of its own, stays well within SQLite's 32,766 parameters:
 * twenty thousand lesson levels in a filter used to end in "too many SQL variables" (issue 16, found by
 * fuzzing).
 */
export const MAX_LIST_VALUES = 1_000;

/** The longest array anywhere in a JSON value (variables), walked without recursion: they may nest deep. */
export function longestArray(value: unknown): number {
  let longest = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    if (Array.isArray(next)) {
      longest = Math.max(longest, next.length);
      for (const item of next) pending.push(item);
    } else for (const item of Object.values(next as Record<string, unknown>)) pending.push(item);
  }
  return longest;
}

/** The longest list written in the document itself. */
export function longestListValue(document: DocumentNode): number {
  let longest = 0;
  visit(document, {
    ListValue(node) {
      longest = Math.max(longest, node.values.length);
    },
  });
  return longest;
}

/** Refuses a request with a list longer than `max`, in its variables or its document, before it runs. */
export function listLimitPlugin<C extends object>(max = MAX_LIST_VALUES): ApolloServerPlugin<C> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document }) => {
          const longest = Math.max(longestArray(request.variables), longestListValue(document));
          if (longest > max) {
            throw new GraphQLError(
              `A list in this request holds ${longest} values; at most ${max} are taken: send fewer, or several requests`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
