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

/**
 * The deliveries of each event: its failure, or what `toValues` makes of its value (none, one or several).
 * The stream completes after a final event.
 */
export function perEvent<T, R>(toValues: (value: T, event: PollEvent<T>) => Iterable<R>) {
  return async function* deliver(events: AsyncIterable<PollEvent<T>>): AsyncGenerator<Delivery<R>, void, undefined> {
    for await (const event of events) {
      if (isFailure(event)) yield { error: fromPollFailure(event.failure) };
      else for (const value of toValues(event.value, event)) yield { value };
      if (event.final) return;
    }
  };
}

/** One delivery per event. */
export const eachEvent = <T, R>(toValue: (value: T, event: PollEvent<T>) => R) => perEvent<T, R>((value, event) => [toValue(value, event)]);
