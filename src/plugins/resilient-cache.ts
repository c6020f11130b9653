import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { Logger } from '../logger.js';
import { outageReporter } from '../redis-connection.js';

type CacheEntityRecord = Parameters<Cache['invalidate']>[0] extends Iterable<infer E> ? E : never;

/** How often an invalidation that did not reach the store is sent again, until it does. */
const RETRY_INVALIDATION_MS = 1_000;

export interface ResilientCache extends Cache {
  close(): void;
}

const entityKey = (entity: CacheEntityRecord) => `${entity.typename}\u0000${entity.id ?? ''}`;

/**
 * A response cache whose failures are misses: a Redis that is away or slow costs the upstream calls the
 * cache would have saved, never the request itself. A write's invalidation that fails is not dropped: it is
 * sent again every second until the store takes it, so no replica keeps answering from entries the write made
 * stale once Redis is back; meanwhile this replica answers without the cache.
 */
export function resilientCache(inner: Cache, logger: Logger, retryEveryMs = RETRY_INVALIDATION_MS): ResilientCache {
  const unavailable = outageReporter((error) => logger.warn('response cache unavailable: answering without it', { error }));
  const pending = new Map<string, CacheEntityRecord>();
  let flushing: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;

  const guarded = async <T>(run: () => T | PromiseLike<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      unavailable(error);
      return undefined;
    }
  };

  const flush = (): Promise<void> =>
    (flushing ??= (async () => {
      const entities = [...pending.values()];
      try {
        await inner.invalidate(entities);
        // An entity a newer write remembered meanwhile stays for the next attempt.
        for (const entity of entities) if (pending.get(entityKey(entity)) === entity) pending.delete(entityKey(entity));
        logger.info('response cache invalidation delivered after a failure', { entities: entities.length });
      } catch (error) {
        unavailable(error);
      } finally {
        flushing = undefined;
        if (pending.size === 0 && retry) {
          clearInterval(retry);
          retry = undefined;
        }
      }
    })());

  const remember = (entities: Iterable<CacheEntityRecord>) => {
    for (const entity of entities) pending.set(entityKey(entity), entity);
    retry ??= setInterval(() => void flush(), retryEveryMs).unref();
  };

  return {
    get: (id) => {
      if (pending.size > 0) return undefined;
      return guarded(() => inner.get(id));
    },
    set: async (id, data, entities, ttl) => {
      if (pending.size > 0) return;
      await guarded(() => inner.set(id, data, entities, ttl));
    },
    invalidate: async (entities) => {
      const all = [...entities];
      if (pending.size > 0) {
        remember(all);
        await flush();
        return;
      }
      try {
        await inner.invalidate(all);
      } catch (error) {
        unavailable(error);
        remember(all);
      }
    },
    close: () => {
      if (retry) clearInterval(retry);
      retry = undefined;
    },
  };
}
