import { z } from 'zod';

/** Field shapes and request values NS1 uses across its endpoints; each endpoint's own schema sits next to its call. */

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A free-form object (`meta`, a filter's `config`), absent as `{}`. Only its being an object is checked: the
 * gateway hands it on as JSON and reads nothing inside it, so its keys are not walked one by one.
 */
export const jsonObject = z
  .custom<Record<string, unknown> | null>((value) => value === null || isJsonObject(value), 'Invalid input: expected object')
  .optional()
  .transform((m) => m ?? {});

/** A number, absent as null; a default rather than a transform, which zod parses several times faster. */
export const intOrNull = z.number().nullable().default(null);

/** Seconds since the epoch, 0 or absent for none. */
export const unixDate = z
  .number()
  .nullish()
  .transform((s) => (s ? new Date(s * 1000) : null));

/** An amount or code NS1 sends as a string or a number, kept as text. */
export const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

/** A `[seconds, value]` series. */
export const graph = z.array(z.tuple([z.number(), z.number()]));

/** A request body with only the fields given: NS1 leaves out what a POST does not name. */
export const defined = (entries: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));

/** A query parameter in seconds since the epoch. */
export const seconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);

/** A postal address as NS1 writes it (`postalcode`), read as the gateway shows it (`postalCode`), every part present. */
export const addressSchema = z
  .object({ street: text, city: text, state: text, postalcode: text, country: text })
  .partial()
  .nullish()
  .transform((a) => ({
    street: a?.street ?? null,
    city: a?.city ?? null,
    state: a?.state ?? null,
    postalCode: a?.postalcode ?? null,
    country: a?.country ?? null,
  }));

export type Ns1Address = z.output<typeof addressSchema>;

/** The parts of an address that were given, as NS1 takes them. */
export const addressBody = (address: Partial<Record<keyof Ns1Address, string | null | undefined>>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries({ street: address.street, city: address.city, state: address.state, postalcode: address.postalCode, country: address.country }).filter(
      ([, v]) => v !== undefined && v !== null,
    ),
  );
