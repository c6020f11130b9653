import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { countUpstreamCalls, useHarness } from '../support/harness.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { authConfig } from './support.js';

const ZONES = JSON.stringify({ query: '{ zones { name } }' });
const h = useHarness();
let idp: TestIdentityProvider;
let running: RunningGateway;

beforeAll(async () => {
  idp = await startIdentityProvider({ clients: [{ id: 'dashboard' }] });
  running = await startGateway({ ...authConfig(h, idp), port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await running.stop();
  await idp.close();
});

/** A POST over a real socket with each Authorization value on a line of its own, as node sends an array. */
function postWith(authorizations: string[]): Promise<{ status: number; authenticate: string | undefined; body: string }> {
  const url = new URL(running.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, authenticate: res.headers['www-authenticate'], body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.setHeader('content-type', 'application/json');
    req.setHeader('authorization', authorizations);
    req.end(ZONES);
  });
}

describe('the Authorization header', () => {
  it('answers one Bearer token over a socket', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    expect((await postWith([`Bearer ${token}`])).status).toBe(200);
  });

  it('refuses two Authorization lines over a socket with 401 invalid_request before any upstream call, whichever comes first', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    for (const lines of [
      [`Bearer ${token}`, 'Bearer garbage'],
      ['Bearer garbage', `Bearer ${token}`],
      [`Bearer ${token}`, `Bearer ${token}`],
    ]) {
      const { result, ns1, buddyns } = await countUpstreamCalls(h, () => postWith(lines));
      expect(result.status).toBe(401);
      expect(result.authenticate).toMatch(/^Bearer realm="dnsgraph", error="invalid_request"/);
      expect(JSON.parse(result.body)).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      expect(result.body).not.toContain(token);
      expect(ns1.total + buddyns.total).toBe(0);
    }
  });

  it('refuses two Authorization values joined by the Fetch API, and anything but one Bearer token', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    const joined = new Headers({ 'content-type': 'application/json' });
    joined.append('authorization', `Bearer ${token}`);
    joined.append('authorization', 'Bearer garbage');
    const values = [
      joined,
      ...[`Bearer ${token} garbage`, `Bearer ${token},x`, 'Basic ZGFzaGJvYXJkOnNlY3JldA==', `Token ${token}`].map((v) => ({
        'content-type': 'application/json',
        authorization: v,
      })),
    ];
    for (const headers of values) {
      const response = await running.gateway.yoga.fetch('http://127.0.0.1/graphql', { method: 'POST', headers, body: ZONES });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_request"/);
    }
  });

  it('closes a WebSocket whose upgrade carries two Authorization lines with 4401, before connection_ack', async () => {
    const token = await idp.token('dashboard', ['dns:read']);
    const socket = new WebSocket(running.url.replace(/^http/, 'ws'), 'graphql-transport-ws', {
      headers: { authorization: [`Bearer ${token}`, 'Bearer garbage'] as unknown as string },
    });
    await once(socket, 'open');
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    const reply = await new Promise<string | number>((resolve) => {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- ws hands text frames over as a Buffer
      socket.once('message', (data) => resolve(String(data)));
      socket.once('close', (code) => resolve(code));
    });
    socket.close();
    expect(reply).toBe(4401);
  });
});
