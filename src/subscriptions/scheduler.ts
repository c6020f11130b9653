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
  /**
   * Runs `callback` once, at the slot of its interval nearest to `due` (or at once when that slot has passed):
   * every callback of one slot runs in one wake-up. Pollers of the same interval then wake together a few at a
   * time, where each waking on its own would cost the process a wake-up per poll, and their events leave on
   * each socket in one write. Without it (a test's hand-driven clock) a poll comes at `due` exactly.
   */
  scheduleNear?(due: number, intervalMs: number, callback: () => void): ScheduledTimer;
}

/**
 * How many slots an interval has: polls spread over this many moments of it, each at most a twentieth of the
 * interval early or late. Ten slots of a 5 s interval each wake the process once for a tenth of its pollers.
 */
const SLOTS_PER_INTERVAL = 10;

/** The callbacks of each slot (its time, ms since the epoch) and the one timer that runs them. */
const slots = new Map<number, { callbacks: Set<() => void>; timer: NodeJS.Timeout }>();

function runSlot(at: number): void {
  const slot = slots.get(at);
  slots.delete(at);
  for (const callback of slot?.callbacks ?? []) callback();
}

function schedule(delayMs: number, callback: () => void): NodeJS.Timeout {
  const timer = setTimeout(callback, Math.max(0, delayMs));
  // Unreferenced: a poller keeps no process alive on its own; the HTTP server does that.
  timer.unref();
  return timer;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule(delayMs, callback) {
    const timer = schedule(delayMs, callback);
    return { cancel: () => clearTimeout(timer) };
  },
  jitterMs: (intervalMs) => Math.random() * intervalMs,
  scheduleNear(due, intervalMs, callback) {
    const step = intervalMs / SLOTS_PER_INTERVAL;
    const at = Math.round(due / step) * step;
    let slot = slots.get(at);
    if (!slot) {
      slot = { callbacks: new Set(), timer: schedule(at - Date.now(), () => runSlot(at)) };
      slots.set(at, slot);
    }
    const { callbacks, timer } = slot;
    callbacks.add(callback);
    return {
      cancel: () => {
        if (!callbacks.delete(callback) || callbacks.size > 0 || slots.get(at)?.callbacks !== callbacks) return;
        clearTimeout(timer);
        slots.delete(at);
      },
    };
  },
};
