import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { MemoryWindows } from './memory-windows.js';

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
  /** Takes a token at once when nobody of `key` waits and one is left; otherwise false, and `acquire` waits. */
  tryAcquire?(key: string): boolean;
  /** The provider's own view of the budget wins over ours. */
  observe(key: string, info: RateObservation): void | Promise<void>;
}

/** How long no request may leave after an observation: Retry-After, or the rest of a spent period. */
export function pauseMsFor(info: RateObservation): number {
  if (info.retryAfterSeconds !== undefined) return info.retryAfterSeconds * 1000;
  if (info.remaining === 0 && info.periodSeconds !== undefined) return Math.min(info.periodSeconds, 60) * 1000;
  return 0;
}

/** Saturated keys remembered at once; those whose pacing is over are forgotten first. */
const MAX_PACED_KEYS = 10_000;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
  /** The caller waits no longer than this (epoch ms). */
  until: number;
  leave?: () => void;
  signal?: AbortSignal;
}

/** The requests of one key that have not got their turn yet, first come first served. */
interface Line {
  waiters: Waiter[];
  /** When the first waiter may try again. */
  readyAt: number;
  timer: NodeJS.Timeout | undefined;
  draining: boolean;
}

/**
 * What the queue needs of a rate-limiter-flexible limiter. A counter in memory also answers at once: `take`
 * takes a token when one is left (0) or says how long until it may, and `peek` reads a key's window.
 */
export type WindowCounter = Pick<RateLimiterAbstract, 'consume' | 'get' | 'block' | 'penalty'> & {
  take?(key: string): number;
  peek?(key: string): RateLimiterRes | null;
};

const GRANTED: Promise<void> = Promise.resolve();

/**
 * A first-come-first-served queue in front of a rate-limiter-flexible limiter, which counts each key's
 * requests in fixed windows (in memory, or in Redis for every replica) and forgets a key once its window is
 * over. rate-limiter-flexible's own RateLimiterQueue keeps a queue per key forever, cannot tell a waiter how
 * long it would wait, and cannot let a waiter leave when its caller gives up; this queue does all three and
 * exists only while someone waits.
 */
export class QueuedRateLimiter implements RateLimiter {
  private readonly lines = new Map<string, Line>();
  /**
   * Keys whose budget ran out lately, with when their next request may leave. Fixed windows would let a
   * saturated key's requests go in a burst when each window opens and keep the next ones until the window after,
   * so some callers wait a whole window and others nothing; spaced at the budget's pace, all wait alike.
   */
  private readonly paced = new Map<string, { nextAt: number; until: number }>();

  constructor(
    protected readonly limiter: WindowCounter,
    private readonly budget: { points: number; windowMs: number },
  ) {}

  /** Whether anything of `key` is still held: its window's count, or requests waiting. */
  async remembers(key: string): Promise<boolean> {
    return this.lines.has(key) || (await this.limiter.get(key)) !== null;
  }

