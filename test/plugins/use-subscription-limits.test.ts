import { getEventListeners } from 'node:events';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { WEBSOCKET_TRANSPORT } from '../../src/context.js';
import { useSubscriptionLimits } from '../../src/plugins/use-subscription-limits.js';

/** One long-lived connection, as a WebSocket is: every operation on it gets the same socket and signal. */
function gatewayOnOneConnection(limits: { perConnection: number; perPrincipal: number }) {
  const connection = new AbortController();
  const socket = {};
  const schema = createSchema<{ socket: object; signal: AbortSignal; principal: string }>({
    typeDefs: 'type Query { ok: Boolean } type Subscription { ticks: Int }',
    resolvers: {
      Subscription: {
        ticks: {
          subscribe: async function* () {
            await Promise.resolve();
            yield { ticks: 1 };
          },
        },
      },
    },
  });
  const yoga = createYoga({
    schema,
    logging: false,
    context: () => ({ socket, signal: connection.signal, principal: 'alice' }),
    plugins: [useSubscriptionLimits(limits)],
  });
  const subscribe = async () => {
    const response = await yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { ticks }' }),
    });
    return response.text();
  };
  return { connection, subscribe };
}

describe('subscription limits on a long-lived connection', () => {
  it('free the place of each subscription that ends and leave no listener on the connection', async () => {
    const { connection, subscribe } = gatewayOnOneConnection({ perConnection: 1, perPrincipal: 1 });
    const before = getEventListeners(connection.signal, 'abort').length;
    for (let i = 0; i < 20; i++) {
      const events = await subscribe();
      expect(events).toContain('"ticks":1');
      expect(events).not.toContain('TOO_MANY_SUBSCRIPTIONS');
    }
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(before);
  });
});

describe('subscription limits for an anonymous caller', () => {
  /** Subscriptions each on a connection of its own, all by the one anonymous caller `anonymous:1`. */
  function gatewayForAnonymous(transport: string | undefined) {
    const schema = createSchema<{ socket: object; principal: object; transport?: string }>({
      typeDefs: 'type Query { ok: Boolean } type Subscription { ticks: Int }',
      resolvers: {
        Subscription: {
          ticks: {
            subscribe: async function* () {
              yield { ticks: 1 };
              await new Promise(() => undefined);
            },
          },
        },
      },
    });
    const principal = { id: 'anonymous:1', authenticated: false };
    const yoga = createYoga({
      schema,
      logging: false,
      context: (): { socket: object; principal: object; transport?: string } => ({ socket: {}, principal, ...(transport ? { transport } : {}) }),
      plugins: [useSubscriptionLimits({ perConnection: 10, perPrincipal: 1 })],
    });
    const leave = new AbortController();
    const firstEvent = async () => {
      const response = await yoga.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { ticks }' }),
        signal: leave.signal,
      });
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('event: next')) text += new TextDecoder().decode((await reader.read()).value);
      return text;
    };
    return { firstEvent, leave };
  }

  it('counts the subscriptions of one anonymous WebSocket caller together', async () => {
    const { firstEvent, leave } = gatewayForAnonymous(WEBSOCKET_TRANSPORT);
    expect(await firstEvent()).toContain('"ticks":1');
    expect(await firstEvent()).toContain('TOO_MANY_SUBSCRIPTIONS');
    leave.abort();
  });

  it('counts an anonymous HTTP request against its connection alone: its caller is that request', async () => {
    const { firstEvent, leave } = gatewayForAnonymous(undefined);
    expect(await firstEvent()).toContain('"ticks":1');
    expect(await firstEvent()).toContain('"ticks":1');
    leave.abort();
  });
});
