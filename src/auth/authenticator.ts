import type { Config } from '../config.js';
import { anonymousPrincipal, type Principal } from './principal.js';
import { scopesOfClaims } from './scopes.js';
import { createTokenVerifier, InvalidTokenError } from './token-verifier.js';
import { ZoneClaimError, zoneAccessOfClaim } from './zone-access.js';

export interface Authenticator {
  /** False where authentication is off (sandbox mode, AUTH_MODE=none): every caller is anonymous. */
  readonly enabled: boolean;
  /** The caller behind an `Authorization` value; throws `InvalidTokenError` or `AuthUnavailableError`. */
  authenticate(authorization: string | null | undefined): Promise<Principal>;
}

export interface AuthenticatorOptions {
  /** The clock tokens are checked against, e.g. one a test moves past a token's expiry. */
  now?: () => Date;
}

/** An `Authorization` value that is not exactly one `Bearer <token>`: RFC 6750's `invalid_request`. */
export class MalformedAuthorizationError extends InvalidTokenError {}

/** No `Authorization` at all: RFC 6750 has the challenge name no error, as the client may not know it needs a token. */
export class MissingTokenError extends InvalidTokenError {}

/** RFC 6750's b64token: nothing else may stand beside the one token, not a second header's value. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

function bearerToken(authorization: string | null | undefined): string {
  if (!authorization?.trim()) throw new MissingTokenError('no access token: send Authorization: Bearer <access token>');
  const match = BEARER.exec(authorization.trim());
  if (!match?.[1]) throw new MalformedAuthorizationError('the Authorization header is not one "Bearer <access token>"');
  return match[1];
}

export function createAuthenticator(config: Config, options: AuthenticatorOptions = {}): Authenticator {
  const auth = config.auth;
  if (auth.mode === 'none') return { enabled: false, authenticate: () => Promise.resolve(anonymousPrincipal()) };
  const verifier = createTokenVerifier(auth, options.now);
  return {
    enabled: true,
    async authenticate(authorization) {
      const claims = await verifier.verify(bearerToken(authorization));
      // RFC 9068 requires `sub`. The caller's rate share, subscription count and audit lines are keyed by it, so
      // tokens without one would all be one caller, and a client id standing in for it could pass for a subject.
      if (typeof claims.sub !== 'string' || claims.sub === '') throw new InvalidTokenError('the token has no subject ("sub" claim)');
      const clientId = [claims.client_id, claims.azp, claims.cid].find((v): v is string => typeof v === 'string');
      let zones;
      try {
        zones = zoneAccessOfClaim(claims[auth.zonesClaim], auth.zonesClaim);
      } catch (error) {
        if (error instanceof ZoneClaimError) throw new InvalidTokenError(error.message);
        throw error;
      }
      return {
        id: claims.sub,
        authenticated: true,
        sub: claims.sub,
        ...(clientId ? { clientId } : {}),
        scopes: scopesOfClaims(claims),
        zones,
        // The last moment the token is accepted, skew included as on every request: a socket or stream that ended at
        // `exp` itself would close at once for a token a request still accepts, and its client would reconnect in a loop.
        ...(claims.exp ? { expiresAt: new Date((claims.exp + auth.clockSkewSeconds) * 1000) } : {}),
      };
    },
  };
}
