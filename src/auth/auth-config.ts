import { z } from 'zod';
import { wholeNumber } from '../config-number.js';

/** Asymmetric JWS algorithms only: a shared-secret (HS*) or unsigned (`none`) token is never accepted. */
export const SUPPORTED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export type CredentialsMode = 'server' | 'caller';

export type AuthConfig =
  | {
      mode: 'oidc';
      issuer: string;
      /** Overrides the `jwks_uri` of the issuer's discovery document. */
      jwksUrl?: string;
      audience: string;
      algorithms: string[];
      clockSkewSeconds: number;
      zonesClaim: string;
      /** How long after one JWKS fetch an unknown `kid` may trigger the next. */
      jwksCooldownSeconds: number;
      /** The `typ` headers accepted, normalised by `tokenType`, all of `ACCESS_TOKEN_TYPES`; absent: none, `JWT` or `at+jwt`. */
      tokenTypes?: string[];
    }
  | { mode: 'none'; zonesClaim: string };

/**
 * A `typ` header as RFC 7515 compares it: case-insensitively, and with `application/` left out when the media
 * type has no other slash (`application/at+jwt` is `at+jwt`).
 */
export function tokenType(typ: string): string {
  const lower = typ.trim().toLowerCase();
  return lower.startsWith('application/') && !lower.slice(12).includes('/') ? lower.slice(12) : lower;
}

