import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { Gateway } from '../../src/yoga.js';
import { useSandboxesAndRedis } from '../support/sandboxes-and-redis.js';
import { freePort } from '../support/redis-server.js';

const backends = useSandboxesAndRedis();

const CACHED = { RESPONSE_CACHE_TTL_SECONDS: '60' };
const ZONES = '{ zones { name } }';
const RECORDS = '{ zone(name: "example.com") { records { domain type } } }';
const CREATE =
  'mutation { createRecord(input: { zone: "example.com", domain: "cached.example.com", type: A, answers: [{ rdata: ["192.0.2.80"] }] }) { domain } }';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  extensions?: { responseCache?: { hit?: boolean; didCache?: boolean; ttl?: number } };
}

async function ask(gateway: Gateway, query: string, headers: Record<string, string> = {}): Promise<Answer & { upstreamCalls: number }> {
  const [ns1, buddy] = await Promise.all([backends.harness.ns1Control.log(), backends.harness.buddyControl.log()]);
  const response = await gateway.yoga.fetch('http://dnsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const answer = (await response.json()) as Answer;
  const [ns1After, buddyAfter] = await Promise.all([backends.harness.ns1Control.log(ns1.lastSeq), backends.harness.buddyControl.log(buddy.lastSeq)]);
  return { ...answer, upstreamCalls: ns1After.total + buddyAfter.total };
}

describe('response cache', () => {
  it('is off unless RESPONSE_CACHE_TTL_SECONDS is set', async () => {
    const gateway = backends.harness.gatewayWith({});
    expect((await ask(gateway, ZONES)).upstreamCalls).toBeGreaterThan(0);
    expect((await ask(gateway, ZONES)).upstreamCalls).toBeGreaterThan(0);
  });

  it('answers a repeated query without any upstream call, with the same data', async () => {
    const gateway = backends.harness.gatewayWith(CACHED);
    const first = await ask(gateway, ZONES);
    expect(first.upstreamCalls).toBeGreaterThan(0);
    expect(first.extensions?.responseCache?.hit).toBe(false);
    const second = await ask(gateway, ZONES);
    expect(second.upstreamCalls).toBe(0);
    expect(second.extensions?.responseCache?.hit).toBe(true);
    expect(second.data).toEqual(first.data);
    const metrics = await (await gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(metrics).toMatch(/^dnsgraph_response_cache_lookups_total\{result="hit"\} 1$/m);
    expect(metrics).toMatch(/^dnsgraph_response_cache_lookups_total\{result="miss"\} 1$/m);
  });

  it('never answers one credential from another’s cached response', async () => {
    const gateway = backends.harness.gatewayWith(CACHED);
    await ask(gateway, ZONES);
    const readOnly = await ask(gateway, ZONES, { 'x-ns1-key': 'sandbox-ns1-readonly-key' });
    expect(readOnly.upstreamCalls).toBeGreaterThan(0);
    expect(readOnly.extensions?.responseCache?.hit).toBe(false);
  });

  it('forgets every cached answer after a write through the gateway', async () => {
    const gateway = backends.harness.gatewayWith(CACHED);
    const before = await ask(gateway, RECORDS);
    expect(before.data?.zone).toBeTruthy();
    expect(JSON.stringify(before.data)).not.toContain('cached.example.com');
    expect((await ask(gateway, RECORDS)).upstreamCalls).toBe(0);
    const write = await ask(gateway, CREATE);
    expect(write.errors).toBeUndefined();
    expect(write.upstreamCalls).toBeGreaterThan(0);
    expect(write.extensions?.responseCache?.hit).toBeUndefined();
    const after = await ask(gateway, RECORDS);
    expect(after.upstreamCalls).toBeGreaterThan(0);
    expect(JSON.stringify(after.data)).toContain('cached.example.com');
  });

  it('runs every mutation, even one repeated word for word', async () => {
    const gateway = backends.harness.gatewayWith(CACHED);
    expect((await ask(gateway, CREATE)).errors).toBeUndefined();
    const again = await ask(gateway, CREATE);
    expect(again.upstreamCalls).toBeGreaterThan(0);
    expect(again.errors?.[0]?.extensions?.provider).toBe('NS1');
  });

  it('never keeps an answer that carries a provider’s failure', async () => {
    const gateway = backends.harness.gatewayWith(CACHED);
    await backends.harness.buddyControl.addFault({ path: '/zone/', status: 503, message: 'maintenance' });
    const partial = await ask(gateway, ZONES);
    expect(partial.errors?.[0]?.extensions).toMatchObject({ provider: 'BUDDYNS' });
    await backends.harness.buddyControl.clearFaults();
    const recovered = await ask(gateway, ZONES);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.upstreamCalls).toBeGreaterThan(0);
  });

  it('keeps live numbers five seconds at most, and is bypassed by Cache-Control: no-cache', async () => {
    const gateway = backends.harness.gatewayWith(CACHED);
    expect((await ask(gateway, ZONES)).extensions?.responseCache).toMatchObject({ didCache: true, ttl: 60_000 });
    for (const live of [
      '{ stats { qps } }',
      '{ zone(name: "example.com") { name qps } }',
      '{ monitorJobs { name status { global { status } } } }',
      '{ zone(name: "example.com") { health { transferOk } } }',
    ]) {
      expect((await ask(gateway, live)).extensions?.responseCache).toMatchObject({ didCache: true, ttl: 5_000 });
    }
    await ask(gateway, ZONES);
    expect((await ask(gateway, ZONES, { 'cache-control': 'no-cache' })).upstreamCalls).toBeGreaterThan(0);
  });

  it('is shared by replicas through Redis, and a write on one empties it for all', async () => {
    const a = backends.harness.gatewayWith({ ...CACHED, REDIS_URL: backends.redis.url });
    const b = backends.harness.gatewayWith({ ...CACHED, REDIS_URL: backends.redis.url });
    await expect.poll(async () => (await ask(a, RECORDS)).extensions?.responseCache?.hit).toBe(true);
    expect((await ask(b, RECORDS)).upstreamCalls).toBe(0);

    await ask(a, CREATE);
    const fresh = await ask(b, RECORDS);
    expect(fresh.upstreamCalls).toBeGreaterThan(0);
    expect(JSON.stringify(fresh.data)).toContain('cached.example.com');
  });

  it('delivers a write’s invalidation that Redis missed once it is back', async () => {
    const lines: string[] = [];
    const a = backends.harness.gatewayWith({ ...CACHED, REDIS_URL: backends.redis.url }, undefined, {
      logger: createLogger('info', { write: (line) => lines.push(line) }),
    });
    const b = backends.harness.gatewayWith({ ...CACHED, REDIS_URL: backends.redis.url });
    await expect.poll(async () => (await ask(b, RECORDS)).extensions?.responseCache?.hit).toBe(true);

    // Redis holds every command for a while: the write's invalidation times out on the writing replica.
    await backends.redis.client.call('CLIENT', 'PAUSE', '2500', 'ALL');
    const created = await ask(a, CREATE);
    expect(created.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2_600));

    // Once Redis is back, the other replica's cached answer is gone within a retry.
    await expect.poll(async () => JSON.stringify((await ask(b, RECORDS)).data), { interval: 200, timeout: 6_000 }).toContain('cached.example.com');
    await expect.poll(async () => (await ask(a, RECORDS)).extensions?.responseCache?.hit, { interval: 200, timeout: 6_000 }).toBe(true);
    expect(JSON.stringify((await ask(a, RECORDS)).data)).toContain('cached.example.com');
    // It was the retry that emptied the cache, not the write's own attempt.
    expect(lines.some((line) => line.includes('response cache invalidation delivered after a failure'))).toBe(true);
  });

  it('answers without the cache while Redis cannot be reached', async () => {
    const gateway = backends.harness.gatewayWith({ ...CACHED, REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    for (let i = 0; i < 2; i++) {
      const answer = await ask(gateway, ZONES);
      expect(answer.errors).toBeUndefined();
      expect(answer.upstreamCalls).toBeGreaterThan(0);
    }
  });
});
