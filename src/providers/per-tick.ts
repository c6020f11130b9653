/**
 * One value for everything that starts within a tick (a hundredth of `ms`, at most 50 ms), made anew after it:
 * a timer and a signal per tick, however many requests or operations start in it, rather than one for each.
 * A timeout or deadline of `ms` shared this way may end up to a tick early, never late.
 */
export class PerTick<T> {
  private readonly tickMs: number;
  private value: T | undefined;
  private tickEndsAt = 0;

  constructor(
    ms: number,
    private readonly make: () => T,
  ) {
    this.tickMs = Math.min(50, ms / 100);
  }

  /** The value for something starting now. */
  current(): T {
    const now = performance.now();
    if (this.value === undefined || now >= this.tickEndsAt) {
      this.value = this.make();
      this.tickEndsAt = now + this.tickMs;
    }
    return this.value;
  }
}
