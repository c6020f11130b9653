import type { Repeater } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { signalWithDeadline } from '../providers/deadline.js';
import type { Delivery } from './delivery.js';
import type { PollEvent } from './poll-event.js';
import type { PollSource } from './poll-source.js';
import { subscriberStream } from './subscriber.js';

/**
 * A subscriber's stream of a shared poller's events, turned into deliveries by `deliver`; it completes
 * after a final event. It ends when the client unsubscribes or goes away, or the gateway shuts down. Each
 * poll has a deadline of its own (REQUEST_DEADLINE_MS), and spends the share of the rate budget of the
 * subscriber that started the poller.
 */
export function follow<T, R>(ctx: GatewayContext, source: PollSource<T>, deliver: (event: PollEvent<T>) => Iterable<Delivery<R>>): Repeater<Delivery<R>> {
  const deadlineMs = ctx.config.resilience.requestDeadlineMs;
  const polled: PollSource<T> = { ...source, fetch: (signal) => source.fetch(signalWithDeadline(deadlineMs, signal)) };
  return subscriberStream((subscriber) => ctx.subscriptions.join(polled, subscriber), ctx.signal, deliver, true);
}
