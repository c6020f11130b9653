import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { ask, authGateway, type AuthGateway } from '../auth/support.js';

const ADD_CARD =
  'mutation AddCard { addPaymentMethod(input: { number: "4111 1111 1111 1111", expMonth: 12, expYear: 2099, cvc: "737", name: "Dana" }) { id } }';
const h = useHarness();
let idp: TestIdentityProvider;
let g: AuthGateway;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'billing-robot' }] });
  g = authGateway(h, idp);
});
afterAll(async () => {
  await g.gateway.close();
  await idp.close();
});
beforeEach(() => {
  g.lines.length = 0;
});

const auditLines = () => g.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.audit === true);

describe('audit of mutations', () => {
  it('writes one audit line per mutation: principal, operation, redacted input, provider writes and outcome', async () => {
    const token = await idp.token('billing-robot', ['billing:write']);
    const { errors } = await ask(g.gateway, token, ADD_CARD);
    expect(errors).toBeUndefined();
    const lines = auditLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      audit: true,
      principal: { id: 'billing-robot', sub: 'billing-robot', clientId: 'billing-robot', authenticated: true },
      operation: 'addPaymentMethod',
      operationName: 'AddCard',
      input: { input: { number: '[redacted]', cvc: '[redacted]', expMonth: 12, expYear: 2099, name: 'Dana' } },
      providerWrites: [{ provider: 'ns1', method: expect.stringMatching(/^(PUT|POST)$/), status: 200 }],
      outcome: 'success',
    });
    expect(JSON.stringify(g.lines)).not.toContain('4111');
    // Tied to the request like its other lines: the access line carries the same id.
    const access = g.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'operation');
    expect(lines[0]?.requestId).toEqual(expect.any(String));
    expect(lines[0]?.requestId).toBe(access?.requestId);
  });

  it('redacts the secrets of provider configurations: webhook URLs, PagerDuty service keys, access keys, passwords in URLs', async () => {
    const token = await idp.token('billing-robot', ['monitoring:write', 'data:write']);
    const list = await ask(
      g.gateway,
      token,
      `mutation { createNotificationList(input: { name: "pager", notifiers: [
        { type: WEBHOOK, config: { url: "https://hooks.example.com/secret-token-123" } },
        { type: PAGERDUTY, config: { service_key: "pd-secret-abc" } } ] }) { id } }`,
    );
    expect(list.errors).toBeUndefined();
    const source = await ask(
      g.gateway,
      token,
      `mutation { createDataSource(input: { name: "aws", sourceType: "nsone_v1",
        config: { aws_access_key_id: "AKIAEXAMPLE", endpoint: "https://robot:hunter2@feeds.example.com/in" } }) { id } }`,
    );
    expect(source.errors).toBeUndefined();
    const logged = JSON.stringify(auditLines());
    for (const secret of ['secret-token-123', 'pd-secret-abc', 'AKIAEXAMPLE', 'hunter2']) expect(logged).not.toContain(secret);
    expect(logged).toContain('https://feeds.example.com/in');
  });

  it('records a refused mutation with its outcome and no provider write', async () => {
    const token = await idp.token('billing-robot', ['billing:read']);
    await ask(g.gateway, token, ADD_CARD);
    expect(auditLines()).toEqual([expect.objectContaining({ operation: 'addPaymentMethod', outcome: 'forbidden', providerWrites: [] })]);
  });

  it('lists only its own writes: concurrent mutations, and the fields of one mutation, never see each other’s', async () => {
    const write = await idp.token('billing-robot', ['billing:write']);
    const read = await idp.token('billing-robot', ['billing:read']);
    // Held upstream, so that the operations are in flight together.
    await h.ns1Control.addFault({ path: '/', latencyMs: 100 });
    const twoCards = ADD_CARD.replace('mutation AddCard {', 'mutation TwoCards {').replace(
      /\{ id \} \}$/,
      '{ id } second: addPaymentMethod(input: { number: "4111 1111 1111 1111", expMonth: 1, expYear: 2099, cvc: "737", name: "Eve" }) { id } }',
    );
    const answers = await Promise.all([ask(g.gateway, write, ADD_CARD), ask(g.gateway, write, twoCards), ask(g.gateway, read, ADD_CARD)]);
    await h.ns1Control.clearFaults();
    expect(answers.map((a) => a.errors?.[0]?.extensions?.code)).toEqual([undefined, undefined, 'FORBIDDEN']);
    const oneWrite = [expect.objectContaining({ provider: 'ns1', method: expect.stringMatching(/^(PUT|POST)$/), status: 200 })];
    const lines = auditLines();
    expect(lines).toHaveLength(4);
    expect(lines.filter((l) => l.outcome === 'success').map((l) => [l.operationName, l.providerWrites])).toEqual(
      expect.arrayContaining([
        ['AddCard', oneWrite],
        ['TwoCards', oneWrite],
        ['TwoCards', oneWrite],
      ]),
    );
    expect(lines.find((l) => l.outcome === 'forbidden')).toMatchObject({ operationName: 'AddCard', providerWrites: [] });
  });

  it('describes an uploaded zone file by name, size and type, never by its contents', async () => {
    const token = await idp.token('billing-robot', ['dns:read', 'dns:write']);
    // A zone file of some 256 KiB, most of it one comment, and a record whose text must stay out of the log.
    const contents = `$ORIGIN uploaded.example.\n$TTL 300\ntxt TXT "zone-file-contents-marker"\n; ${'x'.repeat(256 * 1024)}\n`;
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({ query: 'mutation Upload($f: File!) { importZoneFile(name: "uploaded.example", zoneFile: $f) { id } }', variables: { f: null } }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new File([contents], 'uploaded.example.zone', { type: 'text/plain' }));
    const response = await g.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    const { errors } = (await response.json()) as { errors?: unknown };
    expect(errors).toBeUndefined();
    const lines = auditLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      operation: 'importZoneFile',
      operationName: 'Upload',
      input: { name: 'uploaded.example', zoneFile: { name: 'uploaded.example.zone', size: Buffer.byteLength(contents), type: 'text/plain' } },
      outcome: 'success',
    });
    for (const line of g.lines) {
      expect(line.length).toBeLessThan(2_000);
      expect(line).not.toContain('zone-file-contents-marker');
    }
  });

  it('lists a BuddyNS SyncNOW among the provider writes of syncZone and syncAllZones', async () => {
    const token = await idp.token('billing-robot', ['dns:read', 'dns:write']);
    const { errors } = await ask(g.gateway, token, 'mutation Sync { one: syncZone(name: "example.com") all: syncAllZones }');
    expect(errors).toBeUndefined();
    const sync = (path: string) => [{ provider: 'buddyns', method: 'GET', path, status: expect.any(Number) as number }];
    expect(auditLines().map((l) => [l.operation, l.outcome, l.providerWrites])).toEqual([
      ['syncZone', 'success', sync('/sync/example.com')],
      ['syncAllZones', 'success', sync('/sync/')],
    ]);
  });

  it('counts mutations by operation and outcome at /metrics', async () => {
    const write = await idp.token('billing-robot', ['billing:write']);
    await ask(g.gateway, write, ADD_CARD);
    await ask(g.gateway, write, 'mutation { deletePaymentMethod(id: "no-such-card") }');
    const metrics = await (await g.gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(metrics).toMatch(/dnsgraph_mutations_total\{operation="addPaymentMethod",outcome="success"\} [1-9]/);
    expect(metrics).toMatch(/dnsgraph_mutations_total\{operation="deletePaymentMethod",outcome="not_found"\} 1/);
  });
});
