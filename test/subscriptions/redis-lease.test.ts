import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RedisLease } from '../../src/subscriptions/redis-lease.js';
import { startRedis, type RunningRedis } from '../support/redis-server.js';

let redis: RunningRedis;
let connection: Redis;

beforeAll(async () => {
  redis = await startRedis();
  connection = new Redis(redis.url);
});
afterAll(async () => {
  connection.disconnect();
  await redis.stop();
});
beforeEach(async () => {
  await redis.client.flushall();
});

const leaseOf = (holder: string, ttlMs = 60_000) => new RedisLease(connection, 'dnsgraph:lease:k', holder, ttlMs);

describe('poller lease in Redis', () => {
  it('lets only one replica poll a key: the second cannot take a held lease', async () => {
    expect(await leaseOf('replica-a').acquire()).toBe(true);
    expect(await leaseOf('replica-b').acquire()).toBe(false);
    expect(await redis.client.get('dnsgraph:lease:k')).toBe('replica-a');
  });

  it('tells a replica that cannot take a held lease how long the lease has left, so it tries again when it expires', async () => {
    expect(await leaseOf('replica-a', 3_000).acquire()).toBe(true);
    const waiting = leaseOf('replica-b', 3_000);
    expect(await waiting.acquire()).toBe(false);
    expect(waiting.freeInMs).toBeGreaterThan(0);
    expect(waiting.freeInMs).toBeLessThanOrEqual(3_000);
    await redis.client.pexpire('dnsgraph:lease:k', 1);
    await expect.poll(() => redis.client.exists('dnsgraph:lease:k')).toBe(0);
    expect(await waiting.acquire()).toBe(true);
    expect(waiting.freeInMs).toBeUndefined();
  });

  it('renews only for its holder, so a replica that lost the lease stops polling', async () => {
    await leaseOf('replica-a').acquire();
    expect(await leaseOf('replica-a').renew()).toBe(true);
    expect(await leaseOf('replica-b').renew()).toBe(false);
  });

  it('releases only its own lease, never another replica’s', async () => {
    await leaseOf('replica-a').acquire();
    await leaseOf('replica-b').release();
    expect(await redis.client.get('dnsgraph:lease:k')).toBe('replica-a');
    await leaseOf('replica-a').release();
    expect(await leaseOf('replica-b').acquire()).toBe(true);
  });

  it('passes to another replica once the holder stops renewing and it expires', async () => {
    expect(await leaseOf('replica-a', 50).acquire()).toBe(true);
    await expect.poll(() => leaseOf('replica-b').acquire(), { interval: 20, timeout: 5_000 }).toBe(true);
    expect(await leaseOf('replica-a').renew()).toBe(false);
  });
});
