import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { SubscriptionHub } from './hub.js';
import { createMemoryCoordination } from './memory-coordination.js';
import { createRedisCoordination } from './redis-coordination.js';
import { steadySystemScheduler, systemScheduler, type Scheduler } from './scheduler.js';

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
  // Replicas sharing Redis hand a key's poller over on the schedule of its last event, with leases renewed on
  // that schedule too; pollers spread over their interval only where one replica polls alone.
  const scheduler = options.scheduler ?? (config.redisUrl ? steadySystemScheduler : systemScheduler);
  return new SubscriptionHub({ coordination, scheduler, logger });
}
