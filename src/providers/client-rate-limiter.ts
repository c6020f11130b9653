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
  /**
   * Waits for a token, after every earlier waiter of the same key; a wait longer than `maxWaitMs` is not
   * worth it and throws RateBudgetExhausted at once.
   */
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

interface Waiter {
  grant(): void;
}

/** Idle buckets (full, nobody waiting) are forgotten past this many keys: principals come and go. */
const SWEEP_ABOVE = 1_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** When the provider said the budget is spent: no request leaves before this. */
  pausedUntil: number;
  /** Waiters in arrival order: the first is served first, and nobody overtakes it. */
  queue: Waiter[];
  timer: NodeJS.Timeout | undefined;
}

/**
 * A token bucket per credential, so the gateway stays inside a provider's per-account budget instead of
 * collecting 429s. It also obeys what the provider reports (`X-RateLimit-Remaining` reaching 0, Retry-After).
 * Waiters queue first come, first served: one timer hands out tokens as they refill, so no request starves
 * while later ones race past it, and a wait is known (and refused) on arrival.
 */
export class ClientRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly msPerToken: number;

  constructor(
    private readonly budget: RateBudget,
    private readonly now: () => number = Date.now,
  ) {
    this.msPerToken = budget.windowMs / budget.requests;
  }

  acquire(key: string, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const bucket = this.refill(key);
    const wait = this.waitFor(bucket, bucket.queue.length + 1);
    if (wait === 0) {
      bucket.tokens -= 1;
      return Promise.resolve();
    }
    if (wait > maxWaitMs) return Promise.reject(new RateBudgetExhausted(wait));
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        bucket.queue.splice(bucket.queue.indexOf(waiter), 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      bucket.queue.push(waiter);
      this.schedule(key, bucket);
    });
  }

  /** Returns 0 when a token was taken, or the milliseconds to wait before trying again. */
  tryTake(key: string): number {
    const bucket = this.refill(key);
    const wait = this.waitFor(bucket, bucket.queue.length + 1);
    if (wait === 0) bucket.tokens -= 1;
    return wait;
  }

  observe(key: string, info: RateObservation): void {
    const bucket = this.refill(key);
    const pauseMs = pauseMsFor(info);
    if (pauseMs > 0) bucket.pausedUntil = Math.max(bucket.pausedUntil, this.now() + pauseMs);
    if (info.remaining !== undefined) bucket.tokens = Math.min(bucket.tokens, info.remaining);
    if (bucket.queue.length > 0) this.schedule(key, bucket);
  }

  /** Milliseconds until the waiter at `position` (1 = next) gets its token. */
  private waitFor(bucket: Bucket, position: number): number {
    const pause = Math.max(0, bucket.pausedUntil - this.now());
    const missing = position - bucket.tokens;
    if (missing <= 0) return pause;
    return Math.max(pause, Math.ceil(missing * this.msPerToken));
  }

  private schedule(key: string, bucket: Bucket): void {
    if (bucket.timer) clearTimeout(bucket.timer);
    bucket.timer = undefined;
    this.refill(key);
    while (bucket.queue.length > 0 && this.waitFor(bucket, 1) === 0) {
      bucket.tokens -= 1;
      bucket.queue.shift()?.grant();
    }
    if (bucket.queue.length === 0) return;
    bucket.timer = setTimeout(() => this.schedule(key, bucket), this.waitFor(bucket, 1));
  }

  private sweep(): void {
    for (const [key, bucket] of this.buckets) {
      const idle = bucket.queue.length === 0 && bucket.pausedUntil <= this.now();
      if (idle && this.refill(key).tokens >= this.budget.requests) this.buckets.delete(key);
    }
  }

  private refill(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep();
      bucket = { tokens: this.budget.requests, updatedAt: now, pausedUntil: 0, queue: [], timer: undefined };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = now - bucket.updatedAt;
    bucket.tokens = Math.min(this.budget.requests, bucket.tokens + (elapsed * this.budget.requests) / this.budget.windowMs);
    bucket.updatedAt = now;
    return bucket;
  }
}
