import type { SandboxClock } from './clock.js';

export interface RateLimitState {
  limit: number;
  remaining: number;
  periodSeconds: number;
  /** Seconds until the window resets. */
  resetInSeconds: number;
  allowed: boolean;
}

/** A fixed window per key on the sandbox clock, the way the providers count. */
export class SandboxRateLimiter {
  private windows = new Map<string, { start: number; used: number }>();
  private readonly defaults: { limit: number; periodSeconds: number };

  constructor(
    private readonly clock: SandboxClock,
    public limit: number,
    public periodSeconds: number,
  ) {
    this.defaults = { limit, periodSeconds };
  }

  take(key: string): RateLimitState {
    const now = this.clock.now();
    const periodMs = this.periodSeconds * 1000;
    let window = this.windows.get(key);
    if (!window || now - window.start >= periodMs) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    const allowed = window.used < this.limit;
    if (allowed) window.used += 1;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.used),
      periodSeconds: this.periodSeconds,
      resetInSeconds: Math.max(1, Math.ceil((window.start + periodMs - now) / 1000)),
      allowed,
    };
  }

  configure(limit: number, periodSeconds: number): void {
    this.limit = limit;
    this.periodSeconds = periodSeconds;
    this.windows.clear();
  }

  /** Forgets every window and restores the budget the sandbox started with. */
  reset(): void {
    this.limit = this.defaults.limit;
    this.periodSeconds = this.defaults.periodSeconds;
    this.windows.clear();
  }
}
