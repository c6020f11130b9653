import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../support/harness.js';

const h = useHarness();

interface Answer {
  data?: unknown;
  errors?: Array<{ message: string; locations?: Array<{ line: number; column: number }>; extensions?: { code?: string } }>;
}

async function ask(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

describe('bad input', () => {
  it('a bad literal is located where it stands in the document, for every kind of scalar, before any upstream call', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([
        ask('{\n  zone(name: "exa mple.com") { name }\n}'),
        ask('mutation {\n  setBuddyNsMaster(name: "example.com", master: "300.1.1.1") { name }\n}'),
      ]),
    );
    const [domain, address] = result;
    expect(domain.errors).toEqual([
      { message: '"exa mple.com" is not a valid domain name', locations: [{ line: 2, column: 14 }], extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(address.errors).toHaveLength(1);
    expect(address.errors?.[0]).toMatchObject({ locations: [{ line: 2, column: 49 }], extensions: { code: 'BAD_USER_INPUT' } });
    expect(address.errors?.[0]?.message).toMatch(/300\.1\.1\.1/);
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('an address field takes one address, not a network, as a literal or a variable', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([
        ask('mutation { setBuddyNsMaster(name: "buddy-only.io", master: "10.0.0.0/8") { master } }'),
        ask('mutation ($master: IP) { setBuddyNsMaster(name: "buddy-only.io", master: $master) { master } }', { master: '2001:db8::/32' }),
        ask(
          'mutation ($ip: IPv4!) { createZone(input: { name: "cidr.example", providers: [NS1], ns1: { secondary: { enabled: true, primaryIp: $ip } } }) { name } }',
          {
            ip: '192.0.2.1/32',
          },
        ),
        ask(
          'mutation ($ip: IPv4!) { createZone(input: { name: "v6.example", providers: [NS1], ns1: { secondary: { enabled: true, primaryIp: $ip } } }) { name } }',
          {
            ip: '2001:db8::1',
          },
        ),
      ]),
    );
    for (const answer of result) expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(answer.errors)).toBe('BAD_USER_INPUT');
    expect(result[0]?.errors?.[0]?.message).toBe('Value is not a single IPv4 or IPv6 address: 10.0.0.0/8');
    expect(ns1.total + buddyns.total).toBe(0);
    const good = await ask('mutation { setBuddyNsMaster(name: "buddy-only.io", master: "2001:db8::53") { master } }');
    expect(good).toEqual({ data: { setBuddyNsMaster: { master: '2001:db8::53' } } });
  });

  it('an id of ".", ".." or nothing is refused before it could move along the provider’s path', async () => {
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([
        ask('{ dataSource(id: ".") { id } }'),
        ask('{ monitorJob(id: "..") { id } }'),
        ask('{ monitorJob(id: "") { id } }'),
        ask('mutation { deleteDataFeed(sourceId: "..", id: "sources") }'),
      ]),
    );
    for (const answer of result) {
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(result[1]?.errors?.[0]?.message).toBe('".." is not an id or name a provider can look up');
    expect(ns1.total + buddyns.total).toBe(0);
  });

  it('a bad variable is named in the message, located at its definition and BAD_USER_INPUT, whatever its type', async () => {
    const logged = h.logLines.length;
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () =>
      Promise.all([
        ask('query Find($text: String!, $max: Int) {\n  search(query: $text, max: $max) { __typename }\n}', { text: 'example', max: 'many' }),
        ask('query ($a: DomainName!, $b: DomainName!) { a: zone(name: $a) { name } b: zone(name: $b) { name } }', { a: 'example.com', b: 'bad name' }),
      ]),
    );
    const [int, second] = result;
    expect(int.errors).toEqual([
      {
        message: 'Variable "$max" got invalid value "many"; Int cannot represent non-integer value: "many"',
        locations: [{ line: 1, column: 28 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(second.errors).toEqual([
      {
        message: 'Variable "$b" got invalid value "bad name"; "bad name" is not a valid domain name',
        locations: [{ line: 1, column: 25 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(ns1.total + buddyns.total).toBe(0);
    // The caller's mistake, not the gateway's: nothing at `error` level.
    expect(h.logLines.slice(logged).filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
  });
});

describe('a request that is not a GraphQL request', () => {
  it('is BAD_REQUEST with a 4xx status, whatever the client accepts', async () => {
    const post = (body: string, accept: string) =>
      h.gateway.yoga.fetch('http://dnsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*']) {
      for (const body of ['{}', '{"query": "{ __typename }", "variables": "x"}', '{"query": ']) {
        const response = await post(body, accept);
        expect([body, accept, response.status]).toEqual([body, accept, 400]);
        expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('BAD_REQUEST');
      }
    }
  });
});

describe('a body that is not JSON', () => {
  it('is BAD_REQUEST (HTTP 400) with the parser’s reason but not the body quoted back, and is no error of the gateway in its log', async () => {
    const body = '{"query": "{ zones { name } }", "variables": {"note": "not for echo"';
    const logged = h.logLines.length;
    const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      errors: [
        {
          message: 'POST body sent invalid JSON.',
          extensions: {
            code: 'BAD_REQUEST',
            originalError: { name: 'SyntaxError', message: "Expected ',' or '}' after property value in JSON at position 68" },
          },
        },
      ],
    });
    expect(text).not.toContain('not for echo');
    const errorLines = h.logLines.slice(logged).filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    expect(errorLines).toEqual([]);
  });
});
