import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { ask, authGateway, type AuthGateway } from './support.js';

const ZONES = '{ zones { name } }';
const h = useHarness();
let idp: TestIdentityProvider;
let g: AuthGateway;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'dashboard' }, { id: 'reporting' }] });
  g = authGateway(h, idp);
});
afterAll(async () => {
  await g.gateway.close();
  await idp.close();
});

/** A real access token of the issuer, its claims changed and signed again with the issuer's own key under its `kid`. */
async function reissued(clientId: string, change: (claims: JWTPayload) => JWTPayload): Promise<string> {
  const real = await idp.token(clientId, ['dns:read']);
  const { kid, alg, typ } = decodeProtectedHeader(real);
  const jwk = idp.keys.find((k) => k.kid === kid)!;
  return new SignJWT(change(decodeJwt(real))).setProtectedHeader({ alg: alg!, kid: kid!, ...(typ ? { typ } : {}) }).sign(await importJWK(jwk, alg));
}

describe('the subject of an access token', () => {
  it('refuses a token without a subject with 401 before any upstream call, so such tokens never share one caller', async () => {
    const withoutSub = async (clientId: string) => reissued(clientId, ({ sub: _sub, ...claims }) => claims);
    for (const token of [await withoutSub('dashboard'), await withoutSub('reporting'), await reissued('dashboard', (c) => ({ ...c, sub: '' }))]) {
      const { result, ns1, buddyns } = await countUpstreamCalls(h, () => ask(g.gateway, token, ZONES));
      expect(result.status).toBe(401);
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining('the token has no subject'), extensions: { code: 'UNAUTHENTICATED' } });
      expect(result.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      expect(ns1.total + buddyns.total).toBe(0);
    }
  });

  it('refuses a subject that is not a string', async () => {
    const numeric = await reissued('dashboard', (c) => ({ ...c, sub: 42 as unknown as string }));
    const { status, errors } = await ask(g.gateway, numeric, ZONES);
    expect(status).toBe(401);
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a subject that looks like a client id, as a caller of its own', async () => {
    const token = await reissued('reporting', (c) => ({ ...c, sub: 'client:dashboard' }));
    const { status, errors } = await ask(g.gateway, token, ZONES);
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
  });
});
