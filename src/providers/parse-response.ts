import { z } from 'zod';
import { UpstreamError, type ProviderId } from './upstream-error.js';

/**
 * Each endpoint schema compiled once, on its first answer: zod's compiled parser gives the same values and the
 * same issues several times faster, and a schema it cannot compile keeps the runtime parser.
 */
const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>();

export function compiledSchema<S extends z.ZodType>(schema: S): S {
  let compiled = compiledSchemas.get(schema);
  if (!compiled) compiledSchemas.set(schema, (compiled = z.compile(schema)));
  return compiled as S;
}

/**
 * Parsed values per schema, on the response itself: the callers who share one upstream answer share its parse
 * too. Not a WeakMap keyed by the response: a young-generation collection keeps the values of a long-lived
 * WeakMap whose keys just died, clearing those entries only after it, so every parse outlived its response by a
 * collection, was moved to the old generation, and made each such collection several times slower.
 */
const PARSED = Symbol('parsed');

interface ParsedResponse {
  body: unknown;
  [PARSED]?: Map<z.ZodType, unknown>;
}

/**
 * Parses a provider's JSON at the edge; a shape the documentation does not promise is the provider's fault.
 * The value is parsed once per response and schema and frozen, since every caller of a shared flight gets it.
 */
export function parseResponse<S extends z.ZodType>(provider: ProviderId, schema: S, response: ParsedResponse, what: string): z.output<S> {
  let bySchema = response[PARSED];
  if (bySchema?.has(schema)) return bySchema.get(schema) as z.output<S>;
  const result = compiledSchema(schema).safeParse(response.body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
    throw new UpstreamError({ provider, status: 200, code: 'UPSTREAM_ERROR', message: `${provider} sent an unexpected ${what} (${where})` });
  }
  if (!bySchema) response[PARSED] = bySchema = new Map<z.ZodType, unknown>();
  bySchema.set(schema, deepFreeze(result.data));
  return result.data;
}

/** Indexes and `for...in` rather than `Object.keys`, and no call for a primitive: it runs for every parsed value. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) freezeChild(value[i]);
  } else {
    for (const key in value) freezeChild(value[key]);
  }
  return Object.freeze(value);
}

function freezeChild(value: unknown): void {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) deepFreeze(value);
}