  acquire(key: string, maxWaitMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.tryAcquire(key)) return GRANTED;
    const now = Date.now();
    const line = this.lines.get(key);
    // A key paced after a refusal (a provider's Retry-After among them) is ready only when its pace allows.
    const waitMs = line ? this.waitAt(line, line.waiters.length, now) : this.holdFor(key);
    if (waitMs > maxWaitMs) return Promise.reject(new RateBudgetExhausted(waitMs));
    const queue = line ?? { waiters: [], readyAt: now + waitMs, timer: undefined, draining: false };
    if (!line) this.lines.set(key, queue);
    const granted = new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, until: now + maxWaitMs };
      if (signal) {
        waiter.signal = signal;
        waiter.leave = () => {
          const at = queue.waiters.indexOf(waiter);
          if (at >= 0) queue.waiters.splice(at, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.leave, { once: true });
      }
      queue.waiters.push(waiter);
    });
    if (!queue.draining && !queue.timer) void this.drain(key, queue);
    return granted;
  }

  /** Nobody of `key` waits, no pacing holds it, and the counter has a token in memory: taken without waiting. */
  tryAcquire(key: string): boolean {
    if (!this.limiter.take || this.lines.has(key) || this.holdFor(key) > 0 || this.limiter.take(key) > 0) return false;
    this.spaceNext(key);
    return true;
  }

  observe(key: string, info: RateObservation): void | Promise<void> {
    const pauseMs = pauseMsFor(info);
    if (pauseMs === 0 && info.remaining === undefined) return;
    if (this.limiter.peek) return this.adjust(key, info, pauseMs, this.limiter.peek(key));
    return this.limiter.get(key).then((current) => this.adjust(key, info, pauseMs, current));
  }

  private adjust(key: string, info: RateObservation, pauseMs: number, current: RateLimiterRes | null): Promise<void> | undefined {
    if (pauseMs > 0) {
      const spentFor = current && current.consumedPoints > this.budget.points ? current.msBeforeNext : 0;
      return pauseMs > spentFor ? this.limiter.block(key, Math.ceil(pauseMs / 1000)).then(nothing) : undefined;
    }
    if (info.remaining === undefined) return undefined;
    const shouldHaveSpent = this.budget.points - info.remaining;
    const spent = current?.consumedPoints ?? 0;
    return shouldHaveSpent > spent ? this.limiter.penalty(key, shouldHaveSpent - spent).then(nothing) : undefined;
  }

  /** How long the waiter with `ahead` waiters before it still waits: one window per budget's worth ahead. */
  private waitAt(line: Line, ahead: number, now: number): number {
    return Math.max(0, line.readyAt - now) + Math.floor(ahead / this.budget.points) * this.budget.windowMs;
  }

  /** Serves the line from its head while the limiter grants, then sleeps until the window the limiter names. */
  private async drain(key: string, line: Line): Promise<void> {
    line.timer = undefined;
    line.draining = true;
    try {
      while (line.waiters.length > 0) {
        const holdMs = this.holdFor(key);
        if (holdMs > 0) {
          line.timer = setTimeout(() => void this.drain(key, line), holdMs);
          return;
        }
        try {
          await this.limiter.consume(key);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          line.readyAt = Date.now() + rejection.msBeforeNext;
          this.pace(key, rejection.msBeforeNext);
          this.refuseTheTooLate(line);
          if (line.waiters.length === 0) break;
          line.timer = setTimeout(() => void this.drain(key, line), rejection.msBeforeNext);
          return;
        }
        // Whoever is first now gets the token, should the head have left while the limiter was asked.
        const served = line.waiters.shift();
        if (served?.leave) served.signal?.removeEventListener('abort', served.leave);
        served?.resolve();
        this.spaceNext(key);
      }
    } catch (error) {
      for (const waiter of line.waiters.splice(0)) waiter.reject(error);
    } finally {
      line.draining = false;
    }
    if (line.waiters.length === 0 && !line.timer && this.lines.get(key) === line) this.lines.delete(key);
  }

  private pace(key: string, msBeforeNext: number): void {
    const now = Date.now();
    if (this.paced.size >= MAX_PACED_KEYS) for (const [k, p] of this.paced) if (p.until <= now) this.paced.delete(k);
    this.paced.set(key, { nextAt: now + msBeforeNext, until: now + msBeforeNext + 2 * this.budget.windowMs });
  }

  /** How long a paced key's next request still waits for its slot. */
  private holdFor(key: string): number {
    const pace = this.paced.get(key);
    if (!pace) return 0;
    const now = Date.now();
    if (now >= pace.until) {
      this.paced.delete(key);
      return 0;
    }
    const holdMs = Math.max(0, pace.nextAt - now);
    // Still asked for faster than the budget allows: keep pacing. Asked for slower, it lapses and bursts are allowed again.
    if (holdMs > 0) pace.until = pace.nextAt + 2 * this.budget.windowMs;
    return holdMs;
  }

  private spaceNext(key: string): void {
    const pace = this.paced.get(key);
    if (pace) pace.nextAt = Date.now() + this.budget.windowMs / this.budget.points;
  }

  /** Waiters whose turn comes after they stop waiting are told so now, not when their time is up. */
  private refuseTheTooLate(line: Line): void {
    const now = Date.now();
    const kept: Waiter[] = [];
    for (const waiter of line.waiters) {
      const waitMs = this.waitAt(line, kept.length, now);
      if (now + waitMs <= waiter.until) {
        kept.push(waiter);
        continue;
      }
      if (waiter.leave) waiter.signal?.removeEventListener('abort', waiter.leave);
      waiter.reject(new RateBudgetExhausted(Math.max(1, waitMs)));
    }
    line.waiters = kept;
  }
}

function nothing(): void {}

/**
 * One replica's budget per credential, so the gateway stays inside a provider's per-account budget instead
 * of collecting 429s, and obeys what the provider reports (`X-RateLimit-Remaining` reaching 0, Retry-After).
 * Counted in memory, so a request within the budget takes its token at once.
 */
export class ClientRateLimiter extends QueuedRateLimiter {
  constructor(budget: RateBudget) {
    super(new MemoryWindows(budget.requests, budget.windowMs), { points: budget.requests, windowMs: budget.windowMs });
  }
}

export function memoryLimiter(budget: RateBudget): RateLimiterMemory {
  return new RateLimiterMemory({ points: budget.requests, duration: budget.windowMs / 1000 });
}
