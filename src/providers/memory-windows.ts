import { RateLimiterRes } from 'rate-limiter-flexible';

interface Window {
  /** Requests counted in this window; above the budget once it is spent or blocked. */
  count: number;
  endsAt: number;
}

/**
 * Each key's requests counted in fixed windows in this process, as rate-limiter-flexible's RateLimiterMemory
 * counts them, but answering at once: a request that finds a token takes it without a promise or a timer of
 * its own, which is every request of a credential within its budget. Keys whose window is over are forgotten
 * by one timer for all of them, as RateLimiterMemory forgets each by a timer of its own.
 */
export class MemoryWindows {
  private readonly windows = new Map<string, Window>();
  private sweeping: NodeJS.Timeout | undefined;

  constructor(
    private readonly points: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token when one is left: 0; otherwise nothing is counted and the wait until the window ends. */
  take(key: string): number {
    const now = this.now();
    const window = this.current(key, now);
    if (!window) {
      this.open(key, 1, this.windowMs, now);
      return 0;
    }
    if (window.count >= this.points) return Math.max(1, window.endsAt - now);
    window.count++;
    return 0;
  }

  /** rate-limiter-flexible's `consume`: counted whether or not it fits, refused with a RateLimiterRes when over. */
  consume(key: string): Promise<RateLimiterRes> {
    const res = this.add(key, 1);
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rate-limiter-flexible's contract: a refusal is its RateLimiterRes
    return res.consumedPoints > this.points ? Promise.reject(res) : Promise.resolve(res);
  }

  /** The key's window while it is held, as rate-limiter-flexible's `get`: until the timer forgets it. */
  get(key: string): Promise<RateLimiterRes | null> {
    const window = this.windows.get(key);
    return Promise.resolve(window ? this.res(window, this.now()) : null);
  }

  /** The key's current window; none once it is over. */
  peek(key: string): RateLimiterRes | null {
    const now = this.now();
    const window = this.current(key, now);
    return window ? this.res(window, now) : null;
  }

  /** Nothing more of `key` for `seconds`. */
  block(key: string, seconds: number): Promise<RateLimiterRes> {
    const now = this.now();
    return Promise.resolve(this.res(this.open(key, this.points + 1, seconds * 1000, now), now));
  }

  penalty(key: string, points: number): Promise<RateLimiterRes> {
    return Promise.resolve(this.add(key, points));
  }

  add(key: string, points: number): RateLimiterRes {
    const now = this.now();
    const window = this.current(key, now);
    if (window) window.count += points;
    return this.res(window ?? this.open(key, points, this.windowMs, now), now);
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private open(key: string, count: number, durationMs: number, now: number): Window {
    const window = { count, endsAt: now + durationMs };
    this.windows.set(key, window);
    this.sweeping ??= this.sweepLater();
    return window;
  }

  private sweepLater(): NodeJS.Timeout {
    return setTimeout(() => this.sweep(), this.windowMs).unref();
  }

  /** Keys nobody asked for again since their window ended; runs once a window while any key is held. */
  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    this.sweeping = this.windows.size > 0 ? this.sweepLater() : undefined;
  }

  private res(window: Window, now: number): RateLimiterRes {
    return new RateLimiterRes(Math.max(0, this.points - window.count), window.endsAt - now, window.count, false);
  }
}
