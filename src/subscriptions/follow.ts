import type { GatewayContext } from '../context.js';
import { cancellable } from './cancellable.js';
import type { Delivery } from './delivery.js';
import type { PollEvent } from './poll-event.js';
import type { PollSource } from './poll-source.js';

/**
 * A subscriber's stream of a shared poller's events, turned into deliveries by `deliver`. It ends when
 * the client unsubscribes or goes away, or the gateway shuts down.
 */
export function follow<T, R>(
  ctx: GatewayContext,
  source: PollSource<T>,
  deliver: (events: AsyncIterable<PollEvent<T>>) => AsyncGenerator<Delivery<R>, void, undefined>,
): AsyncIterableIterator<Delivery<R>> {
  return cancellable((signal) => deliver(ctx.subscriptions.watch(source, signal)), ctx.signal);
}
