import { SandboxHttpError, type SandboxRateLimiter, type SandboxRequest } from '../kit/index.js';

export interface BuddyCredentials {
  token: string;
  user: string;
  password: string;
}

/** Token or Basic authentication, answered the way Django REST framework answers. Returns the rate-limit key. */
export function authenticate(req: SandboxRequest, credentials: BuddyCredentials): string {
  const header = req.headers.authorization;
  if (!header) throw new SandboxHttpError(401, 'Authentication credentials were not provided.', undefined, { 'www-authenticate': 'Token' });
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() === 'token') {
    if (value !== credentials.token) throw new SandboxHttpError(401, 'Invalid token.', undefined, { 'www-authenticate': 'Token' });
    return `token:${value}`;
  }
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const split = decoded.indexOf(':');
    const user = decoded.slice(0, split);
    const password = decoded.slice(split + 1);
    if (split < 0 || user !== credentials.user || password !== credentials.password) {
      throw new SandboxHttpError(401, 'Invalid username/password.', undefined, { 'www-authenticate': 'Basic realm="api"' });
    }
    return `basic:${user}`;
  }
  throw new SandboxHttpError(401, 'Authentication credentials were not provided.', undefined, { 'www-authenticate': 'Token' });
}

export function throttle(limiter: SandboxRateLimiter, key: string): void {
  const state = limiter.take(key);
  if (!state.allowed) {
    throw new SandboxHttpError(429, `Request was throttled. Expected available in ${state.resetInSeconds} seconds.`, undefined, {
      'retry-after': String(state.resetInSeconds),
    });
  }
}
