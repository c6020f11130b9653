import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';

/** When the upstream work of one operation (or one subscription poll) must be over. */
export interface Deadline {
  signal: AbortSignal;
  expiresAt: number;
}

const current = new AsyncLocalStorage<Deadline>();

/**
 * Runs `work` with a deadline every upstream request it makes observes: its retries, rate-limit waits and
 * queueing end when the deadline passes. The deadline follows the work through promises and DataLoader
 * batches without every client method taking a signal.
 */
export function withDeadline<T>(ms: number, work: () => T, parent?: AbortSignal): T {
  const timeout = AbortSignal.timeout(ms);
  const signal = parent ? AbortSignal.any([parent, timeout]) : timeout;
  // Every upstream request of the operation listens on it: many listeners are expected, not a leak.
  setMaxListeners(0, signal);
  return current.run({ signal, expiresAt: Date.now() + ms }, work);
}

export function currentDeadline(): Deadline | undefined {
  return current.getStore();
}
