import type { ReactNode } from 'react';

export type Tone = 'ok' | 'bad' | 'warn' | 'info' | 'muted';

const icons: Record<Tone, string> = { ok: '✓', bad: '✕', warn: '!', info: '•', muted: '–' };

/** The label carries the meaning; the icon and colour repeat it. */
export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`badge badge--${tone}`}>
      <span aria-hidden="true">{icons[tone]}</span>
      {children}
    </span>
  );
}
