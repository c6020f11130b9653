import { badInput } from '../../errors/gateway-error.js';

/** Luhn's check, so a mistyped card number is caught before it reaches NS1. */
export function checkCardNumber(number: string): void {
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) throw badInput('input.number', 'a card number has 12 to 19 digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  if (sum % 10 !== 0) throw badInput('input.number', 'the card number is not valid (checksum)');
}

/** A card is good through the last day of its expiry month; one that has expired is refused before NS1 is called. */
export function checkExpiry(expMonth: number, expYear: number, now = new Date()): void {
  const year = now.getUTCFullYear();
  if (expYear < year || (expYear === year && expMonth < now.getUTCMonth() + 1)) throw badInput('input.expYear', 'the card has expired');
}
