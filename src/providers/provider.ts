import type { HttpClientOptions } from './http.js';
import type { ProviderId } from './upstream-error.js';

/** What sets one provider's API apart: how a credential travels and is named, and how its errors read. */
export interface Provider<C> {
  id: ProviderId;
  /** The headers that carry the credential: the only place it ever travels. */
  authHeaders(credential: C): Record<string, string>;
  /** What identifies the credential: hashed into its fingerprint, never kept. */
  identity(credential: C): string[];
  /** The provider's own message out of an error body. */
  errorMessage(body: unknown): string | undefined;
  /** Field errors out of a 400 body, where the provider reports them per field. */
  fieldErrors?(body: unknown): Record<string, string[]> | undefined;
}

/** The options that tell an HttpClient whose errors it reads. */
export function errorReading(provider: Provider<never>): Pick<HttpClientOptions, 'provider' | 'errorMessage' | 'fieldErrors'> {
  return {
    provider: provider.id,
    errorMessage: (body) => provider.errorMessage(body),
    ...(provider.fieldErrors ? { fieldErrors: (body: unknown) => provider.fieldErrors?.(body) } : {}),
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field of an error body, e.g. NS1's `message` or BuddyNS's `detail`. */
export function stringField(body: unknown, field: string): string | undefined {
  return isObject(body) && typeof body[field] === 'string' ? body[field] : undefined;
}
