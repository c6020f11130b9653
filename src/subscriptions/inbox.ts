/** A slow subscriber keeps at most this many undelivered events; older ones give way to newer. */
const MAX_QUEUED = 100;

/**
 * The events waiting for one subscriber. The shared poller pushes; the subscriber's generator drains it
 * until the inbox closes or the subscriber's signal aborts.
 */
export class Inbox<T> {
  private readonly queue: T[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  push(item: T): void {
    if (this.closed) return;
    this.queue.push(item);
    if (this.queue.length > MAX_QUEUED) this.queue.shift();
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  async *drain(signal: AbortSignal): AsyncGenerator<T, void, undefined> {
    const onAbort = () => this.notify();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        const item = this.queue.shift();
        if (item !== undefined) {
          yield item;
          continue;
        }
        if (this.closed) return;
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
