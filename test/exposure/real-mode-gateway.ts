import { afterEach } from 'vitest';
import type { Config } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { useHarness, type Harness } from '../support/harness.js';
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
  const harness = useHarness();
  let running: RunningGateway | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  return {
    harness,
    async start(env = {}, adjust = (config) => config) {
      await running?.stop();
      const config = adjust(configOn(harness, { NS1_API_KEY: 'configured', ...env }));
      running = await startGateway({ ...config, port: 0, host: '127.0.0.1' });
      return running;
    },
  };
}
