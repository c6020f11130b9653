import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from '../../src/telemetry/tracing.js';
import { countUpstreamCalls, startHarness, type Harness } from '../support/harness.js';
import { startOtlpReceiver } from './otlp-receiver.js';

const DASHBOARD = readFileSync(new URL('../fixtures/dashboard.graphql', import.meta.url), 'utf8');
const CLIENT_SPAN = 3;
const SERVER_SPAN = 2;

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let h: Harness;
let tracing: Tracing | undefined;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  const env = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_NODE_RESOURCE_DETECTORS: 'none' };
  Object.assign(process.env, env);
  h = await startHarness({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint } });
  tracing = await startTracing(h.gateway.config);
});
afterAll(async () => {
  await tracing?.shutdown();
  await h.close();
  await receiver.close();
});

describe('OpenTelemetry traces', () => {
  it('continue the caller’s trace through the operation to every upstream request, and the providers receive it', async () => {
    expect(tracing).toBeDefined();
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql(DASHBOARD, undefined, { traceparent: `00-${traceId}-${callerSpanId}-01` }));
    expect(result.errors).toBeUndefined();
    await tracing!.flush();
    const spans = receiver.spans.filter((s) => s.traceId === traceId);

    const operation = spans.find((s) => s.kind === SERVER_SPAN);
    expect(operation).toMatchObject({ name: 'query.Dashboard', parentSpanId: callerSpanId });
    expect(operation!.attributes).toMatchObject({ 'graphql.operation.name': 'Dashboard', 'graphql.operation.type': 'query' });
    expect(operation!.attributes['graphql.document.hash']).toMatch(/^[0-9a-f]{64}$/);

    const upstream = spans.filter((s) => s.kind === CLIENT_SPAN);
    expect(upstream.filter((s) => s.attributes['dnsgraph.provider'] === 'ns1')).toHaveLength(ns1.total);
    expect(upstream.filter((s) => s.attributes['dnsgraph.provider'] === 'buddyns')).toHaveLength(buddyns.total);
    for (const span of upstream) {
      expect(span.parentSpanId).toBe(operation!.spanId);
      expect(span.name).toBe(`${span.attributes['http.request.method']} ${span.attributes['http.route']}`);
      expect(span.attributes).toMatchObject({ 'http.response.status_code': 200, 'dnsgraph.upstream.attempt': 1 });
      // Route templates only: no zone, record name or key ever sits in a URL attribute.
      expect(JSON.stringify(span.attributes)).not.toMatch(/example|\.com|\.net|\.de\b/);
    }
    const templates = new Set(upstream.map((s) => `${s.attributes['http.request.method']} ${s.attributes['http.route']}`));
    expect(templates).toEqual(new Set([...Object.keys(ns1.routes), ...Object.keys(buddyns.routes)]));

    const received = [...ns1.entries, ...buddyns.entries];
    expect(received).toHaveLength(upstream.length);
    for (const entry of received) {
      const [, sentTrace, parent] = entry.traceparent?.split('-') ?? [];
      expect(sentTrace).toBe(traceId);
      expect(upstream.map((s) => s.spanId)).toContain(parent);
    }
  });

  it('a subscription poll is a span of its own, parent of its upstream request', async () => {
    const response = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { qps(zone: "example.com", intervalSeconds: 5) { qps } }' }),
    });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('data:')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"qps"');
    await reader.cancel();
    await tracing!.flush();
    const poll = receiver.spans.find((s) => s.name === 'subscription.poll qps');
    expect(poll?.attributes).toMatchObject({ 'dnsgraph.provider': 'ns1', 'dnsgraph.poll.resource': 'qps', 'dnsgraph.poll.interval_ms': 5000 });
    const request = receiver.spans.find((s) => s.parentSpanId === poll!.spanId);
    expect(request).toMatchObject({ name: 'GET /stats/qps/:zone', kind: CLIENT_SPAN });
  });
});
