import { z } from 'zod';

/**
 * The one reading of a numeric setting: plain decimal digits, with an optional minus sign and fraction. `Number()`
 * would also take `+5`, `0x10`, `1e3`, `0b1` or `Infinity`, which no one means in an environment variable.
 */
const decimal = (example: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, `must be a plain decimal number such as ${example}`)
    .transform(Number);

/** A whole number from min to max, its range said in words as the other settings' messages are. */
const wholeInRange = (min: number, max: number) => {
  const range = `must be a whole number from ${min} to ${max}`;
  return decimal('42').pipe(z.number().int(range).min(min, range).max(max, range));
};

/** A whole number from min to max, the fallback when unset. */
export const wholeNumber = (min: number, max: number, fallback: number) => wholeInRange(min, max).default(fallback);

/** A whole number from min to max, or undefined when unset. */
export const optionalWholeNumber = (min: number, max: number) => wholeInRange(min, max).optional();

/** A number of any precision; refine it with the checks of `z.number()`, each with a message of its own. */
export const decimalNumber = (check: (n: z.ZodNumber) => z.ZodNumber) => decimal('42 or 0.5').pipe(check(z.number()));
