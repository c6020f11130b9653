import type { SandboxClock } from '../kit/index.js';
import { IdGenerator } from './ids.js';
import type { ApiKey, DnsRecord, Zone } from './model.js';

export interface ActivityEntry {
  id: string;
  timestamp: number;
  user_id: string;
  user_name: string;
  user_type: 'apikey' | 'user';
  resource_id: string;
  resource_type: string;
  action: 'create' | 'update' | 'delete';
  /** The resource after a create or update, or before a delete, as the API showed it then. */
  resource?: unknown;
}

/** Everything the NS1 sandbox remembers between requests. */
export interface Ns1State {
  zones: Map<string, Zone>;
  /** Keyed by `recordKey(zone, domain, type)`. */
  records: Map<string, DnsRecord>;
  /** Keyed by the secret key. */
  keys: Map<string, ApiKey>;
  activity: ActivityEntry[];
  ids: IdGenerator;
  /** Extension slices (data, monitoring, account, imports) register their own state here. */
  extra: Map<string, unknown>;
}

/** What the data slice tells the DNS slice about feeds: which source a feed belongs to, and its latest data. */
export interface FeedDirectory {
  sourceOf(feedId: string): string | undefined;
  dataOf(feedId: string): Record<string, unknown> | undefined;
}

export interface Ns1Context {
  state: () => Ns1State;
  clock: SandboxClock;
  transferAddress: string;
  feeds?: FeedDirectory;
}

export function emptyState(): Ns1State {
  return { zones: new Map(), records: new Map(), keys: new Map(), activity: [], ids: new IdGenerator('ns1'), extra: new Map() };
}
