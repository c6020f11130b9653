import { setMaxListeners } from 'node:events';

/**
 * The signals that end upstream attempts at their timeout, made once for many attempts rather than a
 * timer, an AbortController and listeners for each. Attempts that start within one tick share one timeout
 * signal, so an attempt may end up to a tick (a hundredth of the timeout, at most 50 ms) before its timeout;
 * attempts of one operation that share a tick also share the signal that ends them at the operation's
 * deadline too.
 */
export class AttemptSignals {
  private readonly tickMs: number;
  private timeout: AbortSignal | undefined;
  private tickEndsAt = 0;
  /** Per deadline signal: its combination with the current timeout signal. */
  private readonly combined = new WeakMap<AbortSignal, { timeout: AbortSignal; signal: AbortSignal }>();

  constructor(private readonly timeoutMs: number) {
    this.tickMs = Math.min(50, timeoutMs / 100);
  }

  /** The signal of an attempt starting now, which also ends with `deadline` and `caller`. */
  forAttempt(deadline: AbortSignal | undefined, caller: AbortSignal | undefined): AbortSignal {
    const timeout = this.currentTimeout();
    if (caller) return manyListeners(AbortSignal.any(deadline ? [timeout, deadline, caller] : [timeout, caller]));
    if (!deadline) return timeout;
    const known = this.combined.get(deadline);
    if (known?.timeout === timeout) return known.signal;
    const signal = manyListeners(AbortSignal.any([timeout, deadline]));
    this.combined.set(deadline, { timeout, signal });
    return signal;
  }

  private currentTimeout(): AbortSignal {
    const now = performance.now();
    if (!this.timeout || now >= this.tickEndsAt) {
      this.timeout = manyListeners(AbortSignal.timeout(this.timeoutMs));
      this.tickEndsAt = now + this.tickMs;
    }
    return this.timeout;
  }
}

/** Every attempt sharing the signal listens on it: many listeners are expected, not a leak. */
function manyListeners(signal: AbortSignal): AbortSignal {
  setMaxListeners(0, signal);
  return signal;
}
