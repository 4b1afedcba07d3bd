import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { VocabulariesQuery } from '../gql/graphql';
import { useLanguage } from '../i18n/locale';
import type { Language } from '../i18n/messages';
import type { Option } from '../ui/SelectField';

const VocabulariesDocument = graphql(`
  query Vocabularies {
    vocabularies {
      missionTypes {
        code
        rank
        label {
          nl
          en
        }
      }
      additionalReasons {
        code
        derivable
        label {
          nl
          en
        }
      }
      declineReasons {
        code
        label {
          nl
          en
        }
      }
      decisions {
        code
        label {
          nl
          en
        }
      }
      requestStatuses {
        code
        label {
          nl
          en
        }
      }
      activities {
        code
        phase
        label {
          nl
          en
        }
      }
      phases {
        code
        label {
          nl
          en
        }
      }
      policyDomains {
        code
        label {
          nl
          en
        }
      }
      regions {
        code
        countryCode
        label {
          nl
          en
        }
      }
      roles {
        code
        label {
          nl
          en
        }
      }
      erasureReasons {
        code
        label {
          nl
          en
        }
      }
      erasureStatuses {
        code
        label {
          nl
          en
        }
      }
      dataSubjectKinds {
        code
        label {
          nl
          en
        }
      }
    }
  }
`);

type Data = VocabulariesQuery['vocabularies'];
export type VocabularyKind = Exclude<keyof Data, '__typename'>;

export interface Vocabulary {
  readonly data: Data | undefined;
  /** The label of a code in the chosen language; the code itself while loading or when unknown. */
  readonly label: (kind: VocabularyKind, code: string | null | undefined) => string;
  /** A country's name in the chosen language (CLDR through Intl). */
  readonly country: (code: string | null | undefined) => string;
  /** "Zou (Benin)" */
  readonly region: (code: string | null | undefined) => string;
  readonly missionRank: (code: string) => number | undefined;
  /** A vocabulary's codes with their labels, in the vocabulary's order, for a choice. */
  readonly options: (kind: VocabularyKind) => Option[];
  /** The countries the programme's regions lie in, by name. */
  readonly countries: Option[];
}

function build(data: Data | undefined, language: Language): Vocabulary {
  const maps = new Map<VocabularyKind, Map<string, string>>();
  if (data) {
    for (const [kind, entries] of Object.entries(data) as [
      VocabularyKind,
      { code: string; label: { nl: string; en: string } }[],
    ][]) {
      if (!Array.isArray(entries)) continue;
      maps.set(kind, new Map(entries.map((entry) => [entry.code, entry.label[language]])));
    }
  }
  const names = new Intl.DisplayNames([language === 'nl' ? 'nl-BE' : 'en-GB'], { type: 'region' });
  const country = (code: string | null | undefined) => {
    if (!code) return '—';
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const label = (kind: VocabularyKind, code: string | null | undefined) =>
    code ? (maps.get(kind)?.get(code) ?? code) : '—';
  const options = (kind: VocabularyKind): Option[] =>
    [...(maps.get(kind) ?? new Map<string, string>())].map(([value, text]) => ({ value, label: text }));
  const countries = [...new Set(data?.regions.map((r) => r.countryCode) ?? [])]
    .map((code) => ({ value: code, label: country(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return {
    data,
    label,
    country,
    region: (code) => {
      if (!code) return '—';
      const name = maps.get('regions')?.get(code);
      return name ? `${name} (${country(code.slice(0, 2))})` : code;
    },
    missionRank: (code) => data?.missionTypes.find((m) => m.code === code)?.rank,
    options,
    countries,
  };
}

const Context = createContext<Vocabulary>(build(undefined, 'nl'));

/** Loads the vocabularies once per session; labels follow the language switch. */
export function VocabularyProvider({ children }: { children: ReactNode }) {
  const [{ data }] = useQuery({ query: VocabulariesDocument });
  const { language } = useLanguage();
  const value = useMemo(() => build(data?.vocabularies, language), [data, language]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useVocabulary(): Vocabulary {
  return useContext(Context);
}
