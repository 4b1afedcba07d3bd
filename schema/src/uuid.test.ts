import { describe, expect, it } from 'vitest';
import { UuidV7 } from './codes.js';
import { deterministicUuidv7, nameBasedUuid, uuidv7, uuidv7Time } from './uuid.js';
import { Id } from './codes.js';

describe('UUID v7', () => {
  it('is well formed, carries its time and sorts by it', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(UuidV7.safeParse(a).success).toBe(true);
    expect(uuidv7Time(a)).toBe(1_700_000_000_000);
    expect(a < b).toBe(true);
  });

  it('derives the same id from the same name and time, another from another name', () => {
    const t = Date.parse('2026-01-05T10:00:00Z');
    expect(deterministicUuidv7(t, 'cmd-1/0')).toBe(deterministicUuidv7(t, 'cmd-1/0'));
    expect(deterministicUuidv7(t, 'cmd-1/0')).not.toBe(deterministicUuidv7(t, 'cmd-1/1'));
    expect(UuidV7.safeParse(deterministicUuidv7(t, 'x')).success).toBe(true);
  });

  it('names an aggregate from a command id alone, whenever the command is retried', () => {
    expect(nameBasedUuid('cmd-1/request')).toBe(nameBasedUuid('cmd-1/request'));
    expect(nameBasedUuid('cmd-1/request')).not.toBe(nameBasedUuid('cmd-2/request'));
    expect(nameBasedUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Id.safeParse(nameBasedUuid('x')).success).toBe(true);
  });
});
