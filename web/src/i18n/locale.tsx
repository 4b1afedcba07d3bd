import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { loadMessages, type Language, type StartMessages } from './messages';

const storageKey = 'werkbezoek.locale';

/** The locale react-intl formats with: Belgian Dutch, British English. */
export const intlLocale: Record<Language, string> = { nl: 'nl-BE', en: 'en-GB' };

/** Dutch unless this browser chose English before. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

interface LanguageContext {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
}

const Context = createContext<LanguageContext>({ language: 'nl', setLanguage: () => {} });

export interface Locale {
  readonly language: Language;
  readonly messages: StartMessages;
}

/** Dutch by default; English by a switch that is remembered in this browser. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial: Locale }) {
  const [locale, setLocale] = useState<Locale>(initial);
  const setLanguage = useCallback((language: Language) => {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    void loadMessages(language).then((messages) => setLocale({ language, messages }));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale.language;
  }, [locale.language]);
  const value = useMemo(() => ({ language: locale.language, setLanguage }), [locale.language, setLanguage]);
  return (
    <Context.Provider value={value}>
      <IntlProvider locale={intlLocale[locale.language]} messages={locale.messages} defaultLocale="nl-BE">
        {children}
      </IntlProvider>
    </Context.Provider>
  );
}

export function useLanguage(): LanguageContext {
  return useContext(Context);
}
