import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it } from 'vitest';
import { BuddyNsClient } from '../../src/providers/buddyns/client.js';
import { buddyNsProvider } from '../../src/providers/buddyns/provider.js';
import { errorReading } from '../../src/providers/provider.js';
import { HttpClient, type UpstreamRequest, type UpstreamResponse } from '../../src/providers/http.js';
import { InFlightGets } from '../../src/providers/in-flight-gets.js';
import { buddyNsSandboxCredentials } from '../../src/sandbox/buddyns/index.js';
import { ns1SandboxKeys } from '../../src/sandbox/ns1/index.js';
import { countUpstreamCalls, useHarness } from '../support/harness.js';

const DASHBOARD = readFileSync(new URL('../fixtures/dashboard.graphql', import.meta.url), 'utf8');

/**
 * A loopback proxy in front of a sandbox that holds each GET's answer back until released: the answer is what
 * the sandbox said when the request arrived, as a slow network would deliver it.
 */
interface HoldingProxy {
  baseUrl: string;
  /** Resolves once the sandbox has answered the next GET, which is then held. */
  answered(): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

async function holdingProxy(target: string): Promise<HoldingProxy> {
  const upstream = new URL(target);
  const held: Array<() => void> = [];
  let onAnswered: (() => void) | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => body.push(chunk));
        answer.on('end', () => {
          const send = () => res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(body));
          if (req.method !== 'GET') return send();
          held.push(send);
          onAnswered?.();
        });
      });
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${upstream.pathname}`,
    answered: () => new Promise<void>((resolve) => (onAnswered = resolve)),
    release: () => held.splice(0).forEach((send) => send()),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const h = useHarness();

describe('identical upstream GETs in flight together', () => {
  it('20 concurrent identical dashboards cost the upstream calls of one', async () => {
    await Promise.all([h.ns1Control.addFault({ path: '/', latencyMs: 150 }), h.buddyControl.addFault({ path: '/', latencyMs: 150 })]);
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => Promise.all(Array.from({ length: 20 }, () => h.gql(DASHBOARD))));
    expect(result.every((r) => r.errors === undefined)).toBe(true);
    expect(new Set(result.map((r) => JSON.stringify(r.data))).size).toBe(1);
    expect(ns1.total).toBe(41);
    expect(buddyns.total).toBe(11);
    for (const [call, count] of Object.entries({ ...ns1.counts, ...buddyns.counts })) expect([call, count]).toEqual([call, 1]);
  });

  it('never shares a flight between credentials: a key limited to example.com gets only its own answer', async () => {
    await h.ns1Control.addFault({ path: '/zones', latencyMs: 200 });
    type Zones = { zones: Array<{ name: string; providers: string[] }> };
    const onNs1 = (r: { data?: Zones | null }) => r.data?.zones.filter((z) => z.providers.includes('NS1')).map((z) => z.name);
    const zones = '{ zones { name providers } }';
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      Promise.all([h.gql<Zones>(zones), h.gql<Zones>(zones, undefined, { 'X-NS1-Key': ns1SandboxKeys().exampleOnly })]),
    );
    const [admin, limited] = result;
    expect(onNs1(admin)).toHaveLength(6);
    expect(onNs1(limited)).toEqual(['example.com']);
    expect(ns1.counts['GET /zones']).toBe(2);
  });
});

describe('the provider client shares flights', () => {
  let proxy: HoldingProxy;
  let http: HttpClient;
  const { token, user, password } = buddyNsSandboxCredentials();
  beforeEach(async () => {
    proxy = await holdingProxy(h.buddyns.baseUrl);
    http = new HttpClient({ ...errorReading(buddyNsProvider), baseUrl: proxy.baseUrl, maxRetries: 0 });
    return async () => {
      await http.close();
      await proxy.close();
    };
  });

  it('sends a GET once for callers of one credential, and once per credential', async () => {
    const byToken = new BuddyNsClient(http, { kind: 'token', token }, proxy.baseUrl);
    const byPassword = new BuddyNsClient(http, { kind: 'basic', user, password }, proxy.baseUrl);
    const answered = proxy.answered();
    const calls = [byToken.zones.list(), byToken.zones.list(), byToken.zones.list(), byPassword.zones.list()];
    await answered;
    await expect.poll(async () => (await h.buddyControl.log()).counts['GET /zone/']).toBe(2);
    proxy.release();
    const lists = await Promise.all(calls);
    expect(lists.every((list) => list.length === 5)).toBe(true);
    expect((await h.buddyControl.log()).counts).toEqual({ 'GET /zone/': 2 });
  });

  it('parses a shared answer once: its callers get one frozen value, and a caller of another credential its own', async () => {
    const byToken = new BuddyNsClient(http, { kind: 'token', token }, proxy.baseUrl);
    const byPassword = new BuddyNsClient(http, { kind: 'basic', user, password }, proxy.baseUrl);
    const answered = proxy.answered();
    const calls = [byToken.zones.list(), byToken.zones.list(), byPassword.zones.list()];
    await answered;
    await expect.poll(async () => (await h.buddyControl.log()).counts['GET /zone/']).toBe(2);
    proxy.release();
    const [first, second, other] = await Promise.all(calls);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first![0])).toBe(true);
    expect(() => {
      (first![0] as { master: string }).master = '192.0.2.99';
    }).toThrow(TypeError);
  });

  it('once a flight has landed, the same GET goes upstream again', async () => {
    const client = new BuddyNsClient(http, { kind: 'token', token }, proxy.baseUrl);
    for (let i = 1; i <= 3; i++) {
      const answered = proxy.answered();
      const list = client.zones.list();
      await answered;
      proxy.release();
      expect(await list).toHaveLength(5);
      expect((await h.buddyControl.log()).counts).toEqual({ 'GET /zone/': i });
    }
  });

  it('a write during a flight: a caller who asks after the write never gets the answer fetched before it', async () => {
    const client = new BuddyNsClient(http, { kind: 'token', token }, proxy.baseUrl);
    const answered = proxy.answered();
    const before = client.zones.list();
    await answered;
    await client.zones.create('after-write.example', '203.0.113.9');
    const after = client.zones.list();
    await expect.poll(async () => (await h.buddyControl.log()).counts['GET /zone/']).toBe(2);
    proxy.release();
    expect((await before).map((z) => z.name)).not.toContain('after-write.example');
    expect((await after).map((z) => z.name)).toContain('after-write.example');
  });

  it('a caller who gives up does not cancel the flight for the others; the last one to give up cancels it', async () => {
    const client = new BuddyNsClient(http, { kind: 'token', token }, proxy.baseUrl);
    const first = new AbortController();
    const second = new AbortController();
    const answered = proxy.answered();
    const leaving = client.zoneStatus.get('example.com', first.signal);
    const staying = client.zoneStatus.get('example.com', second.signal);
    await answered;
    first.abort();
    await expect(leaving).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', message: 'request to buddyns was cancelled' });
    proxy.release();
    await expect(staying).resolves.toMatchObject({ asciiName: 'example.com' });
    expect((await h.buddyControl.log()).counts).toEqual({ 'GET /zone/example.com/status/': 1 });
  });
});

describe('the resources remembered between flights', () => {
  /** Sends each request to an answer the test gives by path, and lists what was sent. */
  function deferredSends() {
    const sent: string[] = [];
    const pending = new Map<string, () => void>();
    const send = (request: UpstreamRequest): Promise<UpstreamResponse> => {
      sent.push(request.path);
      return new Promise((resolve) => pending.set(request.path, () => resolve({ status: 200, body: { path: request.path } })));
    };
    return { sent, send, answer: (path: string) => pending.get(path)!() };
  }
  const get = (path: string): UpstreamRequest => ({ method: 'GET', path, rateKey: 'credential' });

  it('stay within their bound, and a flight still in the air is still shared after the idle ones are forgotten', async () => {
    const gets = new InFlightGets({ provider: 'buddyns' }, 3);
    const { sent, send, answer } = deferredSends();
    const readOnce = async (path: string) => {
      const answered = gets.route(get(path), undefined, send);
      answer(path);
      await answered;
    };
    for (const path of ['/a', '/b', '/c', '/d']) await readOnce(path);
    const inTheAir = gets.route(get('/f'), undefined, send);
    for (const path of ['/g', '/h', '/i']) await readOnce(path);
    const joined = gets.route(get('/f'), undefined, send);
    expect((gets as unknown as { flights: Map<string, unknown> }).flights.size).toBeLessThanOrEqual(4);
    answer('/f');
    expect(await joined).toBe(await inTheAir);
    expect(sent).toEqual(['/a', '/b', '/c', '/d', '/f', '/g', '/h', '/i']);
    await readOnce('/a');
    expect(sent.at(-1)).toBe('/a');
  });
});
