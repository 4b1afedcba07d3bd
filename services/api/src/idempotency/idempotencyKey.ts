import { GraphQLError } from 'graphql';

/** Stripe's limit, which clients of idempotent APIs already respect. */
export const MAX_KEY_LENGTH = 255;

/**
 * The rule, as error messages and the README state it. The draft
 * (draft-ietf-httpapi-idempotency-key-header) makes the field a Structured
 * Field String and asks the server to publish a fixed key format and check
 * every key against it; Stripe sends the key bare. Both forms are accepted,
 * with one character set so that `abc` and `"abc"` are the same key:
 *
 * - visible ASCII only: what an sf-string may hold, less the space; a space
 *   or an invisible character in a key is a client's bug far more often than
 *   a choice, and proxies trim or fold whitespace;
 * - no `"` or `\`: they would need the sf-string's escapes, and a bare key
 *   holding them could not be told from a malformed quoted one;
 * - no comma: HTTP joins repeated fields with commas, so `a,b` could be two keys;
 * - no minimum length: keys are scoped to the user who sends them (a guessed
 *   key can only meet the guesser's own requests), so a short key such as
 *   `probe-1` risks nothing; a UUID is still what we recommend.
 */
export const KEY_RULE =
  'an Idempotency-Key is 1 to 255 visible ASCII characters other than the double quote, backslash and comma (a UUID is a good key), sent bare or as a quoted string ("…"), in one header';

const KEY = /^[\x21\x23-\x2b\x2d-\x5b\x5d-\x7e]+$/;

/** What was received, quoted and cut short: never a whole huge value, never raw control characters. */
export function shownValue(value: string, limit = 40): string {
  const shown = JSON.stringify(value.length > limit ? value.slice(0, limit) : value);
  return value.length > limit ? `${shown}… (${value.length} characters)` : shown;
}

function refuse(problem: string): GraphQLError {
  return new GraphQLError(`Idempotency-Key refused: ${problem}; ${KEY_RULE}`, {
    extensions: { code: 'BAD_IDEMPOTENCY_KEY', http: { status: 400 } },
  });
}

function firstBadCharacter(key: string): string | undefined {
  for (const [index, char] of [...key].entries()) {
    if (KEY.test(char)) continue;
    const code = char.codePointAt(0)!;
    const name =
      char === ' '
        ? 'a space'
        : code < 0x20 || code === 0x7f || code > 0x7e
          ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
          : JSON.stringify(char);
    return `${name} at position ${index + 1}`;
  }
  return undefined;
}

/** Where the sf-string that opens `value` ends (its escapes skipped), or -1. */
function closingQuote(value: string): number {
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === '"') return i;
  }
  return -1;
}

/**
 * The key of a request's Idempotency-Key header fields (Node's
 * `headersDistinct`: one string per field), undefined when there is none,
 * or a GraphQLError (BAD_IDEMPOTENCY_KEY, HTTP 400) saying what is wrong.
 *
 * @example idempotencyKey(['"8e03978e-40d5-43e8-bc93-6894a57f9324"']) // '8e03978e-40d5-43e8-bc93-6894a57f9324'
 */
export function idempotencyKey(fields: readonly string[] | undefined): string | undefined {
  if (!fields || fields.length === 0) return undefined;
  if (fields.length > 1) throw refuse(`the request has ${fields.length} Idempotency-Key headers; send one`);
  const value = fields[0]!.trim();
  let key = value;
  if (value.startsWith('"')) {
    const end = closingQuote(value);
    if (end < 0) throw refuse(`${shownValue(value)} opens a quoted string but does not close it`);
    if (end !== value.length - 1)
      throw refuse(`${shownValue(value)} has ${shownValue(value.slice(end + 1), 20)} after its closing quote`);
    // An escape inside (\" or \\) is refused below: the rule excludes both characters.
    key = value.slice(1, -1);
  }
  if (key.length === 0) throw refuse('the key is empty');
  if (key.length > MAX_KEY_LENGTH)
    throw refuse(`${shownValue(key)} is ${key.length} characters long, more than ${MAX_KEY_LENGTH}`);
  const bad = firstBadCharacter(key);
  if (bad) throw refuse(`${shownValue(key)} holds ${bad}`);
  return key;
}
