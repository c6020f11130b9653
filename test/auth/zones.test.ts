import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { allowsZone, zoneAccessOfClaim } from '../../src/auth/zone-access.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { DEMO_FEEDS } from '../../src/sandbox/ns1/seed.js';
import { countUpstreamCalls, useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { subscribeSse } from '../subscriptions/support/sse.js';
import { ask, authConfig, authGateway, type AuthGateway } from './support.js';

const EVERYTHING = ['dns:read', 'dns:write', 'data:read', 'monitoring:read'];
const h = useHarness();
let idp: TestIdentityProvider;
let g: AuthGateway;
let limited: string;
let unlimited: string;

beforeAll(async () => {
  idp = await startIdentityProvider({
    clients: [{ id: 'shop', zones: ['example.com'] }, { id: 'shop-and-below', zones: ['example.com', '*.example.com'] }, { id: 'ops' }],
  });
  g = authGateway(h, idp);
  [limited, unlimited] = await Promise.all([idp.token('shop', EVERYTHING), idp.token('ops', EVERYTHING)]);
});
afterAll(async () => {
  await g.gateway.close();
  await idp.close();
});

describe('zones per caller', () => {
  it('lists only the granted zones, on both providers', async () => {
    const { data } = await ask<{ zones: Array<{ name: string; providers: string[] }> }>(g.gateway, limited, '{ zones { name providers } }');
    expect(data?.zones).toEqual([{ name: 'example.com', providers: ['NS1', 'BUDDYNS'] }]);
    const all = await ask<{ zones: unknown[] }>(g.gateway, unlimited, '{ zones { name } }');
    expect(all.data?.zones.length).toBeGreaterThan(3);
  });

  it('answers null for another zone and its records, with no upstream call', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      ask<{ zone: unknown; record: unknown }>(
        g.gateway,
        limited,
        '{ zone(name: "ns1-only.com") { name } record(zone: "ns1-only.com", domain: "www.ns1-only.com", type: A) { id } }',
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ zone: null, record: null });
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('refuses writes to another zone with FORBIDDEN before any upstream call', async () => {
    const writes = [
      'mutation { createZone(input: { name: "new.example", providers: [NS1] }) { name } }',
      'mutation { deleteZone(name: "ns1-only.com") }',
      'mutation { createRecord(input: { zone: "ns1-only.com", domain: "a.ns1-only.com", type: A, answers: [{ rdata: ["192.0.2.1"] }] }) { id } }',
      'mutation { deleteRecord(zone: "ns1-only.com", domain: "www.ns1-only.com", type: A) }',
      'mutation { syncZone(name: "buddy-only.io") }',
      'mutation { setBuddyNsMaster(name: "buddy-only.io", master: "192.0.2.9") { master } }',
      'mutation { syncAllZones }',
    ];
    for (const write of writes) {
      const { result, ns1, buddyns } = await countUpstreamCalls(h, () => ask(g.gateway, limited, write));
      expect(result.errors?.[0]?.extensions?.code, write).toBe('FORBIDDEN');
      expect(ns1.total + buddyns.total, write).toBe(0);
    }
    const own = await ask(
      g.gateway,
      limited,
      'mutation { createRecord(input: { zone: "example.com", domain: "new.example.com", type: A, answers: [{ rdata: ["192.0.2.1"] }] }) { domain } }',
    );
    expect(own.errors).toBeUndefined();
  });

  it('refuses a link to a record in a zone the token does not grant, before reading anything of it', async () => {
    const create = (target: string, type: string) =>
      `mutation { createRecord(input: { zone: "example.com", domain: "l.example.com", type: ${type}, answers: [], link: "${target}" }) { domain } }`;
    const update = (target: string) =>
      `mutation { updateRecord(zone: "example.com", domain: "example.com", type: A, input: { link: "${target}" }) { domain } }`;
    const cases: Array<[string, string]> = [
      ['www.ns1-only.com', create('www.ns1-only.com', 'MX')],
      ['nope.ns1-only.com', create('nope.ns1-only.com', 'MX')],
      ['www.ns1-only.com', create('www.ns1-only.com', 'A')],
      ['www.ns1-only.com', update('www.ns1-only.com')],
    ];
    for (const [target, write] of cases) {
      const { result, ns1, buddyns } = await countUpstreamCalls(h, () => ask(g.gateway, limited, write));
      // The same answer whether the target exists or not, and nothing asked of NS1 that could tell.
      expect(result.errors?.[0]?.extensions, write).toEqual({ code: 'FORBIDDEN', field: 'link' });
      expect(result.errors?.[0]?.message, write).toBe(`Forbidden: this token grants no zone that ${target} could lie in`);
      expect(ns1.total + buddyns.total, write).toBe(0);
    }
  });

  it('refuses a new zone linked to a zone the token does not grant, before reading anything, whether that zone exists or not', async () => {
    const withSubZones = await idp.token('shop-and-below', EVERYTHING);
    for (const target of ['ns1-only.com', 'no-such-zone.org']) {
      const write = `mutation { createZone(input: { name: "linked.example.com", providers: [NS1], ns1: { link: "${target}" } }) { name } }`;
      const { result, ns1, buddyns } = await countUpstreamCalls(h, () => ask(g.gateway, withSubZones, write));
      expect(result.errors?.[0]?.extensions, target).toEqual({ code: 'FORBIDDEN', field: 'input.ns1.link' });
      expect(result.errors?.[0]?.message, target).toBe(`Forbidden: this token does not grant the zone ${target} to link to`);
      expect(ns1.total + buddyns.total, target).toBe(0);
    }
    const own = await ask(
      g.gateway,
      withSubZones,
      'mutation { createZone(input: { name: "linked.example.com", providers: [NS1], ns1: { link: "example.com" } }) { name ns1 { link } } }',
    );
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({ createZone: { name: 'linked.example.com', ns1: { link: 'example.com' } } });
  });

  it('answers a link into a zone below a granted one that the token does not grant as one that does not exist', async () => {
    const setup = await ask(
      g.gateway,
      unlimited,
      'mutation { createZone(input: { name: "hidden.example.com", providers: [NS1] }) { name } createRecord(input: { zone: "hidden.example.com", domain: "www.hidden.example.com", type: A, answers: [{ rdata: ["192.0.2.9"] }] }) { domain } }',
    );
    expect(setup.errors).toBeUndefined();
    const link = (target: string) =>
      ask(
        g.gateway,
        limited,
        `mutation { createRecord(input: { zone: "example.com", domain: "l.example.com", type: A, answers: [], link: "${target}" }) { domain } }`,
      );
    const hidden = await link('www.hidden.example.com');
    const absent = await link('www.absent.example.com');
    expect(hidden.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'link' });
    expect(hidden.errors?.[0]?.message).toBe('link: www.hidden.example.com/A does not exist on NS1 in a zone this token grants');
    expect(absent.errors?.[0]?.message).toBe('link: www.absent.example.com/A does not exist on NS1 in a zone this token grants');
  });

  it('refuses a zone file import into another zone before uploading it', async () => {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({ query: 'mutation ($f: File!) { importZoneFile(name: "ns1-only.com", zoneFile: $f) { id } }', variables: { f: null } }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new File(['www 60 IN A 192.0.2.1\n'], 'ns1-only.com.zone'));
    const { result, ns1 } = await countUpstreamCalls(h, async () => {
      const response = await g.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
        method: 'POST',
        headers: { authorization: `Bearer ${limited}`, 'x-graphql-yoga-csrf': '1' },
        body: form,
      });
      return (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(ns1.total).toBe(0);
  });

  it('resolves _entities representations of another zone to null', async () => {
    const { data, errors } = await ask<{ _entities: unknown[] }>(
      g.gateway,
      limited,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name } ... on Record { domain } } }',
      {
        r: [
          { __typename: 'Zone', name: 'example.com' },
          { __typename: 'Zone', name: 'ns1-only.com' },
          { __typename: 'Record', zone: 'ns1-only.com', domain: 'www.ns1-only.com', type: 'A' },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([{ name: 'example.com' }, null, null]);
  });

  it('refuses _entities of a type whose scope the token lacks', async () => {
    const dnsOnly = await idp.token('ops', ['dns:read']);
    const { data, errors } = await ask<{ _entities: unknown[] }>(
      g.gateway,
      dnsOnly,
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Invoice { id } } }',
      {
        r: [
          { __typename: 'Invoice', id: 'any' },
          { __typename: 'Zone', name: 'example.com' },
        ],
      },
    );
    expect(data?._entities).toEqual([null, {}]);
    expect(errors?.[0]).toMatchObject({ path: ['_entities', 0], extensions: { code: 'FORBIDDEN', requiredScopes: ['billing:read'] } });
  });

  it('refuses each representation of a type the token may not read at its own position, before any upstream call', async () => {
    const dnsOnly = await idp.token('ops', ['dns:read']);
    const r = [
      { __typename: 'Invoice', id: '727' },
      { __typename: 'MonitorJob', id: '52a27d4397d5f07003fdbe7b' },
      { __typename: 'DataSource', id: 'a53252f9e583c6708331a1da' },
      { __typename: 'DataFeed', id: '520533b89f782d5b1a10a851' },
      { __typename: 'Zone', name: 'example.com' },
    ];
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      ask<{ _entities: unknown[] }>(g.gateway, dnsOnly, 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name } } }', { r }),
    );
    expect(result.data?._entities).toEqual([null, null, null, null, { name: 'example.com' }]);
    expect(result.errors?.map((e) => [e.path, e.extensions?.requiredScopes])).toEqual([
      [['_entities', 0], ['billing:read']],
      [['_entities', 1], ['monitoring:read']],
      [['_entities', 2], ['data:read']],
      [['_entities', 3], ['data:read']],
    ]);
    expect(Object.keys(ns1.counts).every((call) => call.startsWith('GET /zones'))).toBe(true);
  });

  it('filters search results to the granted zones', async () => {
    const { data } = await ask<{ search: Array<{ __typename: string; name?: string; zone?: string }> }>(
      g.gateway,
      limited,
      '{ search(query: "com") { __typename ... on Zone { name } ... on Record { zone } } }',
    );
    expect(data?.search.length).toBeGreaterThan(0);
    for (const hit of data?.search ?? []) expect(hit.name ?? hit.zone).toBe('example.com');
  });

  it('hides feed destinations outside the granted zones', async () => {
    const query = `{ dataFeed(sourceId: "${DEMO_FEEDS.source}", id: "${DEMO_FEEDS.east}") { destinations { recordId record { zone } } } }`;
    const all = await ask<{ dataFeed: { destinations: Array<{ record: { zone: string } }> } }>(g.gateway, unlimited, query);
    expect(all.data?.dataFeed.destinations.map((d) => d.record.zone)).toContain('ns1-only.com');
    const some = await ask<{ dataFeed: { destinations: unknown[] } }>(g.gateway, limited, query);
    expect(some.errors).toBeUndefined();
    expect(some.data?.dataFeed.destinations).toEqual([]);
  });

  it('refuses SSE subscriptions on another zone, and account-wide ones, before polling', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, async () => {
      const refused = [];
      for (const query of [
        'subscription { qps(zone: "ns1-only.com") { qps } }',
        'subscription { qps { qps } }',
        'subscription { zoneTransferStatus(name: "buddy-only.io") { transferOk } }',
      ]) {
        const stream = await subscribeSse(g.gateway, query, {}, { authorization: `Bearer ${limited}` });
        refused.push(await stream.next());
        await stream.close();
      }
      return refused;
    });
    expect(result.map((r) => r?.errors?.[0]?.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it("hides another zone's import job from the query and refuses its subscription", async () => {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'mutation ($f: File!) { importZoneFile(name: "imported.ns1-only.com", zoneFile: $f, async: true) { id } }',
        variables: { f: null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new File(['www 60 IN A 192.0.2.1\n'], 'ns1-only.com.zone'));
    const response = await g.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${unlimited}`, 'x-graphql-yoga-csrf': '1' },
      body: form,
    });
    const started = (await response.json()) as { data?: { importZoneFile: { id: string } } };
    const jobId = started.data?.importZoneFile.id;
    expect(jobId).toBeTruthy();

    const own = await ask<{ zoneImport: { id: string } | null }>(g.gateway, unlimited, `{ zoneImport(jobId: "${jobId}") { id } }`);
    expect(own.data?.zoneImport?.id).toBe(jobId);
    const other = await ask<{ zoneImport: unknown }>(g.gateway, limited, `{ zoneImport(jobId: "${jobId}") { id } }`);
    expect(other.errors).toBeUndefined();
    expect(other.data?.zoneImport).toBeNull();

    const stream = await subscribeSse(g.gateway, `subscription { zoneImport(jobId: "${jobId}") { id } }`, {}, { authorization: `Bearer ${limited}` });
    const first = await stream.next();
    await stream.close();
    expect(first?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(first?.data?.zoneImport ?? null).toBeNull();
  });

  it('reads *.parent as every zone below it, and accepts Unicode names', () => {
    const access = zoneAccessOfClaim(['*.example.org', 'bücher.de'], 'dnsgraph_zones');
    expect(allowsZone(access, 'shop.example.org')).toBe(true);
    expect(allowsZone(access, 'example.org')).toBe(false);
    expect(allowsZone(access, 'notexample.org')).toBe(false);
    expect(allowsZone(access, 'xn--bcher-kva.de')).toBe(true);
    expect(() => zoneAccessOfClaim('example.com', 'dnsgraph_zones')).toThrow(/array/);
  });
});

describe('zones per caller over WebSocket', () => {
  let running: RunningGateway;
  const clients: Client[] = [];
  beforeAll(async () => {
    running = await startGateway({ ...authConfig(h, idp), port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    await running.stop();
  });

  it('streams the granted zone and refuses another one', async () => {
    const client = createClient({
      url: running.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${limited}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const own = client.iterate({ query: 'subscription { qps(zone: "example.com", intervalSeconds: 5) { zone } }' });
    expect((await own.next()).value).toMatchObject({ data: { qps: { zone: 'example.com' } } });
    await own.return?.();
    const other = client.iterate({ query: 'subscription { qps(zone: "ns1-only.com", intervalSeconds: 5) { zone } }' });
    expect((await other.next()).value).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', zone: 'ns1-only.com' } }] });
  });
});
