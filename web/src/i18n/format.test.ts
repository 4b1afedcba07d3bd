import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { createIntl } from 'react-intl';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters } from './format';
import { intlLocale } from './locale';
import { english } from './english';
import { loadAllMessages, type Language, type Messages } from './messages';

// Every Dutch message, the areas loaded with their pages included.
const messages: Record<Language, Messages> = { nl: english, en: english };
beforeAll(async () => {
  messages.nl = await loadAllMessages('nl');
});

const f = (language: Language) =>
  formatters(createIntl({ locale: intlLocale[language], messages: messages[language] }));

describe('the message catalogues', () => {
  it('have the same messages in Dutch and English, each a valid ICU message', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.nl).sort());
    for (const language of ['nl', 'en'] as const) {
      for (const [id, text] of Object.entries(messages[language])) {
        expect(() => new IntlMessageFormat(text, intlLocale[language]), `${language} ${id}`).not.toThrow();
      }
    }
  });
});

/** The arguments a message takes, at any depth (plural branches included). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal) into.add(String(element.value));
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe('translations', () => {
  it('use the same arguments as the Dutch source, so no figure goes missing in one language', () => {
    for (const [id, text] of Object.entries(messages.nl)) {
      const en = messages.en[id as keyof typeof messages.en];
      expect([...argumentsOf(parse(en))].sort(), id).toEqual([...argumentsOf(parse(text))].sort());
    }
  });
});

describe('formatting in both languages', () => {
  it('writes dates as people read them, in UTC so no time zone moves a day', () => {
    expect(f('nl').date('2026-03-21')).toBe('21 maart 2026');
    expect(f('en').date('2026-03-21')).toBe('21 March 2026');
    expect(f('nl').date(null)).toBe('—');
    expect(f('nl').date('2026-01-01')).toBe('1 januari 2026');
  });

  it('rewrites the ISO dates inside the API’s sentences, and leaves other numbers alone', () => {
    expect(f('nl').sentence('De laatste begeleiding eindigde op 2026-03-21; 24 maanden.')).toBe(
      'De laatste begeleiding eindigde op 21 maart 2026; 24 maanden.',
    );
    expect(f('en').sentence('The last accompanied visit ended on 2026-03-21.')).toBe(
      'The last accompanied visit ended on 21 March 2026.',
    );
    expect(f('en').sentence('Code 2026-13-45 is not a date')).toBe('Code 2026-13-45 is not a date');
  });

  it('pluralises days, requests and municipalities', () => {
    expect([f('nl').days(1), f('nl').days(2.5), f('en').days(1), f('en').days(14)]).toEqual([
      '1 dag',
      '2,5 dagen',
      '1 day',
      '14 days',
    ]);
    expect(f('nl').t('pager.summary', { count: 0 })).toBe('Geen aanvragen');
    expect(f('nl').t('pager.summary', { count: 1 })).toBe('1 aanvraag');
    expect(f('en').t('pager.summary', { count: 1234 })).toBe('1,234 requests');
    expect(f('nl').t('unit.municipalities', { count: 3 })).toBe('3 gemeenten');
  });

  it('writes amounts, numbers, percentages and quarters in the language’s conventions', () => {
    expect(f('nl').euro(12345)).toBe('€\u00a012.345'); // a no-break space keeps € with its amount
    expect(f('en').euro(12345)).toBe('€12,345');
    expect(f('nl').number(1234.56, 1)).toBe('1.234,6');
    expect(f('en').percent(0.756)).toBe('76%');
    expect(f('nl').percent(null)).toBe('—');
    expect(f('nl').quarter('2026-Q3')).toBe('K3 2026');
    expect(f('en').quarter('2026-Q3')).toBe('Q3 2026');
  });
});
