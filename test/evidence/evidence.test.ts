import { afterEach, describe, expect, it, vi } from 'vitest';
import { monotonicMs, wallClockJumpMs } from './evidence.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('the evidence suites’ clocks', () => {
  it('reports a step of the wall clock as a jump, and measures durations without it', () => {
    const before = wallClockJumpMs();
    expect(Math.abs(before)).toBeLessThan(1000);
    const started = monotonicMs();
    // The wall clock set 40 s ahead, as when a paused virtual machine resumes: only Date is faked.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 40_000);
    expect(wallClockJumpMs() - before).toBeGreaterThanOrEqual(39_900);
    expect(wallClockJumpMs() - before).toBeLessThan(41_000);
    expect(monotonicMs() - started).toBeLessThan(1000);
  });
});
