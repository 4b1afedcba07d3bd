import { Children, startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * Mounts its children one after another, each once the browser has painted
 * the one before: a page of charts shows its first chart at once, and the
 * main thread is never held for the whole page (a chart costs tens of
 * milliseconds to lay out). Until its turn, a child is a placeholder of a
 * chart card's size, so nothing below it moves when it arrives.
 */
export function Staggered({ children }: { children: ReactNode }) {
  const items = Children.toArray(children);
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= items.length) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown((n) => n + 1)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, items.length]);
  return items.map((item, index) =>
    index < shown ? item : <div key={`placeholder-${index}`} className="card chart-placeholder" aria-hidden="true" />,
  );
}
