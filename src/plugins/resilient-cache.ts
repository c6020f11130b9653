import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { Logger } from '../logger.js';
import { outageReporter } from '../redis-connection.js';

/**
 * A response cache whose failures are misses: a Redis that is away or slow costs the upstream calls the
 * cache would have saved, never the request itself.
 */
export function resilientCache(inner: Cache, logger: Logger): Cache {
  const unavailable = outageReporter((error) => logger.warn('response cache unavailable: answering without it', { error }));
  const guarded = async <T>(run: () => T | PromiseLike<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      unavailable(error);
      return undefined;
    }
  };
  return {
    get: (id) => guarded(() => inner.get(id)),
    set: async (id, data, entities, ttl) => {
      await guarded(() => inner.set(id, data, entities, ttl));
    },
    invalidate: async (entities) => {
      await guarded(() => inner.invalidate(entities));
    },
  };
}
