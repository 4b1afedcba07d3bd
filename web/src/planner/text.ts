/**
 * A planner's free text (a rationale, a reason) is shown in the language it
 * was written in, whatever the UI's language: its dates are written out in
 * that language, and it carries `lang` so a screen reader pronounces it right.
 */
export type TextLanguage = 'nl' | 'en';

const dutch = new Set([
  'de',
  'het',
  'een',
  'en',
  'van',
  'in',
  'op',
  'voor',
  'tussen',
  'bezoeken',
  'is',
  'niet',
  'dezelfde',
  'hun',
]);
const english = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'in',
  'on',
  'for',
  'between',
  'visit',
  'is',
  'not',
  'same',
  'their',
]);

/** The language most of its common words belong to; undefined when it cannot tell. */
export function textLanguage(text: string): TextLanguage | undefined {
  let nl = 0;
  let en = 0;
  for (const word of text.toLowerCase().split(/[^a-zà-ÿ]+/)) {
    if (dutch.has(word)) nl++;
    if (english.has(word)) en++;
  }
  if (nl === en) return undefined;
  return nl > en ? 'nl' : 'en';
}

const isoDate = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** Its ISO dates (2027-02-10) written out in the language: "10 februari 2027", "10 February 2027". */
export function writeDates(text: string, language: TextLanguage): string {
  const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-BE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  return text.replace(isoDate, (match) => {
    const date = new Date(`${match}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? match : format.format(date);
  });
}
