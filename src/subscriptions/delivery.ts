import { fromPollFailure, isFailure, type PollEvent } from './poll-event.js';

/**
 * What a subscription hands to its field's resolver: a value, or the error of a failed poll. The resolver
 * throws the error, so it becomes a GraphQL error in the stream and the stream stays open.
 */
export type Delivery<T> = { value: T } | { error: Error };

export function delivered<T>(delivery: Delivery<T>): T {
  if ('error' in delivery) throw delivery.error;
  return delivery.value;
}

/** One delivery per event; the stream completes after a final one. */
export function eachEvent<T, R>(toValue: (value: T, event: PollEvent<T>) => R) {
  return async function* deliver(events: AsyncIterable<PollEvent<T>>): AsyncGenerator<Delivery<R>, void, undefined> {
    for await (const event of events) {
      if (isFailure(event)) {
        yield { error: fromPollFailure(event.failure) };
      } else {
        yield { value: toValue(event.value, event) };
      }
      if (event.final) return;
    }
  };
}
