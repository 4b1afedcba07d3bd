import { useMemo, useState } from 'react';
import { useFormat } from '../i18n/format';

/** A page of a ranked list as the API answers it (a counted connection). */
export interface RankedConnection<N> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
  readonly edges: readonly { readonly node: N }[];
}

/**
 * The first page of a list and the pages read after it with "show more":
 * the nodes in order, and how to read the next page. A new first page (other
 * filters, or a refetch) starts over from it.
 */
export function useMorePages<N>(
  first: RankedConnection<N>,
  fetchAfter: (after: string) => Promise<RankedConnection<N>>,
) {
  const [more, setMore] = useState<{ readonly after: RankedConnection<N>; readonly pages: RankedConnection<N>[] }>();
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const pages = useMemo(() => (more?.after === first ? more.pages : []), [more, first]);
  const last = pages.at(-1) ?? first;
  const nodes = useMemo(() => [first, ...pages].flatMap((page) => page.edges.map((e) => e.node)), [first, pages]);
  const loadMore = () => {
    const cursor = last.pageInfo.endCursor;
    if (!cursor || loading) return;
    setLoading(true);
    setFailed(false);
    fetchAfter(cursor).then(
      (page) => {
        setMore({ after: first, pages: [...pages, page] });
        setLoading(false);
      },
      () => {
        setFailed(true);
        setLoading(false);
      },
    );
  };
  return { nodes, totalCount: last.totalCount, hasMore: last.pageInfo.hasNextPage, loadMore, loading, failed };
}

/**
 * How many of a ranked list are shown and a button for the next page; nothing
 * when the whole list fits on one page (as at the demo's scale).
 */
export function ShowMore({
  shown,
  pages,
  kind,
}: {
  shown: number;
  pages: ReturnType<typeof useMorePages<unknown>>;
  kind: 'clusters' | 'candidates';
}) {
  const f = useFormat();
  if (!pages.hasMore && shown >= pages.totalCount) return null;
  return (
    <div className="planner-more">
      <p className="small muted" aria-live="polite" style={{ margin: 0 }}>
        {f.t(`planner.${kind}.shown`, { shown: f.number(shown), total: pages.totalCount })}
      </p>
      {pages.failed && (
        <p className="notice notice--error" role="alert" style={{ margin: 0 }}>
          {f.t('planner.more.failed')}
        </p>
      )}
      {pages.hasMore && (
        <button
          type="button"
          className="button"
          onClick={pages.loadMore}
          disabled={pages.loading}
          aria-busy={pages.loading}
        >
          {pages.loading ? f.t('planner.more.loading') : f.t(`planner.${kind}.more`)}
        </button>
      )}
    </div>
  );
}
