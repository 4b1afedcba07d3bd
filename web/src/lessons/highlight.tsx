/** Where a match starts and ends in the API's highlighted text (see LessonHighlight in the schema). */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export interface HighlightPart {
  readonly text: string;
  readonly match: boolean;
}

/**
 * The API's highlighted text as plain parts, each a match or not. Markers
 * are only split on, never read as markup; a start without its end marks the
 * rest, stray ends are dropped, and empty parts are left out.
 */
export function parseHighlight(text: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let match = false;
  let current = '';
  const flush = () => {
    if (!current) return;
    const last = parts.at(-1);
    if (last && last.match === match) parts[parts.length - 1] = { text: last.text + current, match };
    else parts.push({ text: current, match });
    current = '';
  };
  for (const char of text) {
    if (char === MATCH_START || char === MATCH_END) {
      flush();
      match = char === MATCH_START;
    } else current += char;
  }
  flush();
  return parts;
}

/** The text without markers (for CSV, titles and labels). */
export function plainText(text: string): string {
  return text.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');
}

/** Highlighted text with its matches in <mark>; React escapes every part. */
export function Highlighted({ text }: { text: string }) {
  return <>{parseHighlight(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}

/** The start of a body, cut at a word, for a result without search text. */
export function excerpt(body: string, length = 220): string {
  if (body.length <= length) return body;
  const cut = body.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')} …`;
}
