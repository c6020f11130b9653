import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { SandboxControlClient } from '../../src/sandbox/kit/index.js';
import { startNs1Sandbox } from '../../src/sandbox/ns1/index.js';
import { createGateway, secretsOf, type Gateway } from '../../src/yoga.js';
import { useSandboxesAndRedis } from '../support/sandboxes-and-redis.js';
import { configOn, gatewayOn } from './support/gateway.js';
import { ManualScheduler } from './support/manual-scheduler.js';
import { freePort } from '../support/redis-server.js';
import { subscribeSse, type SseSubscription } from './support/sse.js';

const backends = useSandboxesAndRedis();

const INTERVAL_MS = 10_000;
const ZONE_QPS = `subscription { qps(zone: "example.com", intervalSeconds: 10) { qps sampledAt } }`;

const gateways: Gateway[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

/** A gateway replica sharing the test's Redis, its pollers on its own hand-driven clock. */
function replica(leaseTtlMs = 60_000, log?: (line: string) => void): { gateway: Gateway; clock: ManualScheduler } {
  const clock = new ManualScheduler();
  const env = { REDIS_URL: backends.redis.url, ...(log ? { LOG_LEVEL: 'debug' } : {}) };
  const gateway = gatewayOn(backends.harness, { scheduler: clock, leaseTtlMs, env, ...(log ? { log } : {}) });
  gateways.push(gateway);
  return { gateway, clock };
}

async function subscribers(gateway: Gateway, count: number): Promise<SseSubscription[]> {
  const all = await Promise.all(Array.from({ length: count }, () => subscribeSse(gateway, ZONE_QPS)));
  await Promise.all(all.map((s) => s.next()));
  return all;
}

/** Two replicas with `count` subscribers each, those of the first replica subscribed first. */
async function twoReplicasWatching(count: number, leaseTtlMs?: number) {
  const a = replica(leaseTtlMs);
  const b = replica(leaseTtlMs);
  const onA = await subscribers(a.gateway, count);
  const onB = await subscribers(b.gateway, count);
  return { a, b, onA, onB };
}

const qpsRequests = async (since = 0) => (await backends.harness.ns1Control.log(since)).routes['GET /stats/qps/:zone'] ?? 0;
const sampleOf = (s: SseSubscription, index: number) => JSON.stringify(s.received[index]?.data?.qps);

/** The "updates are paused" notices a subscriber has had. */
const paused = (s: SseSubscription) => s.received.filter((r) => r.errors?.[0]?.message.includes('paused'));

/** Moves a replica's clock an interval at a time until `done` holds: its pollers run as Redis lets them. */
async function advanceUntil(clock: ManualScheduler, done: () => boolean): Promise<void> {
  await expect
    .poll(
      async () => {
        await clock.advance(INTERVAL_MS);
        return done();
      },
      { interval: 100, timeout: 15_000 },
    )
    .toBe(true);
}

/** Whether every subscriber has had a sample since it had `before` events. */
const sampledSince = (subscribers: SseSubscription[], before: number[]) => () =>
  subscribers.every((s, i) => s.received.slice(before[i]).some((r) => r.data?.qps));

describe('subscriptions across replicas (Redis)', () => {
  it('lets two replicas with 500 subscribers each poll one key once per interval in total, all seeing the same samples', async () => {
    const { a, b, onA, onB } = await twoReplicasWatching(500);
    expect(await qpsRequests()).toBe(1);
    const everyone = [...onA, ...onB];
    expect(new Set(everyone.map((s) => sampleOf(s, 0))).size).toBe(1);

    for (let interval = 1; interval <= 3; interval++) {
      await Promise.all([a.clock.advance(INTERVAL_MS), b.clock.advance(INTERVAL_MS)]);
      await Promise.all(everyone.map((s) => s.next()));
      expect(await qpsRequests()).toBe(1 + interval);
      expect(new Set(everyone.map((s) => sampleOf(s, interval))).size).toBe(1);
    }
    await Promise.all(everyone.map((s) => s.close()));
  });

  it('hands polling to another replica at once when the leader shuts down, which ends its streams and gives up its lease', async () => {
    const { a, b, onA, onB } = await twoReplicasWatching(50);
    expect(await qpsRequests()).toBe(1);

    await a.gateway.close();
    await Promise.all(onA.map((s) => s.completed));

    // Told that the lease was given up, the survivor takes it at once, its own clock not moved, and polls where the
    // leader left off.
    await expect.poll(() => backends.redis.client.keys('dnsgraph:lease:*'), { interval: 20, timeout: 5_000 }).toHaveLength(1);
    await b.clock.advance(30_000);
    await Promise.all(onB.map((s) => s.next()));
    expect(await qpsRequests()).toBe(2);
    await b.clock.advance(INTERVAL_MS);
    await Promise.all(onB.map((s) => s.next()));
    expect(await qpsRequests()).toBe(3);
    expect(await backends.redis.client.keys('dnsgraph:lease:*')).toHaveLength(1);
    await Promise.all(onB.map((s) => s.close()));
  });

  it('hands polling to another replica when the leader stops renewing its lease (hung or killed)', async () => {
    const { b, onA, onB } = await twoReplicasWatching(20, 1_000);
    expect(await qpsRequests()).toBe(1);
    const { lastSeq } = await backends.harness.ns1Control.log();

    // Replica A's clock stops: it renews nothing and polls nothing. B tries for the lease until it expires.
    await expect
      .poll(
        async () => {
          await b.clock.advance(500);
          return qpsRequests(lastSeq);
        },
        { interval: 50, timeout: 10_000 },
      )
      .toBe(1);
    await Promise.all(onB.map((s) => s.next()));

    await b.clock.advance(INTERVAL_MS);
    await Promise.all(onB.map((s) => s.next()));
    expect(await qpsRequests(lastSeq)).toBe(2);
    await Promise.all([...onA, ...onB].map((s) => s.close()));
  });

  it('tries for a dead leader’s lease when it expires, not a renewal period later', async () => {
    // A lease of 3 s is renewed every second; a replica without it tries again every 1.5 s, or when it expires.
    const { b, onA, onB } = await twoReplicasWatching(2, 3_000);
    const [key] = await backends.redis.client.keys('dnsgraph:lease:*');
    expect(key).toBeDefined();
    const leader = await backends.redis.client.get(key!);
    // A's clock stops: its lease runs out in Redis, unrenewed. B's next try finds it with less than 1.5 s left.
    await expect
      .poll(
        async () => {
          const left = await backends.redis.client.pttl(key!);
          return left > 500 && left < 1_400;
        },
        { interval: 10, timeout: 5_000 },
      )
      .toBe(true);
    await b.clock.advance(1_500);
    expect(await backends.redis.client.get(key!)).toBe(leader);
    await expect.poll(() => backends.redis.client.exists(key!), { interval: 10, timeout: 5_000 }).toBe(0);
    // Within what the lease had left and a margin past its expiry, short of the 1.5 s between tries.
    await b.clock.advance(1_420);
    await expect.poll(() => backends.redis.client.get(key!), { interval: 20, timeout: 5_000 }).not.toBeNull();
    expect(await backends.redis.client.get(key!)).not.toBe(leader);
    await Promise.all([...onA, ...onB].map((s) => s.close()));
  });

  it('brings an upstream error to subscribers on every replica, with its code, and the streams stay open', async () => {
    const { a, b, onA, onB } = await twoReplicasWatching(3);
    await backends.harness.ns1Control.addFault({ path: '/stats/qps/example.com', status: 502, message: 'bad gateway', times: 1 });

    await Promise.all([a.clock.advance(INTERVAL_MS), b.clock.advance(INTERVAL_MS)]);
    for (const s of [...onA, ...onB]) {
      const failed = await s.next();
      expect(failed?.data).toBeNull();
      expect(failed?.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'NS1', status: 502 });
    }
    // Backing off two intervals, then back to samples on both replicas.
    await Promise.all([a.clock.advance(2 * INTERVAL_MS), b.clock.advance(2 * INTERVAL_MS)]);
    for (const s of [...onA, ...onB]) expect((await s.next())?.data?.qps).toBeTruthy();
    expect(await qpsRequests()).toBe(3);
    await Promise.all([...onA, ...onB].map((s) => s.close()));
  });

  it('never shares a poller between replicas that reach different NS1 endpoints with the same key', async () => {
    const staging = await startNs1Sandbox({ port: 0 });
    try {
      const a = replica();
      const clock = new ManualScheduler();
      const b = gatewayOn(backends.harness, {
        scheduler: clock,
        env: { REDIS_URL: backends.redis.url },
        adjust: (config) => ({ ...config, ns1: { ...config.ns1, endpoint: staging.baseUrl } }),
      });
      gateways.push(b);
      const [onA, onB] = await Promise.all([subscribers(a.gateway, 3), subscribers(b, 3)]);
      expect(await qpsRequests()).toBe(1);
      expect((await new SandboxControlClient(staging.origin).log()).routes['GET /stats/qps/:zone']).toBe(1);
      expect(await backends.redis.client.keys('dnsgraph:lease:*')).toHaveLength(2);
      await Promise.all([...onA, ...onB].map((s) => s.close()));
    } finally {
      await staging.close();
    }
  });

  it('resumes polling and delivery after Redis restarts, with its leases and last events gone', async () => {
    const a = replica(1_000);
    const onA = await subscribers(a.gateway, 5);
    expect(await qpsRequests()).toBe(1);

    await backends.restartRedis();
    const { lastSeq } = await backends.harness.ns1Control.log();

    // The replica reconnects on its own; its poller takes a fresh lease and delivers again.
    await advanceUntil(a.clock, () => onA.every((s) => s.received.length >= 2));
    expect(new Set(onA.map((s) => sampleOf(s, 1))).size).toBe(1);
    expect(sampleOf(onA[0]!, 1)).not.toBe(sampleOf(onA[0]!, 0));
    expect(await qpsRequests(lastSeq)).toBeGreaterThanOrEqual(1);
    expect(await backends.redis.client.keys('dnsgraph:lease:*')).toHaveLength(1);
    await Promise.all(onA.map((s) => s.close()));
  });

  it('tells open subscribers once that updates are paused while Redis is away, and delivers again once it is back', async () => {
    const a = replica(1_000);
    const onA = await subscribers(a.gateway, 3);

    await backends.restartRedis(async () => {
      await advanceUntil(a.clock, () => onA.every((s) => paused(s).length > 0));
      // The lease is tried again and again meanwhile; the subscribers heard of the outage once.
      for (let i = 0; i < 5; i++) await a.clock.advance(INTERVAL_MS);
      for (const s of onA) {
        expect(paused(s)).toHaveLength(1);
        expect(paused(s)[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
      }
    });

    const before = onA.map((s) => s.received.length);
    await advanceUntil(a.clock, sampledSince(onA, before));
    await Promise.all(onA.map((s) => s.close()));
  });

  it('pauses every key while Redis hangs, connected but not answering: subscribers told once, nothing polled, one warning; all resumes when it answers', async () => {
    const lines: { level: number; msg: string; keys?: number }[] = [];
    const a = replica(1_000, (line) => lines.push(JSON.parse(line) as { level: number; msg: string }));
    // Three keys (one per interval), two subscribers each.
    const queries = [10, 20, 30].map((seconds) => `subscription { qps(zone: "example.com", intervalSeconds: ${seconds}) { qps sampledAt } }`);
    const onA = (await Promise.all(queries.map((query) => Promise.all([subscribeSse(a.gateway, query), subscribeSse(a.gateway, query)])))).flat();
    await Promise.all(onA.map((s) => s.next()));
    // Each key polls (the same zone's concurrent requests may be answered by one).
    expect(await qpsRequests()).toBeGreaterThanOrEqual(1);
    expect(a.gateway.subscriptions.load.polling).toBe(3);
    const redisPid = Number(/process_id:(\d+)/.exec(await backends.redis.client.info('server'))?.[1]);
    expect(redisPid).toBeGreaterThan(0);
    const { lastSeq } = await backends.harness.ns1Control.log();

    process.kill(redisPid, 'SIGSTOP');
    try {
      await advanceUntil(a.clock, () => onA.every((s) => paused(s).length > 0));
      // Leases and polls are tried again and again meanwhile: nothing is polled, and the subscribers heard of it once.
      for (let i = 0; i < 6; i++) await a.clock.advance(INTERVAL_MS);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      for (let i = 0; i < 6; i++) await a.clock.advance(INTERVAL_MS);
      expect(a.gateway.subscriptions.load.polling).toBe(0);
      expect(await qpsRequests(lastSeq)).toBe(0);
      for (const s of onA) {
        expect(paused(s)).toHaveLength(1);
        expect(paused(s)[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR' });
      }
    } finally {
      process.kill(redisPid, 'SIGCONT');
    }

    const before = onA.map((s) => s.received.length);
    await advanceUntil(a.clock, sampledSince(onA, before));
    expect(a.gateway.subscriptions.load.polling).toBe(3);
    expect(await qpsRequests(lastSeq)).toBeGreaterThanOrEqual(1);
    // One warning for the outage, naming the keys it pauses, and one line when it is over; nothing else above debug.
    const told = lines.filter((line) => line.level >= 30 && line.msg.startsWith('subscription'));
    expect(told.map(({ level, msg, keys }) => ({ level, msg, keys }))).toEqual([
      { level: 40, msg: 'subscription updates paused: Redis cannot be reached', keys: 3 },
      { level: 30, msg: 'subscription updates resumed: Redis answers again', keys: 3 },
    ]);
    await Promise.all(onA.map((s) => s.close()));
  });

  it('tells subscribers when Redis cannot be reached, rather than leaving them waiting, and polls nothing', async () => {
    const password = 'redis-password-never-logged';
    const config = configOn(backends.harness, { REDIS_URL: `redis://:${password}@127.0.0.1:${await freePort()}`, LOG_LEVEL: 'debug' });
    const lines: string[] = [];
    const unreachable = createGateway({ config, logger: createLogger('debug', { write: (line) => lines.push(line), secrets: () => secretsOf(config) }) });
    gateways.push(unreachable);
    const subscriber = await subscribeSse(unreachable, ZONE_QPS);
    const result = await subscriber.next();
    expect(result?.errors?.[0]?.message).toMatch(/event bus cannot be reached/);
    expect(result?.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    await subscriber.completed;
    expect(await qpsRequests()).toBe(0);
    expect(lines.some((line) => line.includes('redis connection failed'))).toBe(true);
    expect(lines.filter((line) => line.includes(password))).toEqual([]);
  });
});
