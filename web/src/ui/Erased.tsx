import type { ReactNode } from 'react';
import { useT } from '../i18n/format';

/** What the API returns in place of a person's data once it was erased (ERASED_VALUE of the schema). */
export const ERASED = '[gewist]';

/** A muted "gewist" / "erased" badge, said as such by screen readers. */
export function ErasedBadge() {
  const t = useT();
  return (
    <span className="badge badge--muted badge--erased" title={t('erased.title')}>
      {t('erased')}
    </span>
  );
}

/**
 * A name or a text that may have been erased: "[gewist]" becomes the badge,
 * also inside a sentence ("[gewist] heeft er het meest vrij"); anything else
 * is shown as it is.
 */
export function Personal({ value, fallback }: { value: string | null | undefined; fallback?: ReactNode }) {
  if (value === null || value === undefined || value === '') return fallback ?? null;
  if (!value.includes(ERASED)) return value;
  const parts = value.split(ERASED);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && <ErasedBadge />}
        </span>
      ))}
    </>
  );
}
