import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { sharedTapOf } from '../plugins/use-shared-subscriptions.js';
import type { Tap } from '../subscriptions/shared-stream.js';

/** yoga's own keep-alive interval; shorter under NODE_ENV=test, as yoga's is. */
const PING_INTERVAL_MS = globalThis.process?.env?.NODE_ENV === 'test' ? 300 : 12_000;

const encoder = new TextEncoder();
const PING = encoder.encode(':\n\n');
const COMPLETE = encoder.encode('event: complete\ndata:\n\n');

const isGraphQLError = (error: unknown): error is { toJSON(): GraphQLFormattedError } =>
  error instanceof Error && error.name === 'GraphQLError' && typeof (error as { toJSON?: unknown }).toJSON === 'function';

/** An error as yoga writes it: without the `http` and `unexpected` extensions, which are for the server alone. */
function publicError(error: unknown): unknown {
  if (!isGraphQLError(error)) return error;
  const { extensions: all, ...json } = error.toJSON();
  if (!all) return json;
  const { http: _http, unexpected: _unexpected, ...extensions } = all;
  return Object.keys(extensions).length > 0 ? { ...json, extensions } : json;
}

/** A result as yoga writes it (its `jsonStringifyResultWithoutInternals`). */
function publicResult(result: ExecutionResult): unknown {
  if (!result.errors?.length && !result.extensions?.http) return result;
  const copy: Record<string, unknown> = { ...result };
  if (result.errors) copy.errors = result.errors.map(publicError);
  if (result.extensions) {
    const { http: _http, ...extensions } = result.extensions;
    copy.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
  }
  return copy;
}

/** The bytes of each result's `next` event: made once, however many streams the same result goes to. */
const framed = new WeakMap<object, Uint8Array>();

export function nextEvent(result: ExecutionResult): Uint8Array {
  let bytes = framed.get(result);
  if (!bytes) framed.set(result, (bytes = encoder.encode(`event: next\ndata: ${JSON.stringify(publicResult(result))}\n\n`)));
  return bytes;
}

/** Every open stream's controller, pinged by one timer rather than one timer per stream. */
const pinged = new Set<ReadableStreamDefaultController<Uint8Array>>();
let pinger: ReturnType<typeof setInterval> | undefined;

function startPinging(controller: ReadableStreamDefaultController<Uint8Array>): void {
  pinged.add(controller);
  pinger ??= setInterval(() => {
    for (const each of pinged) {
      // `null` is errored; `0` is backpressure or closed, which is not the end.
      if (each.desiredSize === null) pinged.delete(each);
      else if (each.desiredSize > 0) each.enqueue(PING);
    }
    if (pinged.size === 0) {
      clearInterval(pinger);
      pinger = undefined;
    }
  }, PING_INTERVAL_MS);
  pinger.unref?.();
}

function stopPinging(controller: ReadableStreamDefaultController<Uint8Array>): void {
  pinged.delete(controller);
}

type FetchApi = { ReadableStream: typeof ReadableStream; Response: typeof Response };

/** Reads the next result, returning a promise that settles as the stream is done with it. */
type Reader = (controller: ReadableStreamDefaultController<Uint8Array>) => Promise<void>;

/**
 * A subscription's Server-Sent Events, byte for byte as yoga's SSE processor writes them (a first ping,
 * a ping every 12 s, `event: next` per result, `event: complete` at the end), but each result is
 * serialized and encoded once however many streams it goes to: a result shared by many subscribers
 * costs each of them one enqueue of the same bytes. A stream over a shared run's tap reads only when the
 * tap has something and the client has asked for more, so between events it keeps no read pending.
 */
export function sharedSseResponse(result: AsyncIterable<ExecutionResult>, fetchAPI: FetchApi, tap?: Tap<ExecutionResult>): Response {
  const iterator = result[Symbol.asyncIterator]();
  let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
  let finished = false;
  const finish = () => {
    finished = true;
    if (stream) stopPinging(stream);
    if (tap) tap.onReady = undefined;
  };
  const read: Reader = (controller) =>
    iterator.next().then(
      (next) => {
        const value = next.value as ExecutionResult | null | undefined;
        if (value != null) controller.enqueue(nextEvent(value));
        if (next.done) {
          controller.enqueue(COMPLETE);
          finish();
          controller.close();
        }
      },
      (error: unknown) => {
        finish();
        controller.error(error);
      },
    );
  // Over a tap: whether the client asked for more since the last event, and whether a read is under way.
  let wanted = false;
  let reading = false;
  const readIfWanted = () => {
    if (!wanted || reading || finished || !tap?.ready || !stream) return;
    wanted = false;
    reading = true;
    void read(stream).then(() => {
      reading = false;
    });
  };
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(PING);
      stream = controller;
      startPinging(controller);
      if (tap) tap.onReady = readIfWanted;
    },
    pull(controller) {
      if (!tap) return read(controller);
      wanted = true;
      readIfWanted();
      return undefined;
    },
    cancel(reason) {
      finish();
      return iterator.return?.(reason).then(() => undefined);
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/event-stream', Connection: 'keep-alive', 'Cache-Control': 'no-cache', 'Content-Encoding': 'none' },
  });
}

/**
 * Subscription streams go out through `sharedSseResponse` wherever yoga chose Server-Sent Events: for a
 * subscription, yoga's only processor of a stream is its SSE one, so a processor set means SSE.
 */
export function useSharedSse(): Plugin {
  const subscriptions = new WeakSet<Request>();
  return {
    onSubscribe({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request) subscriptions.add(request);
    },
    onResultProcess(payload) {
      const { request, result, resultProcessor } = payload;
      if (!resultProcessor || !isAsyncIterable(result) || !subscriptions.has(request)) return;
      payload.setResultProcessor(
        (processed, fetchAPI) => sharedSseResponse(processed as AsyncIterable<ExecutionResult>, fetchAPI, sharedTapOf(request)),
        'text/event-stream',
      );
    },
  };
}
