import { base64url, exportJWK, generateKeyPair, importJWK, SignJWT, decodeJwt, decodeProtectedHeader, type JWTHeaderParameters } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../support/harness.js';
import { OTHER_AUDIENCE, startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { ConfigError } from '../../src/config.js';
import { ask, authConfig, authGateway, type AuthGateway } from './support.js';

const ZONES = '{ zones { name } }';
const h = useHarness();
let idp: TestIdentityProvider;
let clock: Date | undefined;
let g: AuthGateway;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'dashboard' }] });
  g = authGateway(h, idp, {}, { auth: { now: () => clock ?? new Date() } });
});
afterAll(async () => {
  await g.gateway.close();
  await idp.close();
});
beforeEach(() => {
  clock = undefined;
});

/** Asks with the token and expects the whole request refused with 401 before any upstream call. */
async function expectRefused(token: string | undefined, headers: Record<string, string> = {}, reason: string | null = 'invalid_token') {
  const { result, ns1, buddyns } = await countUpstreamCalls(h, () => ask(g.gateway, token, ZONES, undefined, headers));
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  // RFC 6750 §3.1: a request with no authentication at all is challenged without an error code.
  expect(result.headers.get('www-authenticate')).toMatch(
    reason === null ? /^Bearer realm="dnsgraph"$/ : new RegExp(`^Bearer realm="dnsgraph", error="${reason}"`),
  );
  expect(ns1.total + buddyns.total).toBe(0);
  return result.errors?.[0]?.message ?? '';
}

