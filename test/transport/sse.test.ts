import { GraphQLError, type ExecutionResult } from 'graphql';
import { createSchema, createYoga, getSSEProcessor, Repeater } from 'graphql-yoga';
import { describe, expect, it, vi } from 'vitest';
import { SharedStream, type Tap } from '../../src/subscriptions/shared-stream.js';
import { nextEvent, sharedSseResponse } from '../../src/transport/sse.js';

const fetchAPI = { ReadableStream, Response, TextEncoder } as unknown as Parameters<ReturnType<typeof getSSEProcessor>>[1];
/** The fetch API yoga answers with on Node, which takes a Node stream as a body as it is. */
const yogaFetchAPI = createYoga({ schema: createSchema({ typeDefs: 'type Query { a: Int }' }), logging: false }).fetchAPI;

const results = (): ExecutionResult[] => [
  { data: { qps: { zone: 'example.com', qps: 12.5, sampledAt: '2026-01-01T00:00:00.000Z' } } },
  {
    data: null,
    errors: [
      new GraphQLError('NS1 answered 503: maintenance', {
        path: ['qps'],
        extensions: { code: 'UPSTREAM_ERROR', provider: 'NS1', status: 503, http: { status: 502 }, unexpected: true },
      }),
      new GraphQLError('plain', { path: ['qps'] }),
    ],
    extensions: { http: { status: 200 }, stale: ['qps'] },
  },
  { data: { qps: null }, extensions: { http: { headers: {} } } },
];

async function* each<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

async function body(response: Response): Promise<string> {
  return new TextDecoder().decode(await response.arrayBuffer());
}

describe('SSE of shared results', () => {
  it("writes exactly yoga's bytes: first ping, next events (errors without http and unexpected), complete", async () => {
    for (const api of [yogaFetchAPI, fetchAPI]) {
      const ours = sharedSseResponse(each(results()), api);
      const yogas = await getSSEProcessor()(each(results()), api, 'text/event-stream');
      expect(await body(ours)).toBe(await body(yogas));
      expect(ours.status).toBe(200);
      expect(Object.fromEntries(ours.headers)).toEqual(Object.fromEntries(yogas.headers));
    }
  });

  it('encodes a result once, however many streams it goes to', async () => {
    const shared = results()[0]!;
    const serialize = vi.spyOn(JSON, 'stringify');
    const bodies = await Promise.all([1, 2, 3].map(() => body(sharedSseResponse(each([shared]), yogaFetchAPI))));
    expect(serialize).toHaveBeenCalledTimes(1);
    serialize.mockRestore();
    const event = nextEvent(shared);
    expect(nextEvent(shared)).toBe(event);
    for (const text of bodies) expect(text).toBe(`:\n\n${event.toString()}event: complete\ndata:\n\n`);
  });
});

describe('SSE of a shared run', () => {
  /** A subscriber's hooks around its tap, as envelop's would be: they mask errors and count what passes them. */
  function hooked(tap: Tap<ExecutionResult>) {
    const seen: ExecutionResult[] = [];
    const stream: AsyncIterable<ExecutionResult> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          const read = await tap.next();
          if (read.done) return read;
          seen.push(read.value);
          // Slower than the run: the next result arrives while this one is still in the hooks.
          await new Promise((resolve) => setImmediate(resolve));
          return { done: false, value: read.value.errors ? { data: null, errors: [new GraphQLError('Unexpected error.')] } : read.value };
        },
        return: () => tap.return(),
      }),
    };
    return { stream, seen };
  }

  it('writes error-free results past the hooks and the others through them, in the order the run made them', async () => {
    let push: (result: ExecutionResult) => Promise<unknown> = () => Promise.resolve();
    let stop: () => void = () => undefined;
    const run = new Repeater<ExecutionResult>(async (p, s) => {
      push = p;
      stop = () => void s();
      await s;
    });
    const shared = new SharedStream<ExecutionResult>(run, () => undefined);
    const [first, failed, last] = [
      { data: { qps: { sampledAt: '2026-01-01T00:00:00.000Z' } } },
      { data: null, errors: [new GraphQLError('NS1 answered 503: maintenance')] },
      { data: { qps: { sampledAt: '2026-01-01T00:00:05.000Z' } } },
    ];
    const subscribers = [1, 2].map(() => {
      const tap = shared.tap(undefined);
      const { stream, seen } = hooked(tap);
      return { response: sharedSseResponse(stream, yogaFetchAPI, tap), seen };
    });
    const bodies = subscribers.map(({ response }) => body(response));
    // Each reader is waiting for bytes before the run makes any.
    await new Promise((resolve) => setImmediate(resolve));
    for (const result of [first, failed, last]) await push(result);
    stop();
    const masked = nextEvent({ data: null, errors: [new GraphQLError('Unexpected error.')] }).toString();
    for (const text of await Promise.all(bodies)) {
      expect(text).toBe(`:\n\n${nextEvent(first).toString()}${masked}${nextEvent(last).toString()}event: complete\ndata:\n\n`);
    }
    for (const { seen } of subscribers) expect(seen).toEqual([failed]);
  });
});
