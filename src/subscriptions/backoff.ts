/** However often a poller fails, it tries again at least this often (unless its interval is longer). */
const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * When to poll again after `failures` failures in a row: the interval doubled per failure, capped, and
 * never sooner than the provider's Retry-After.
 */
export function retryDelayMs(intervalMs: number, failures: number, retryAfterSeconds?: number): number {
  const doubled = intervalMs * 2 ** Math.min(failures, 16);
  const capped = Math.min(doubled, Math.max(intervalMs, MAX_BACKOFF_MS));
  return Math.max(capped, (retryAfterSeconds ?? 0) * 1000);
}
