import { SandboxHttpError, type SandboxRateLimiter, type SandboxRequest } from '../kit/index.js';
import type { ApiKey, Permissions } from './model.js';
import type { Ns1State } from './state.js';

const CURRENT_KEY = Symbol('ns1-key');

type RequestWithKey = SandboxRequest & { [CURRENT_KEY]?: ApiKey };

/** `X-NSONE-Key` must name a key of the account; everything else answers 401 as NS1 does. */
export function authenticate(req: SandboxRequest, state: Ns1State): ApiKey {
  const header = req.headers['x-nsone-key'];
  const secret = Array.isArray(header) ? header[0] : header;
  const key = secret ? state.keys.get(secret) : undefined;
  if (!key) throw new SandboxHttpError(401, 'Unauthorized');
  return key;
}

export function rateLimitHeaders(limiter: SandboxRateLimiter, key: ApiKey): Record<string, string> {
  const budget = limiter.take(key.id);
  const headers = {
    'x-ratelimit-limit': String(budget.limit),
    'x-ratelimit-remaining': String(budget.remaining),
    'x-ratelimit-period': String(budget.periodSeconds),
  };
  if (!budget.allowed) {
    throw new SandboxHttpError(429, 'Rate limit exceeded', undefined, { ...headers, 'retry-after': String(budget.resetInSeconds) });
  }
  return headers;
}

/** The key a handler acts for; the request was authenticated before routing. */
export function keyOf(req: SandboxRequest, state: Ns1State): ApiKey {
  const cached = (req as RequestWithKey)[CURRENT_KEY];
  if (cached) return cached;
  const key = authenticate(req, state);
  (req as RequestWithKey)[CURRENT_KEY] = key;
  return key;
}

export function require<G extends keyof Permissions>(key: ApiKey, group: G, flag: keyof Permissions[G] & string): void {
  const granted = (key.permissions[group] as Record<string, unknown>)[flag];
  if (granted !== true) throw new SandboxHttpError(403, `Forbidden: missing permission ${String(group)}.${flag}`);
}

export function zoneVisible(key: ApiKey, zone: string): boolean {
  const dns = key.permissions.dns;
  if (!dns.view_zones) return false;
  if (dns.zones_deny.includes(zone)) return false;
  return dns.zones_allow_by_default || dns.zones_allow.includes(zone);
}
