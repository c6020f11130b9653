import { setMaxListeners } from 'node:events';

const deadlinesOfSignals = new WeakMap<AbortSignal, Deadline>();

/** When the upstream work of one operation (or one subscription poll) must be over. */
export interface Deadline {
  signal: AbortSignal;
  expiresAt: number;
}

/** A deadline `ms` from now, which also ends when `parent` aborts. */
export function deadlineIn(ms: number, parent?: AbortSignal): Deadline {
  const timeout = AbortSignal.timeout(ms);
  const signal = parent ? AbortSignal.any([parent, timeout]) : timeout;
  // Every upstream request of the operation listens on it: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
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
