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
  it('after a command times out, asks a hung Redis nothing but one probe a second, and recovers with it', async () => {
    const client = failFastRedis(redis.url, 'test');
    client.on('error', () => undefined);
    await new Promise((resolve) => client.once('ready', resolve));
    try {
      await client.set('k', 'v');
      // The server holds every command: the connection stays up, nothing is answered.
      await redis.client.call('CLIENT', 'PAUSE', '1500', 'ALL');
      expect(await outcome(client.get('k'))).toBe('Command timed out');
      const refused = await Promise.all(Array.from({ length: 5 }, () => outcome(client.get('k'))));
      expect(refused).toEqual(Array.from({ length: 5 }, () => 'Redis is not answering; not asked'));

      // Past the pause, the first command a second after the timeout is the probe; its answer ends the outage.
      await expect.poll(() => outcome(client.get('k')), { interval: 100, timeout: 5_000 }).toBe('answered v');
      expect(await Promise.all([outcome(client.get('k')), outcome(client.get('k'))])).toEqual(['answered v', 'answered v']);
    } finally {
      await disconnectRedis(client);
    }
  });
});
