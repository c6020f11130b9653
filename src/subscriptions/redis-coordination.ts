import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { Coordination, PollEvents } from './coordination.js';
import type { PollEvent } from './poll-event.js';
import { RedisLease } from './redis-lease.js';
import { wireFormat } from './wire-format.js';

export interface RedisCoordinationOptions {
  url: string;
  logger: Logger;
  /** How long a lease lasts without renewal: how soon another replica takes over from one that died. */
  leaseTtlMs: number;
  /** Prefix of every key and channel, so several deployments can share one Redis. */
  prefix?: string;
}

/**
 * Several replicas behind one Redis: events go through Redis pub/sub (yoga's pub/sub on a Redis event
 * target), one replica per key holds the lease and polls, and the last event of each key waits in Redis
 * for subscribers that join on any replica.
 */
export function createRedisCoordination(options: RedisCoordinationOptions): Coordination {
  const { logger, leaseTtlMs } = options;
  const prefix = options.prefix ?? 'dnsgraph:';
  const connect = (role: string) => {
    const client = new Redis(options.url, { connectionName: `dnsgraph-${role}`, maxRetriesPerRequest: 2 });
    client.on('error', (error: Error) => logger.warn('redis connection failed', { role, error: error.message }));
    return client;
  };
  const commands = connect('commands');
  const subscriber = connect('subscriber');
  const events: PollEvents = createPubSub({
    eventTarget: createRedisEventTarget({ publishClient: commands, subscribeClient: subscriber, serializer: wireFormat }),
  });
  const lastKey = (key: string) => `${prefix}last:${key}`;

  return {
    events,
    // A second SUBSCRIBE to the channel the event target has just subscribed to is answered only after
    // the first one took effect, on the same connection.
    listening: async (topic) => {
      await subscriber.subscribe(topic);
    },
    lease: (key, holder) => new RedisLease(commands, `${prefix}lease:${key}`, holder, leaseTtlMs),
    leaseRenewalMs: Math.max(1, Math.floor(leaseTtlMs / 3)),
    lastEvent: async (key) => {
      const stored = await commands.get(lastKey(key));
      return stored === null ? undefined : (wireFormat.parse(stored) as PollEvent<unknown>);
    },
    publish: async (key, topic, event, keepMs) => {
      const message = wireFormat.stringify(event);
      // Stored before it is announced: whoever hears of an event and then reads the last one sees it.
      await commands.set(lastKey(key), message, 'PX', Math.max(1, Math.round(keepMs)));
      await commands.publish(topic, message);
    },
    close: async () => {
      await Promise.all([commands.quit().catch(() => commands.disconnect()), subscriber.quit().catch(() => subscriber.disconnect())]);
    },
  };
}
