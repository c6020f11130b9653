import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { ask, authGateway, type AuthGateway } from './support.js';

const ZONES = '{ zones { name } }';
const h = useHarness();
let idp: TestIdentityProvider;
let g: AuthGateway;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'ops' }, { id: 'shop', zones: ['example.com'] }] });
  g = authGateway(h, idp, { RESPONSE_CACHE_TTL_SECONDS: '60' });
});
afterAll(async () => {
  await g.gateway.close();
  await idp.close();
});

describe('the response cache with authentication', () => {
  it('answers no cached response without a valid token, and none across different grants', async () => {
    const ops = await idp.token('ops', ['dns:read']);
    const first = await ask<{ zones: unknown[] }>(g.gateway, ops, ZONES);
    expect(first.data?.zones.length).toBeGreaterThan(1);
    const again = await countUpstreamCalls(h, () => ask(g.gateway, ops, ZONES));
    expect(again.ns1.total).toBe(0);

    const anonymous = await ask(g.gateway, undefined, ZONES);
    expect(anonymous.status).toBe(401);
    expect(anonymous.data ?? null).toBeNull();

    const shop = await ask<{ zones: Array<{ name: string }> }>(g.gateway, await idp.token('shop', ['dns:read']), ZONES);
    expect(shop.data?.zones).toEqual([{ name: 'example.com' }]);
  });
});
