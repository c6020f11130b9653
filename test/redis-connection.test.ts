import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectRedis, failFastRedis } from '../src/redis-connection.js';
import { startRedis, type RunningRedis } from './support/redis-server.js';

let redis: RunningRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => `answered ${String(value)}`,
    (error: Error) => error.message,
  );

describe('a fail-fast Redis connection', () => {
  it('after a command times out, asks a hung Redis nothing, on any connection of the process, until a background PING is answered', async () => {
    const cache = failFastRedis(redis.url, 'test-cache');
    const budget = failFastRedis(redis.url, 'test-budget');
    for (const client of [cache, budget]) {
      client.on('error', () => undefined);
      await new Promise((resolve) => client.once('ready', resolve));
    }
    try {
      await cache.set('k', 'v');
      // The server holds every command: the connections stay up, nothing is answered.
      await redis.client.call('CLIENT', 'PAUSE', '1500', 'ALL');
      expect(await outcome(cache.get('k'))).toBe('Command timed out');
      // Neither connection asks again, however many lookups come: no caller waits for the timeout twice.
      const refused = await Promise.all([cache, budget, cache, budget, cache].map((client) => outcome(client.get('k'))));
      expect(refused).toEqual(Array.from({ length: 5 }, () => 'Redis is not answering; not asked'));

      // Past the pause, the PING a second in the background is answered, and both connections ask Redis again.
      await expect.poll(() => outcome(budget.get('k')), { interval: 100, timeout: 5_000 }).toBe('answered v');
      expect(await Promise.all([outcome(cache.get('k')), outcome(budget.get('k'))])).toEqual(['answered v', 'answered v']);
    } finally {
      await Promise.all([disconnectRedis(cache), disconnectRedis(budget)]);
    }
  });

  it('reconnects to a Redis restarted while it was taken as hung, and uses it again', async () => {
    const client = failFastRedis(redis.url, 'test-restart');
    client.on('error', () => undefined);
    await new Promise((resolve) => client.once('ready', resolve));
    try {
      await client.set('k', 'v');
      await redis.client.call('CLIENT', 'PAUSE', '1500', 'ALL');
      expect(await outcome(client.get('k'))).toBe('Command timed out');
      // The connection is reset while Redis is taken as hung, as when Redis restarts: its handshake must go through.
      const ready = new Promise((resolve) => client.once('ready', resolve));
      client.disconnect(true);
      await ready;
      await expect.poll(() => outcome(client.get('k')), { interval: 100, timeout: 5_000 }).toBe('answered v');
    } finally {
      await disconnectRedis(client);
    }
  });
});