const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+(\/[a-z0-9!#$&^_.+-]+)?$/i;

/**
 * The `typ` values of an access token, as `tokenType` normalises them: an untyped-by-kind JWT (`JWT`,
 * `application/jwt`) or an RFC 9068 access token (`at+jwt`, `application/at+jwt`). Any other type is another
 * kind of JWT (a logout token, a security event, a DPoP proof, an ID token) and is never accepted as one.
 */
export const ACCESS_TOKEN_TYPES: readonly string[] = ['jwt', 'at+jwt'];

const optionalUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .optional()
  .transform((v) => v?.replace(/\/+$/, ''));

export const authSettings = {
  AUTH_MODE: z.enum(['oidc', 'none']).optional(),
  AUTH_ISSUER: optionalUrl,
  AUTH_JWKS_URL: optionalUrl,
  AUTH_AUDIENCE: z.string().trim().min(1).optional(),
  AUTH_ALGORITHMS: z
    .string()
    .default('RS256,PS256,ES256,EdDSA')
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length > 0 && list.every((a) => (SUPPORTED_ALGORITHMS as readonly string[]).includes(a)), {
      message: `must be a comma-separated list of ${SUPPORTED_ALGORITHMS.join(', ')}`,
    }),
  AUTH_CLOCK_SKEW_SECONDS: wholeNumber(0, 300, 30),
  AUTH_ZONES_CLAIM: z.string().trim().min(1).default('dnsgraph_zones'),
  AUTH_JWKS_COOLDOWN_SECONDS: wholeNumber(0, 3600, 30),
  AUTH_TOKEN_TYPES: z
    .string()
    .optional()
    .transform((v) =>
      v
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .refine((list) => list === undefined || (list.length > 0 && list.every((t) => MEDIA_TYPE.test(t))), {
      message: 'must be a comma-separated list of JWT "typ" values, e.g. at+jwt',
    })
    .superRefine((list, ctx) => {
      const others = (list ?? []).filter((t) => MEDIA_TYPE.test(t) && !ACCESS_TOKEN_TYPES.includes(tokenType(t)));
      if (others.length === 0) return;
      ctx.addIssue({
        code: 'custom',
        message: `accepts access-token types only (JWT, at+jwt, application/at+jwt, in any case): ${others.map((t) => `"${t}"`).join(', ')} ${others.length > 1 ? 'are' : 'is'} another kind of JWT`,
      });
    })
    .transform((list) => list?.map(tokenType)),
  CREDENTIALS: z.enum(['server', 'caller']).optional(),
  NODE_ENV: z.string().optional(),
};

interface AuthInput {
  /** Unset: the sandboxes stand in when nothing else could; false: never (an image for production). */
  SANDBOX?: boolean | undefined;
  NS1_API_KEY?: string | undefined;
  BUDDYNS_TOKEN?: string | undefined;
  BUDDYNS_USER?: string | undefined;
  BUDDYNS_PASSWORD?: string | undefined;
  ALLOW_REQUEST_CREDENTIALS?: boolean | undefined;
  AUTH_MODE?: 'oidc' | 'none' | undefined;
  AUTH_ISSUER?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_AUDIENCE?: string | undefined;
  AUTH_ALGORITHMS: string[];
  AUTH_CLOCK_SKEW_SECONDS: number;
  AUTH_ZONES_CLAIM: string;
  AUTH_JWKS_COOLDOWN_SECONDS: number;
  AUTH_TOKEN_TYPES?: string[] | undefined;
  CREDENTIALS?: CredentialsMode | undefined;
  NODE_ENV?: string | undefined;
}

const hasServerCredentials = (c: AuthInput) => Boolean(c.NS1_API_KEY || c.BUDDYNS_TOKEN || (c.BUDDYNS_USER && c.BUDDYNS_PASSWORD));

export function credentialsMode(c: AuthInput): CredentialsMode {
  if (c.CREDENTIALS) return c.CREDENTIALS;
  return c.ALLOW_REQUEST_CREDENTIALS ? 'caller' : 'server';
}

/**
 * The embedded sandboxes serve when forced, or when nothing else could: no operator credentials and callers
 * not expected to bring their own.
 */
export function usesSandbox(c: AuthInput): boolean {
  return c.SANDBOX ?? (!hasServerCredentials(c) && credentialsMode(c) === 'server');
}

/** Refuses a configuration that would serve real provider accounts to anyone, or the demo in production. */
export function checkAuthSettings(c: AuthInput, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const nothingToServe = !hasServerCredentials(c) && credentialsMode(c) === 'server';
  if (c.SANDBOX === false && nothingToServe) {
    issue('SANDBOX', 'is false, so set NS1_API_KEY or BUDDYNS_TOKEN (or BUDDYNS_USER and BUDDYNS_PASSWORD), or CREDENTIALS=caller');
  }
  if (c.NODE_ENV === 'production' && c.SANDBOX === undefined && nothingToServe) {
    issue('NODE_ENV', 'production with no provider credentials would serve the demo sandbox: set NS1_API_KEY and/or BUDDYNS_TOKEN, or SANDBOX=true');
  }
  if (c.AUTH_MODE === 'none') return;
  if (!c.AUTH_ISSUER && (c.AUTH_MODE === 'oidc' || !usesSandbox(c))) {
    issue('AUTH_ISSUER', 'is required to serve real provider accounts (or set AUTH_MODE=none to serve them without authentication)');
  }
  if (c.AUTH_ISSUER && !c.AUTH_AUDIENCE) issue('AUTH_AUDIENCE', 'is required with AUTH_ISSUER: the audience your identity provider issues dnsgraph tokens for');
}

export function toAuthConfig(c: AuthInput, sandbox: boolean): { credentials: CredentialsMode; auth: AuthConfig; startWarnings: string[] } {
  const startWarnings: string[] = [];
  if (c.ALLOW_REQUEST_CREDENTIALS !== undefined) {
    startWarnings.push('ALLOW_REQUEST_CREDENTIALS is deprecated: use CREDENTIALS=caller (was true) or CREDENTIALS=server (was false)');
  }
  const oidc = c.AUTH_MODE !== 'none' && c.AUTH_ISSUER && c.AUTH_AUDIENCE;
  const auth: AuthConfig = oidc
    ? {
        mode: 'oidc',
        issuer: c.AUTH_ISSUER as string,
        ...(c.AUTH_JWKS_URL ? { jwksUrl: c.AUTH_JWKS_URL } : {}),
        audience: c.AUTH_AUDIENCE as string,
        algorithms: c.AUTH_ALGORITHMS,
        clockSkewSeconds: c.AUTH_CLOCK_SKEW_SECONDS,
        zonesClaim: c.AUTH_ZONES_CLAIM,
        jwksCooldownSeconds: c.AUTH_JWKS_COOLDOWN_SECONDS,
        ...(c.AUTH_TOKEN_TYPES ? { tokenTypes: c.AUTH_TOKEN_TYPES } : {}),
      }
    : { mode: 'none', zonesClaim: c.AUTH_ZONES_CLAIM };
  if (c.AUTH_MODE === 'none') {
    const ignored = (['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL'] as const).filter((name) => c[name] !== undefined);
    if (ignored.length > 0) startWarnings.push(`${ignored.join(', ')} ${ignored.length > 1 ? 'are' : 'is'} ignored with AUTH_MODE=none: no token is checked`);
  }
  const credentials = credentialsMode(c);
  if (auth.mode === 'none' && !sandbox) {
    startWarnings.push(
      credentials === 'caller'
        ? 'AUTH_MODE=none: authentication is off, and anyone who reaches this port reaches NS1 and BuddyNS through it with the provider credentials they send (CREDENTIALS=caller), from where this gateway stands on the network'
        : 'AUTH_MODE=none: authentication is off, and anyone who reaches this port acts with the configured provider accounts',
    );
  }
  return { credentials, auth, startWarnings };
}
