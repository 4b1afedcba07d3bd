import { use, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { dutchAreas, type Area } from './messages';
import { useLanguage } from './locale';

const loading = new Map<Area, Promise<Readonly<Record<string, string>>>>();

/** One load per area for the page's life; a failed load is tried again on the next render. */
function load(area: Area): Promise<Readonly<Record<string, string>>> {
  const cached = loading.get(area);
  if (cached) return cached;
  const promise = dutchAreas[area]().catch((error: unknown) => {
    loading.delete(area);
    throw error;
  });
  loading.set(area, promise);
  return promise;
}

/**
 * Adds an area's Dutch messages to the ones the app started with, for the
 * page below it. Suspends while they load (the shell's Suspense shows the
 * loading state); English is loaded whole, so it passes straight through.
 */
export function AreaMessages({ area, children }: { area: Area; children: ReactNode }) {
  const { language } = useLanguage();
  const intl = useIntl();
  const messages = language === 'nl' ? use(load(area)) : undefined;
  if (!messages) return children;
  return (
    <IntlProvider
      locale={intl.locale}
      defaultLocale={intl.defaultLocale}
      // Compiled at build time like the rest (web/build/precompileMessages.ts): the same shape as intl.messages.
      messages={{ ...intl.messages, ...messages } as Record<string, string>}
    >
      {children}
    </IntlProvider>
  );
}
