import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { SubscriptionHub } from './hub.js';
import { createMemoryCoordination } from './memory-coordination.js';
import { createRedisCoordination } from './redis-coordination.js';
import { systemScheduler, type Scheduler } from './scheduler.js';

export interface SubscriptionHubOptions {
  /** The clock pollers run on; tests pass one they advance by hand. */
  scheduler?: Scheduler;
  /** Overrides `SUBSCRIPTION_LEASE_SECONDS` with a finer lease, e.g. for a test's hand-driven clock. */
  leaseTtlMs?: number;
}

/** In memory for one replica; through Redis (`REDIS_URL`) when replicas share pollers. */
export function createSubscriptionHub(config: Config, logger: Logger, options: SubscriptionHubOptions = {}): SubscriptionHub {
  const coordination = config.redisUrl
    ? createRedisCoordination({ url: config.redisUrl, logger, leaseTtlMs: options.leaseTtlMs ?? config.subscriptions.leaseSeconds * 1000 })
    : createMemoryCoordination();
  const scheduler = options.scheduler ?? systemScheduler;
  return new SubscriptionHub({ coordination, scheduler, logger });
}
