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

/** The deliveries of each event: its failure, or what `toValues` makes of its value (none, one or several). */
export function perEvent<T, R>(toValues: (value: T, event: PollEvent<T>) => Iterable<R>) {
  return (event: PollEvent<T>): Array<Delivery<R>> =>
    isFailure(event) ? [{ error: fromPollFailure(event.failure) }] : [...toValues(event.value, event)].map((value) => ({ value }));
}

/** Deliveries made once per event and handed to every subscriber of its key. */
const shared = new WeakMap<PollEvent<unknown>, ReadonlyArray<Delivery<unknown>>>();

/**
 * One delivery per event, made from the event alone (and the key it belongs to, which every subscriber of
 * it shares): made once, however many subscribers receive it.
 */
export function eachEvent<T, R>(toValue: (value: T, event: PollEvent<T>) => R) {
  const deliver = perEvent<T, R>((value, event) => [toValue(value, event)]);
  return (event: PollEvent<T>): ReadonlyArray<Delivery<R>> => {
    let deliveries = shared.get(event) as ReadonlyArray<Delivery<R>> | undefined;
    if (!deliveries) shared.set(event, (deliveries = deliver(event)));
    return deliveries;
  };
}
