import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'undici/types/header.js';

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
 * per chunk. Once any of the signals aborts, the request is aborted and settles with that signal's reason; the
 * signals are watched as they are, never combined into a new one per request.
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
      exchange.abort(error);
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

/** A header's first value, as undici gives a repeated one as an array. */
function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** An undici dispatch handler, the interface every dispatcher (Pool, MockPool, composed ones) calls. */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
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
    this.controller?.abort(error);
    this.fail(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.settled) controller.abort(new Error('aborted'));
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return;
    this.status = statusCode;
    const type = first(headers['content-type']);
    this.json = type === undefined || type.includes('json');
    this.retryAfter = first(headers['retry-after']);
    this.remaining = first(headers['x-ratelimit-remaining']);
    this.period = first(headers['x-ratelimit-period']);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.json) this.chunks.push(chunk);
  }

  onResponseEnd(): void {
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

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.unwatch();
    this.reject(error);
  }
}
