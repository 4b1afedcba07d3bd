import { useFormat } from '../i18n/format';

/**
 * First, previous and next for a list paged by Relay cursors, kept as a
 * trail (the cursors of the pages before this one) so "previous" works from
 * a link too.
 */
export function Pager({
  trail,
  pageInfo,
  goTo,
}: {
  trail: readonly string[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  goTo: (trail: string[]) => void;
}) {
  const f = useFormat();
  const next = pageInfo.hasNextPage ? pageInfo.endCursor : null;
  return (
    <nav className="pager" aria-label={f.t('pager.page', { page: trail.length + 1 })}>
      <div className="row">
        <button type="button" className="button" disabled={!trail.length} onClick={() => goTo([])}>
          {f.t('pager.first')}
        </button>
        <button type="button" className="button" disabled={!trail.length} onClick={() => goTo(trail.slice(0, -1))}>
          {f.t('pager.previous')}
        </button>
      </div>
      <button type="button" className="button" disabled={!next} onClick={() => next && goTo([...trail, next])}>
        {f.t('pager.next')}
      </button>
    </nav>
  );
}
