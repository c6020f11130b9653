import type { Gateway } from '../../../src/yoga.js';

export interface StreamedResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A subscription over Server-Sent Events, read from the response stream as a browser would. */
export interface SseSubscription {
  status: number;
  /** The next `next` event, or undefined once the stream has completed. */
  next(): Promise<StreamedResult | undefined>;
  /** Every event received so far. */
  received: StreamedResult[];
  /** Resolves when the server sends `complete` or ends the stream. */
  completed: Promise<void>;
  /** Whether the server said `complete` (rather than the connection just ending). */
  readonly completedByServer: boolean;
  close(): Promise<void>;
}

const request = (query: string, variables: Record<string, unknown>, headers: Record<string, string>, signal: AbortSignal): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
  body: JSON.stringify({ query, variables }),
  signal,
});

/** Through the gateway's fetch handler, with no socket. */
export async function subscribeSse(
  gateway: Gateway,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<SseSubscription> {
  const abort = new AbortController();
  return readEventStream(await gateway.yoga.fetch('http://dnsgraph.test/graphql', request(query, variables, headers, abort.signal)), abort);
}

/** Over a real HTTP connection to a listening gateway. */
export async function subscribeSseOverHttp(url: string, query: string, variables: Record<string, unknown> = {}): Promise<SseSubscription> {
  const abort = new AbortController();
  return readEventStream(await fetch(url, request(query, variables, {}, abort.signal)), abort);
}

function readEventStream(response: Response, abort: AbortController): SseSubscription {
  if (!response.body) throw new TypeError('the SSE response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const received: StreamedResult[] = [];
  const queue: StreamedResult[] = [];
  const waiting: Array<(result: StreamedResult | undefined) => void> = [];
  let done = false;
  let completedByServer = false;
  let markCompleted: () => void = () => undefined;
  const completed = new Promise<void>((resolve) => (markCompleted = resolve));

  const deliver = (result: StreamedResult) => {
    received.push(result);
    const waiter = waiting.shift();
    if (waiter) waiter(result);
    else queue.push(result);
  };
  const finish = () => {
    done = true;
    markCompleted();
    while (waiting.length > 0) waiting.shift()?.(undefined);
  };

  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (event === 'next' && data) deliver(JSON.parse(data) as StreamedResult);
          if (event === 'complete') completedByServer = true;
        }
      }
    } catch {
      // The test went away from the stream.
    }
    finish();
  })();

  return {
    status: response.status,
    received,
    completed,
    get completedByServer() {
      return completedByServer;
    },
    next: () => {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      if (done) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    // As a browser leaving the page: the request is aborted and the stream cancelled.
    close: async () => {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      await completed;
    },
  };
}
