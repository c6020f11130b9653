import { disconnectRedis, failFastRedis, outageReporter } from '../redis-connection.js';
import type { RateBudget } from './client-rate-limiter.js';
import { fingerprint } from './credentials.js';
import { RedisRateLimiter } from './redis-rate-limiter.js';
import type { ProviderId } from './upstream-error.js';

export interface SharedRateBudget {
  limiter(provider: ProviderId, endpoint: string, budget: RateBudget): RedisRateLimiter;
  /** Resolves once Redis answers; until then every replica paces on its own. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The providers' rate budgets in Redis, shared by every replica. Commands fail fast while Redis is away
 * (no offline queue, a short timeout), so a request never waits on Redis: it is paced locally instead.
 */
export function createSharedRateBudget(url: string, warn: (message: string, fields: Record<string, unknown>) => void): SharedRateBudget {
  const redis = failFastRedis(url, 'dnsgraph-rate');
  const onUnavailable = outageReporter((error) => warn('shared rate budget unavailable: pacing this replica on its own', { error }));
  redis.on('error', onUnavailable);
  const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  return {
    ready,
    limiter: (provider, endpoint, budget) =>
      new RedisRateLimiter({ redis, budget, prefix: `dnsgraph:rate:${provider}:${fingerprint(endpoint)}`, onUnavailable }),
    close: () => disconnectRedis(redis),
  };
}
