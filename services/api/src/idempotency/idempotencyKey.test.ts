import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { idempotencyKey, KEY_RULE, shownValue } from './idempotencyKey.js';

/** The refusal of `fields`, checked to be BAD_IDEMPOTENCY_KEY with HTTP 400 and the rule. */
function refusal(fields: string[]): string {
  try {
    idempotencyKey(fields);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const e = error as GraphQLError;
    expect(e.extensions).toEqual({ code: 'BAD_IDEMPOTENCY_KEY', http: { status: 400 } });
    expect(e.message).toContain(KEY_RULE);
    return e.message;
  }
  throw new Error(`${JSON.stringify(fields)} was accepted`);
}

describe('idempotencyKey', () => {
  it('is undefined without the header', () => {
    expect(idempotencyKey(undefined)).toBeUndefined();
    expect(idempotencyKey([])).toBeUndefined();
  });

  it("takes the draft's quoted string and a bare key alike", () => {
    const uuid = '8e03978e-40d5-43e8-bc93-6894a57f9324';
    expect(idempotencyKey([`"${uuid}"`])).toBe(uuid);
    expect(idempotencyKey([uuid])).toBe(uuid);
    expect(idempotencyKey(['  "abc"  '])).toBe('abc');
  });

  it('accepts short keys (probe-1), one character, and 255 visible characters', () => {
    expect(idempotencyKey(['probe-1'])).toBe('probe-1');
    expect(idempotencyKey(['x'])).toBe('x');
    const visible = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i))
      .filter((c) => !'"\\,'.includes(c))
      .join('');
    expect(idempotencyKey([visible])).toBe(visible);
    expect(idempotencyKey([`"${visible}"`])).toBe(visible);
    expect(idempotencyKey(['k'.repeat(255)])).toHaveLength(255);
  });

  it('refuses a key with a space, bare or quoted, naming the position', () => {
    expect(refusal(['probe 1'])).toMatch(/^Idempotency-Key refused: "probe 1" holds a space at position 6; /);
    expect(refusal(['"probe 1"'])).toMatch(/"probe 1" holds a space at position 6/);
  });

  it('refuses quotes, backslashes (the escapes), commas, control and non-ASCII characters', () => {
    expect(refusal(['"ab\\"c"'])).toMatch(/holds "\\\\" at position 3/);
    expect(refusal(['ab"c'])).toMatch(/holds "\\"" at position 3/);
    expect(refusal(['a,b'])).toMatch(/holds "," at position 2/);
    expect(refusal(['a\tb'])).toMatch(/holds U\+0009 at position 2/);
    expect(refusal(['sleutel-é'])).toMatch(/holds U\+00E9 at position 9/);
  });

  it('refuses an empty key, a key of 256 characters, an unclosed or trailing quoted string', () => {
    expect(refusal([''])).toMatch(/the key is empty/);
    expect(refusal(['""'])).toMatch(/the key is empty/);
    expect(refusal(['k'.repeat(256)])).toMatch(/is 256 characters long, more than 255/);
    expect(refusal(['"abc'])).toMatch(/opens a quoted string but does not close it/);
    expect(refusal(['"'])).toMatch(/opens a quoted string but does not close it/);
    expect(refusal(['"abc";v=1'])).toMatch(/has ";v=1" after its closing quote/);
    expect(refusal(['"a", "b"'])).toMatch(/after its closing quote/);
  });

  it('refuses several Idempotency-Key headers, even equal ones', () => {
    expect(refusal(['a-key', 'b-key'])).toMatch(/the request has 2 Idempotency-Key headers; send one/);
    expect(refusal(['a-key', 'a-key'])).toMatch(/2 Idempotency-Key headers/);
  });

  it('never echoes a huge value: 40 characters and the length', () => {
    const message = refusal(['k'.repeat(100_000)]);
    expect(message.length).toBeLessThan(500);
    expect(message).toContain(`"${'k'.repeat(40)}"… (100000 characters)`);
  });
});

describe('shownValue', () => {
  it('quotes, escapes control characters and cuts long values', () => {
    expect(shownValue('a\nb')).toBe('"a\\nb"');
    expect(shownValue('abcdef', 3)).toBe('"abc"… (6 characters)');
  });
});
