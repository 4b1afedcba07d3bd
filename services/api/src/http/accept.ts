/*
 * Whether a request's Accept header takes an answer in JSON. Apollo decides
 * this only after running the operation, and answers 406 then: a mutation
 * sent with `Accept: text/html` was stored, and its client told it was not
 * acceptable (issue 16, found by fuzzing). The HTTP layer asks here first, with
 * Apollo's own rule: negotiator's media-type negotiation over the types Apollo
 * offers, the header read as the content-type package reads it (a test holds
 * the two to agree).
 */

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly params: Readonly<Record<string, string>>;
  readonly q: number;
  /** Its place in the header: an earlier range wins a tie. */
  readonly order: number;
}

/** The types Apollo answers a single result as (MEDIA_TYPES of @apollo/server), in its order. */
const OFFERED: readonly { type: string; subtype: string; params: Record<string, string> }[] = [
  { type: 'application', subtype: 'json', params: { charset: 'utf-8' } },
  { type: 'application', subtype: 'graphql-response+json', params: { charset: 'utf-8' } },
  { type: 'application', subtype: 'json', params: { callbackspec: '1.0', charset: 'utf-8' } },
];

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** The ranges of an Accept header, parsed as content-type 2's `parse(header, { comma: true })` does. */
function mediaRanges(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  let index = 0;
  let order = 0;
  const skipSpace = (i: number) => {
    while (i < header.length && isSpace(header[i])) i++;
    return i;
  };
  const skipValue = (i: number) => {
    while (i < header.length && header[i] !== ';' && header[i] !== ',') i++;
    return i;
  };
  const trimEnd = (start: number, end: number) => {
    while (end > start && isSpace(header[end - 1])) end--;
    return end;
  };
  while (index < header.length) {
    const start = skipSpace(index);
    let i = skipValue(start);
    const full = header.slice(start, trimEnd(start, i)).toLowerCase();
    const params: Record<string, string> = {};
    parameter: while (i < header.length && header[i] !== ',') {
      i = skipSpace(i + 1);
      const keyStart = i;
      while (i < header.length) {
        const c = header[i];
        if (c === ',') break parameter;
        if (c === ';') continue parameter;
        if (c === '=') {
          const key = header.slice(keyStart, trimEnd(keyStart, i)).toLowerCase();
          i = skipSpace(i + 1);
          if (header[i] === '"') {
            i++;
            let value = '';
            while (i < header.length) {
              const q = header[i++]!;
              if (q === '"') {
                i = skipValue(i);
                if (params[key] === undefined) params[key] = value;
                break;
              }
              if (q === '\\' && i < header.length) {
                value += header[i++];
                continue;
              }
              value += q;
            }
            continue parameter;
          }
          const valueStart = i;
          i = skipValue(i);
          if (params[key] === undefined) params[key] = header.slice(valueStart, trimEnd(valueStart, i));
          continue parameter;
        }
        i++;
      }
    }
    index = i + 1;
    const slash = full.indexOf('/');
    const position = order++;
    if (slash === -1) continue;
    const { q, ...rest } = params;
    ranges.push({
      type: full.slice(0, slash),
      subtype: full.slice(slash + 1),
      params: rest,
      q: q ? parseFloat(q) : 1,
      order: position,
    });
  }
  return ranges;
}

/** negotiator's quality of an offered type: that of the most specific range matching it. */
function quality(offered: (typeof OFFERED)[number], ranges: readonly MediaRange[]): number {
  let best = { s: 0, q: 0, o: -1 };
  for (const range of ranges) {
    let s = 0;
    if (range.type === offered.type) s |= 4;
    else if (range.type !== '*') continue;
    if (range.subtype === offered.subtype) s |= 2;
    else if (range.subtype !== '*') continue;
    const keys = Object.keys(range.params);
    if (keys.length > 0) {
      if (keys.every((k) => range.params[k] === '*' || range.params[k]!.toLowerCase() === (offered.params[k] ?? '')))
        s |= 1;
      else continue;
    }
    // negotiator's comparison, NaN and all: more specific, then higher quality, then later in the header.
    if ((best.s - s || best.q - range.q || best.o - range.order) < 0) best = { s, q: range.q, o: range.order };
  }
  return best.q;
}

/** Whether an answer in JSON is acceptable: no Accept header, or one under which Apollo finds a type it offers. */
export function acceptsJson(accept: string | undefined): boolean {
  if (!accept) return true;
  const ranges = mediaRanges(accept);
  return OFFERED.some((offered) => quality(offered, ranges) > 0);
}
