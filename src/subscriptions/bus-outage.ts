import type { Logger } from '../logger.js';

/**
 * Whether this replica's channels can reach the bus (Redis): every key finds out on its own, but the log hears of
 * an outage once, as a warning when the first key loses it, and once more, as information, when the last key that
 * lost it has it back. Each key's failures are logged at debug level only.
 */
export class BusOutage {
  /** Keys that found the bus unreachable and have not reached it since. */
  private readonly cut = new Set<string>();

  constructor(
    private readonly logger: Logger,
    /** How many keys this replica watches: all of them wait on the same Redis. */
    private readonly keyCount: () => number,
  ) {}

  /** A key's lease, renewal or publication failed. */
  lost(key: string, error: unknown): void {
    const first = this.cut.size === 0;
    this.cut.add(key);
    if (first) this.logger.warn('subscription updates paused: Redis cannot be reached', { keys: this.keyCount(), error: String(error) });
    else this.logger.debug('subscription lease unavailable', { key, error: String(error) });
  }

  /** A key reached the bus again. */
  back(key: string): void {
    if (!this.cut.delete(key) || this.cut.size > 0) return;
    this.logger.info('subscription updates resumed: Redis answers again', { keys: this.keyCount() });
  }

  /** A key closed: whether or not it had reached the bus again, it no longer waits for it. */
  forget(key: string): void {
    this.cut.delete(key);
  }
}
