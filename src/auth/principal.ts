import { flatUuid } from '../flat-uuid.js';
import { SCOPES } from './scopes.js';
import { EVERY_ZONE, type ZoneAccess } from './zone-access.js';

/** Who is asking: the token's subject and client with what it grants, or an anonymous caller where authentication is off. */
export interface Principal {
  /** Stable per caller: the token's `sub`, which every accepted token has; per request or connection when anonymous. */
  id: string;
  authenticated: boolean;
  sub?: string;
  /** The OAuth client the token was issued to (`client_id`, `azp` or `cid`), for the audit line; never the caller's id. */
  clientId?: string;
  scopes: ReadonlySet<string>;
  zones: ZoneAccess;
  /** When the token stops being accepted (`exp` plus AUTH_CLOCK_SKEW_SECONDS); subscriptions end then. */
  expiresAt?: Date;
}

const EVERY_SCOPE: ReadonlySet<string> = new Set(SCOPES);

/** With authentication off (the sandbox, or AUTH_MODE=none) a caller may do everything, as before. */
export function anonymousPrincipal(): Principal {
  return { id: `anonymous:${flatUuid()}`, authenticated: false, scopes: EVERY_SCOPE, zones: EVERY_ZONE };
}

const scopeKeys = new WeakMap<ReadonlySet<string>, string>();

/** What a principal may see, as a cache key: equal for callers with the same scopes and zones. */
export function accessFingerprint(principal: Principal): string {
  let scopes = scopeKeys.get(principal.scopes);
  if (scopes === undefined) {
    scopes = [...principal.scopes].sort().join(' ');
    scopeKeys.set(principal.scopes, scopes);
  }
  const zones = principal.zones.kind === 'every' ? '*' : [...principal.zones.names, ...principal.zones.below.map((b) => `*.${b}`)].sort().join(',');
  return `${scopes}|${zones}`;
}
