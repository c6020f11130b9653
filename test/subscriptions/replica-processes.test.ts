import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../support/harness.js';
import { startGatewayProcess, type GatewayProcess } from './support/gateway-process.js';
import { startRedis, type RunningRedis } from '../support/redis-server.js';
import { subscribeSseOverHttp, type SseSubscription } from './support/sse.js';

// Real processes run on the real clock: the shortest interval keeps the test short. A lease of a few seconds,
// not one, outlasts the pauses of a process serving 500 streams on a busy machine, so it expires only on a kill.
const ZONE_QPS = `subscription { qps(zone: "example.com", intervalSeconds: 1) { qps sampledAt } }`;
const REPLICA_ENV = { SUBSCRIPTION_LEASE_SECONDS: '3' };

let harness: Harness;
let redis: RunningRedis;
const processes: GatewayProcess[] = [];
const clients: Client[] = [];
const streams: SseSubscription[] = [];

beforeAll(async () => {
  [harness, redis] = await Promise.all([startHarness(), startRedis()]);
});
afterAll(async () => {
  await Promise.all(streams.map((s) => s.close()));
  await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
  await Promise.all(processes.map((p) => p.kill()));
  await harness.close();
  await redis.stop();
});

/** The samples one subscriber has received, by their time. */
interface Watcher {
  samples(): string[];
}

const sampledAt = (data: unknown) => (data as { qps?: { sampledAt?: string } } | null | undefined)?.qps?.sampledAt;

async function overSse(url: string, count: number): Promise<Watcher[]> {
  const opened = await Promise.all(Array.from({ length: count }, () => subscribeSseOverHttp(url, ZONE_QPS)));
  streams.push(...opened);
  return opened.map((s) => ({ samples: () => s.received.flatMap((r) => sampledAt(r.data) ?? []) }));
}

function overWebSocket(url: string, count: number, perSocket = 50): Watcher[] {
  const watchers: Watcher[] = [];
  for (let opened = 0; opened < count; opened += perSocket) {
    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    clients.push(client);
    for (let i = 0; i < Math.min(perSocket, count - opened); i++) {
      const received: string[] = [];
      client.subscribe(
        { query: ZONE_QPS },
        {
          next: (result) => {
            const sample = sampledAt(result.data);
            if (sample) received.push(sample);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      watchers.push({ samples: () => received });
    }
  }
  return watchers;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  await expect.poll(condition, { interval: 50, timeout: 30_000, message: what }).toBe(true);
}

const distinct = (watchers: Watcher[], except: Set<string> = new Set()) =>
  new Set(watchers.flatMap((w) => w.samples()).filter((sample) => !except.has(sample)));
const qpsRequests = async (since = 0) => (await harness.ns1Control.log(since)).routes['GET /stats/qps/:zone'] ?? 0;
const leaseKeys = () => redis.client.keys('dnsgraph:lease:*');
const increasing = (samples: string[]) => samples.every((s, i) => i === 0 || Date.parse(s) > Date.parse(samples[i - 1] ?? ''));

describe('gateway processes sharing one redis-server', () => {
  it('poll a key once per interval in total for 500 subscribers each, and replace a killed leader', { timeout: 90_000 }, async () => {
    const env = { ...REPLICA_ENV, REDIS_URL: redis.url };
    const [a, b] = await Promise.all([startGatewayProcess(harness, env), startGatewayProcess(harness, env)]);
    processes.push(a, b);

    // A's subscribers come first, so A takes the lease and polls.
    const onA = await overSse(a.url, 500);
    await until(() => onA.every((w) => w.samples().length >= 1), 'every subscriber on A has its first sample');
    const [lease] = await leaseKeys();
    expect(lease).toBeDefined();
    const leader = await redis.client.get(lease ?? '');

    const onB = overWebSocket(b.url, 500);
    await until(() => onB.every((w) => w.samples().length >= 4), 'every subscriber on B has four samples');
    const requests = await qpsRequests();
    const fromB = distinct(onB);
    await until(() => onA.every((w) => [...fromB].every((sample) => w.samples().includes(sample))), 'A’s subscribers saw B’s samples');
    const seen = distinct([...onA, ...onB]);
    // Each poll reached all 1,000 subscribers on both processes; one more may be on its way.
    expect(requests).toBeGreaterThanOrEqual(seen.size);
    expect(requests).toBeLessThanOrEqual(seen.size + 1);
    expect(await leaseKeys()).toEqual([lease]);
    expect(await redis.client.get(lease ?? '')).toBe(leader);

    await a.kill();
    const { lastSeq } = await harness.ns1Control.log();
    const before = onB.map((w) => w.samples().length);
    await until(() => onB.every((w, i) => w.samples().length >= (before[i] ?? 0) + 4), 'B’s subscribers have four samples more');
    const afterKill = await qpsRequests(lastSeq);
    const newSamples = distinct(onB, seen);
    // B polls alone now. One request of A's may have reached the sandbox after it died, one of B's may be on its way.
    expect(afterKill).toBeGreaterThanOrEqual(newSamples.size - 1);
    expect(afterKill).toBeLessThanOrEqual(newSamples.size + 2);
    expect(onB.every((w) => increasing(w.samples()))).toBe(true);
    const successor = await redis.client.get(lease ?? '');
    expect(successor).not.toBeNull();
    expect(successor).not.toBe(leader);

    expect(await b.stop()).toBe(0);
    expect(await leaseKeys()).toEqual([]);
  });
});
