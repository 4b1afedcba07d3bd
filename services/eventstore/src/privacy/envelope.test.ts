import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENVELOPE_PREFIX, EnvelopeError, isEnvelope, open, seal } from './envelope.js';

const key = randomBytes(32);
const binding = { eventId: '0190a5f2-1c2b-7d3e-8f40-1234567890ab', path: 'contact.name', subjectId: 'person-1' };

describe('sealed values', () => {
  it('round-trip strings and other JSON values, each with its type', () => {
    for (const value of ['An Peeters', '', 'é € 漢字', 42, true, { nl: ['een'], en: ['one'] }, ['x'], null]) {
      const sealed = seal(key, value, binding);
      expect(isEnvelope(sealed)).toBe(true);
      expect(sealed.startsWith(ENVELOPE_PREFIX)).toBe(true);
      expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9_-]+$/);
      expect(open(key, sealed, binding)).toEqual(value);
    }
  });

  it('differ each time (a random IV per value) and show nothing of the plaintext', () => {
    const a = seal(key, 'An Peeters', binding);
    const b = seal(key, 'An Peeters', binding);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice(ENVELOPE_PREFIX.length), 'base64url').includes('Peeters')).toBe(false);
  });

  it('refuse a changed ciphertext, IV or tag', () => {
    const sealed = seal(key, 'An Peeters', binding);
    const body = Buffer.from(sealed.slice(ENVELOPE_PREFIX.length), 'base64url');
    for (const at of [0, 12, body.length - 1]) {
      const changed = Buffer.from(body);
      changed[at] = changed[at]! ^ 1;
      expect(() => open(key, ENVELOPE_PREFIX + changed.toString('base64url'), binding)).toThrow(EnvelopeError);
    }
    expect(() => open(key, `${ENVELOPE_PREFIX}AAAA`, binding)).toThrow(/too short/);
  });

  it('refuse a value moved to another event, field or subject, or opened with another key', () => {
    const sealed = seal(key, 'An Peeters', binding);
    expect(() => open(key, sealed, { ...binding, eventId: '0190a5f2-1c2b-7d3e-8f40-1234567890ac' })).toThrow(
      /authentication tag does not match/,
    );
    expect(() => open(key, sealed, { ...binding, path: 'contact.email' })).toThrow(EnvelopeError);
    expect(() => open(key, sealed, { ...binding, subjectId: 'person-2' })).toThrow(EnvelopeError);
    expect(() => open(randomBytes(32), sealed, binding)).toThrow(EnvelopeError);
  });
});
