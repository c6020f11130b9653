import { setMaxListeners } from 'node:events';
import type { Logger } from '../logger.js';
import { authenticationError } from './auth-errors.js';
import { authorizationOf } from './authorization-header.js';
import type { Authenticator } from './authenticator.js';
import type { Principal } from './principal.js';
import { AuthUnavailableError } from './token-verifier.js';

/**
 * The caller of an HTTP or SSE request, from its `Authorization` header (every line of it, from node's raw headers
 * where the request came over a socket); a refusal ends the request with 401.
 */
export async function principalOfRequest(authenticator: Authenticator, request: Request, logger: Logger, rawHeaders?: readonly string[]): Promise<Principal> {
  try {
    return await authenticator.authenticate(authorizationOf(request, rawHeaders));
  } catch (error) {
    if (error instanceof AuthUnavailableError) logger.error('could not check an access token', { error: error.message });
    throw authenticationError(error);
  }
}

/** Longest delay a Node timer takes; a token valid for longer simply outlives the process's timers. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Aborts with the client, or when the caller's token expires, whichever comes first: subscriptions end with it. */
export function untilExpiry(signal: AbortSignal, principal: Principal, now: () => Date = () => new Date()): AbortSignal {
  if (!principal.expiresAt) return signal;
  const remaining = principal.expiresAt.getTime() - now().getTime();
  if (remaining > MAX_TIMER_MS) return signal;
  const combined = AbortSignal.any([signal, AbortSignal.timeout(Math.max(0, remaining))]);
  setMaxListeners(0, combined);
  return combined;
}
