import { describe, expect, it } from 'vitest';
import { checkExpiry } from '../../../src/resolvers/account/card-number.js';

describe('card expiry', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('takes a card through the last day of its expiry month', () => {
    expect(() => checkExpiry(11, 2026, now)).not.toThrow();
    expect(() => checkExpiry(12, 2026, now)).not.toThrow();
    expect(() => checkExpiry(1, 2027, now)).not.toThrow();
  });

  it('refuses a card whose month is past, in this year or an earlier one', () => {
    for (const [month, year] of [
      [10, 2026],
      [1, 2026],
      [12, 2025],
    ] as const) {
      expect(() => checkExpiry(month, year, now)).toThrow('input.expYear: the card has expired');
    }
  });
});
