import type { Dispatcher } from 'undici';

/** What the client reads of an answer: its status, the few headers it acts on, and a JSON body as text. */
export interface RawAnswer {
  status: number;
  /** The body when it is JSON or says nothing of its type; '' for any other body, which is read and dropped. */
  text: string;
  retryAfter: string | undefined;
  rateLimitRemaining: string | undefined;
  rateLimitPeriod: string | undefined;
}

/**
 * One request through the dispatcher's handler interface, its body gathered in memory: no stream, no promise
 * per chunk, and only the headers the client acts on read out of the raw ones. Once any of the signals aborts,
 * the request is aborted and settles with that signal's reason; the signals are watched as they are, never
 * combined into a new one per request.
 */
export function exchangeRaw(
  dispatcher: Dispatcher,
  options: Dispatcher.DispatchOptions,
  signal: AbortSignal,
  deadline?: AbortSignal,
  caller?: AbortSignal,
): Promise<RawAnswer> {
  return new Promise<RawAnswer>((resolve, reject) => {
    const aborted = signal.aborted ? signal : deadline?.aborted ? deadline : caller?.aborted ? caller : undefined;
    if (aborted) return reject(aborted.reason as Error);
    const exchange = new Exchange(resolve, reject);
    exchange.watch(signal);
    if (deadline && deadline !== signal) exchange.watch(deadline);
    if (caller && caller !== signal && caller !== deadline) exchange.watch(caller);
    try {
      dispatcher.dispatch(options, exchange);
    } catch (error) {
      exchange.onError(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The exchanges in flight per signal, each signal listened to once however many requests it ends. */
const watching = new WeakMap<AbortSignal, Set<Exchange>>();

function watchersOf(signal: AbortSignal): Set<Exchange> {
  let watchers = watching.get(signal);
  if (!watchers) {
    const created = new Set<Exchange>();
    signal.addEventListener(
      'abort',
      () => {
        for (const exchange of created) exchange.abort(signal.reason);
        created.clear();
      },
      { once: true },
    );
    watching.set(signal, (watchers = created));
  }
  return watchers;
}

const CONTENT_TYPE = 'content-type';
const RETRY_AFTER = 'retry-after';
const REMAINING = 'x-ratelimit-remaining';
const PERIOD = 'x-ratelimit-period';

/**
 * The handler interface every undici dispatcher calls: a Pool turns the newer controller interface into this one,
 * but a MockPool calls only this one, so a handler of the newer kind would never hear its answer there.
 */
class Exchange implements Dispatcher.DispatchHandler {
  private abortRequest: ((reason?: Error) => void) | undefined;
  /** The sets of watchers this exchange is in, one per signal; most exchanges have one or two. */
  private watchedBy: Set<Exchange> | undefined;
  private alsoWatchedBy: Array<Set<Exchange>> | undefined;
  private settled = false;
  private status = 0;
  private json = true;
  private chunks: Buffer[] = [];
  private retryAfter: string | undefined;
  private remaining: string | undefined;
  private period: string | undefined;

  constructor(
    private readonly resolve: (answer: RawAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  watch(signal: AbortSignal): void {
    const watchers = watchersOf(signal);
    watchers.add(this);
    if (!this.watchedBy) this.watchedBy = watchers;
    else (this.alsoWatchedBy ??= []).push(watchers);
  }

  private unwatch(): void {
    this.watchedBy?.delete(this);
    if (this.alsoWatchedBy) for (const watchers of this.alsoWatchedBy) watchers.delete(this);
  }

  abort(reason: unknown): void {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    this.abortRequest?.(error);
    this.fail(error);
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.settled) abort(new Error('aborted'));
    else this.abortRequest = abort;
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[]): boolean {
    if (statusCode < 200) return true;
    this.status = statusCode;
    for (let i = 0; i < rawHeaders.length; i += 2) {
      const length = rawHeaders[i]!.length;
      // Only names as long as the ones read are decoded at all.
      if (length !== 12 && length !== 11 && length !== 21 && length !== 18) continue;
      const name = rawHeaders[i]!.toString('latin1').toLowerCase();
      if (name === CONTENT_TYPE) this.json = rawHeaders[i + 1]!.toString('latin1').includes('json');
      else if (name === RETRY_AFTER) this.retryAfter ??= rawHeaders[i + 1]!.toString('latin1');
      else if (name === REMAINING) this.remaining ??= rawHeaders[i + 1]!.toString('latin1');
      else if (name === PERIOD) this.period ??= rawHeaders[i + 1]!.toString('latin1');
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    if (this.json) this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    if (this.settled) return;
    this.settled = true;
    this.unwatch();
    const { chunks } = this;
    const body = chunks.length === 0 ? '' : chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
    this.resolve({
      status: this.status,
      // A byte order mark is no part of the JSON text.
      text: body.charCodeAt(0) === 0xfeff ? body.slice(1) : body,
      retryAfter: this.retryAfter,
      rateLimitRemaining: this.remaining,
      rateLimitPeriod: this.period,
    });
  }

  onError(error: Error): void {
    this.fail(error);
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.unwatch();
    this.reject(error);
  }
}
