import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, type Scope } from '../../src/auth/scopes.js';
import { countUpstreamCalls, useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { ask, authGateway, type AuthGateway } from './support.js';

const h = useHarness();
let idp: TestIdentityProvider;
let g: AuthGateway;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'app' }] });
  g = authGateway(h, idp);
});
afterAll(async () => {
  await g.gateway.close();
  await idp.close();
});

/** One operation per scope; writes name objects that do not exist, so reaching the provider is the proof. */
const OPERATIONS: Record<Scope, string> = {
  'dns:read': '{ zones { name } }',
  'dns:write': 'mutation { deleteRecord(zone: "example.com", domain: "nothing.example.com", type: A) }',
  'monitoring:read': '{ monitorJobs { id } }',
  'monitoring:write': 'mutation { deleteMonitorJob(id: "no-such-job") }',
  'data:read': '{ dataSources { id } }',
  'data:write': 'mutation { deleteDataSource(id: "no-such-source") }',
  'account:read': '{ viewer { ns1 { users { username } } } }',
  'account:write': 'mutation { deleteUser(username: "no-such-user") }',
  'billing:read': '{ viewer { ns1 { invoices { id } } } }',
  'billing:write': 'mutation { deletePaymentMethod(id: "no-such-method") }',
};

describe('scopes, enforced per field', () => {
  it.each(SCOPES)('%s allows its fields and reaches the provider', async (scope) => {
    const token = await idp.token('app', [scope]);
    const { result, ns1 } = await countUpstreamCalls(h, () => ask(g.gateway, token, OPERATIONS[scope]));
    expect(result.status).toBe(200);
    expect(result.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('FORBIDDEN');
    expect(ns1.total).toBeGreaterThan(0);
  });

  it.each(SCOPES)('without %s its fields are FORBIDDEN, naming the scope, with no upstream call', async (scope) => {
    const token = await idp.token(
      'app',
      SCOPES.filter((s) => s !== scope),
    );
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => ask(g.gateway, token, OPERATIONS[scope]));
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', requiredScopes: [scope] } });
    expect(result.errors?.[0]?.message).toContain(scope);
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('answers the fields a token allows when others in the same query are refused', async () => {
    const token = await idp.token('app', ['dns:read']);
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      ask<{ zones: unknown[]; monitorJobs: unknown[]; viewer: { ns1: { invoices: unknown[] } } }>(
        g.gateway,
        token,
        '{ zones { name } monitorJobs { id } viewer { ns1 { invoices { id } } } }',
      ),
    );
    expect(result.data?.zones.length).toBeGreaterThan(0);
    expect(result.data?.monitorJobs).toEqual([]);
    expect(result.data?.viewer.ns1.invoices).toEqual([]);
    expect(result.errors?.map((e) => [e.path, e.extensions?.requiredScopes])).toEqual([
      [['monitorJobs'], ['monitoring:read']],
      [['viewer', 'ns1', 'invoices'], ['billing:read']],
    ]);
    expect(Object.keys(ns1.routes).some((route) => route.includes('monitoring') || route.includes('invoices'))).toBe(false);
  });

  it('reads the scopes from a `scp` array as well as from `scope`', async () => {
    const { scopesOfClaims } = await import('../../src/auth/scopes.js');
    expect([...scopesOfClaims({ scp: ['dns:read', 'billing:read'] })]).toEqual(['dns:read', 'billing:read']);
    expect([...scopesOfClaims({ scope: 'dns:read  data:read' })]).toEqual(['dns:read', 'data:read']);
  });
});
