import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/harness.js';

const h = useHarness();

/** A request whose body declares no length and arrives in the given pieces. */
function streamed(pieces: string[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
      controller.close();
    },
  });
  return new Request('http://dnsgraph.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
}

describe('a body without a declared length', () => {
  const text = JSON.stringify({ query: 'query Probe { __typename }', operationName: 'Probe', variables: { note: 'é'.repeat(40) } });

  it('is read whole when it arrives in one piece', async () => {
    const response = await h.gateway.yoga.fetch(streamed([text]));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('is put back together, byte for byte, when it arrives in several', async () => {
    const bytes = new TextEncoder().encode(text);
    // Cut inside a two-byte character too, so a piece is not valid UTF-8 on its own.
    const cuts = [0, 7, bytes.indexOf(0xc3) + 1, bytes.length - 3, bytes.length];
    const pieces = cuts.slice(1).map((end, i) => bytes.slice(cuts[i], end));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of pieces) controller.enqueue(piece);
        controller.close();
      },
    });
    const request = new Request('http://dnsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await h.gateway.yoga.fetch(request);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('is refused with 413 past MAX_BODY_BYTES, however it is cut', async () => {
    const small = h.gatewayWith({ MAX_BODY_BYTES: '1024' });
    const padded = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1100) } });
    const response = await small.yoga.fetch(streamed([padded.slice(0, 600), padded.slice(600)]));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });
});
