import type { Config } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import type { Scheduler } from '../../../src/subscriptions/scheduler.js';
import { createGateway, secretsOf, type Gateway } from '../../../src/yoga.js';
import { realModeConfig, type Harness } from '../../support/harness.js';

export interface SubscriptionGatewayOptions {
  scheduler?: Scheduler;
  env?: Record<string, string>;
  leaseTtlMs?: number;
  adjust?: (config: Config) => Config;
  /** Where the gateway's log lines go (at LOG_LEVEL, from `env`); none are kept unless given. */
  log?: (line: string) => void;
}

/** The configuration of a gateway in front of the harness's sandboxes. */
export function configOn(harness: Harness, env: Record<string, string> = {}): Config {
  // No retries: each poll is exactly one upstream request in the sandbox log.
  return realModeConfig(harness, { LOG_LEVEL: 'silent', UPSTREAM_RETRIES: '0', AUTH_MODE: 'none', ...env }, true);
}

/** A gateway on the harness's sandboxes whose pollers run on the given clock. */
export function gatewayOn(harness: Harness, options: SubscriptionGatewayOptions = {}): Gateway {
  const config = (options.adjust ?? ((c) => c))(configOn(harness, options.env));
  return createGateway({
    config,
    logger: createLogger(config.logLevel, { secrets: () => secretsOf(config), ...(options.log ? { write: options.log } : {}) }),
    subscriptions: {
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
      ...(options.leaseTtlMs ? { leaseTtlMs: options.leaseTtlMs } : {}),
    },
  });
}
