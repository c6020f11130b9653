import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buddyNsSandboxCredentials } from '../../src/sandbox/buddyns/index.js';
import { credentialFingerprint } from '../../src/sandbox/kit/request-log.js';
import { ns1SandboxKeys } from '../../src/sandbox/ns1/index.js';
import { useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { ask, authGateway, type AuthGateway } from './support.js';

const h = useHarness();
let idp: TestIdentityProvider;
let g: AuthGateway;
let token: string;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'tenant' }] });
  g = authGateway(h, idp, { CREDENTIALS: 'caller' });
  token = await idp.token('tenant', ['dns:read', 'account:read']);
});
afterAll(async () => {
  await g.gateway.close();
  await idp.close();
});

describe('CREDENTIALS=caller', () => {
  it('uses only the credential the caller sent, and never the operator’s for the other provider', async () => {
    const callerKey = ns1SandboxKeys().readOnly;
    const { data, errors } = await ask<{ zones: Array<{ name: string }>; viewer: { buddyns: unknown } }>(
      g.gateway,
      token,
      '{ zones { name } viewer { configuredProviders buddyns { user { email } } } }',
      undefined,
      { 'X-NS1-Key': callerKey },
    );
    expect(data?.zones.length).toBeGreaterThan(0);
    expect(data?.viewer).toEqual({ configuredProviders: ['NS1'], buddyns: null });
    expect(errors ?? []).toEqual([]);

    const [ns1Log, buddyLog] = await Promise.all([h.ns1Control.log(), h.buddyControl.log()]);
    expect(ns1Log.total).toBeGreaterThan(0);
    expect(new Set(ns1Log.entries.map((e) => e.credential))).toEqual(new Set([credentialFingerprint(callerKey)]));
    expect(ns1Log.entries.some((e) => e.credential === credentialFingerprint(ns1SandboxKeys().admin))).toBe(false);
    expect(buddyLog.total).toBe(0);
  });

  it('answers PROVIDER_NOT_CONFIGURED for a provider whose credential the caller did not send', async () => {
    const { errors } = await ask(g.gateway, token, '{ search(query: "example") { __typename } }', undefined, {
      'x-buddyns-token': buddyNsSandboxCredentials().token,
    });
    expect(errors?.[0]).toMatchObject({ path: ['search'], extensions: { code: 'PROVIDER_NOT_CONFIGURED', provider: 'NS1' } });
    const ns1Log = await h.ns1Control.log();
    expect(ns1Log.total).toBe(0);
  });

  it('answers PROVIDER_NOT_CONFIGURED rather than an empty list when the caller sent no credential for what it asks', async () => {
    const none = await ask(g.gateway, token, '{ zones { name } zone(name: "example.com") { name } }');
    expect(new Set(none.errors?.map((e) => `${String(e.path?.[0])} ${String(e.extensions?.code)}`))).toEqual(
      new Set(['zones PROVIDER_NOT_CONFIGURED', 'zone PROVIDER_NOT_CONFIGURED']),
    );
    const buddyOnly = await ask(g.gateway, token, '{ zones(provider: BUDDYNS) { name } }', undefined, { 'X-NS1-Key': ns1SandboxKeys().readOnly });
    expect(buddyOnly.errors?.[0]).toMatchObject({ path: ['zones'], extensions: { code: 'PROVIDER_NOT_CONFIGURED', provider: 'BUDDYNS' } });
    expect((await h.buddyControl.log()).total).toBe(0);
  });

  it('takes a BuddyNS token pasted with its scheme ("Token …"), as BuddyNS has it entered', async () => {
    const { data, errors } = await ask<{ viewer: { buddyns: { user: { email: string } } } }>(
      g.gateway,
      token,
      '{ viewer { buddyns { user { email } } } }',
      undefined,
      {
        'X-BuddyNS-Token': `Token ${buddyNsSandboxCredentials().token}`,
      },
    );
    expect(errors).toBeUndefined();
    expect(data?.viewer.buddyns.user.email).toBe('demo@dnsgraph.dev');
  });

  it('still needs a valid token: a provider credential alone is not authentication', async () => {
    const { status } = await ask(g.gateway, undefined, '{ zones { name } }', undefined, { 'X-NS1-Key': ns1SandboxKeys().readOnly });
    expect(status).toBe(401);
  });
});

describe('CREDENTIALS=server', () => {
  it('refuses a caller’s credential header instead of mixing it with the operator’s', async () => {
    const server = authGateway(h, idp);
    try {
      const { errors } = await ask(server.gateway, token, '{ zones { name } }', undefined, { 'X-NS1-Key': ns1SandboxKeys().readOnly });
      expect(errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect((await h.ns1Control.log()).total).toBe(0);
    } finally {
      await server.gateway.close();
    }
  });

  it('refuses it even for an operation that needs no provider client', async () => {
    const server = authGateway(h, idp);
    try {
      const { data, errors } = await ask(server.gateway, token, '{ __typename }', undefined, { 'X-BuddyNS-Token': 'caller-token' });
      expect(data ?? null).toBeNull();
      expect(errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    } finally {
      await server.gateway.close();
    }
  });
});
