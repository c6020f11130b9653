import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/yoga.js';
import { countUpstreamCalls, useHarness } from '../support/harness.js';

const h = useHarness();

async function ask(query: string, operationName?: string, variables?: Record<string, unknown>, gateway: Gateway = h.gateway) {
  const response = await gateway.yoga.fetch('http://dnsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[]; extensions?: Record<string, unknown> };
}

describe('compiled execution', () => {
  it('answers each operation of one document by its own name, however often and in whatever order they are asked', async () => {
    const document = 'query Names { zones { name } } query Kind { __typename } query Zone { zone(name: "example.com") { name } }';
    const expected = {
      Names: expect.objectContaining({ zones: expect.arrayContaining([{ name: 'example.com' }]) }) as unknown,
      Kind: { __typename: 'Query' },
      Zone: { zone: { name: 'example.com' } },
    };
    for (const name of ['Names', 'Kind', 'Zone', 'Kind', 'Names', 'Zone'] as const) {
      const result = await ask(document, name);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(expected[name]);
    }
  });

  it('a provider failure keeps its message, code, status, path and the location of its field, as the standard executor gives them', async () => {
    await h.ns1Control.addFault({ path: '/zones/example.com', status: 500, message: 'boom' });
    const query = '{\n  zone(name: "example.com") {\n    name\n    ns1 { id }\n  }\n}';
    for (let ask = 0; ask < 2; ask++) {
      const result = await h.gql(query);
      expect({ data: result.data, errors: result.errors }).toEqual({
        data: { zone: { name: 'example.com', ns1: null } },
        errors: [
          {
            message: 'NS1: boom',
            locations: [{ line: 4, column: 5 }],
            path: ['zone', 'ns1'],
            extensions: { code: 'UPSTREAM_ERROR', provider: 'NS1', status: 500 },
          },
          { message: 'NS1: boom', path: ['zone'], extensions: { code: 'UPSTREAM_ERROR', provider: 'NS1', status: 500 } },
        ],
      });
    }
  });

  it('refuses bad variables in graphql-js’s and the scalars’ own words, naming the variable, with BAD_USER_INPUT, before any upstream call', async () => {
    const query = 'query Zone($name: DomainName!) { zone(name: $name) { name } }';
    const { result, ns1, buddyns } = await countUpstreamCalls(h, async () => [
      await ask(query, 'Zone', { name: 5 }),
      await ask(query, 'Zone', { name: 'not a domain!' }),
      await ask(query, 'Zone', {}),
      await ask(query, 'Zone', { name: 5 }),
    ]);
    const at = [{ line: 1, column: 12 }];
    const bad = (message: string) => ({ errors: [{ message, locations: at, extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(result).toEqual([
      bad('Variable "$name" got invalid value 5; DomainName must be a string'),
      bad('Variable "$name" got invalid value "not a domain!"; "not a domain!" is not a valid domain name'),
      bad('Variable "$name" of required type "DomainName!" was not provided.'),
      bad('Variable "$name" got invalid value 5; DomainName must be a string'),
    ]);
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('runs a document with @defer incrementally, on the standard executor', async () => {
    const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: '{ zones { name ... @defer { providers } } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    const body = await response.text();
    expect(body).toContain('"hasNext":true');
    expect(body).toContain('"incremental"');
  });

  it('runs inside the response cache: a compiled query keeps its live TTL, and a compiled write still empties the cache', async () => {
    const gateway = h.gatewayWith({ RESPONSE_CACHE_TTL_SECONDS: '60' });
    const zones = ((await ask('{ zones { name } }', undefined, undefined, gateway)).data?.zones ?? []) as Array<{ name: string }>;
    expect(zones.length).toBeGreaterThan(1);
    const live = 'query Live($name: DomainName!) { zone(name: $name) { name qps } }';
    // Each zone is a cache key of its own; from the second on the operation runs compiled.
    for (const { name } of zones.slice(0, 3)) {
      expect((await ask(live, 'Live', { name }, gateway)).extensions?.responseCache).toEqual({ hit: false, didCache: true, ttl: 5000 });
    }
    const create =
      'mutation Create($domain: DomainName!) { createRecord(input: { zone: "example.com", domain: $domain, type: A, answers: [{ rdata: ["192.0.2.80"] }] }) { domain } }';
    const records = '{ zone(name: "example.com") { records { domain } } }';
    for (const domain of ['first.example.com', 'second.example.com']) {
      await ask(records, undefined, undefined, gateway);
      expect((await ask(records, undefined, undefined, gateway)).extensions?.responseCache).toMatchObject({ hit: true });
      expect((await ask(create, 'Create', { domain }, gateway)).errors).toBeUndefined();
      const after = await ask(records, undefined, undefined, gateway);
      expect(after.extensions?.responseCache).toMatchObject({ hit: false });
      expect(JSON.stringify(after.data)).toContain(domain);
    }
  });
});