describe('authentication with OIDC access tokens', () => {
  it('answers a caller with a valid token from the issuer', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    const { status, data, errors } = await ask<{ zones: Array<{ name: string }> }>(g.gateway, token, ZONES);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data?.zones.map((z) => z.name)).toContain('example.com');
  });

  it('refuses a request without a token with 401 and makes no upstream call', async () => {
    expect(await expectRefused(undefined, {}, null)).toContain('no access token');
    expect(await expectRefused(undefined, { authorization: 'Basic ZGFzaGJvYXJkOnNlY3JldA==' }, 'invalid_request')).toContain('Bearer');
  });

  it('refuses an expired token (past the clock skew)', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    clock = new Date((decodeJwt(token).exp ?? 0) * 1000 + 31_000);
    expect(await expectRefused(token)).toContain('expired');
  });

  it('accepts a token that expired within the clock skew', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    clock = new Date((decodeJwt(token).exp ?? 0) * 1000 + 10_000);
    expect((await ask(g.gateway, token, ZONES)).status).toBe(200);
  });

  it('refuses a token of another issuer, even one signed with the same keys', async () => {
    const impostor = await startIdentityProvider({ clients: [{ id: 'dashboard' }], keys: idp.keys });
    try {
      await expectRefused(await impostor.token('dashboard', ['dns:read']));
    } finally {
      await impostor.close();
    }
  });

  it('refuses a token issued for another audience', async () => {
    expect(await expectRefused(await idp.token('dashboard', ['dns:read'], { resource: OTHER_AUDIENCE }))).toContain('not valid for this gateway');
  });

  it('refuses forged tokens: signed by another key under the real kid, unsigned, tampered, or HMAC-signed', async () => {
    const real = await idp.token('dashboard', ['dns:read']);
    const { kid } = decodeProtectedHeader(real);
    const claims = decodeJwt(real);
    const { privateKey } = await generateKeyPair('ES256');
    const otherKey = await new SignJWT({ ...claims, scope: 'dns:write billing:write' })
      .setProtectedHeader({ alg: 'ES256', kid: kid!, typ: 'at+jwt' })
      .sign(privateKey);
    expect(await expectRefused(otherKey)).toContain('signature');

    const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt' }))}.${base64url.encode(JSON.stringify(claims))}.`;
    await expectRefused(unsigned);

    const [header, , signature] = real.split('.');
    const tampered = `${header}.${base64url.encode(JSON.stringify({ ...claims, scope: 'dns:read dns:write billing:write' }))}.${signature}`;
    expect(await expectRefused(tampered)).toContain('signature');

    // The public key used as an HMAC secret: the classic algorithm confusion.
    const publicJwk = JSON.stringify(await exportJWK((await generateKeyPair('ES256')).publicKey));
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: kid! }).sign(new TextEncoder().encode(publicJwk));
    expect(await expectRefused(hmac)).toContain('algorithm');

    expect(await expectRefused('not-a-jwt')).toContain('malformed');
  });

  /** The claims of a real access token, signed again with the issuer's own key under its `kid`, with the given `typ`. */
  async function retyped(typ: string | undefined): Promise<string> {
    const real = await idp.token('dashboard', ['dns:read']);
    const { kid, alg } = decodeProtectedHeader(real);
    const jwk = idp.keys.find((k) => k.kid === kid)!;
    const header: JWTHeaderParameters = { alg: alg!, kid: kid!, ...(typ === undefined ? {} : { typ }) };
    return new SignJWT(decodeJwt(real)).setProtectedHeader(header).sign(await importJWK(jwk, alg));
  }

  it('refuses a JWT of the issuer for this audience that is typed as something other than an access token', async () => {
    for (const typ of ['logout+jwt', 'secevent+jwt', 'dpop+jwt', 'application/id_token+jwt']) {
      expect(await expectRefused(await retyped(typ))).toContain(`not an access token ("typ" is "${typ}")`);
    }
    for (const typ of [undefined, 'JWT', 'at+jwt', 'application/AT+JWT']) {
      const { status, errors } = await ask(g.gateway, await retyped(typ), ZONES);
      expect(errors).toBeUndefined();
      expect(status).toBe(200);
    }
  });

  it('accepts only the types of AUTH_TOKEN_TYPES when it is set, and then no untyped token', async () => {
    const strict = authGateway(h, idp, { AUTH_TOKEN_TYPES: 'at+jwt' });
    try {
      expect((await ask(strict.gateway, await idp.token('dashboard', ['dns:read']), ZONES)).status).toBe(200);
      expect((await ask(strict.gateway, await retyped('application/at+jwt'), ZONES)).status).toBe(200);
      const refused = async (token: string) => {
        const { status, errors } = await ask(strict.gateway, token, ZONES);
        expect(status).toBe(401);
        return errors?.[0]?.message ?? '';
      };
      expect(await refused(await retyped('JWT'))).toContain('not an access token');
      expect(await refused(await retyped(undefined))).toContain('no "typ" header');
    } finally {
      await strict.gateway.close();
    }
  });

  it('never lets AUTH_TOKEN_TYPES open the gateway to a JWT that is not an access token: start-up refuses such a type', async () => {
    for (const types of ['logout+jwt', 'at+jwt, secevent+jwt', 'application/dpop+jwt', 'id_token+jwt']) {
      expect(() => authConfig(h, idp, { AUTH_TOKEN_TYPES: types }), types).toThrow(ConfigError);
      expect(() => authConfig(h, idp, { AUTH_TOKEN_TYPES: types }), types).toThrow(/AUTH_TOKEN_TYPES: accepts access-token types only/);
    }
    const typed = authGateway(h, idp, { AUTH_TOKEN_TYPES: 'JWT, Application/AT+JWT' });
    try {
      for (const typ of ['JWT', 'at+jwt']) expect((await ask(typed.gateway, await retyped(typ), ZONES)).status, typ).toBe(200);
      expect((await ask(typed.gateway, await retyped('logout+jwt'), ZONES)).status).toBe(401);
    } finally {
      await typed.gateway.close();
    }
  });

  it('follows a key rotation at the provider without a restart', async () => {
    const before = await idp.token('dashboard', ['dns:read']);
    expect((await ask(g.gateway, before, ZONES)).status).toBe(200);
    await idp.rotateKeys();
    const after = await idp.token('dashboard', ['dns:read']);
    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    const { status, errors } = await ask(g.gateway, after, ZONES);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('refuses an SSE subscription without a token with 401 and no upstream call', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, async () =>
      g.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { qps(zone: "example.com") { qps } }' }),
      }),
    );
    expect(result.status).toBe(401);
    await result.text();
    expect(ns1.total).toBe(0);
  });

  it('answers 503 AUTH_UNAVAILABLE, not 401, when the identity provider cannot be reached', async () => {
    const down = authGateway(h, { issuer: 'http://127.0.0.1:9' });
    try {
      const { status, errors } = await ask(down.gateway, await idp.token('dashboard', ['dns:read']), ZONES);
      expect(status).toBe(503);
      expect(errors?.[0]?.extensions?.code).toBe('AUTH_UNAVAILABLE');
      expect(down.lines.some((l) => l.includes('could not check an access token'))).toBe(true);
    } finally {
      await down.gateway.close();
    }
  });
});
