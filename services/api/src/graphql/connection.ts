import type { Page } from '@werkbezoek/projections';
import { ValidationError } from '@werkbezoek/schema';
import { Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';

// simpleResolvers: plain data, read by graphql's default resolver instead of type-graphql's
// per-field wrapper (we use no middlewares); every list resolves these for each of its rows.
@ObjectType({ description: 'Where a page of a list ends, for cursor pagination.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Counts every row that matches the list's filter; called only when `totalCount` is asked for. */
  count?: () => Promise<number>;
}

/**
 * A Relay connection type (edges { cursor node }, pageInfo) for a node type;
 * with `counted`, also `totalCount`, which a connection answers through its
 * `count` (see `TotalCountResolver`).
 */
export function ConnectionOf<T extends object>(name: string, node: ClassType<T>, options: { counted?: boolean } = {}) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  if (options.counted) {
    // Not simpleResolvers: totalCount has a resolver of its own (TotalCountResolver).
    @ObjectType(`${name}Connection`)
    class CountedConnection {
      @Field(() => [Edge])
      edges!: Edge[];

      @Field(() => PageInfo)
      pageInfo!: PageInfo;

      @Field(() => Int, {
        description: 'How many rows match the filter, on every page; counted only when asked for.',
      })
      totalCount!: number;
    }
    return CountedConnection;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

/** Resolves `totalCount` of a counted connection type by its `count`. */
export function TotalCountResolver(connection: ClassType) {
  @Resolver(() => connection)
  class CountResolver {
    @FieldResolver(() => Int)
    totalCount(@Root() root: Connection<unknown>): Promise<number> {
      if (!root.count) throw new Error('A counted connection was made without its count');
      return root.count();
    }
  }
  return CountResolver;
}

export const MAX_PAGE = 100;

/** Checks a page size: 1 to 100, 20 when not given. */
export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return 20;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new ValidationError(`first must be between 1 and ${MAX_PAGE}, not ${first}`, ['first']);
  }
  return first;
}

/**
 * An edge that reads its cursor through from the page's edge, so a page whose
 * cursors are not asked for does not encode them. The getter is on the
 * prototype: an object literal with a getter costs dozens of times as much to
 * make, and a list makes one per row.
 */
class ThroughEdge<T, N> {
  constructor(
    private readonly edge: Page<T>['edges'][number],
    readonly node: N,
  ) {}

  get cursor(): string {
    return this.edge.cursor;
  }
}

export function toConnection<T, N>(page: Page<T>, map: (node: T) => N): Connection<N> {
  return {
    edges: page.edges.map((e) => new ThroughEdge(e, map(e.node))),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
  };
}
