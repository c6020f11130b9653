import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/harness.js';

const h = useHarness();

interface Part {
  data?: { zones?: Array<Record<string, unknown>> };
  incremental?: Array<{
    data: Record<string, unknown>;
    path: Array<string | number>;
    label?: string;
    errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
  }>;
  hasNext: boolean;
}

/** The JSON bodies of a multipart/mixed response, in order. */
function partsOf(body: string): Part[] {
  return body
    .split(/\r?\n---/)
    .map((chunk) => chunk.slice(chunk.indexOf('{')))
    .filter((chunk) => chunk.startsWith('{'))
    .map((chunk) => JSON.parse(chunk.slice(0, chunk.lastIndexOf('}') + 1)) as Part);
}

describe('@defer', () => {
  it('a dashboard gets its zones first and their health and QPS later, over multipart/mixed', async () => {
    const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({
        query: 'query Dashboard { zones { id asciiName providers ... @defer(label: "live") { health { serialsInSync } qps } } }',
      }),
    });
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    const parts = partsOf(await response.text());
    const [first, ...rest] = parts;
    expect(first?.hasNext).toBe(true);
    const zones = first?.data?.zones ?? [];
    expect(zones.length).toBeGreaterThan(0);
    for (const zone of zones) {
      expect(zone.id).toBe(zone.asciiName);
      expect(zone).not.toHaveProperty('health');
    }
    const deferred = rest.flatMap((p) => p.incremental ?? []);
    expect(deferred).toHaveLength(zones.length);
    for (const item of deferred) {
      expect(item.label).toBe('live');
      expect(item.data).toHaveProperty('health.serialsInSync');
      expect(item.data).toHaveProperty('qps');
    }
    expect(parts.at(-1)?.hasNext).toBe(false);
  });
});

describe('@defer when a deferred field fails', () => {
  const QUERY = 'query Late { zone(name: "ns1-only.com") { name ... @defer { qps } } }';

  /** The deferred parts' errors over multipart/mixed or SSE. */
  async function deferredErrors(accept: string) {
    const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query: QUERY }),
    });
    const text = await response.text();
    const parts =
      accept === 'multipart/mixed'
        ? partsOf(text)
        : text
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => JSON.parse(line.slice('data: '.length)) as Part);
    return parts.flatMap((part) => part.incremental ?? []).flatMap((item) => item.errors ?? []);
  }

  it("keeps the provider's error code, provider and message in the deferred part, over multipart/mixed and SSE", async () => {
    await h.ns1Control.addFault({ path: '/stats/qps', status: 503, message: 'Injected fault' });
    for (const accept of ['multipart/mixed', 'text/event-stream']) {
      const errors = await deferredErrors(accept);
      expect(errors, accept).toHaveLength(1);
      expect(errors[0], accept).toMatchObject({ message: 'NS1: Injected fault', path: ['zone', 'qps'], extensions: { provider: 'NS1', status: 503 } });
      expect(['UPSTREAM_ERROR', 'UPSTREAM_UNAVAILABLE'], accept).toContain(errors[0]?.extensions?.code);
    }
  });
});

describe('validation with @defer and @stream', () => {
  const errorsOf = async (query: string) => {
    const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    return body.errors ?? [];
  };

  it('reports a conflict between two fields once, not once per overlapping-fields rule', async () => {
    const errors = await errorsOf('{ a: zones { name } a: zone(name: "example.com") { name } }');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/Fields "a" conflict because "zones" and "zone" are different fields/);
    expect(errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still refuses the same list streamed in one place and not in another', async () => {
    const errors = await errorsOf('{ zones @stream(initialCount: 1) { name } zones { name } }');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/differing stream directives/);
  });
});
