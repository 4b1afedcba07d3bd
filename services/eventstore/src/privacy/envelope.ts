import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

/**
 * A personal value as stored: `enc:v1:` and the base64url of the 96-bit IV,
 * the AES-256-GCM ciphertext and its 128-bit tag. The plaintext's first byte
 * says what it holds (`s`: a string, as UTF-8; `j`: any other value, as JSON),
 * so the type is authenticated with the value. The additional authenticated
 * data binds it to the event id, the field's concrete path and the subject id:
 * a ciphertext moved to another event, another field or another subject does
 * not open.
 */
export const ENVELOPE_PREFIX = 'enc:v1:';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;
const STRING = 0x73; // 's'
const JSON_VALUE = 0x6a; // 'j'
const STRING_TAG = Buffer.of(STRING);
const JSON_TAG = Buffer.of(JSON_VALUE);

// Random bytes drawn from the CSPRNG 4 KiB at a time: one call per value costs more here than the encryption.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** `size` fresh random bytes (a copy: the pool is refilled under them). */
export function randomBytesFromPool(size: number): Buffer {
  if (used + size > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const out = Buffer.from(pool.subarray(used, used + size));
  // Never handed out twice.
  pool.fill(0, used, used + size);
  used += size;
  return out;
}

/** Where a sealed value belongs. */
export interface EnvelopeBinding {
  readonly eventId: string;
  /** The concrete path of the field in the event's data (`contact.name`, `members.0.name`). */
  readonly path: string;
  readonly subjectId: string;
}

/** A value that does not open: changed, moved, or sealed with another key. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
}

export function isEnvelope(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);
}

function additionalData(binding: EnvelopeBinding): Buffer {
  // NUL cannot occur in an event id or a subject id, so the parts cannot be shifted into one another.
  return Buffer.from(`werkbezoek/v1\0${binding.eventId}\0${binding.path}\0${binding.subjectId}`, 'utf8');
}

/** Encrypts `value` (a string, or any JSON value) for the field `binding` names. */
export function seal(key: Buffer, value: unknown, binding: EnvelopeBinding): string {
  const iv = randomBytesFromPool(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(binding));
  const isString = typeof value === 'string';
  const kind = cipher.update(isString ? STRING_TAG : JSON_TAG);
  const text = cipher.update(isString ? value : JSON.stringify(value), 'utf8');
  const body = Buffer.concat([iv, kind, text, cipher.final(), cipher.getAuthTag()]);
  return ENVELOPE_PREFIX + body.toString('base64url');
}

/** The value sealed in `envelope`; throws EnvelopeError when it was changed, moved or sealed with another key. */
export function open(key: Buffer, envelope: string, binding: EnvelopeBinding): unknown {
  const body = Buffer.from(envelope.slice(ENVELOPE_PREFIX.length), 'base64url');
  if (body.length < IV_BYTES + TAG_BYTES + 1) throw new EnvelopeError('the envelope is too short to hold a value');
  const decipher = createDecipheriv(ALGORITHM, key, body.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(binding));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new EnvelopeError(
      'its authentication tag does not match (the ciphertext was changed, or moved from another field)',
    );
  }
  const text = plaintext.toString('utf8', 1);
  if (plaintext[0] === STRING) return text;
  if (plaintext[0] === JSON_VALUE) return JSON.parse(text) as unknown;
  throw new EnvelopeError(`its plaintext is of unknown kind ${plaintext[0]}`);
}
