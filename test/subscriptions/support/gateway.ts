import { fromRaw, withSandboxUpstreams, type Config } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { buddyNsSandboxCredentials } from '../../../src/sandbox/buddyns/index.js';
import { NS1_TRANSFER_ADDRESS, ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import type { Scheduler } from '../../../src/subscriptions/scheduler.js';
import { createGateway, secretsOf, type Gateway } from '../../../src/yoga.js';
import type { Harness } from '../../support/harness.js';

export interface SubscriptionGatewayOptions {
  scheduler?: Scheduler;
  env?: Record<string, string>;
  leaseTtlMs?: number;
  adjust?: (config: Config) => Config;
}

/** The configuration of a gateway in front of the harness's sandboxes. */
export function configOn(harness: Harness, env: Record<string, string> = {}): Config {
  // No retries: each poll is exactly one upstream request in the sandbox log.
  const base = fromRaw({ LOG_LEVEL: 'silent', UPSTREAM_RETRIES: '0', AUTH_MODE: 'none', ...env });
  const config = withSandboxUpstreams(base, {
    ns1: { endpoint: harness.ns1.baseUrl, apiKey: ns1SandboxKeys().admin, transferAddress: NS1_TRANSFER_ADDRESS },
    buddyns: { endpoint: harness.buddyns.baseUrl, token: buddyNsSandboxCredentials().token },
  });
  return { ...config, sandbox: false, allowRequestCredentials: true };
}

/** A gateway on the harness's sandboxes whose pollers run on the given clock. */
export function gatewayOn(harness: Harness, options: SubscriptionGatewayOptions = {}): Gateway {
  const config = (options.adjust ?? ((c) => c))(configOn(harness, options.env));
  return createGateway({
    config,
    logger: createLogger(config.logLevel, { secrets: () => secretsOf(config) }),
    subscriptions: {
      ...(options.scheduler ? { scheduler: options.scheduler } : {}),
      ...(options.leaseTtlMs ? { leaseTtlMs: options.leaseTtlMs } : {}),
    },
  });
}
