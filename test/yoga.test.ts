import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { buddyNsSandboxCredentials } from '../src/sandbox/buddyns/index.js';
import { credentialFingerprint } from '../src/sandbox/kit/request-log.js';
import { ns1SandboxKeys } from '../src/sandbox/ns1/index.js';
import { countUpstreamCalls, execute, useHarness } from './support/harness.js';

const h = useHarness();

describe('GraphQL over HTTP conformance (graphql-http audits)', () => {
  for (const audit of serverAudits({
    url: 'http://dnsgraph.test/graphql',
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => h.gateway.yoga.fetch(input instanceof Request ? input : new Request(input, init)),
  })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').not.toBe('error');
    });
  }
});

describe('operating the gateway', () => {
  it('GET /healthz answers 200', async () => {
    const res = await h.gateway.yoga.fetch('http://dnsgraph.test/healthz');
    expect(res.status).toBe(200);
  });

  it('/metrics exposes upstream request counts', async () => {
    await h.gql('{ zones { name } }');
    const text = await (await h.gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(text).toMatch(/dnsgraph_upstream_requests_total\{provider="ns1",method="GET",route="\/zones",status="200"\} \d+/);
    expect(text).toContain('dnsgraph_graphql_operation_duration_seconds_bucket');
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('serves GraphiQL to a browser, with its assets bundled', async () => {
    const res = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('dnsgraph');
    expect(html).not.toMatch(/unpkg\.com|cdn\.jsdelivr/);
  });

  it('refuses a query deeper than the limit before any upstream call', async () => {
    const deep = `{ zones { ns1 { primary { secondaries { ip } } } buddyns { status { transferOk } } records { answers { feeds { source } } } } }`;
    const shallow = h.gatewayWith({ MAX_QUERY_DEPTH: '3' });
    const refused = await countUpstreamCalls(h, () => execute(shallow, deep));
    expect(refused.result.data ?? null).toBeNull();
    expect(refused.result.errors?.[0]?.message).toMatch(/depth/i);
    expect(refused.result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.ns1.total + refused.buddyns.total).toBe(0);
    // The same query under the default limit does go upstream, so the zero above is the limit's doing.
    const allowed = await countUpstreamCalls(h, () => h.gql(deep));
    expect(allowed.result.errors).toBeUndefined();
    expect(allowed.ns1.total).toBeGreaterThan(0);
  });

  it('refuses too many aliases before any upstream call', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: zones { name }`).join(' ');
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql(`{ ${aliases} }`));
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/aliases/i);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ns1.total + buddyns.total).toBe(0);
  });
});

describe('limit refusals', () => {
  const post = (query: string) =>
    h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
  type Refusal = { errors: Array<{ message: string; extensions?: { code?: string } }> };

  it('are validation errors (HTTP 400, GRAPHQL_VALIDATION_FAILED) reported beside the document’s other problems', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: zones { name }`).join(' ');
    const response = await post(`{ ${aliases} zonez { name } }`);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as Refusal;
    expect(errors.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED']);
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining(['Aliases limit of 30 exceeded, found 40.', expect.stringMatching(/^Cannot query field "zonez"/) as unknown]),
    );
  });

  it('past the token limit the document is not parsed at all (HTTP 400, GRAPHQL_PARSE_FAILED)', async () => {
    const response = await post(`{ ${'zones { name } '.repeat(1300)}}`);
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as Refusal;
    expect(errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Token limit of 5000 exceeded/) as unknown, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
    ]);
  });
});

describe('secrets', () => {
  it('never appear in responses, headers or log lines, even on failures', async () => {
    const secrets = [ns1SandboxKeys().admin, buddyNsSandboxCredentials().token];
    await h.ns1Control.addFault({ path: '/zones/example.com', status: 500, message: 'boom' });
    await h.buddyControl.addFault({ path: '/user', status: 401, message: 'Invalid token.' });
    const bodies: string[] = [];
    for (const query of [
      '{ zones { name ns1 { id } health { problems } } }',
      '{ zone(name: "example.com") { ns1 { id } records { answers { rdata } } } }',
      '{ viewer { buddyns { user { email } } } }',
      'mutation { syncZone(name: "nope.example") }',
      '{ broken syntax',
    ]) {
      const res = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      bodies.push(await res.text(), JSON.stringify([...res.headers]));
    }
    const everything = [...bodies, ...h.logLines].join('\n');
    expect(h.logLines.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('a caller’s rejected credentials never come back in errors, headers or log lines', async () => {
    const rejected = { 'X-NS1-Key': 'rejected-ns1-key-5b1f0c', 'X-BuddyNS-Token': 'rejected-buddyns-token-9c2e7a' };
    h.logLines.length = 0;
    const { result, ns1, buddyns } = await countUpstreamCalls(h, async () => {
      const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...rejected },
        body: JSON.stringify({ query: '{ zones { name } viewer { buddyns { user { email } } } }' }),
      });
      return { body: await response.text(), headers: JSON.stringify([...response.headers]) };
    });
    // Both providers were asked with the caller's credentials and refused them, so the gateway held them.
    expect(ns1.entries.map((e) => e.credential)).toContain(credentialFingerprint(rejected['X-NS1-Key']));
    expect(buddyns.entries.map((e) => e.credential)).toContain(credentialFingerprint(`Token ${rejected['X-BuddyNS-Token']}`));
    expect(result.body).toContain('UNAUTHENTICATED');
    const everything = [result.body, result.headers, ...h.logLines].join('\n');
    for (const secret of Object.values(rejected)) expect(everything).not.toContain(secret);
  });
});
