/** A pending callback of a {@link Scheduler}. */
export interface ScheduledTimer {
  cancel(): void;
}

/**
 * Time as pollers see it. The gateway runs on the system clock; tests substitute a clock they advance
 * by hand, so a poll interval passes without waiting for it.
 */
export interface Scheduler {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `callback` once, `delayMs` from now. */
  schedule(delayMs: number, callback: () => void): ScheduledTimer;
  /**
   * A random offset in [0, intervalMs): a new poller's second poll comes that much early, so pollers started
   * in the same moment spread across the interval instead of polling, and delivering, in one burst. Without
   * it (a test's hand-driven clock) polls keep exact intervals.
   */
  jitterMs?(intervalMs: number): number;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule(delayMs, callback) {
    // Unreferenced: a poller keeps no process alive on its own; the HTTP server does that.
    const timer = setTimeout(callback, Math.max(0, delayMs));
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
  jitterMs: (intervalMs) => Math.random() * intervalMs,
};
