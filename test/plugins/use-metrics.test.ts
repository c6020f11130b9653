import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createMetrics, useMetrics, type GatewayMetrics } from '../../src/plugins/use-metrics.js';
import type { Gateway } from '../../src/yoga.js';
import { execute, useHarness } from '../support/harness.js';

const h = useHarness();

const HTTP = 'dnsgraph_http_request_duration_seconds';
const OPERATION = 'dnsgraph_graphql_operation_duration_seconds';
const ERRORS = 'dnsgraph_graphql_errors_total';

interface Sample {
  metricName?: string;
  labels: Record<string, string | number>;
  value: number;
}

async function samplesOf(gateway: Gateway, metric: string): Promise<Sample[]> {
  return (await gateway.metrics.registry.getSingleMetric(metric)!.get()).values as Sample[];
}

/** The value of one series, matched on all its labels: a histogram's `_count`, or a counter. */
async function sample(gateway: Gateway, name: string, labels: Record<string, string>): Promise<number> {
  const metric = name.replace(/_count$/, '');
  const series = (await samplesOf(gateway, metric)).filter((v) => (v.metricName ?? metric) === name);
  const found = series.find(
    (v) => Object.keys(v.labels).length === Object.keys(labels).length && Object.entries(labels).every(([key, value]) => String(v.labels[key]) === value),
  );
  return found?.value ?? 0;
}

/** Every series of a metric in a registry, as `label=value,…` strings, to show that nothing else was counted. */
async function seriesIn(registry: GatewayMetrics['registry'], name: string): Promise<string[]> {
  const metric = name.replace(/_count$/, '');
  return ((await registry.getSingleMetric(metric)!.get()).values as Sample[])
    .filter((v) => (v.metricName ?? metric) === name)
    .map(
      (v) =>
        `${Object.entries(v.labels)
          .map(([key, value]) => `${key}=${value}`)
          .sort()
          .join(',')} ${v.value}`,
    )
    .sort();
}

const seriesOf = (gateway: Gateway, name: string) => seriesIn(gateway.metrics.registry, name);

