import type { z } from 'zod';
import { UpstreamError, type ProviderId } from './upstream-error.js';

/** Parsed values per response and schema: the callers who share one upstream answer share its parse too. */
const parsedValues = new WeakMap<object, Map<z.ZodType, unknown>>();

/**
 * Parses a provider's JSON at the edge; a shape the documentation does not promise is the provider's fault.
 * The value is parsed once per response and schema and frozen, since every caller of a shared flight gets it.
 */
export function parseResponse<S extends z.ZodType>(provider: ProviderId, schema: S, response: { body: unknown }, what: string): z.output<S> {
  let bySchema = parsedValues.get(response);
  if (bySchema?.has(schema)) return bySchema.get(schema) as z.output<S>;
  const result = schema.safeParse(response.body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
    throw new UpstreamError({ provider, status: 200, code: 'UPSTREAM_ERROR', message: `${provider} sent an unexpected ${what} (${where})` });
  }
  if (!bySchema) parsedValues.set(response, (bySchema = new Map<z.ZodType, unknown>()));
  bySchema.set(schema, deepFreeze(result.data));
  return result.data;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
