import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, execute, useHarness, type GraphQLResponse } from '../support/harness.js';
import type { Gateway } from '../../src/yoga.js';

const DASHBOARD = readFileSync(new URL('../fixtures/dashboard.graphql', import.meta.url), 'utf8');
/** Longer than any test: NS1 answers nothing until the fault is removed. */
/** One NS1 zone GET each; the last zone is on NS1 alone, so refusing NS1 refuses the whole field. */
const NS1_ONLY_ZONE_QUERIES = ['example.com', 'xn--bcher-kva.de', 'lame-delegation.org', 'example.net', 'ns1-only.com'].map(
  (name) => `{ zone(name: "${name}") { name ns1 { serial } } }`,
);
const HANG = { path: '/', latencyMs: 120_000 };

// Small numbers so the circuit opens after one query: two attempts that time out.
const FAST_FAILING = { UPSTREAM_TIMEOUT_MS: '200', UPSTREAM_RETRIES: '1', CIRCUIT_BREAKER_FAILURES: '2', CIRCUIT_BREAKER_HALF_OPEN_SECONDS: '1' };

const GENEROUS = { NS1_RATE_LIMIT_PER_SECOND: '10000', BUDDYNS_RATE_LIMIT_PER_SECOND: '10000' };

interface DashboardZone {
  name: string;
  providers: string[];
  health: { problems: string[]; transferOk: boolean | null } & Record<string, unknown>;
  ns1: unknown;
}

const harness = useHarness();

const readiness = async (gateway: Gateway) => {
  const response = await gateway.yoga.fetch('http://dnsgraph.test/readyz');
  return { status: response.status, body: (await response.json()) as { status: string; providers: Record<string, { circuit: string }> } };
};

const ns1Errors = (response: GraphQLResponse<unknown>) => (response.errors ?? []).filter((e) => e.extensions?.provider === 'NS1');

