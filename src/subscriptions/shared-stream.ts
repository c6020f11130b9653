/** A slow subscriber keeps at most this many undelivered items; older ones give way to newer. */
const MAX_QUEUED = 100;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * One source stream read once and handed to any number of subscribers (taps). A tap that joins late gets
 * the last item at once, as a subscriber of a shared poller gets its last event. The source is read as
 * fast as it yields; a tap that falls behind drops its oldest items. The last tap to leave returns the
 * source, and `onIdle` runs once the stream no longer takes taps.
 */
export class SharedStream<T> {
  private readonly taps = new Set<Tap<T>>();
  private latest: { value: T } | undefined;
  private over = false;
  private sourceDone = false;

  constructor(
    private readonly source: AsyncIterator<T>,
    private readonly onIdle: () => void,
  ) {
    void this.pump();
  }

  /** The source has ended or been returned: a new subscriber needs a stream of its own. */
  get ended(): boolean {
    return this.over;
  }

  /** The source ended by itself (a final event): a tap still gets its last item, then the end. */
  get completed(): boolean {
    return this.sourceDone;
  }

  get tapCount(): number {
    return this.taps.size;
  }

  /** A subscriber's stream of the shared items, until it returns, `signal` aborts or the source ends. */
  tap(signal: AbortSignal | undefined): Tap<T> {
    const tap = new Tap<T>(this, signal);
    if (signal?.aborted || this.over) {
      if (this.sourceDone && this.latest && !signal?.aborted) tap.push(this.latest.value);
      tap.end();
      return tap;
    }
    this.taps.add(tap);
    if (this.latest) tap.push(this.latest.value);
    return tap;
  }

  /** @internal A tap has ended. */
  leave(tap: Tap<T>): void {
    if (!this.taps.delete(tap) || this.taps.size > 0 || this.over) return;
    this.finish();
    void this.source.return?.();
  }

  private finish(): void {
    if (this.over) return;
    this.over = true;
    this.onIdle();
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const result = await this.source.next();
        if (result.done) {
          this.sourceDone = true;
          break;
        }
        this.latest = { value: result.value };
        for (const tap of this.taps) tap.push(result.value);
      }
    } catch (error) {
      for (const tap of this.taps) tap.fail(error);
    } finally {
      this.finish();
      for (const tap of [...this.taps]) tap.end();
      this.taps.clear();
    }
  }
}

/**
 * What a subscriber's transport can take from its tap without a read: each item as it arrives while nothing
 * is queued before it, and a call when anything else is there to read.
 */
export interface TapConsumer<T> {
  /** Takes `item` now, or leaves it (false) to be queued for `next()`. */
  offer(item: T): boolean;
  /** An item it did not take, the end or an error is there to read and no read waits for it. */
  wake(): void;
}

/** One subscriber's view of a shared stream: a queue of items not yet read, and the read waiting for one. */
export class Tap<T> implements AsyncIterableIterator<T> {
  /** Undefined while empty: most taps hand every item on as it comes and need no array between events. */
  private queue: T[] | undefined;
  /**
   * The read waiting for an item, in one field rather than two: a transport that reads only when the tap is ready
   * never leaves one waiting, and every tap is smaller by a field.
   */
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  private error: { error: unknown } | undefined;
  private closed = false;
  /**
   * Called when an item, the end or an error is there to read and no read waits for it: a consumer that
   * reads only then keeps no read pending between events.
   */
  onReady: (() => void) | undefined;
  /** Offered each item that would otherwise wait in an empty queue (see `TapConsumer`); woken as `onReady` is called. */
  consumer: TapConsumer<T> | undefined;
  /** What runs once the reader has seen the end (see `whenEnded`). */
  private ended: Callbacks;
  /** What runs when the subscriber's signal aborts (see `whenAborted`), before the tap ends. */
  private aborted: Callbacks;

  /**
   * Ends the tap when the subscriber's signal aborts. A bound method, which the signal keeps as it is: an
   * object listener (`handleEvent`) it would wrap in a closure of its own.
   */
  private readonly onAbort: (() => void) | undefined;

  constructor(
    private readonly stream: SharedStream<T>,
    private readonly signal: AbortSignal | undefined,
  ) {
    if (signal && !signal.aborted) signal.addEventListener('abort', (this.onAbort = this.abort.bind(this)), { once: true });
  }

