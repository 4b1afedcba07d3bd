import { describe, expect, it } from 'vitest';
import { AmountEur, MAX_AMOUNT_EUR } from './codes.js';

describe('AmountEur', () => {
  it('takes amounts from zero to a billion euro, in cents', () => {
    for (const amount of [0, 0.01, 15_000.5, MAX_AMOUNT_EUR])
      expect(AmountEur.safeParse(amount).success, String(amount)).toBe(true);
  });

  it('refuses negative, fractional-cent and enormous amounts, however the cents come out (issue 16, found by fuzzing)', () => {
    const message = (amount: number) => AmountEur.safeParse(amount).error?.issues[0]?.message;
    expect(message(-0.01)).toBe('an amount in euro cannot be negative');
    expect(message(1.005)).toBe('an amount in euro has at most two decimals');
    // 1e300 × 100 is a whole number in floating point: the cent check alone took it.
    for (const amount of [MAX_AMOUNT_EUR + 1, 1e21, 1e300])
      expect(message(amount), String(amount)).toBe('an amount in euro is at most 1,000,000,000');
  });
});