describe('NS1 hanging', () => {
  it('after the circuit opens, 20 dashboards make no NS1 request and still show BuddyNS zones, UPSTREAM_UNAVAILABLE at the NS1 paths', async () => {
    // Generous budgets and timeouts, so that only NS1's hang fails anything on a loaded machine.
    const gateway = harness.gatewayWith({
      ...GENEROUS,
      UPSTREAM_TIMEOUT_MS: '2000',
      UPSTREAM_RETRIES: '1',
      CIRCUIT_BREAKER_FAILURES: '2',
      CIRCUIT_BREAKER_HALF_OPEN_SECONDS: '3600',
    });
    await harness.ns1Control.addFault(HANG);

    const first = await execute(gateway, DASHBOARD);
    const timedOut = ns1Errors(first).find((e) => e.path?.join('.') === 'zones')?.extensions;
    expect(timedOut).toMatchObject({ code: 'UPSTREAM_TIMEOUT', provider: 'NS1' });
    expect(timedOut).not.toHaveProperty('status');

    const { result: answers, ns1 } = await countUpstreamCalls(harness, async () => {
      const all: Array<GraphQLResponse<{ zones: DashboardZone[] }>> = [];
      for (let i = 0; i < 20; i++) all.push(await execute<{ zones: DashboardZone[] }>(gateway, DASHBOARD));
      return all;
    });
    expect(ns1.total).toBe(0);
    for (const answer of answers) {
      const names = answer.data?.zones.map((z) => z.name);
      expect(names).toContain('buddy-only.io');
      expect(names).toContain('example.com');
      const errors = ns1Errors(answer);
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'NS1' });
        expect(error.extensions).not.toHaveProperty('status');
      }
      expect(errors[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(errors.map((e) => e.path?.join('.'))).toContain('zones');
    }
    await harness.ns1Control.clearFaults();
  });

  it('degraded zones still list NS1 where BuddyNS transfers from it, and their health says it is incomplete', async () => {
    const gateway = harness.gatewayWith({ ...FAST_FAILING, CIRCUIT_BREAKER_HALF_OPEN_SECONDS: '3600' });
    await harness.ns1Control.addFault({ path: '/zones', status: 503, message: 'maintenance' });
    const answer = await execute<{ zones: DashboardZone[] }>(gateway, `{ zones { name providers ns1 { dnsServers } health { complete problems } } }`);
    const zones = new Map(answer.data?.zones.map((z) => [z.name, z]));
    // example.com transfers from NS1's transfer address: it is known to be on NS1 even though NS1 did not say so.
    expect(zones.get('example.com')?.providers).toEqual(['NS1', 'BUDDYNS']);
    expect(zones.get('example.com')?.ns1).toBeNull();
    expect(zones.get('buddy-only.io')?.providers).toEqual(['BUDDYNS']);
    for (const zone of zones.values()) {
      expect(zone.health.complete).toBe(false);
      expect(zone.health.problems.some((p) => p.startsWith('NS1 did not answer'))).toBe(true);
    }
    const paths = ns1Errors(answer).map((e) => e.path?.join('.'));
    expect(paths).toContain('zones');
    expect(paths.some((p) => /^zones\.\d+\.ns1$/.test(p ?? ''))).toBe(true);
  });

  it('after NS1 recovers, one probe goes through, then dashboards answer in full', async () => {
    // A timeout a loaded machine does not hit by accident once NS1 is back.
    const gateway = harness.gatewayWith({ ...FAST_FAILING, UPSTREAM_TIMEOUT_MS: '2000' });
    await harness.ns1Control.addFault(HANG);
    await execute(gateway, '{ zones(provider: NS1) { name } }');
    expect(gateway.upstreams.ns1.circuit.state).toBe('open');
    await harness.ns1Control.clearFaults();

    await expect.poll(() => gateway.upstreams.ns1.circuit.state, { interval: 100, timeout: 5_000 }).toBe('half_open');
    // Three operations at once, each needing a different NS1 resource (identical requests would share one
    // upstream call): the first request is the probe; the others are refused while it is out.
    const { result, ns1 } = await countUpstreamCalls(harness, () => Promise.all(NS1_ONLY_ZONE_QUERIES.slice(0, 3).map((query) => execute(gateway, query))));
    expect(ns1.total).toBe(1);
    expect(result.filter((r) => !r.errors)).toHaveLength(1);
    expect(result.filter((r) => r.errors?.[0]?.extensions?.code === 'UPSTREAM_UNAVAILABLE')).toHaveLength(2);
    expect(gateway.upstreams.ns1.circuit.state).toBe('closed');

    const full = await execute<{ zones: DashboardZone[] }>(gateway, DASHBOARD);
    expect(full.errors).toBeUndefined();
    expect(full.data?.zones.every((z) => z.health.problems.every((p) => !p.includes('did not answer')))).toBe(true);
  });
});

