import { describe, expect, it } from 'vitest';
import { UuidV7 } from './codes.js';
import { deterministicUuidv7, uuidv7, uuidv7Time } from './uuid.js';

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
});
