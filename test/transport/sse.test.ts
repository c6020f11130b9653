import { GraphQLError, type ExecutionResult } from 'graphql';
import { getSSEProcessor } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { sharedSseResponse } from '../../src/transport/sse.js';

const fetchAPI = { ReadableStream, Response, TextEncoder } as unknown as Parameters<ReturnType<typeof getSSEProcessor>>[1];

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
    const ours = sharedSseResponse(each(results()), fetchAPI);
    const yogas = await getSSEProcessor()(each(results()), fetchAPI, 'text/event-stream');
    expect(await body(ours)).toBe(await body(yogas));
    expect(ours.status).toBe(200);
    expect(Object.fromEntries(ours.headers)).toEqual(Object.fromEntries(yogas.headers));
  });

  it('encodes a result once, however many streams it goes to', async () => {
    const shared = results()[0]!;
    const chunks = await Promise.all(
      [1, 2, 3].map(async () => {
        const reader = sharedSseResponse(each([shared]), fetchAPI).body!.getReader();
        await reader.read(); // the first ping
        return (await reader.read()).value;
      }),
    );
    expect(chunks[0]).toBeInstanceOf(Uint8Array);
    expect(chunks[1]).toBe(chunks[0]);
    expect(chunks[2]).toBe(chunks[0]);
  });
});