describe('readiness', () => {
  it('/readyz answers 503 while every provider is unavailable and 200 again once one recovers; /healthz stays 200', async () => {
    const gateway = harness.gatewayWith({ ...FAST_FAILING, UPSTREAM_TIMEOUT_MS: '2000' });
    expect(await readiness(gateway)).toMatchObject({
      status: 200,
      body: { status: 'ready', providers: { ns1: { circuit: 'closed' }, buddyns: { circuit: 'closed' } } },
    });

    await Promise.all([harness.ns1Control.addFault({ status: 503 }), harness.buddyControl.addFault({ status: 503 })]);
    await execute(gateway, '{ zones { name } }');
    expect(await readiness(gateway)).toMatchObject({
      status: 503,
      body: { status: 'unavailable', providers: { ns1: { circuit: 'open' }, buddyns: { circuit: 'open' } } },
    });
    expect((await gateway.yoga.fetch('http://dnsgraph.test/healthz')).status).toBe(200);

    await Promise.all([harness.ns1Control.clearFaults(), harness.buddyControl.clearFaults()]);
    await expect.poll(async () => (await readiness(gateway)).status, { interval: 100, timeout: 5_000 }).toBe(200);
    await expect
      .poll(async () => Object.values((await readiness(gateway)).body.providers).map((p) => p.circuit), { interval: 100, timeout: 5_000 })
      .toEqual(['half_open', 'half_open']);
    await execute(gateway, '{ zones { name } }');
    expect(await readiness(gateway)).toMatchObject({ status: 200, body: { providers: { ns1: { circuit: 'closed' }, buddyns: { circuit: 'closed' } } } });
  });

  it('logs one line per circuit transition and shows the state at /metrics', async () => {
    // The harness's own gateway: its log lines are collected.
    const lines = harness.logLines;
    const gateway = harness.gateway;
    const before = lines.length;
    await harness.buddyControl.addFault({ status: 503 });
    for (let i = 0; i < 3; i++) await execute(gateway, '{ zones(provider: BUDDYNS) { name } }');
    await harness.buddyControl.clearFaults();
    const transitions = lines.slice(before).filter((l) => l.includes('upstream circuit'));
    expect(transitions).toHaveLength(1);
    expect(JSON.parse(transitions[0] ?? '{}')).toMatchObject({ level: 40, msg: 'upstream circuit opened', provider: 'buddyns', state: 'open' });
    const metrics = await (await gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(metrics).toContain('dnsgraph_upstream_circuit_state{provider="buddyns",state="open"} 1');
    expect(metrics).toContain('dnsgraph_upstream_circuit_state{provider="ns1",state="closed"} 1');
    expect(metrics).toMatch(/dnsgraph_upstream_refused_total\{provider="buddyns",reason="circuit_open"\} [1-9]/);
  });
});

describe('bulkheads', () => {
  it('a full queue on a healthy provider still answers a query that fans out far beyond it, every call made once', async () => {
    // Two connections and room for two waiters, against a dashboard of 41 NS1 and 11 BuddyNS calls.
    const gateway = harness.gatewayWith({ ...GENEROUS, UPSTREAM_CONNECTIONS: '2', UPSTREAM_QUEUE_SIZE: '2' });
    // A little latency keeps the waiters waiting long enough to be seen.
    await harness.ns1Control.addFault({ path: '/', latencyMs: 20 });
    let mostWaiting = 0;
    const watch = setInterval(() => (mostWaiting = Math.max(mostWaiting, gateway.upstreams.ns1.load.queued)), 1);
    const { result, ns1, buddyns } = await countUpstreamCalls(harness, () => execute(gateway, DASHBOARD));
    clearInterval(watch);
    expect(result.errors).toBeUndefined();
    expect(ns1.total + buddyns.total).toBe(52);
    expect(mostWaiting).toBeGreaterThan(2);
  });

  it('a full NS1 queue answers UPSTREAM_UNAVAILABLE at once once NS1 has stalled, and leaves BuddyNS requests unqueued', async () => {
    const gateway = harness.gatewayWith({
      UPSTREAM_CONNECTIONS: '2',
      UPSTREAM_QUEUE_SIZE: '2',
      UPSTREAM_RETRIES: '0',
      REQUEST_DEADLINE_MS: '3000',
      CIRCUIT_BREAKER_FAILURES: '100',
    });
    await harness.ns1Control.addFault(HANG);
    // Distinct NS1 resources: identical requests would share one upstream call instead of queueing.
    const held = NS1_ONLY_ZONE_QUERIES.slice(0, 4).map((query) => execute(gateway, query));
    await expect.poll(() => gateway.upstreams.ns1.load, { interval: 20, timeout: 5_000 }).toEqual({ inFlight: 2, queued: 2 });
    // Nothing started or answered for a while: the queue's bound applies from now on.
    await expect.poll(() => gateway.upstreams.ns1.stalled, { interval: 50, timeout: 5_000 }).toBe(true);

    const refused = await execute(gateway, NS1_ONLY_ZONE_QUERIES[4] ?? '');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'NS1' });
    const buddy = await execute<{ zones: Array<{ name: string }> }>(gateway, '{ zones(provider: BUDDYNS) { name } }');
    expect(buddy.errors).toBeUndefined();
    expect(buddy.data?.zones.length).toBeGreaterThan(0);
    expect(gateway.upstreams.buddyns.load).toEqual({ inFlight: 0, queued: 0 });

    // The deadline ends the held operations: each answers with an error rather than waiting on.
    for (const answer of await Promise.all(held)) expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    await harness.ns1Control.clearFaults();
  });
});

