import { z } from 'zod';

export interface Label {
  readonly nl: string;
  readonly en: string;
}

export type Language = keyof Label;

export interface VocabularyEntry<C extends string> {
  readonly code: C;
  readonly label: Label;
}

/**
 * A closed list of codes with their Dutch and English labels. The codes are
 * what events store and the API exposes; labels are only for people.
 */
export interface Vocabulary<C extends string, E extends VocabularyEntry<C>> {
  readonly name: string;
  readonly codes: readonly [C, ...C[]];
  readonly entries: readonly E[];
  readonly schema: z.ZodEnum<{ [K in C]: K }>;
  get(code: C): E;
  label(code: C, language?: Language): string;
  is(value: unknown): value is C;
}

export function vocabulary<const Es extends readonly [VocabularyEntry<string>, ...VocabularyEntry<string>[]]>(
  name: string,
  entries: Es,
): Vocabulary<Es[number]['code'], Es[number]> {
  type E = Es[number];
  type C = E['code'];
  const byCode = new Map<string, E>(entries.map((e) => [e.code, e]));
  const codes = entries.map((e) => e.code) as unknown as readonly [C, ...C[]];
  return {
    name,
    codes,
    entries,
    schema: z.enum(codes, {
      error: (issue) => `unknown ${name} ${JSON.stringify(issue.input)}; expected one of ${codes.join(', ')}`,
    }),
    get(code) {
      const entry = byCode.get(code);
      if (!entry) throw new RangeError(`Unknown ${name} "${code}"; expected one of ${codes.join(', ')}`);
      return entry;
    },
    label(code, language = 'nl') {
      return this.get(code).label[language];
    },
    is(value): value is C {
      return typeof value === 'string' && byCode.has(value);
    },
  };
}
