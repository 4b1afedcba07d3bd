/*
 * How a stored text names a VVSG staff member: by id, as the token
 * ⟦staff:<staffMemberId>⟧, never by name. The reader puts the staff member's
 * current name in its place (renderStaffTokens), or ERASED_VALUE once they
 * were erased. A text is encrypted with the key of the record it belongs to
 * (an assessment's explanation: the request's), not with the staff member's,
 * so a name written into it would outlive their erasure; an id does not say
 * who it is once the staff read model forgets them.
 *
 * The brackets are U+27E6 and U+27E7 (mathematical white square brackets):
 * no name, code or sentence the platform writes holds them, so a token cannot
 * be mistaken for text, nor text for a token.
 */

const OPEN = '\u27E6';
const CLOSE = '\u27E7';
const PREFIX = `${OPEN}staff:`;

/** A token: the brackets, `staff:`, and an id without brackets or spaces. */
const TOKEN = new RegExp(`${OPEN}staff:([^${OPEN}${CLOSE}\\s]+)${CLOSE}`, 'gu');

/**
 * The token that stands for a staff member in a stored text.
 *
 * @example
 * `${staffToken(best.staffMemberId)} heeft er het meest vrij in 2027: 188.`
 * // '⟦staff:0190c6a1-…⟧ heeft er het meest vrij in 2027: 188.'
 */
export function staffToken(staffMemberId: string): string {
  if (staffMemberId === '' || /[\s\u27E6\u27E7]/u.test(staffMemberId))
    throw new Error(`A staff token needs an id without spaces or ⟦⟧ brackets, such as a UUID; got "${staffMemberId}"`);
  return `${PREFIX}${staffMemberId}${CLOSE}`;
}

/** Whether the text holds a staff token (a quick test before the lookup of names). */
export function hasStaffTokens(text: string): boolean {
  return text.includes(PREFIX);
}

/** The ids of the staff members the texts name by token, each once, in the order they first appear. */
export function staffTokenIds(texts: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const text of texts) {
    if (!hasStaffTokens(text)) continue;
    for (const match of text.matchAll(TOKEN)) ids.add(match[1]!);
  }
  return [...ids];
}

/**
 * The text with each staff token replaced by `nameOf(id)`: the staff member's
 * current name, or ERASED_VALUE for one who was erased or is not known.
 *
 * @example
 * renderStaffTokens(sentence, (id) => names.get(id) ?? ERASED_VALUE)
 */
export function renderStaffTokens(text: string, nameOf: (staffMemberId: string) => string): string {
  return hasStaffTokens(text) ? text.replace(TOKEN, (_, id: string) => nameOf(id)) : text;
}
