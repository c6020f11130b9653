import { createClient, type Client } from 'graphql-ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { useSandboxesAndRedis } from '../support/sandboxes-and-redis.js';
import { configOn } from './support/gateway.js';
import { ManualScheduler } from './support/manual-scheduler.js';
import { subscribeSse, subscribeSseOverHttp } from './support/sse.js';

const backends = useSandboxesAndRedis();

const ZONE_QPS = `subscription ($interval: Int) { qps(zone: "example.com", intervalSeconds: $interval) { qps zone } }`;
const INTERVAL_SECONDS = 10;

let scheduler: ManualScheduler;
let running: RunningGateway;
const clients: Client[] = [];

beforeEach(() => {
  scheduler = new ManualScheduler();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
  await running.stop();
});

async function start(env: Record<string, string> = {}): Promise<void> {
  running = await startGateway({ ...configOn(backends.harness, env), port: 0, host: '127.0.0.1' }, { subscriptions: { scheduler } });
}

function client(connectionParams: Record<string, unknown> = {}): Client {
  const c = createClient({ url: running.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
  clients.push(c);
  return c;
}

const qpsRequests = async () => (await backends.harness.ns1Control.log()).routes['GET /stats/qps/:zone'] ?? 0;

/** The only subscriber has gone: its poller is closed, no timer is left, and time brings no more requests. */
async function expectPollingStoppedAfterOneRequest(): Promise<void> {
  await expect.poll(() => running.gateway.subscriptions.keys).toEqual([]);
  expect(scheduler.pending).toBe(0);
  await scheduler.advance(10 * INTERVAL_SECONDS * 1000);
  expect(await qpsRequests()).toBe(1);
}

describe('subscriptions over WebSocket (graphql-transport-ws)', () => {
  it('streams samples over a real socket on /graphql, sharing one poller with SSE subscribers', async () => {
    await start();
    const overWs = client().iterate({ query: ZONE_QPS, variables: { interval: INTERVAL_SECONDS } });
    const first = await overWs.next();
    expect(first.value).toMatchObject({ data: { qps: { zone: 'example.com' } } });

    const overSse = await subscribeSse(running.gateway, ZONE_QPS, { interval: INTERVAL_SECONDS });
    expect((await overSse.next())?.data?.qps).toEqual((first.value as { data: { qps: unknown } }).data.qps);
    expect(await qpsRequests()).toBe(1);

    await scheduler.advance(INTERVAL_SECONDS * 1000);
    expect((await overWs.next()).value).toMatchObject({ data: { qps: { zone: 'example.com' } } });
    await overSse.next();
    expect(await qpsRequests()).toBe(2);

    await overSse.close();
    await overWs.return?.();
    await expect.poll(() => scheduler.pending).toBe(0);
    await scheduler.advance(10 * INTERVAL_SECONDS * 1000);
    expect(await qpsRequests()).toBe(2);
  });

  it('stops the poller when an SSE client over a real connection goes away', async () => {
    await start();
    const overHttp = await subscribeSseOverHttp(running.url, ZONE_QPS, { interval: INTERVAL_SECONDS });
    expect((await overHttp.next())?.data?.qps).toMatchObject({ zone: 'example.com' });
    await overHttp.close();
    await expectPollingStoppedAfterOneRequest();
  });

  it('stops the poller when a WebSocket closes without unsubscribing', async () => {
    await start();
    const socket = client();
    const overWs = socket.iterate({ query: ZONE_QPS, variables: { interval: INTERVAL_SECONDS } });
    expect((await overWs.next()).value).toMatchObject({ data: { qps: { zone: 'example.com' } } });
    await socket.dispose();
    await expectPollingStoppedAfterOneRequest();
  });

  it('takes per-request credentials from the connection params, on a poller of their own', async () => {
    await start();
    const admin = client().iterate({ query: ZONE_QPS, variables: { interval: INTERVAL_SECONDS } });
    const readOnly = client({ 'X-NS1-Key': 'sandbox-ns1-readonly-key' }).iterate({ query: ZONE_QPS, variables: { interval: INTERVAL_SECONDS } });
    const bogus = client({ headers: { 'x-ns1-key': 'not-a-key' } }).iterate({ query: ZONE_QPS, variables: { interval: INTERVAL_SECONDS } });
    expect((await admin.next()).value).toMatchObject({ data: { qps: { zone: 'example.com' } } });
    expect((await readOnly.next()).value).toMatchObject({ data: { qps: { zone: 'example.com' } } });
    expect((await bogus.next()).value).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', provider: 'NS1' } }] });
    expect(await qpsRequests()).toBe(3);
    await Promise.all([admin.return?.(), readOnly.return?.(), bogus.return?.()]);
  });

  it('answers queries over the socket as well, with the response cache on', async () => {
    await start({ RESPONSE_CACHE_TTL_SECONDS: '60' });
    for (let i = 0; i < 2; i++) {
      const answer = await client().iterate({ query: '{ zones { name } }' }).next();
      expect(answer.value).toMatchObject({ data: { zones: expect.arrayContaining([{ name: 'example.com' }]) } });
    }
  });

  it('refuses an interval below the floor with BAD_USER_INPUT and no upstream request', async () => {
    await start();
    const refused = client().iterate({ query: ZONE_QPS, variables: { interval: 0 } });
    expect((await refused.next()).value).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect((await refused.next()).done).toBe(true);
    expect(await qpsRequests()).toBe(0);
  });

  it('ends WebSocket and SSE subscriptions cleanly on shutdown and gives up the pollers’ leases', async () => {
    await start({ REDIS_URL: backends.redis.url });
    const overWs = client().iterate({ query: ZONE_QPS, variables: { interval: INTERVAL_SECONDS } });
    await overWs.next();
    const overHttp = await subscribeSseOverHttp(running.url, ZONE_QPS, { interval: INTERVAL_SECONDS });
    await overHttp.next();
    await scheduler.advance(INTERVAL_SECONDS * 1000);
    expect((await overHttp.next())?.data?.qps).toMatchObject({ zone: 'example.com' });
    await overWs.next();
    expect(await backends.redis.client.keys('dnsgraph:lease:*')).toHaveLength(1);

    await running.stop();
    await overHttp.completed;
    expect(overHttp.completedByServer).toBe(true);
    const wsEnd: unknown = await overWs.next().catch((closed: unknown) => closed);
    expect(wsEnd).toSatisfy((end) => (end as { done?: boolean }).done === true || (end as { code?: number }).code === 1001);
    expect(await backends.redis.client.keys('dnsgraph:lease:*')).toEqual([]);
    expect(scheduler.pending).toBe(0);
    expect(await qpsRequests()).toBe(2);
  });
});
