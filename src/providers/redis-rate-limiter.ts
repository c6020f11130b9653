import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { ClientRateLimiter, pauseMsFor, RateBudgetExhausted, type RateBudget, type RateLimiter, type RateObservation } from './client-rate-limiter.js';

/** Refills the bucket in KEYS[1] by Redis's own clock (one clock for every replica) and returns it. */
const REFILL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capacity, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local b = redis.call('HMGET', KEYS[1], 'tokens', 'updated', 'paused')
local tokens = tonumber(b[1]) or capacity
local updated = tonumber(b[2]) or now
local paused = tonumber(b[3]) or 0
tokens = math.min(capacity, tokens + math.max(0, now - updated) * capacity / window)
`;

const STORE = `
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', now, 'paused', paused)
redis.call('PEXPIRE', KEYS[1], math.max(window * 2, paused - now + window))
`;

/** Takes a token: returns 0, or the milliseconds to wait before trying again. */
const TAKE = `${REFILL}
local wait = 0
if paused > now then
  wait = paused - now
elseif tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.max(1, math.ceil((1 - tokens) * window / capacity))
end
${STORE}
return wait`;

/** ARGV[3]: requests the provider says are left (-1: not said); ARGV[4]: ms no request may leave. */
const OBSERVE = `${REFILL}
local remaining, pause = tonumber(ARGV[3]), tonumber(ARGV[4])
if remaining >= 0 then tokens = math.min(tokens, remaining) end
if pause > 0 then paused = math.max(paused, now + pause) end
${STORE}
return 0`;

export interface RedisRateLimiterOptions {
  redis: Redis;
  budget: RateBudget;
  /** Namespaces the buckets: provider and endpoint. */
  prefix: string;
  /** Redis could not be asked: this replica paces on its own until it can again. */
  onUnavailable(error: unknown): void;
}

/**
 * One token bucket per credential for all replicas, in Redis: a provider's budget is per account, so ten
 * replicas must not each spend all of it. What one replica learns (Retry-After, a spent period) holds for
 * every replica. When Redis cannot answer, each replica falls back to its own in-memory bucket rather than
 * failing requests. Waiters of one replica are served in the order they came.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly local: ClientRateLimiter;

  constructor(private readonly options: RedisRateLimiterOptions) {
    this.local = new ClientRateLimiter(options.budget);
  }

  /** The last waiter of each key on this replica: the next one asks Redis only after it, so they are served in order. */
  private readonly lines = new Map<string, Promise<unknown>>();

  acquire(key: string, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    const arrived = Date.now();
    const before = this.lines.get(key) ?? Promise.resolve();
    const turn = before.then(() => this.take(key, maxWaitMs - (Date.now() - arrived), signal));
    const line = turn.catch(() => undefined);
    this.lines.set(key, line);
    void line.then(() => {
      if (this.lines.get(key) === line) this.lines.delete(key);
    });
    return turn;
  }

  private async take(key: string, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      let wait: number;
      try {
        wait = Number(await this.options.redis.eval(TAKE, 1, this.bucket(key), this.options.budget.requests, this.options.budget.windowMs));
      } catch (error) {
        this.options.onUnavailable(error);
        return this.local.acquire(key, maxWaitMs, signal);
      }
      if (wait === 0) return;
      if (wait > maxWaitMs) throw new RateBudgetExhausted(wait);
      await sleep(wait, undefined, { signal });
      maxWaitMs -= wait;
    }
  }

  async observe(key: string, info: RateObservation): Promise<void> {
    this.local.observe(key, info);
    const { requests, windowMs } = this.options.budget;
    try {
      await this.options.redis.eval(OBSERVE, 1, this.bucket(key), requests, windowMs, info.remaining ?? -1, pauseMsFor(info));
    } catch (error) {
      this.options.onUnavailable(error);
    }
  }

  private bucket(key: string): string {
    return `${this.options.prefix}${key}`;
  }
}
