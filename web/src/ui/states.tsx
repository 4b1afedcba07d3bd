import { useEffect, useRef } from 'react';
import type { CombinedError } from 'urql';
import { apiMessage, describeError, errorKind } from '../graphql/errors';
import { isDefiniteAnswer } from '../graphql/idempotency';
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

/**
 * A failed mutation. When its outcome is open (no answer came, or the API
 * says to send it again) it says the change may already be stored and offers
 * "Opnieuw proberen", which sends the same mutation again: the same
 * Idempotency-Key goes with it (graphql/idempotency.ts), so it is stored at
 * most once. `retry` sends it; without one, the button submits the form this
 * sits in (its handler sends the same variables again). An Idempotency-Key
 * refusal is the client's bug: it says so and offers a reload. Focus moves to
 * the message, so a keyboard or screen-reader user lands on it and its button.
 */
export function MutationError({ error, retry, role }: { error: CombinedError; retry?: () => void; role?: string }) {
  const f = useFormat();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [error]);
  const kind = errorKind(error);
  const open = !isDefiniteAnswer({ error, data: undefined });
  if (!open && kind !== 'idempotencyKey') {
    return (
      <div ref={box} tabIndex={-1} className="mutation-error">
        <ErrorState error={error} role={role} />
      </div>
    );
  }
  return (
    <div ref={box} tabIndex={-1} className="notice notice--error" role="alert">
      <h2>{f.t(open ? 'state.mutation.openTitle' : 'state.mutation.bugTitle')}</h2>
      <p>
        {open
          ? kind === 'network'
            ? f.t('state.mutation.noAnswer')
            : f.t('state.mutation.retryable', { message: apiMessage(error) })
          : describeError(error, f, role)}
      </p>
      {open ? (
        <button
          type={retry ? 'button' : 'submit'}
          className="button button--primary"
          onClick={retry ? () => retry() : undefined}
        >
          {f.t('state.retry')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {f.t('state.reload')}
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
