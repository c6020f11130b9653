import { once } from 'node:events';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { authConfig } from './support.js';

const QPS = 'subscription { qps(zone: "example.com", intervalSeconds: 1) { zone } }';
const h = useHarness();
let idp: TestIdentityProvider;
let shortLived: TestIdentityProvider;
let running: RunningGateway;

beforeAll(async () => {
  [idp, shortLived] = await Promise.all([
    startIdentityProvider({ clients: [{ id: 'dashboard' }] }),
    startIdentityProvider({ clients: [{ id: 'dashboard' }], ttlSeconds: 2 }),
  ]);
  running = await startGateway({ ...authConfig(h, idp), port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await running.stop();
  await Promise.all([idp.close(), shortLived.close()]);
});

/** Opens a raw graphql-transport-ws socket, sends connection_init and resolves with the first reply or the close. */
async function connect(payload: Record<string, unknown>, url = running.url): Promise<{ ack: boolean; code?: number; reason?: string; socket: WebSocket }> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init', payload }));
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- ws hands text frames over as a Buffer
    socket.once('message', (data) => resolve({ ack: (JSON.parse(String(data)) as { type?: string }).type === 'connection_ack', socket }));
    socket.once('close', (code, reason) => resolve({ ack: false, code, reason: reason.toString(), socket }));
  });
}

describe('WebSocket authentication', () => {
  it('closes a connection without a token with 4401 before any operation', async () => {
    const { ack, code, reason } = await connect({});
    expect(ack).toBe(false);
    expect(code).toBe(4401);
    expect(reason).toContain('no access token');
  });

  it('closes a connection with a forged token with 4401', async () => {
    const { code } = await connect({ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(code).toBe(4401);
  });

  it('accepts the token in the connection params under any case of Authorization, or under headers', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    for (const payload of [{ Authorization: `Bearer ${token}` }, { AUTHORIZATION: `Bearer ${token}` }, { headers: { authorization: `Bearer ${token}` } }]) {
      const { ack, socket } = await connect(payload);
      expect(ack, JSON.stringify(Object.keys(payload))).toBe(true);
      socket.close();
    }
  });

  it('ends the subscriptions of a socket when its token expires', async () => {
    const expiring = authConfig(h, shortLived, { AUTH_CLOCK_SKEW_SECONDS: '0' });
    const gateway = await startGateway({ ...expiring, port: 0, host: '127.0.0.1' });
    try {
      const token = await shortLived.token('dashboard', ['dns:read']);
      let closed: { code: number; reason: string } | undefined;
      const client = createClient({
        url: gateway.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${token}` },
        retryAttempts: 0,
        on: { closed: (event) => (closed = event as { code: number; reason: string }) },
      });
      const events = client.iterate({ query: QPS });
      expect((await events.next()).value).toMatchObject({ data: { qps: { zone: 'example.com' } } });
      // Drain until the stream ends: the server closes the socket when the token's `exp` passes.
      await expect(
        (async () => {
          for (;;) if ((await events.next()).done) return;
        })(),
      ).rejects.toBeDefined();
      expect(closed).toMatchObject({ code: 4401, reason: 'Unauthorized: the token has expired' });
      await client.dispose();
    } finally {
      await gateway.stop();
    }
  });
});
