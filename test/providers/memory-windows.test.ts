import { RateLimiterRes } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { ClientRateLimiter } from '../../src/providers/client-rate-limiter.js';
import { MemoryWindows } from '../../src/providers/memory-windows.js';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('MemoryWindows', () => {
  it('takes tokens at once up to the budget, then says how long until the window ends, per key', () => {
    const time = clock();
    const windows = new MemoryWindows(3, 1_000, time.now);
    expect([windows.take('a'), windows.take('a'), windows.take('a')]).toEqual([0, 0, 0]);
    time.advance(400);
    expect(windows.take('a')).toBe(600);
    expect(windows.take('b')).toBe(0);
    time.advance(600);
    expect(windows.take('a')).toBe(0);
  });

  it('a refused take counts nothing, as a consume over the budget does', async () => {
    const time = clock();
    const windows = new MemoryWindows(1, 1_000, time.now);
    expect(windows.take('a')).toBe(0);
    expect(windows.take('a')).toBeGreaterThan(0);
    expect(windows.peek('a')?.consumedPoints).toBe(1);
    const refused = await windows.consume('a').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimiterRes);
    expect((refused as RateLimiterRes).consumedPoints).toBe(2);
  });

  it('a block holds the key for its seconds, past its window', async () => {
    const time = clock();
    const windows = new MemoryWindows(100, 1_000, time.now);
    await windows.block('a', 3);
    time.advance(2_500);
    expect(windows.take('a')).toBe(500);
    time.advance(500);
    expect(windows.take('a')).toBe(0);
  });

  it('a penalty spends tokens of the current window', async () => {
    const time = clock();
    const windows = new MemoryWindows(5, 1_000, time.now);
    await windows.penalty('a', 4);
    expect(windows.take('a')).toBe(0);
    expect(windows.take('a')).toBeGreaterThan(0);
  });

  it('forgets a key once its window is over', async () => {
    const windows = new MemoryWindows(1, 20);
    windows.take('a');
    expect(await windows.get('a')).not.toBeNull();
    await expect.poll(() => windows.get('a'), { interval: 10, timeout: 2_000 }).toBeNull();
  });

  it('counts a window that is over as over, before its key is forgotten', () => {
    const time = clock();
    const windows = new MemoryWindows(1, 50, time.now);
    windows.take('a');
    time.advance(50);
    expect(windows.peek('a')).toBeNull();
    expect(windows.take('a')).toBe(0);
  });
});

describe('ClientRateLimiter without waiting', () => {
  it('hands out tokens within the budget at once, and none past it', () => {
    const limiter = new ClientRateLimiter({ requests: 2, windowMs: 60_000 });
    expect([limiter.tryAcquire('a'), limiter.tryAcquire('a'), limiter.tryAcquire('a')]).toEqual([true, true, false]);
    expect(limiter.tryAcquire('b')).toBe(true);
  });

  it('never lets a request past those already waiting for a token of the same key', async () => {
    const limiter = new ClientRateLimiter({ requests: 1, windowMs: 30 });
    expect(limiter.tryAcquire('a')).toBe(true);
    const waiting = limiter.acquire('a', 10_000);
    expect(limiter.tryAcquire('a')).toBe(false);
    // The window is over before the waiter's timer fires: its token is still the waiter's.
    const until = Date.now() + 40;
    while (Date.now() < until);
    expect(limiter.tryAcquire('a')).toBe(false);
    expect(limiter.tryAcquire('b')).toBe(true);
    await waiting;
  });
});
