import { z } from 'zod';

/**
 * The one reading of a numeric setting: plain decimal digits, with an optional sign and fraction. `Number()`
 * would also take `0x10`, `1e3`, `0b1` or `Infinity`, which no one means in an environment variable.
 */
const decimal = z
  .string()
  .trim()
  .regex(/^[+-]?\d+(\.\d+)?$/, 'must be a plain decimal number such as 42 or 0.5')
  .transform(Number);

/** A whole number from min to max, the fallback when unset. */
export const wholeNumber = (min: number, max: number, fallback: number) =>
  decimal.pipe(z.number().int('must be a whole number').min(min).max(max)).default(fallback);

/** A whole number from min to max, or undefined when unset. */
export const optionalWholeNumber = (min: number, max: number) => decimal.pipe(z.number().int('must be a whole number').min(min).max(max)).optional();

/** A number of any precision; refine it with the checks of `z.number()`. */
export const decimalNumber = (check: (n: z.ZodNumber) => z.ZodNumber) => decimal.pipe(check(z.number()));
