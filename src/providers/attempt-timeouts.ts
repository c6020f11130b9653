/**
 * The signals that end upstream attempts at their timeout, made once for many attempts rather than a timer
 * for each. Attempts that start within one tick share one timeout signal, so an attempt may end up to a tick
 * (a hundredth of the timeout, at most 50 ms) before its timeout.
 */
export class AttemptTimeouts {
  private readonly tickMs: number;
  private timeout: AbortSignal | undefined;
  private tickEndsAt = 0;

  constructor(private readonly timeoutMs: number) {
    this.tickMs = Math.min(50, timeoutMs / 100);
  }

  /** The timeout signal of an attempt starting now. */
  current(): AbortSignal {
    const now = performance.now();
    if (!this.timeout || now >= this.tickEndsAt) {
      this.timeout = AbortSignal.timeout(this.timeoutMs);
      this.tickEndsAt = now + this.tickMs;
    }
    return this.timeout;
  }
}
