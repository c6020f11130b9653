import type { ScheduledTimer, Scheduler } from '../../../src/subscriptions/scheduler.js';

interface Timer {
  due: number;
  order: number;
  callback: () => void;
}

/** A clock that moves only when the test advances it: a poll interval passes without any waiting. */
export class ManualScheduler implements Scheduler {
  private current: number;
  private readonly timers = new Set<Timer>();
  private order = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  schedule(delayMs: number, callback: () => void): ScheduledTimer {
    const timer: Timer = { due: this.current + Math.max(0, delayMs), order: ++this.order, callback };
    this.timers.add(timer);
    // Due now: it runs at once, as a zero-delay timer would.
    if (delayMs <= 0) setImmediate(() => this.fire(timer));
    return { cancel: () => this.timers.delete(timer) };
  }

  private fire(timer: Timer): void {
    if (!this.timers.delete(timer)) return;
    timer.callback();
  }

  /** Timers still waiting to run: zero once every poller has stopped. */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves the clock forward, running every timer that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const next = [...this.timers].filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.order - b.order)[0];
      if (!next) break;
      this.current = Math.max(this.current, next.due);
      this.fire(next);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.current = target;
  }
}
