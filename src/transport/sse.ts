import { Readable } from 'node:stream';
import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { passesHooksUnchanged, sharedTapOf } from '../plugins/use-shared-subscriptions.js';
import type { Tap, TapConsumer } from '../subscriptions/shared-stream.js';
import { encodedOnce } from './encoded-once.js';
import { publicResult } from './public-result.js';

/** yoga's own keep-alive interval; shorter under NODE_ENV=test, as yoga's is. */
const PING_INTERVAL_MS = globalThis.process?.env?.NODE_ENV === 'test' ? 300 : 12_000;

const PING = Buffer.from(':\n\n');
const COMPLETE = Buffer.from('event: complete\ndata:\n\n');

/**
 * The bytes of a result's `next` event, made once however many streams it goes to. A Buffer, so that a stream
 * takes the bytes as they are instead of wrapping them for each subscriber.
 */
export const nextEvent = encodedOnce((result) => Buffer.from(`event: next\ndata: ${JSON.stringify(publicResult(result))}\n\n`));

/** Every open stream, pinged by one timer rather than one timer per stream. */
const pinged = new Set<SseStream>();
let pinger: ReturnType<typeof setInterval> | undefined;

function startPinging(stream: SseStream): void {
  pinged.add(stream);
  pinger ??= setInterval(() => {
    // A stream whose reader is behind is not pinged: it has bytes to read.
    for (const each of pinged) if (each.readableLength < each.readableHighWaterMark) each.push(PING);
    if (pinged.size === 0) {
      clearInterval(pinger);
      pinger = undefined;
    }
  }, PING_INTERVAL_MS);
  pinger.unref?.();
}

/**
 * One subscription's event stream. Over a shared run's tap, a result that passes every subscriber's hooks
 * unchanged is pushed as the tap receives it, with no promise and no queue on the way; anything else (a
 * result with errors, an error, the end) is read through the subscriber's own hooks. It reads only when the
 * tap has something and the reader has room, so between events it keeps no read pending.
 */
class SseStream extends Readable implements TapConsumer<ExecutionResult> {
  /** The reader has room for more. */
  private wanted = false;
  /**
   * A read through the hooks is in flight, or the stream is over. One field for both, not two: with the
   * Readable's own, every field of a stream then fits in the object itself.
   */
  private phase: 'open' | 'reading' | 'finished' = 'open';

  constructor(
    private readonly results: AsyncIterator<ExecutionResult>,
    private readonly tap: Tap<ExecutionResult> | undefined,
  ) {
    super();
    this.push(PING);
    startPinging(this);
    if (tap) tap.consumer = this;
  }

  /** The tap's new item, pushed now if it needs no hook and nothing is read before it. */
  offer(result: ExecutionResult): boolean {
    if (!this.wanted || this.phase !== 'open' || !passesHooksUnchanged(result)) return false;
    this.wanted = this.push(nextEvent(result));
    return true;
  }

  wake(): void {
    this.deliver();
  }

  override _read(): void {
    this.wanted = true;
    this.deliver();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.phase === 'finished') return callback(error);
    this.finish();
    const returned = this.results.return?.();
    if (!returned) return callback(error);
    returned.then(
      () => callback(error),
      (failure: Error) => callback(error ?? failure),
    );
  }

  private deliver(): void {
    if (!this.wanted || this.phase !== 'open') return;
    const tap = this.tap;
    if (tap) {
      for (let direct = tap.takeIf(passesHooksUnchanged); direct; direct = this.wanted ? tap.takeIf(passesHooksUnchanged) : undefined) {
        this.wanted = this.push(nextEvent(direct));
      }
      if (!this.wanted || !tap.ready) return;
    }
    this.phase = 'reading';
    this.results.next().then(
      (next) => {
        // Destroyed while the read was in flight: it stays over.
        if (this.phase === 'reading') this.phase = 'open';
        const value = next.value as ExecutionResult | null | undefined;
        if (value != null) this.wanted = this.push(nextEvent(value));
        if (next.done) {
          this.push(COMPLETE);
          this.finish();
          this.push(null);
        } else this.deliver();
      },
      (error: unknown) => {
        this.finish();
        this.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  private finish(): void {
    this.phase = 'finished';
    pinged.delete(this);
    if (this.tap) this.tap.consumer = undefined;
  }
}

type FetchApi = { Response: typeof Response };

/**
 * A subscription's Server-Sent Events, byte for byte as yoga's SSE processor writes them (a first ping,
 * a ping every 12 s, `event: next` per result, `event: complete` at the end), but each result is
 * serialized and encoded once however many streams it goes to: a result shared by many subscribers
 * costs each of them one push of the same bytes. The body is a Node stream, which the fetch API of
 * yoga on Node takes as it is and the HTTP server pipes to the socket.
 */
export function sharedSseResponse(result: AsyncIterable<ExecutionResult>, fetchAPI: FetchApi, tap?: Tap<ExecutionResult>): Response {
  const body = new SseStream(result[Symbol.asyncIterator](), tap);
  return new fetchAPI.Response(body as unknown as BodyInit, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', Connection: 'keep-alive', 'Cache-Control': 'no-cache', 'Content-Encoding': 'none' },
  });
}

/**
 * A shared subscription's stream goes out through `sharedSseResponse` wherever yoga chose Server-Sent Events:
 * for a subscription, yoga's only processor of a stream is its SSE one, so a processor set means SSE. The
 * shared tap is found from the operation's context, which is the server context yoga hands the result's
 * processing, so nothing is kept per subscription to find it; any other stream (a subscription of its own, a
 * deferred query) keeps yoga's processor, which writes the same bytes.
 */
export function useSharedSse(): Plugin {
  return {
    onResultProcess(payload) {
      const { result, resultProcessor, serverContext } = payload;
      const tap = sharedTapOf(serverContext);
      if (!resultProcessor || !isAsyncIterable(result) || !tap) return;
      payload.setResultProcessor((processed, fetchAPI) => sharedSseResponse(processed as AsyncIterable<ExecutionResult>, fetchAPI, tap), 'text/event-stream');
    },
  };
}
