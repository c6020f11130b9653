import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Config } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { startHarness, type Harness } from '../support/harness.js';
import { configOn } from '../subscriptions/support/gateway.js';

export interface RealModeGateways {
  /** The sandboxes, reset before each test. */
  readonly harness: Harness;
  /**
   * A gateway in real mode (its defaults, not the sandbox mode's) on the harness's sandboxes, stopped after the
   * test or when the test starts another.
   */
  start(env?: Record<string, string>, adjust?: (config: Config) => Config): Promise<RunningGateway>;
}

/** The hooks of a test file whose gateways listen on a real socket in front of the sandboxes. */
export function useRealModeGateways(): RealModeGateways {
  let harness: Harness | undefined;
  let running: RunningGateway | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await harness?.reset();
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  const started = (): Harness => {
    if (!harness) throw new Error('the sandboxes start in beforeAll');
    return harness;
  };
  return {
    get harness() {
      return started();
    },
    async start(env = {}, adjust = (config) => config) {
      await running?.stop();
      const config = adjust(configOn(started(), { NS1_API_KEY: 'configured', ...env }));
      running = await startGateway({ ...config, port: 0, host: '127.0.0.1' });
      return running;
    },
  };
}
