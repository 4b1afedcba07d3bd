import { ContactChannels, Programmes, type Vocabulary, type VocabularyEntry } from '@werkbezoek/schema';
import { registerEnumType } from 'type-graphql';

// The same shape as graphql/enums.ts's enumOf; kept here because that file is shared. Move them there when convenient.
function enumOf<C extends string>(
  vocabulary: Vocabulary<C, VocabularyEntry<C>>,
  name: string,
  description: string,
): Record<C, C> {
  const values = Object.fromEntries(vocabulary.codes.map((c) => [c, c])) as Record<C, C>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      vocabulary.entries.map((e) => [e.code, { description: `${e.label.nl} / ${e.label.en}` }]),
    ) as never,
  });
  return values;
}

export const ContactChannel = enumOf(
  ContactChannels,
  'ContactChannel',
  'How a conversation with a municipality or partner took place.',
);
export const Programme = enumOf(Programmes, 'Programme', 'The funding programme a twinning falls under.');
