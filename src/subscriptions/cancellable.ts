import { eitherSignal } from './either-signal.js';

/**
 * A subscription's event stream. A generator that waits for its next event would hear of `return()`
 * only once that event came; this one aborts the generator's signal at once, so unsubscribing takes
 * effect immediately and the poller can stop.
 */
export function cancellable<T>(run: (signal: AbortSignal) => AsyncGenerator<T, void, undefined>, ...signals: AbortSignal[]): AsyncIterableIterator<T> {
  const cancel = new AbortController();
  const stop = eitherSignal(cancel.signal, ...signals);
  const generator = run(stop.signal);
  const settle = <R extends IteratorResult<T, void>>(result: R): R => {
    if (result.done) stop.dispose();
    return result;
  };
  const stream: AsyncIterableIterator<T> = {
    next: async () => settle(await generator.next()),
    return: async () => {
      cancel.abort();
      return settle(await generator.return());
    },
    throw: async (error?: unknown) => {
      cancel.abort();
      return settle(await generator.throw(error));
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}
