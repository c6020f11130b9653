import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemScheduler } from '../../src/subscriptions/scheduler.js';

const INTERVAL_MS = 5_000;
/** A tenth of the interval. */
const SLOT_MS = 500;

describe('the system clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.UTC(2026, 0, 1));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('wakes once for every poll due near the same tenth of the interval, and runs each in its slot', () => {
    const start = Date.now();
    const ran: Array<[string, number]> = [];
    const poll = (name: string, dueIn: number) => systemScheduler.scheduleNear!(start + dueIn, INTERVAL_MS, () => ran.push([name, Date.now() - start]));
    poll('a', INTERVAL_MS - 100);
    poll('b', INTERVAL_MS + 110);
    poll('c', INTERVAL_MS + 300);
    // Two slots, two timers, however many polls fall in them.
    expect(vi.getTimerCount()).toBe(2);

    vi.advanceTimersByTime(INTERVAL_MS + SLOT_MS);
    expect(ran).toEqual([
      ['a', INTERVAL_MS],
      ['b', INTERVAL_MS],
      ['c', INTERVAL_MS + SLOT_MS],
    ]);
  });

  it('drops a slot whose polls were all cancelled, and still runs the others of a slot', () => {
    const start = Date.now();
    const ran: string[] = [];
    const a = systemScheduler.scheduleNear!(start + INTERVAL_MS, INTERVAL_MS, () => ran.push('a'));
    systemScheduler.scheduleNear!(start + INTERVAL_MS + 10, INTERVAL_MS, () => ran.push('b'));
    const c = systemScheduler.scheduleNear!(start + 2 * INTERVAL_MS, INTERVAL_MS, () => ran.push('c'));
    a.cancel();
    c.cancel();
    // Cancelling twice changes nothing.
    c.cancel();
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(3 * INTERVAL_MS);
    expect(ran).toEqual(['b']);
  });

  it('runs a poll whose slot has already passed at once', () => {
    const ran: string[] = [];
    systemScheduler.scheduleNear!(Date.now() - 3 * SLOT_MS, INTERVAL_MS, () => ran.push('late'));
    vi.advanceTimersByTime(0);
    expect(ran).toEqual(['late']);
  });
});
