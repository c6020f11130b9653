import { getEventListeners } from 'node:events';
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

  it('once released, never aborts, and leaves no listener on its parent', async () => {
    const parent = new AbortController();
    const deadline = deadlineIn(30, parent.signal);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    deadline.release();
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
    await sleep(80);
    parent.abort(new Error('gone'));
    expect(deadline.signal.aborted).toBe(false);
  });

  it("ends with its parent, with the parent's reason, and then listens to it no more", () => {
    const parent = new AbortController();
    const deadline = deadlineIn(10_000, parent.signal);
    const reason = new Error('the caller left');
    parent.abort(reason);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe(reason);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
  });

  it('of an already aborted parent is over at once', () => {
    const reason = new Error('already gone');
    const deadline = deadlineIn(10_000, AbortSignal.abort(reason));
    expect(deadline.signal.reason).toBe(reason);
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
  });
});
