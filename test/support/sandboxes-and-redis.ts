import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { startRedis, type RunningRedis } from './redis-server.js';

/** Both sandboxes and a redis-server for one test file, reset and emptied before each of its tests. */
export interface SandboxesAndRedis {
  readonly harness: Harness;
  readonly redis: RunningRedis;
  /** Stops redis-server and starts an empty one on the same port, as a Redis restart would leave it. */
  restartRedis(): Promise<void>;
}

export function useSandboxesAndRedis(): SandboxesAndRedis {
  let harness: Harness | undefined;
  let redis: RunningRedis | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('used before the test file started its sandboxes and redis-server');
    return value;
  };
  beforeAll(async () => {
    [harness, redis] = await Promise.all([startHarness(), startRedis()]);
  });
  afterAll(async () => {
    await Promise.all([harness?.close(), redis?.stop()]);
  });
  beforeEach(async () => {
    await Promise.all([started(harness).reset(), started(redis).client.flushall()]);
  });
  return {
    get harness() {
      return started(harness);
    },
    get redis() {
      return started(redis);
    },
    async restartRedis() {
      const port = Number(new URL(started(redis).url).port);
      await started(redis).stop();
      redis = await startRedis(port);
    },
  };
}
