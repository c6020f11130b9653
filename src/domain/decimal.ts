const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Exact decimal text from a provider amount: "2,400.00" becomes "2400.00"; never through a float. */
export function toDecimal(value: string | number): string | undefined {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/,/g, '').replace(/^\$/, '');
  return DECIMAL.test(text) ? text : undefined;
}

/** A provider amount that may be missing: null stays null, and so does text that is not a number. */
export const toDecimalOrNull = (value: string | null): string | null => (value === null ? null : (toDecimal(value) ?? null));
