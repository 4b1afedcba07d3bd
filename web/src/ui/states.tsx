import type { CombinedError } from 'urql';
import { describeError, errorKind } from '../graphql/errors';
import { useFormat } from '../i18n/format';

/** A failed query: what went wrong in words, and a retry. */
export function ErrorState({ error, retry, role }: { error: CombinedError; retry?: () => void; role?: string }) {
  const f = useFormat();
  const kind = errorKind(error);
  return (
    <div className="notice notice--error" role="alert">
      <h2>{f.t(kind === 'forbidden' ? 'state.forbidden.title' : 'state.error.title')}</h2>
      <p>{describeError(error, f, role)}</p>
      {retry && kind !== 'forbidden' && (
        <button type="button" className="button" onClick={retry}>
          {f.t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading({ lines = 3 }: { lines?: number }) {
  const f = useFormat();
  return (
    <div role="status" aria-live="polite">
      <span className="visually-hidden">{f.t('state.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div
          key={i}
          className="skeleton"
          style={{ height: i === 0 ? 24 : 16, width: `${90 - i * 12}%`, marginBottom: 8 }}
        />
      ))}
    </div>
  );
}
