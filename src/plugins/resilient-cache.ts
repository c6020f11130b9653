import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { Logger } from '../logger.js';

/** A failing Redis is reported at most this often. */
const REPORT_EVERY_MS = 30_000;

/**
 * A response cache whose failures are misses: a Redis that is away or slow costs the upstream calls the
 * cache would have saved, never the request itself.
 */
export function resilientCache(inner: Cache, logger: Logger): Cache {
  let reportedAt = -Infinity;
  const miss = (operation: string) => (error: unknown) => {
    if (Date.now() - reportedAt >= REPORT_EVERY_MS) {
      reportedAt = Date.now();
      logger.warn('response cache unavailable: answering without it', { operation, error: error instanceof Error ? error.message : String(error) });
    }
    return undefined;
  };
  const guarded = async <T>(operation: string, run: () => T | PromiseLike<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      return miss(operation)(error);
    }
  };
  return {
    get: (id) => guarded('get', () => inner.get(id)),
    set: async (id, data, entities, ttl) => {
      await guarded('set', () => inner.set(id, data, entities, ttl));
    },
    invalidate: async (entities) => {
      await guarded('invalidate', () => inner.invalidate(entities));
    },
  };
}