  push(value: T): void {
    if (this.closed) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve({ done: false, value });
      return;
    }
    const queue = this.queue;
    if (!queue) {
      if (this.consumer?.offer(value)) return;
      // Most taps never hold more than one item: a one-item array, not a grown one.
      this.queue = [value];
    } else {
      if (queue.length >= MAX_QUEUED) queue.shift();
      queue.push(value);
    }
    this.notify();
  }

  /**
   * The oldest queued item, taken without a promise when `accept` takes it: a consumer reads such items
   * past whatever wraps `next()`, and the others (and the end, and an error) through it.
   */
  takeIf(accept: (item: T) => boolean): T | undefined {
    const queue = this.queue;
    if (!queue || !accept(queue[0]!)) return undefined;
    return this.shift(queue);
  }

  /** `next()` would answer at once. */
  get ready(): boolean {
    return this.queue !== undefined || this.error !== undefined || this.closed;
  }

  fail(error: unknown): void {
    if (this.closed) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      this.close();
      waiting.reject(error);
      return;
    }
    this.error = { error };
    this.notify();
  }

  /** Ends this subscriber's stream: what is queued is still read, then it is done. */
  end(): void {
    if (this.closed) return;
    const waiting = this.waiting;
    this.waiting = undefined;
    this.close();
    if (waiting) {
      waiting.resolve(DONE);
      this.runEnded();
    } else this.notify();
  }

  next(): Promise<IteratorResult<T>> {
    const queue = this.queue;
    if (queue) return Promise.resolve({ done: false, value: this.shift(queue) });
    if (this.error) {
      const { error } = this.error;
      this.error = undefined;
      this.close();
      return Promise.reject(error);
    }
    if (this.closed) return this.done();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.queue = undefined;
    this.end();
    return this.done();
  }

  /**
   * Runs `run` when the subscriber's signal aborts, if it does while the tap is open: the tap's own listener on the
   * signal serves it, rather than one more listener for each subscription.
   */
  whenAborted(run: () => void): void {
    this.aborted = withCallback(this.aborted, run);
  }

  /**
   * Runs `run` once, when the reader has seen the end: `next()` answered done, or the reader returned the tap
   * (not when it failed: a failure goes to the reader first). That is when an `onEnd` hook on the stream would
   * run, with no iterator wrapped around the tap for it.
   */
  whenEnded(run: () => void): void {
    this.ended = withCallback(this.ended, run);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private abort(): void {
    const aborted = this.aborted;
    this.aborted = undefined;
    runCallbacks(aborted);
    this.end();
  }

  private done(): Promise<IteratorResult<T>> {
    this.runEnded();
    return Promise.resolve(DONE);
  }

  private runEnded(): void {
    const ended = this.ended;
    this.ended = undefined;
    runCallbacks(ended);
  }

  /** The oldest queued item; the array goes once it is empty. */
  private shift(queue: T[]): T {
    const item = queue.shift()!;
    if (queue.length === 0) this.queue = undefined;
    return item;
  }

  private notify(): void {
    this.onReady?.();
    this.consumer?.wake();
  }

  private close(): void {
    this.closed = true;
    if (this.onAbort) this.signal?.removeEventListener('abort', this.onAbort);
    this.stream.leave(this);
  }
}

/** Callbacks kept by a tap for one moment: one function, or several in an array of their number. */
type Callbacks = (() => void) | Array<() => void> | undefined;

function withCallback(callbacks: Callbacks, run: () => void): Callbacks {
  return callbacks === undefined ? run : typeof callbacks === 'function' ? [callbacks, run] : [...callbacks, run];
}

function runCallbacks(callbacks: Callbacks): void {
  if (typeof callbacks === 'function') callbacks();
  else if (callbacks) for (const run of callbacks) run();
}

/**
 * Runs `run` once when a subscription's stream, as its subscribe function returned it, has ended for its reader,
 * where that stream is a shared run's tap: then true, and a plugin needs no `onEnd` hook, which would wrap one
 * more iterator around the stream for the subscription's whole life. With `orAborted`, also when the subscriber's
 * signal aborts first, as a listener of the plugin's own on that signal would (so `run` may then be called twice,
 * and must do its work once). False for any other stream.
 */
export function whenTapEnds(stream: unknown, run: () => void, orAborted = false): boolean {
  if (!(stream instanceof Tap)) return false;
  stream.whenEnded(run);
  if (orAborted) stream.whenAborted(run);
  return true;
}

/**
 * `hooks` for a subscription's stream, with `end` run at its end: a shared run's tap runs it itself (see
 * `whenTapEnds`), any other stream through an `onEnd` hook.
 */
export function withEndOf<H extends object>(stream: unknown, end: () => void, hooks: H): H & { onEnd?: () => void } {
  return whenTapEnds(stream, end) ? hooks : { ...hooks, onEnd: end };
}
