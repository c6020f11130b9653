import { setMaxListeners } from 'node:events';
import { PerTick } from './per-tick.js';

const deadlinesOfSignals = new WeakMap<AbortSignal, Deadline>();

/** When the upstream work of one operation (or one subscription poll) must be over. */
export interface Deadline {
  signal: AbortSignal;
  expiresAt: number;
}

/** The deadlines of each length, shared by the operations that start within a tick. */
const ticksByLength = new Map<number, PerTick<Deadline>>();

/** A deadline `ms` from now; it may pass up to a tick (a hundredth of `ms`, at most 50 ms) early, never late. */
export function deadlineIn(ms: number): Deadline {
  let ticks = ticksByLength.get(ms);
  if (!ticks) ticksByLength.set(ms, (ticks = new PerTick(ms, () => startDeadline(ms))));
  return ticks.current();
}

function startDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const { signal } = controller;
  // Every upstream request started in the tick listens on it: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
  setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms).unref();
  const deadline = { signal, expiresAt: Date.now() + ms };
  deadlinesOfSignals.set(signal, deadline);
  return deadline;
}

/**
 * A caller's signal that also carries a deadline of `ms`: a request made with it ends by then as by an
 * operation's deadline (UPSTREAM_TIMEOUT, no retry past it, no rate-limit wait longer than it). For work
 * that reaches the provider clients through an API taking only a signal, such as one subscription poll.
 */
export function signalWithDeadline(ms: number, caller: AbortSignal): AbortSignal {
  const deadline = deadlineIn(ms);
  const signal = AbortSignal.any([caller, deadline.signal]);
  deadlinesOfSignals.set(signal, deadline);
  return signal;
}

/** The deadline a signal made here carries: its own, or the one `signalWithDeadline` gave it. */
export function deadlineOfSignal(signal: AbortSignal | undefined): Deadline | undefined {
  return signal ? deadlinesOfSignals.get(signal) : undefined;
}
