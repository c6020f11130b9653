import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { ACCESS_TOKEN_TYPES, tokenType, type AuthConfig } from './auth-config.js';

type OidcConfig = Extract<AuthConfig, { mode: 'oidc' }>;

/** The token is missing, malformed, forged, expired or not meant for this gateway. */
export class InvalidTokenError extends Error {}

/** The identity provider could not be asked (discovery or JWKS unreachable): no fault of the caller's. */
export class AuthUnavailableError extends Error {}

export interface TokenVerifier {
  verify(token: string): Promise<JWTPayload>;
}

/**
 * Another kind of JWT from the same issuer and for the same audience (a logout token, a security event, a DPoP
 * proof) is no access token, whatever its claims: its `typ` says so.
 */
function checkTokenType(typ: unknown, accepted: readonly string[] | undefined): void {
  if (typ === undefined && accepted === undefined) return;
  if (typeof typ === 'string' && (accepted ?? ACCESS_TOKEN_TYPES).includes(tokenType(typ))) return;
  throw new InvalidTokenError(typ === undefined ? 'the token has no "typ" header' : `the token is not an access token ("typ" is ${JSON.stringify(typ)})`);
}

/** What a failed check says to the caller: enough to fix a client, nothing about the keys. */
const TOKEN_PROBLEMS: Record<string, string> = {
  ERR_JWT_EXPIRED: 'the token has expired',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'the token is not valid for this gateway',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'the token signature is invalid',
  ERR_JWKS_NO_MATCHING_KEY: 'the token is signed with a key the identity provider does not publish',
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'the token is signed with an ambiguous key',
  ERR_JOSE_ALG_NOT_ALLOWED: 'the token is signed with an algorithm that is not allowed',
  ERR_JOSE_NOT_SUPPORTED: 'the token is signed with an algorithm that is not allowed',
  ERR_JWS_INVALID: 'the token is malformed',
  ERR_JWT_INVALID: 'the token is malformed',
};

async function discoverJwksUrl(issuer: string, signal: AbortSignal): Promise<URL> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new AuthUnavailableError(`the identity provider's discovery document answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== issuer) throw new AuthUnavailableError(`the discovery document names issuer ${String(document.issuer)}, not AUTH_ISSUER`);
  if (typeof document.jwks_uri !== 'string') throw new AuthUnavailableError('the discovery document has no jwks_uri');
  return new URL(document.jwks_uri);
}

/**
 * Checks a JWT access token against the issuer's published keys (jose): signature, allowed algorithms,
 * `iss`, `aud`, `exp` and `nbf` with the configured clock skew, and the `typ` header. The key set is cached and fetched again when
 * a token names a `kid` it does not hold, so a key rotation at the provider needs no restart.
 */
export function createTokenVerifier(config: OidcConfig, now: () => Date = () => new Date()): TokenVerifier {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keySet = () =>
    (keys ??= (async () => {
      const url = config.jwksUrl ? new URL(config.jwksUrl) : await discoverJwksUrl(config.issuer, AbortSignal.timeout(5_000));
      return createRemoteJWKSet(url, { cooldownDuration: config.jwksCooldownSeconds * 1000, timeoutDuration: 5_000 });
    })().catch((error: unknown) => {
      keys = undefined;
      throw error instanceof AuthUnavailableError ? error : new AuthUnavailableError(`the identity provider could not be reached: ${String(error)}`);
    }));
  return {
    async verify(token) {
      const jwks = await keySet();
      let verified: Awaited<ReturnType<typeof jwtVerify>>;
      try {
        verified = await jwtVerify(token, jwks, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: config.algorithms,
          clockTolerance: config.clockSkewSeconds,
          currentDate: now(),
          requiredClaims: ['exp'],
        });
      } catch (error) {
        const problem = error instanceof errors.JOSEError ? TOKEN_PROBLEMS[error.code] : undefined;
        if (problem) throw new InvalidTokenError(problem);
        if (error instanceof errors.JOSEError && error.code !== 'ERR_JWKS_TIMEOUT' && error.code !== 'ERR_JOSE_GENERIC' && error.code !== 'ERR_JWKS_INVALID') {
          throw new InvalidTokenError('the token could not be verified');
        }
        throw new AuthUnavailableError(`the identity provider's keys could not be fetched: ${error instanceof Error ? error.message : String(error)}`);
      }
      checkTokenType(verified.protectedHeader.typ, config.tokenTypes);
      return verified.payload;
    },
  };
}
