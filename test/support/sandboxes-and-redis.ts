import { afterAll, beforeAll, beforeEach } from 'vitest';
import { useHarness, type Harness } from './harness.js';
import { startRedis, type RunningRedis } from './redis-server.js';

/** Both sandboxes and a redis-server for one test file, reset and emptied before each of its tests. */
export interface SandboxesAndRedis {
  readonly harness: Harness;
  readonly redis: RunningRedis;
  /** Stops redis-server and starts an empty one on the same port, as a Redis restart would leave it; `whileDown` runs in between. */
  restartRedis(whileDown?: () => Promise<void>): Promise<void>;
}

export function useSandboxesAndRedis(): SandboxesAndRedis {
  const harness = useHarness();
  let redis: RunningRedis | undefined;
  const started = (): RunningRedis => {
    if (!redis) throw new Error('used before the test file started its redis-server');
    return redis;
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  beforeEach(async () => {
    await started().client.flushall();
  });
  return {
    harness,
    get redis() {
      return started();
    },
    async restartRedis(whileDown) {
      const port = Number(new URL(started().url).port);
      await started().stop();
      await whileDown?.();
      redis = await startRedis(port);
    },
  };
}
