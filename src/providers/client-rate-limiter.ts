import { setTimeout as sleep } from 'node:timers/promises';

export interface RateBudget {
  /** Requests allowed per window. */
  requests: number;
  windowMs: number;
}

export class RateBudgetExhausted extends Error {
  constructor(readonly waitMs: number) {
    super(`rate budget exhausted for ${Math.ceil(waitMs / 1000)} s`);
    this.name = 'RateBudgetExhausted';
  }
}

/** What a provider's response says of the budget left. */
export interface RateObservation {
  remaining?: number;
  periodSeconds?: number;
  retryAfterSeconds?: number;
}

/** Paces requests per credential; in memory for one replica, or shared by all of them through Redis. */
export interface RateLimiter {
  /** Waits for a token; a wait longer than `maxWaitMs` is not worth it and throws RateBudgetExhausted at once. */
  acquire(key: string, maxWaitMs: number, signal?: AbortSignal): Promise<void>;
  /** The provider's own view of the budget wins over ours. */
  observe(key: string, info: RateObservation): void | Promise<void>;
}

/** How long no request may leave after an observation: Retry-After, or the rest of a spent period. */
export function pauseMsFor(info: RateObservation): number {
  if (info.retryAfterSeconds !== undefined) return info.retryAfterSeconds * 1000;
  if (info.remaining === 0 && info.periodSeconds !== undefined) return Math.min(info.periodSeconds, 60) * 1000;
  return 0;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** When the provider said the budget is spent: no request leaves before this. */
  pausedUntil: number;
}

/**
 * A token bucket per credential, so the gateway stays inside a provider's per-account budget instead of
 * collecting 429s. It also obeys what the provider reports (`X-RateLimit-Remaining` reaching 0, Retry-After).
 */
export class ClientRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly budget: RateBudget,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(key: string, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.tryTake(key);
      if (wait === 0) return;
      if (wait > maxWaitMs) throw new RateBudgetExhausted(wait);
      await sleep(wait, undefined, { signal });
    }
  }

  /** Returns 0 when a token was taken, or the milliseconds to wait before trying again. */
  tryTake(key: string): number {
    const bucket = this.refill(key);
    const now = this.now();
    if (bucket.pausedUntil > now) return bucket.pausedUntil - now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    const msPerToken = this.budget.windowMs / this.budget.requests;
    return Math.max(1, Math.ceil((1 - bucket.tokens) * msPerToken));
  }

  observe(key: string, info: RateObservation): void {
    const bucket = this.refill(key);
    const pauseMs = pauseMsFor(info);
    if (pauseMs > 0) bucket.pausedUntil = Math.max(bucket.pausedUntil, this.now() + pauseMs);
    if (info.remaining !== undefined) bucket.tokens = Math.min(bucket.tokens, info.remaining);
  }

  private refill(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.budget.requests, updatedAt: now, pausedUntil: 0 };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = now - bucket.updatedAt;
    bucket.tokens = Math.min(this.budget.requests, bucket.tokens + (elapsed * this.budget.requests) / this.budget.windowMs);
    bucket.updatedAt = now;
    return bucket;
  }
}
