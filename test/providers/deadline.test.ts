import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { deadlineIn, deadlineOfSignal, signalWithDeadline } from '../../src/providers/deadline.js';

describe('a deadline', () => {
  it('aborts its signal with a TimeoutError when its time is up, and is found from its signal', async () => {
    const before = Date.now();
    const deadline = deadlineIn(30);
    expect(deadline.expiresAt).toBeGreaterThanOrEqual(before + 30);
    expect(deadlineOfSignal(deadline.signal)).toBe(deadline);
    expect(deadline.signal.aborted).toBe(false);
    await sleep(80);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toMatchObject({ name: 'TimeoutError' });
  });

  it('is shared by the work that starts within one tick, and a later start gets a later deadline', async () => {
    const first = deadlineIn(2_000);
    expect(deadlineIn(2_000)).toBe(first);
    expect(deadlineIn(3_000)).not.toBe(first);
    await sleep(40);
    const later = deadlineIn(2_000);
    expect(later).not.toBe(first);
    expect(later.expiresAt).toBeGreaterThan(first.expiresAt);
  });

  it('never passes later than asked, at most a tick (a hundredth) early, and not before its time', async () => {
    const before = Date.now();
    const deadline = deadlineIn(500);
    const after = Date.now();
    expect(deadline.expiresAt).toBeLessThanOrEqual(after + 500);
    expect(deadline.expiresAt).toBeGreaterThanOrEqual(before + 495);
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve, { once: true }));
    expect(Date.now()).toBeGreaterThanOrEqual(deadline.expiresAt - 1);
  });

  it("carried by a caller's signal ends with either, and tells the deadline apart from the caller", async () => {
    const caller = new AbortController();
    const signal = signalWithDeadline(30, caller.signal);
    const deadline = deadlineOfSignal(signal)!;
    expect(deadline.signal).not.toBe(signal);
    await sleep(80);
    expect(deadline.signal.aborted).toBe(true);
    expect(signal.aborted).toBe(true);
    expect(caller.signal.aborted).toBe(false);
    const left = new AbortController();
    const ofLeaving = signalWithDeadline(10_000, left.signal);
    left.abort();
    expect(ofLeaving.aborted).toBe(true);
    expect(deadlineOfSignal(ofLeaving)!.signal.aborted).toBe(false);
  });
});
