import type { ProviderRequest } from './provider-api.js';

// Which writes the HttpClient may send again. It retries GET, PUT and DELETE by default (HTTP calls them
// idempotent) and never POST. Two kinds of write opt out, through the two builders below:
// - A create sent with PUT, as NS1 creates everything. It is not idempotent: when the first attempt landed and
//   only its answer was lost, a retry is refused ("already exists") for what the path names (zones, records,
//   users), and makes a second object for what NS1 names (jobs, lists, sources, feeds, keys, teams, allow lists,
//   payment methods, zone imports). So no PUT that creates is ever retried.
// - A delete whose outcome the caller verifies (NS1 zones and records, BuddyNS zones): after a lost answer the
//   resolver reads the provider again to decide, and a retry would turn a delete that landed into a 404.
// A PUT that replaces (BuddyNS's profile) and the other deletes keep the default.

/** PUT that creates: never retried. */
export function createWithPut(path: string, body: Pick<ProviderRequest, 'json' | 'multipart' | 'query'>): ProviderRequest {
  return { method: 'PUT', path, ...body, retry: false };
}

/** DELETE whose outcome the caller verifies by reading again: never retried. */
export function verifiedDelete(path: string): ProviderRequest {
  return { method: 'DELETE', path, retry: false };
}
