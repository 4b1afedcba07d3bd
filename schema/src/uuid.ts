import { createHash, randomBytes } from 'node:crypto';

function format(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function v7(timeMs: number, rest: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let t = BigInt(Math.max(0, Math.floor(timeMs)));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(t & 0xffn);
    t >>= 8n;
  }
  bytes.set(rest.subarray(0, 10), 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes);
}

/** A new UUID version 7 (RFC 9562): time-ordered, so index inserts stay local. */
export function uuidv7(timeMs: number = Date.now()): string {
  return v7(timeMs, randomBytes(10));
}

/**
 * A UUID v7 that is a pure function of its inputs: the time part from `timeMs`,
 * the rest from a hash of the name. Event ids derived from a command id this way
 * make a retried command store its events once.
 */
export function deterministicUuidv7(timeMs: number, name: string): string {
  return v7(timeMs, createHash('sha256').update(name).digest());
}

/** The millisecond timestamp a UUID v7 carries. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/**
 * A name-based UUID (version 8, RFC 9562): a pure function of the name alone.
 * Ids of new aggregates are derived from the command id this way, so a
 * command retried later (at another time) names the same aggregate.
 */
export function nameBasedUuid(name: string): string {
  const bytes = new Uint8Array(createHash('sha256').update(name).digest().subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes);
}
