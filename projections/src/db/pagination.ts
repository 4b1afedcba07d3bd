import { ValidationError } from '@werkbezoek/schema';

export interface PageRequest {
  readonly first?: number;
  readonly after?: string;
}

export interface Page<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly hasNextPage: boolean;
}

/** An opaque cursor: the sort key of the last row seen. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * An edge whose cursor is encoded when read. The getter is on the prototype:
 * an object literal with a getter costs dozens of times as much to make.
 */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly key: (node: T) => readonly unknown[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.key(this.node));
  }
}

/**
 * The edges of a page, each cursor encoded only when read: an encoding costs
 * about as much as reading a row's few fields, and most pages are shown with
 * only their endCursor.
 */
export function edgesOf<T>(nodes: readonly T[], key: (node: T) => readonly unknown[]): Page<T>['edges'] {
  return nodes.map((node) => new LazyEdge(node, key));
}

export function decodeCursor<T extends unknown[]>(cursor: string, shape?: readonly ('string' | 'number')[]): T {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const fits = (k: unknown[]) =>
      !shape || (k.length === shape.length && shape.every((type, i) => typeof k[i] === type));
    if (Array.isArray(key) && fits(key)) return key as T;
  } catch {
    // fall through
  }
  throw new ValidationError(`"${cursor}" is not a cursor this list handed out; use an endCursor from an earlier page`, [
    'after',
  ]);
}
