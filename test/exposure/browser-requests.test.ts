import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { countUpstreamCalls } from '../support/harness.js';
import { overSocket } from './over-a-socket.js';
import { useRealModeGateways } from './real-mode-gateway.js';

const APP = 'https://app.example';
const EVIL = 'https://evil.example';
const CREATE_RECORD =
  'mutation { createRecord(input: { zone: "example.com", domain: "csrf.example.com", type: A, answers: [{ rdata: ["192.0.2.66"] }] }) { domain } }';

const gateways = useRealModeGateways();
const clients: Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
});

/** A gateway in real mode (its defaults, not the sandbox mode's) on the harness's sandboxes. */
async function start(env: Record<string, string> = {}): Promise<string> {
  const running = await gateways.start(env, (config) => ({ ...config, allowRequestCredentials: env.ALLOW_REQUEST_CREDENTIALS !== 'false' }));
  return running.url;
}

const json = (body: unknown) => JSON.stringify(body);

describe('CORS', () => {
  it('gives an unlisted origin no Access-Control-Allow-* header, on the preflight or the request', async () => {
    const url = await start({ CORS_ORIGINS: APP });
    const preflight = await overSocket(url, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-allow'))).toEqual([]);
    const simple = await overSocket(url, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: json({ query: '{ __typename }' }),
    });
    expect(Object.keys(simple.headers).filter((name) => name.startsWith('access-control-allow'))).toEqual([]);
  });

  it('allows a listed origin exactly, with credentials', async () => {
    const url = await start({ CORS_ORIGINS: `${APP},https://admin.example` });
    const preflight = await overSocket(url, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-ns1-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true' });
    expect(preflight.headers['access-control-allow-headers']).toContain('x-ns1-key');
    const simple = await overSocket(url, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: json({ query: '{ __typename }' }),
    });
    expect(simple.headers).toMatchObject({ 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true' });
  });

  it('lists no origin by default in real mode', async () => {
    const url = await start();
    const preflight = await overSocket(url, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('requests another site can send without a preflight', () => {
  const refusedWithoutUpstreamWrites = async (url: string, headers: Record<string, string>, body: string) => {
    const { result, ns1, buddyns } = await countUpstreamCalls(gateways.harness, () =>
      overSocket(url, { method: 'POST', headers: { origin: EVIL, ...headers }, body }),
    );
    expect(result.status).toBe(403);
    expect(JSON.parse(result.body)).toMatchObject({ errors: [{ extensions: { code: 'CSRF_HEADER_REQUIRED' } }] });
    expect(result.body).toContain('x-graphql-yoga-csrf');
    expect(ns1.total + buddyns.total).toBe(0);
  };

  it('never runs a form-encoded mutation', async () => {
    const url = await start();
    await refusedWithoutUpstreamWrites(url, { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams({ query: CREATE_RECORD }).toString());
  });

  it('never runs a text/plain mutation', async () => {
    const url = await start();
    await refusedWithoutUpstreamWrites(url, { 'content-type': 'text/plain' }, json({ query: CREATE_RECORD }));
  });

  it('never runs a multipart mutation without the required header, and runs an upload that has it', async () => {
    const url = await start();
    const form = new FormData();
    form.set('operations', json({ query: CREATE_RECORD }));
    form.set('map', '{}');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer()).toString('latin1');
    await refusedWithoutUpstreamWrites(url, { 'content-type': encoded.headers.get('content-type')! }, body);

    const upload = new FormData();
    upload.set(
      'operations',
      json({ query: 'mutation ($f: File!) { importZoneFile(name: "upload.example", zoneFile: $f) { finished recordCount } }', variables: { f: null } }),
    );
    upload.set('map', json({ 0: ['variables.f'] }));
    upload.set('0', new File(['$ORIGIN upload.example.\n@ 3600 IN A 192.0.2.10\n'], 'upload.example.zone'));
    const response = await fetch(url, { method: 'POST', body: upload, headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(await response.json()).toMatchObject({ data: { importZoneFile: { finished: true } } });
  });
});

describe('Host', () => {
  it('refuses a Host it does not answer to (DNS rebinding), and answers a listed one', async () => {
    const url = await start();
    const body = json({ query: '{ __typename }' });
    const rebound = await overSocket(url, { method: 'POST', headers: { host: 'attacker.example:4000', 'content-type': 'application/json' }, body });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body)).toMatchObject({ errors: [{ extensions: { code: 'HOST_NOT_ALLOWED' } }] });
    expect((await overSocket(url, { method: 'POST', headers: { host: 'localhost:4000', 'content-type': 'application/json' }, body })).status).toBe(200);

    const listed = await start({ ALLOWED_HOSTS: 'dnsgraph.internal' });
    expect((await overSocket(listed, { method: 'POST', headers: { host: 'dnsgraph.internal', 'content-type': 'application/json' }, body })).status).toBe(200);
    expect((await overSocket(listed, { method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/json' }, body })).status).toBe(421);
  });

  it('judges a request target in absolute form by the host it names, and refuses a target that is no URL, never with a stack trace', async () => {
    const url = await start();
    const { port } = new URL(url);
    const body = json({ query: '{ __typename }' });
    const headers = { host: `localhost:${port}`, 'content-type': 'application/json' };
    const foreign = await overSocket(url, { method: 'POST', headers, body, target: 'http://attacker.example/graphql' });
    expect(foreign.status).toBe(421);
    expect(JSON.parse(foreign.body)).toMatchObject({ errors: [{ extensions: { code: 'HOST_NOT_ALLOWED' } }] });
    const own = await overSocket(url, { method: 'POST', headers, body, target: `http://localhost:${port}/graphql` });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ data: { __typename: 'Query' } });
    for (const target of ['*', 'ftp://ops.example/graphql']) {
      const refused = await overSocket(url, { method: 'POST', headers, body, target });
      expect(refused.status, target).toBe(400);
      expect(JSON.parse(refused.body), target).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
      expect(refused.body, target).not.toMatch(/node_modules|at new URL/);
    }
  });
});

describe('body size', () => {
  const big = json({ query: '{ __typename }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } });

  it('answers 413 to a 2 MiB body, declared or chunked, before parsing it', async () => {
    const url = await start();
    const declared = await overSocket(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(big)) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    const chunks = Array.from({ length: 32 }, (_, i) => Buffer.from(big.slice((i * big.length) / 32, ((i + 1) * big.length) / 32)));
    const chunked = await overSocket(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks });
    expect(chunked.status).toBe(413);
    const small = await overSocket(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: [Buffer.from(json({ query: '{ __typename }' }))],
    });
    expect(small.status).toBe(200);
  });
});

describe('WebSocket', () => {
  const upgrade = (url: string, headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
      socket.once('open', () => {
        socket.close();
        resolve(101);
      });
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('error', () => resolve(0));
    });

  it('refuses an upgrade from a foreign Origin and accepts a listed one', async () => {
    const url = await start({ CORS_ORIGINS: APP });
    expect(await upgrade(url, { origin: EVIL })).toBe(403);
    expect(await upgrade(url, { origin: APP })).toBe(101);
    expect(await upgrade(url, { origin: EVIL.replace('evil', 'app.evil') })).toBe(403);
  });

  it('refuses an upgrade for a foreign Host with 421, as HTTP requests for it are', async () => {
    const url = await start();
    expect(await upgrade(url, { host: 'attacker.example' })).toBe(421);
  });

  it('answers a refused operation with an error for it and keeps the socket usable', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const url = await start({ MAX_SUBSCRIPTIONS_PER_CONNECTION: '1', MAX_VARIABLES_DEPTH: '3', ALLOW_REQUEST_CREDENTIALS: 'false' });
    let closed: unknown;
    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, on: { closed: (event) => (closed = event) } });
    clients.push(client);
    const outcome = (payload: { query: string; variables?: Record<string, unknown> }) =>
      new Promise<{ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }>((resolve) => {
        const dispose = client.subscribe(payload, {
          next: (value) => {
            resolve(value as never);
            dispose();
          },
          error: (errors) => resolve({ errors: errors as never }),
          complete: () => undefined,
        });
      });

    const first = await outcome({ query: 'subscription { qps(zone: "example.com", intervalSeconds: 60) { qps } }' });
    expect(first.errors).toBeUndefined();
    // The first subscription is still open: one more is past the bound.
    const held = client.iterate({ query: 'subscription { qps(intervalSeconds: 60) { qps } }' });
    await held.next();
    const second = await outcome({ query: 'subscription { qps(zone: "example.com", intervalSeconds: 60) { qps } }' });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_SUBSCRIPTIONS' });
    const deep = await outcome({ query: 'query ($v: JSON) { __typename }', variables: { v: { a: { b: { c: { d: 1 } } } } } });
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    await held.return?.();

    let credentialClosed: unknown;
    const credential = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { 'X-NS1-Key': 'forged' },
      on: { closed: (event) => (credentialClosed = event) },
    });
    clients.push(credential);
    for (let i = 0; i < 2; i++) {
      const refused = await new Promise<unknown>((resolve) =>
        credential.subscribe({ query: '{ zones { name } }' }, { next: resolve, error: resolve, complete: () => undefined }),
      );
      expect(refused).toMatchObject([{ extensions: { code: 'FORBIDDEN' } }]);
    }
    expect(credentialClosed).toBeUndefined();

    expect(await outcome({ query: '{ __typename }' })).toEqual({ data: { __typename: 'Query' } });
    expect(closed).toBeUndefined();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