describe('fair budgets', () => {
  it('with authentication off, one large query spends the whole budget it needs, not a share of it', async () => {
    // A share of a tenth would be 4 requests at once and 4.5 a second: most of the 41 NS1 calls could not wait for it.
    const gateway = harness.gatewayWith({ NS1_RATE_LIMIT_PER_SECOND: '45', PRINCIPAL_RATE_SHARE: '0.1' });
    const { result, ns1, buddyns } = await countUpstreamCalls(harness, () => execute(gateway, DASHBOARD));
    expect(result.errors).toBeUndefined();
    expect(ns1.total + buddyns.total).toBe(52);
  });
});

describe('degraded BuddyNS lookups', () => {
  it('a failing BuddyNS status or delegation nulls only those fields, with errors at their paths', async () => {
    await harness.buddyControl.addFault({ path: '/zone/*/status', status: 500, message: 'status backend down' });
    await harness.buddyControl.addFault({ path: '/zone/*/delegation', status: 500, message: 'delegation backend down' });
    const answer = await execute<{ zone: { name: string; health: Record<string, unknown>; buddyns: Record<string, unknown> } }>(
      harness.gatewayWith({}),
      `{ zone(name: "example.com") { name health { transferOk delegationOk serialsInSync complete problems } buddyns { serial status { transferOk } delegation { registryOk } } } }`,
    );
    expect(answer.data?.zone.name).toBe('example.com');
    expect(answer.data?.zone.health).toMatchObject({ transferOk: null, delegationOk: null, complete: false });
    expect(answer.data?.zone.buddyns).toMatchObject({ serial: 2024010105, status: null, delegation: null });
    const paths = (answer.errors ?? []).map((e) => e.path?.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['zone.health.transferOk', 'zone.health.delegationOk', 'zone.buddyns.status', 'zone.buddyns.delegation']));
    expect(answer.errors?.every((e) => e.extensions?.provider === 'BUDDYNS')).toBe(true);
  });
});

describe('errors of a degraded health', () => {
  it('stand where the operation selects the figure left null, under its alias, and not at figures it did not ask for', async () => {
    await harness.buddyControl.addFault({ path: '/zone/*/status', status: 500, message: 'status backend down' });
    const gateway = harness.gatewayWith({});
    const unasked = await execute<{ zone: { health: { complete: boolean } } }>(gateway, '{ zone(name: "example.com") { health { complete } } }');
    expect(unasked.data?.zone.health.complete).toBe(false);
    expect((unasked.errors ?? []).map((e) => e.path?.join('.'))).not.toContain('zone.health.transferOk');
    const aliased = await execute(gateway, '{ zone(name: "example.com") { health { transfers: transferOk ... on ZoneHealth { transferOk } } } }');
    const paths = (aliased.errors ?? []).map((e) => e.path?.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['zone.health.transfers', 'zone.health.transferOk']));
    expect(paths).not.toContain('zone.health.delegationOk');
  });
});

describe('stale if error', () => {
  it('answers zone lists, details and records from the last good response while NS1 is down, marked as stale', async () => {
    const gateway = harness.gatewayWith({ STALE_IF_ERROR_SECONDS: '300', UPSTREAM_RETRIES: '0' });
    const query = `{ zones(provider: NS1) { name } zone(name: "example.com") { name records { domain type } } }`;
    const fresh = await execute<{ zones: unknown[]; zone: { records: unknown[] } }>(gateway, query);
    expect(fresh.errors).toBeUndefined();
    expect(fresh.extensions).toBeUndefined();

    await harness.ns1Control.addFault({ status: 503 });
    const stale = await execute<{ zones: unknown[]; zone: { records: unknown[] } }>(gateway, query);
    expect(stale.errors).toBeUndefined();
    expect(stale.data).toEqual(fresh.data);
    const marks = (stale.extensions as { stale: Array<{ path: string[]; provider: string; ageSeconds: number }> }).stale;
    expect(marks.map((m) => m.path.join('.'))).toEqual(expect.arrayContaining(['zones', 'zone', 'zone.records']));
    for (const mark of marks) {
      expect(mark.provider).toBe('NS1');
      expect(mark.ageSeconds).toBeGreaterThanOrEqual(0);
    }

    // Off by default: the same outage is an error.
    const strict = harness.gatewayWith({ UPSTREAM_RETRIES: '0' });
    const answer = await execute(strict, '{ zones(provider: NS1) { name } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'NS1', status: 503 });
  });
});