const post = (gateway: Gateway, body: string, headers: Record<string, string> = {}) =>
  gateway.yoga.fetch('http://dnsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('GraphQL and HTTP metrics', () => {
  it('observe one HTTP duration per parsed request, by method, route, status and operation type', async () => {
    const gateway = h.gatewayWith({});
    await execute(gateway, '{ __typename }');
    await execute(gateway, 'query Probe { __typename }');
    await execute(gateway, 'mutation { syncZone(name: "nope.example") }');
    // A request refused before its document is parsed has no operation type, and is not observed.
    const refused = await gateway.yoga.fetch('http://dnsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(refused.status).toBe(403);
    // Nor is an unparsable one.
    await execute(gateway, '{ broken');
    const get = await gateway.yoga.fetch('http://dnsgraph.test/graphql?query=%7B__typename%7D', { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(get.status).toBe(200);
    expect(await seriesOf(gateway, `${HTTP}_count`)).toEqual([
      'method=GET,operationType=query,route=/graphql,statusCode=200 1',
      'method=POST,operationType=mutation,route=/graphql,statusCode=200 1',
      'method=POST,operationType=query,route=/graphql,statusCode=200 2',
    ]);
  });

  it('observe a response-cache hit, which parses nothing: not at all', async () => {
    const gateway = h.gatewayWith({ RESPONSE_CACHE_TTL_SECONDS: '60' });
    const first = await execute(gateway, '{ zones { name } }');
    const second = await execute(gateway, '{ zones { name } }');
    expect(second.data).toEqual(first.data);
    expect(await seriesOf(gateway, `${HTTP}_count`)).toEqual(['method=POST,operationType=query,route=/graphql,statusCode=200 1']);
  });

  it('time each operation by type and bounded name', async () => {
    const gateway = h.gatewayWith({});
    await execute(gateway, '{ __typename }');
    await execute(gateway, 'query Probe { __typename }');
    await execute(gateway, 'query Probe { __typename }');
    await execute(gateway, `query ${'L'.repeat(80)} { __typename }`);
    await execute(gateway, '{ nope }');
    // A parsed document without a name is `Anonymous`; an error before parsing is `anonymous`.
    expect(await sample(gateway, `${OPERATION}_count`, { operationType: 'query', operationName: 'Anonymous' })).toBe(1);
    expect(await sample(gateway, `${OPERATION}_count`, { operationType: 'query', operationName: 'Probe' })).toBe(2);
    expect(await sample(gateway, `${OPERATION}_count`, { operationType: 'query', operationName: 'L'.repeat(64) })).toBe(1);
    expect((await seriesOf(gateway, `${OPERATION}_count`)).length).toBe(3);
  });

  it('count errors by phase: parse, validate and each error of an executed result', async () => {
    const gateway = h.gatewayWith({});
    await execute(gateway, '{ broken');
    await execute(gateway, 'query Bad { nope }');
    await execute(gateway, 'query Write { a: syncZone(name: "nope.example") }'.replace('query', 'mutation'));
    await h.ns1Control.addFault({ path: '/zones/example.com', status: 500, message: 'boom' });
    const partial = await execute(gateway, 'query One { zone(name: "example.com") { name ns1 { id } } }');
    expect(partial.errors?.length).toBe(2);
    expect(await sample(gateway, ERRORS, { operationType: 'unknown', operationName: 'anonymous', phase: 'parse' })).toBe(1);
    expect(await sample(gateway, ERRORS, { operationType: 'query', operationName: 'Bad', phase: 'validate' })).toBe(1);
    // The error execution raised; the partial failure added to the response after it is not counted again.
    expect(await sample(gateway, ERRORS, { operationType: 'query', operationName: 'One', phase: 'execute' })).toBe(1);
    expect(await sample(gateway, ERRORS, { operationType: 'mutation', operationName: 'Write', phase: 'execute' })).toBe(1);
    expect((await seriesOf(gateway, ERRORS)).length).toBe(4);
  });

  it('count an operation refused while its context is built (credentials the gateway does not accept) in the context phase', async () => {
    const gateway = h.gatewayWith({ ALLOW_REQUEST_CREDENTIALS: 'false' });
    const refused = await execute(gateway, 'query Mine { zones { name } }', undefined, { 'x-ns1-key': 'callers-own-key' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await seriesOf(gateway, ERRORS)).toEqual(['operationName=Mine,operationType=query,phase=context 1']);
    expect(await seriesOf(gateway, `${OPERATION}_count`)).toEqual([]);
  });

  it('are served at /metrics with the HTTP and operation histograms', async () => {
    const gateway = h.gatewayWith({});
    await post(gateway, JSON.stringify({ query: '{ __typename }' }));
    const text = await (await gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(text).toContain('dnsgraph_http_request_duration_seconds_count{operationType="query",method="POST",route="/graphql",statusCode="200"} 1\n');
    expect(text).toContain(
      'dnsgraph_http_request_duration_seconds_bucket{le="+Inf",operationType="query",method="POST",route="/graphql",statusCode="200"} 1\n',
    );
    expect(text).toContain('dnsgraph_graphql_operation_duration_seconds_count{operationType="query",operationName="Anonymous"} 1\n');
    expect(text).toContain('# TYPE dnsgraph_graphql_errors_total counter');
    expect(text).toContain('# TYPE dnsgraph_graphql_deprecated_fields_total counter');
  });
});

describe('GraphQL metrics on a schema with deprecations and subscriptions', () => {
  const typeDefs = /* GraphQL */ `
    type Query {
      fresh: String
      old: String @deprecated(reason: "use fresh")
      echo(text: String, shout: Boolean @deprecated(reason: "gone")): String
      fails: String
    }
    type Subscription {
      ticks: Int
    }
  `;
  const schema = createSchema({
    typeDefs,
    resolvers: {
      Query: {
        fresh: () => 'f',
        old: () => 'o',
        echo: (_: unknown, { text }: { text?: string }) => text ?? '',
        fails: () => {
          throw new Error('no');
        },
      },
      Subscription: {
        ticks: {
          subscribe: async function* () {
            await Promise.resolve();
            yield { ticks: 1 };
            yield { ticks: 2 };
            throw new Error('ended badly');
          },
        },
      },
    },
  });
  const yogaWithMetrics = () => {
    const metrics = createMetrics();
    const yoga = createYoga({ schema, logging: false, maskedErrors: false, plugins: [useMetrics(metrics, schema)] });
    return { metrics, yoga };
  };
  const values = (metrics: GatewayMetrics, name: string) => seriesIn(metrics.registry, name);

  it('count each deprecated field and argument a parsed document selects', async () => {
    const { metrics, yoga } = yogaWithMetrics();
    const ask = (query: string) =>
      yoga.fetch('http://yoga.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    await ask('query Old { old fresh }');
    await ask('{ old echo(text: "a", shout: true) }');
    await ask('{ fresh }');
    expect(await values(metrics, 'dnsgraph_graphql_deprecated_fields_total')).toEqual([
      'fieldName=old,operationName=Anonymous,typeName=Query 1',
      'fieldName=old,operationName=Old,typeName=Query 1',
      'fieldName=shout,operationName=Anonymous,typeName=echo 1',
    ]);
  });

  it('count every error of every streamed result, and time a subscription to its end', async () => {
    const { metrics, yoga } = yogaWithMetrics();
    const response = await yoga.fetch('http://yoga.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription Ticks { ticks }' }),
    });
    const stream = await response.text();
    expect(stream).toContain('"ticks":2');
    await yoga.fetch('http://yoga.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Two { a: fails b: fails fresh }' }),
    });
    expect(await values(metrics, 'dnsgraph_graphql_operation_duration_seconds_count')).toEqual([
      'operationName=Ticks,operationType=subscription 1',
      'operationName=Two,operationType=query 1',
    ]);
    expect(await values(metrics, 'dnsgraph_graphql_errors_total')).toEqual([
      'operationName=Ticks,operationType=subscription,phase=execute 1',
      'operationName=Two,operationType=query,phase=execute 2',
    ]);
  });
});
