import { once } from 'node:events';
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { authConfig } from './support.js';

const h = useHarness();
let idp: TestIdentityProvider;
let running: RunningGateway;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'dashboard' }] });
  running = await startGateway({ ...authConfig(h, idp, { AUTH_CLOCK_SKEW_SECONDS: '30' }), port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await running.stop();
  await idp.close();
});

/** A real access token of the issuer whose `exp` is the given number of seconds ago, signed with the issuer's key. */
async function expiredAgo(seconds: number): Promise<string> {
  const real = await idp.token('dashboard', ['dns:read']);
  const { kid, alg, typ } = decodeProtectedHeader(real);
  const jwk = idp.keys.find((k) => k.kid === kid)!;
  const exp = Math.floor(Date.now() / 1000) - seconds;
  return new SignJWT({ ...decodeJwt(real), exp }).setProtectedHeader({ alg: alg!, kid: kid!, ...(typ ? { typ } : {}) }).sign(await importJWK(jwk, alg));
}

/** The next frame of a socket as a message type, or its close code. */
const nextOf = (socket: WebSocket) =>
  new Promise<string | number>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      socket.off('close', onClose);
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- ws hands text frames over as a Buffer
      resolve((JSON.parse(String(data)) as { type: string }).type);
    };
    const onClose = (code: number) => {
      socket.off('message', onMessage);
      resolve(code);
    };
    socket.once('message', onMessage);
    socket.once('close', onClose);
  });

describe('WebSocket token expiry', () => {
  it('keeps a socket whose token expired within AUTH_CLOCK_SKEW_SECONDS open, as an HTTP request accepts it, and serves it', async () => {
    const socket = new WebSocket(running.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await expiredAgo(5)}` } }));
    expect(await nextOf(socket)).toBe('connection_ack');
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { qps(zone: "example.com", intervalSeconds: 1) { zone } }' } }));
    expect(await nextOf(socket)).toBe('next');
    socket.close();
  });

  it('closes it with 4401 once the skew is spent too', async () => {
    const socket = new WebSocket(running.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await expiredAgo(27)}` } }));
    expect(await nextOf(socket)).toBe('connection_ack');
    const [code, reason] = (await once(socket, 'close')) as [number, Buffer];
    expect(code).toBe(4401);
    expect(reason.toString()).toBe('Unauthorized: the token has expired');
  });
});
