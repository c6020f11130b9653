import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { memoryLimiter, QueuedRateLimiter, type RateBudget, type WindowCounter } from './client-rate-limiter.js';

export interface RedisRateLimiterOptions {
  redis: Redis;
  budget: RateBudget;
  /** Namespaces the counts: provider and endpoint. */
  prefix: string;
  /** Redis could not be asked: this replica paces on its own until it can again. */
  onUnavailable(error: unknown): void;
}

/**
 * One budget per credential for all replicas, counted in Redis (by Redis's own clock): a provider's budget is
 * per account, so ten replicas must not each spend all of it. What one replica learns (Retry-After, a spent
 * period) holds for every replica. While Redis cannot answer, each replica paces on its own with an
 * in-memory budget (rate-limiter-flexible's insurance limiter) rather than failing requests. Waiters of one
 * replica are served in the order they came.
 */
export class RedisRateLimiter extends QueuedRateLimiter {
  constructor(options: RedisRateLimiterOptions) {
    const { redis, budget, prefix } = options;
    // Redis counts windows in whole seconds.
    const windowSeconds = Math.max(1, Math.ceil(budget.windowMs / 1000));
    const shared = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: prefix,
      points: budget.requests,
      duration: windowSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memoryLimiter(budget),
    });
    // With rejectIfRedisNotReady the insurance limiter answers exactly while the connection is not ready.
    const reported: WindowCounter = {
      consume: (key, points) => {
        if (redis.status !== 'ready') options.onUnavailable(new Error(`Redis connection is ${redis.status}`));
        return shared.consume(key, points);
      },
      get: (key) => shared.get(key),
      block: (key, seconds) => shared.block(key, seconds),
      penalty: (key, points) => shared.penalty(key, points),
    };
    super(reported, { points: budget.requests, windowMs: windowSeconds * 1000 });
  }
}
