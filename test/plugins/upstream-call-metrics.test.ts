import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { UpstreamCallMetrics } from '../../src/plugins/upstream-call-metrics.js';
import { useHarness } from '../support/harness.js';

const BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Calls as (provider, method, route, status, seconds): bucket bounds exactly, past the last bucket, several kinds. */
const CALLS: Array<[string, string, string, number, number]> = [
  ['ns1', 'GET', '/zones', 200, 0.004],
  ['ns1', 'GET', '/zones', 200, 0.01],
  ['ns1', 'GET', '/zones', 200, 0.0100001],
  ['ns1', 'GET', '/zones', 429, 0.3],
  ['ns1', 'PUT', '/zones/:id', 200, 12],
  ['buddyns', 'GET', '/zone/', 0, 2.5],
  ['buddyns', 'GET', '/zone/', 200, 0.07],
];

/** The same calls through prom-client's own counter and histogram, with the names and help the gateway uses. */
function throughPromClient(): Registry {
  const registry = new Registry();
  const requests = new Counter({
    name: 'dnsgraph_upstream_requests_total',
    help: 'Requests sent to a provider, by provider, method, route template and status (0 when no response arrived).',
    labelNames: ['provider', 'method', 'route', 'status'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'dnsgraph_upstream_request_duration_seconds',
    help: 'Time until a provider answered, by provider, method and route template.',
    labelNames: ['provider', 'method', 'route'],
    buckets: BUCKETS,
    registers: [registry],
  });
  for (const [provider, method, route, status, seconds] of CALLS) {
    requests.inc({ provider, method, route, status: String(status) });
    durations.observe({ provider, method, route }, seconds);
  }
  return registry;
}

describe('UpstreamCallMetrics', () => {
  it("scrapes as prom-client's own counter and histogram would, line for line", async () => {
    const registry = new Registry();
    const metrics = new UpstreamCallMetrics(registry, BUCKETS);
    for (const [provider, method, route, status, seconds] of CALLS) metrics.observe(metrics.cells(provider, method, route, status), seconds);
    expect(await registry.metrics()).toBe(await throughPromClient().metrics());
    const histogram = await registry.getSingleMetric('dnsgraph_upstream_request_duration_seconds')!.get();
    const values = histogram.values as Array<{ labels: Record<string, string | number>; value: number; metricName?: string }>;
    const zones = values.filter((v) => v.labels.route === '/zones' && v.metricName === 'dnsgraph_upstream_request_duration_seconds_bucket');
    // 0.004 and 0.01 are within 0.01 (a bound is inclusive), 0.0100001 is not; 0.3 is past 0.25.
    expect(zones.map((v) => [v.labels.le, v.value])).toEqual([
      [0.01, 2],
      [0.05, 3],
      [0.1, 3],
      [0.25, 3],
      [0.5, 4],
      [1, 4],
      [2.5, 4],
      [5, 4],
      [10, 4],
      ['+Inf', 4],
    ]);
  });

  it('keeps counting in the cells its callers hold after a reset', async () => {
    const registry = new Registry();
    const metrics = new UpstreamCallMetrics(registry, BUCKETS);
    const cells = metrics.cells('ns1', 'GET', '/zones', 200);
    metrics.observe(cells, 0.02);
    registry.resetMetrics();
    metrics.observe(cells, 3);
    const text = await registry.metrics();
    expect(text).toContain('dnsgraph_upstream_requests_total{provider="ns1",method="GET",route="/zones",status="200"} 1\n');
    expect(text).toContain('dnsgraph_upstream_request_duration_seconds_bucket{le="2.5",provider="ns1",method="GET",route="/zones"} 0\n');
    expect(text).toContain('dnsgraph_upstream_request_duration_seconds_sum{provider="ns1",method="GET",route="/zones"} 3\n');
    expect(text).toContain('dnsgraph_upstream_request_duration_seconds_count{provider="ns1",method="GET",route="/zones"} 1\n');
  });

  describe('through the gateway', () => {
    const h = useHarness();

    it('counts each upstream call of a query once, by route template, with its duration', async () => {
      const countOf = async (route: string) => {
        const text = await (await h.gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
        const requests = new RegExp(`dnsgraph_upstream_requests_total\\{provider="ns1",method="GET",route="${route}",status="200"\\} (\\d+)`).exec(text);
        const durations = new RegExp(`dnsgraph_upstream_request_duration_seconds_count\\{provider="ns1",method="GET",route="${route}"\\} (\\d+)`).exec(text);
        return [Number(requests?.[1] ?? 0), Number(durations?.[1] ?? 0)];
      };
      const before = await countOf('/zones/:id');
      const { data } = await h.gql<{ zones: Array<{ name: string; ns1: unknown }> }>('{ zones { name ns1 { dnsServers } } }');
      const ns1Zones = data!.zones.filter((zone) => zone.ns1 !== null).length;
      expect(ns1Zones).toBeGreaterThan(0);
      const after = await countOf('/zones/:id');
      expect(after).toEqual([before[0]! + ns1Zones, before[1]! + ns1Zones]);
    });
  });
});
