import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { PollEvent } from './poll-event.js';

/** A slow subscriber keeps at most this many undelivered items; older ones give way to newer. */
const MAX_QUEUED = 100;

/** One subscriber of a channel: handed each event as it comes, and told when the channel ends. */
export interface Subscriber<T> {
  receive(event: PollEvent<T>): void;
  end(): void;
}

/** Joins a subscriber to a source's events; returns how it leaves, or undefined when it was ended at once. */
export type Join<T> = (subscriber: Subscriber<T>) => (() => void) | undefined;

/**
 * A subscriber's stream: what `toItems` makes of each event, until the channel ends, `signal` aborts or the
 * consumer returns. `return()` takes effect at once, even while the consumer waits for the next item, so
 * the poller can stop; `final` events end the stream after their items when `endAfterFinal` is set.
 */
export function subscriberStream<T, R>(join: Join<T>, signal: AbortSignal, toItems: (event: PollEvent<T>) => Iterable<R>, endAfterFinal: boolean): Repeater<R> {
  return new Repeater<R>((push, stop) => {
    const end = () => void stop();
    if (signal.aborted) return end();
    const leave = join({
      receive(event) {
        for (const item of toItems(event)) void push(item);
        if (endAfterFinal && event.final) end();
      },
      end,
    });
    signal.addEventListener('abort', end, { once: true });
    return stop.then(() => {
      signal.removeEventListener('abort', end);
      leave?.();
    });
  }, new SlidingBuffer(MAX_QUEUED));
}
