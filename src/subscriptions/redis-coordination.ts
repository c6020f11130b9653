import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { boundedRedis, disconnectRedis, outageReporter } from '../redis-connection.js';
import type { Coordination, PollEvents, Vacated } from './coordination.js';
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
 * Resolves once the connection is ready for commands. A SUBSCRIBE sent earlier, while ioredis is still
 * naming the connection and checking the server, switches it to subscriber mode too soon: the connection
 * fails, and comes back without the subscription.
 */
function whenReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      client.off('ready', onReady).off('error', onError).off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => settle();
    const onError = (error: Error) => settle(error);
    const onEnd = () => settle(new Error('the Redis connection has been closed'));
    client.once('ready', onReady).once('error', onError).once('end', onEnd);
  });
}

/**
 * The Redis event target sends SUBSCRIBE and UNSUBSCRIBE without waiting for the answer. Here they wait
 * until the connection is ready, and a failure (Redis unreachable) is logged rather than left unhandled,
 * which would take the whole process down. The target uses nothing else of its subscribe client than
 * these and `on('message')`.
 */
function guardedSubscriber(subscriber: Redis, logger: Logger): Redis {
  const guard = (command: 'subscribe' | 'unsubscribe') => (channel: string) =>
    whenReady(subscriber)
      .then(() => subscriber[command](channel))
      .catch((error: unknown) => logger.warn(`redis ${command} failed`, { error: String(error) }));
  const adapter = {
    on: (event: string, listener: (...args: unknown[]) => void) => subscriber.on(event, listener),
    subscribe: guard('subscribe'),
    unsubscribe: guard('unsubscribe'),
  };
  return adapter as unknown as Redis;
}

/**
 * Several replicas behind one Redis: events go through Redis pub/sub (yoga's pub/sub on a Redis event
 * target), one replica per key holds the lease and polls, and the last event of each key waits in Redis
 * for subscribers that join on any replica.
 */
export function createRedisCoordination(options: RedisCoordinationOptions): Coordination {
  const { logger, leaseTtlMs } = options;
  const prefix = options.prefix ?? 'dnsgraph:';
  // Leases, last events and publishing never wait on a Redis that keeps the connection but stops answering: the
  // command fails as if Redis were gone, and the channel stops polling and tells its subscribers. The subscriber
  // connection only listens (a command timeout would also cut its SUBSCRIBE).
  const connect = (role: 'commands' | 'subscriber') => {
    const name = `dnsgraph-${role}`;
    const client = role === 'commands' ? boundedRedis(options.url, name, 2) : new Redis(options.url, { connectionName: name, maxRetriesPerRequest: 2 });
    // ioredis reports every reconnection attempt: once every 30 s of an outage is enough to tell.
    client.on(
      'error',
      outageReporter((error) => logger.warn('redis connection failed', { role, error })),
    );
    return client;
  };
  const commands = connect('commands');
  const subscriber = connect('subscriber');
  const guarded = guardedSubscriber(subscriber, logger);
  const events: PollEvents = createPubSub({
    eventTarget: createRedisEventTarget({ publishClient: commands, subscribeClient: guarded, serializer: wireFormat }),
  });
  const lastKey = (key: string) => `${prefix}last:${key}`;

  return {
    events,
    // A second SUBSCRIBE to the channel the event target has just subscribed to is answered only after
    // the first one took effect, on the same connection.
    listening: async (topic) => {
      await whenReady(subscriber);
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
      // Published here rather than through the event target, which would not wait for Redis's answer.
      await commands.set(lastKey(key), message, 'PX', Math.max(1, Math.round(keepMs)));
      await commands.publish(topic, message);
    },
    vacate: async (topic) => {
      const vacated: Vacated = { vacated: true };
      await commands.publish(topic, wireFormat.stringify(vacated));
    },
    close: async () => {
      await Promise.all([commands, subscriber].map(disconnectRedis));
    },
  };
}
