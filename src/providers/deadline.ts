import { setMaxListeners } from 'node:events';

const deadlinesOfSignals = new WeakMap<AbortSignal, Deadline>();

/** When the upstream work of one operation (or one subscription poll) must be over. */
export interface Deadline {
  signal: AbortSignal;
  expiresAt: number;
}

/** A deadline its owner ends when the work is over, so that nothing holds its signal until it expires. */
export interface OwnedDeadline extends Deadline {
  release(): void;
}

/**
 * A deadline `ms` from now, which also ends when `parent` aborts: one timer and one controller, not the
 * `AbortSignal.timeout` and `AbortSignal.any` pair, which Node keeps alive for the whole delay once any request
 * listens on it. `release` clears the timer and the parent's listener.
 */
export function deadlineIn(ms: number, parent?: AbortSignal): OwnedDeadline {
  const controller = new AbortController();
  const { signal } = controller;
  // Every upstream request of the operation listens on it: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
  const onParentAbort = parent ? () => end(parent.reason) : undefined;
  const expire = () => end(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  const timer = setTimeout(expire, ms);
  timer.unref();
  const release = () => {
    clearTimeout(timer);
    if (onParentAbort) parent!.removeEventListener('abort', onParentAbort);
  };
  const end = (reason: unknown) => {
    release();
    controller.abort(reason);
  };
  if (parent?.aborted) end(parent.reason);
  else if (onParentAbort) parent!.addEventListener('abort', onParentAbort, { once: true });
  const deadline = { signal, expiresAt: Date.now() + ms, release };
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
