import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/logger.js';
import { startGateway } from '../../src/server.js';
import { createGateway, type Gateway } from '../../src/yoga.js';
import { authConfig } from '../auth/support.js';
import { useHarness } from '../support/harness.js';
import { metricSeries } from '../support/metric-series.js';
import { startIdentityProvider, type TestIdentityProvider } from '../support/oidc-provider.js';
import { configOn } from '../subscriptions/support/gateway.js';
import { ManualScheduler } from '../subscriptions/support/manual-scheduler.js';
import { subscribeSse } from '../subscriptions/support/sse.js';

/** Every run of a subscription field's resolver: once per event and per run of the subscription's selection set. */
const resolved = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/subscriptions/delivery.js', async (original) => {
  const actual = await original<typeof import('../../src/subscriptions/delivery.js')>();
  return {
    ...actual,
    delivered: <T>(delivery: Parameters<typeof actual.delivered<T>>[0]) => {
      resolved.count++;
      return actual.delivered(delivery);
    },
  };
});

const QPS = 'subscription ($zone: DomainName) { qps(zone: $zone, intervalSeconds: 10) { qps zone sampledAt } }';
const INTERVAL_MS = 10_000;

const h = useHarness();
let scheduler: ManualScheduler;
let gateway: Gateway;

const qpsPolls = async (since = 0) => (await h.ns1Control.log(since)).routes['GET /stats/qps/:zone'] ?? 0;

/** An SSE subscription read as raw text, event by event. */
async function rawSse(target: Gateway, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  const response = await target.yoga.fetch('http://dnsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query: QPS, variables }),
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  return {
    /** The next `event: next` block, byte for byte. */
    async next(): Promise<string> {
      for (;;) {
        const at = buffered.indexOf('event: next\n');
        const end = at < 0 ? -1 : buffered.indexOf('\n\n', at);
        if (end >= 0) {
          const event = buffered.slice(at, end + 2);
          buffered = buffered.slice(end + 2);
          return event;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffered += decoder.decode(value, { stream: true });
      }
    },
    close: async () => {
      abort.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
}

describe('shared subscription runs', () => {
  beforeEach(() => {
    scheduler = new ManualScheduler();
    const config = configOn(h);
    gateway = createGateway({ config, logger: createLogger('silent'), subscriptions: { scheduler } });
    resolved.count = 0;
  });
  afterEach(() => gateway.close());

  it('runs the selection set once per event for many subscribers, who all get the same bytes', async () => {
    const subscribers = await Promise.all(Array.from({ length: 40 }, () => rawSse(gateway, { zone: 'example.com' })));
    const first = await Promise.all(subscribers.map((s) => s.next()));
    expect(new Set(first).size).toBe(1);
    expect(JSON.parse(first[0]!.replace(/^event: next\ndata: /, ''))).toMatchObject({ data: { qps: { zone: 'example.com' } } });
    expect(resolved.count).toBe(1);

    await scheduler.advance(INTERVAL_MS);
    const second = await Promise.all(subscribers.map((s) => s.next()));
    expect(new Set(second).size).toBe(1);
    expect(second[0]).not.toBe(first[0]);
    expect(resolved.count).toBe(2);
    expect(await qpsPolls()).toBe(2);

    const metrics = await (await gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(metrics).toMatch(/^dnsgraph_subscribers 40$/m);
    await Promise.all(subscribers.map((s) => s.close()));
  });

  it('runs different variables separately', async () => {
    const [a, b] = await Promise.all([rawSse(gateway, { zone: 'example.com' }), rawSse(gateway, { zone: 'ns1-only.com' })]);
    const [fromA, fromB] = await Promise.all([a.next(), b.next()]);
    expect(fromA).toContain('"zone":"example.com"');
    expect(fromB).toContain('"zone":"ns1-only.com"');
    expect(resolved.count).toBe(2);
    await Promise.all([a.close(), b.close()]);
  });

  it('never shares a run between provider credentials', async () => {
    const admin = await rawSse(gateway, { zone: 'example.com' });
    const readOnly = await rawSse(gateway, { zone: 'example.com' }, { 'X-NS1-Key': 'sandbox-ns1-readonly-key' });
    await Promise.all([admin.next(), readOnly.next()]);
    expect(resolved.count).toBe(2);
    await Promise.all([admin.close(), readOnly.close()]);
  });

  it("keeps the others' streams when one leaves, and stops polling when the last one leaves", async () => {
    const subscribers = await Promise.all([1, 2, 3].map(() => rawSse(gateway, { zone: 'example.com' })));
    await Promise.all(subscribers.map((s) => s.next()));
    await subscribers[0]!.close();
    await scheduler.advance(INTERVAL_MS);
    const rest = await Promise.all(subscribers.slice(1).map((s) => s.next()));
    expect(new Set(rest).size).toBe(1);

    // One that joins later gets the last event at once, from the same run.
    const late = await rawSse(gateway, { zone: 'example.com' });
    expect(await late.next()).toBe(rest[0]);
    expect(resolved.count).toBe(2);

    await Promise.all([...subscribers.slice(1), late].map((s) => s.close()));
    await expect.poll(() => gateway.subscriptions.keys).toEqual([]);
    const { lastSeq } = await h.ns1Control.log();
    await scheduler.advance(10 * INTERVAL_MS);
    expect(await qpsPolls(lastSeq)).toBe(0);
    expect(scheduler.pending).toBe(0);
  });

  it('starts a new run for a subscriber that comes after every other has left', async () => {
    const first = await subscribeSse(gateway, QPS, { zone: 'example.com' });
    await first.next();
    await first.close();
    await expect.poll(() => gateway.subscriptions.keys).toEqual([]);
    const again = await subscribeSse(gateway, QPS, { zone: 'example.com' });
    expect((await again.next())?.data?.qps).toMatchObject({ zone: 'example.com' });
    expect(await qpsPolls()).toBe(2);
    await again.close();
  });
});

describe('shared subscription runs and grants', () => {
  let idp: TestIdentityProvider;
  let limited: string;
  let limitedToo: string;
  let unlimited: string;
  let authed: Gateway;
  beforeAll(async () => {
    idp = await startIdentityProvider({ clients: [{ id: 'shop', zones: ['example.com'] }, { id: 'shop2', zones: ['example.com'] }, { id: 'ops' }] });
    [limited, limitedToo, unlimited] = await Promise.all([idp.token('shop', ['dns:read']), idp.token('shop2', ['dns:read']), idp.token('ops', ['dns:read'])]);
  });
  beforeEach(() => {
    scheduler = new ManualScheduler();
    authed = createGateway({ config: authConfig(h, idp), logger: createLogger('silent'), subscriptions: { scheduler } });
    resolved.count = 0;
  });
  afterEach(() => authed.close());
  afterAll(() => idp.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("never lets a zone-limited token into another caller's run of a zone it may not see", async () => {
    const ops = await subscribeSse(authed, QPS, { zone: 'ns1-only.com' }, bearer(unlimited));
    expect((await ops.next())?.data?.qps).toMatchObject({ zone: 'ns1-only.com' });

    const shop = await subscribeSse(authed, QPS, { zone: 'ns1-only.com' }, bearer(limited));
    const refused = await shop.next();
    expect(refused?.data ?? null).toBeNull();
    expect(refused?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await shop.completed;
    expect(resolved.count).toBe(1);
    await ops.close();
  });

  it('runs a zone for callers with different grants separately, and shares it between callers with the same grants', async () => {
    const [ops, shop, shopToo] = await Promise.all([
      subscribeSse(authed, QPS, { zone: 'example.com' }, bearer(unlimited)),
      subscribeSse(authed, QPS, { zone: 'example.com' }, bearer(limited)),
      subscribeSse(authed, QPS, { zone: 'example.com' }, bearer(limitedToo)),
    ]);
    const first = await Promise.all([ops.next(), shop.next(), shopToo.next()]);
    expect(first.map((r) => (r?.data?.qps as { zone: string }).zone)).toEqual(['example.com', 'example.com', 'example.com']);
    // One run for the unlimited caller, one for the two callers limited to example.com.
    expect(resolved.count).toBe(2);
    await Promise.all([ops.close(), shop.close(), shopToo.close()]);
  });
});

describe("a signed-in caller's places in shared runs", () => {
  let idp: TestIdentityProvider;
  beforeAll(async () => {
    idp = await startIdentityProvider({ clients: [{ id: 'ops' }] });
  });
  afterAll(() => idp.close());

  it('refuses a second subscription past MAX_SUBSCRIPTIONS_PER_PRINCIPAL and frees the place once the first is left', async () => {
    const config = authConfig(h, idp);
    const limited = createGateway({
      config: { ...config, exposure: { ...config.exposure, maxSubscriptionsPerPrincipal: 1 } },
      logger: createLogger('silent'),
      subscriptions: { scheduler: new ManualScheduler() },
    });
    try {
      const headers = { authorization: `Bearer ${await idp.token('ops', ['dns:read'])}` };
      for (let round = 0; round < 3; round++) {
        const open = await subscribeSse(limited, QPS, { zone: 'example.com' }, headers);
        expect((await open.next())?.data?.qps).toMatchObject({ zone: 'example.com' });
        const refused = await subscribeSse(limited, QPS, { zone: 'example.com' }, headers);
        expect((await refused.next())?.errors?.[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
        await open.close();
        await expect.poll(() => limited.subscriptions.keys).toEqual([]);
      }
    } finally {
      await limited.close();
    }
  });
});

type ProtocolMessage = { id?: string; type: string; payload?: unknown };

/** A graphql-transport-ws socket spoken by hand: every message it receives, and a wait until some have come. */
async function protocolSocket(url: string): Promise<{ socket: WebSocket; messages: ProtocolMessage[]; until: (done: () => boolean) => Promise<void> }> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await once(socket, 'open');
  const messages: ProtocolMessage[] = [];
  let arrived: () => void = () => undefined;
  socket.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString()) as ProtocolMessage);
    arrived();
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => (arrived = resolve));
  };
  return { socket, messages, until };
}

describe('shared subscription runs over graphql-ws', () => {
  it('hands the shared result to each graphql-ws subscription under its own id, and to SSE alike', async () => {
    const clock = new ManualScheduler();
    const running = await startGateway({ ...configOn(h), port: 0, host: '127.0.0.1' }, { subscriptions: { scheduler: clock } });
    resolved.count = 0;
    try {
      const { socket, messages, until } = await protocolSocket(running.url);
      const nexts = (id: string) => messages.filter((m) => m.id === id && m.type === 'next').map((m) => m.payload);
      socket.send(JSON.stringify({ type: 'connection_init' }));
      await until(() => messages.some((m) => m.type === 'connection_ack'));
      for (const id of ['a', 'b']) socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: QPS, variables: { zone: 'example.com' } } }));
      const sse = await rawSse(running.gateway, { zone: 'example.com' });
      const overSse = await sse.next();
      await until(() => nexts('a').length === 1 && nexts('b').length === 1);
      expect(nexts('a')).toEqual(nexts('b'));
      expect(JSON.parse(overSse.replace(/^event: next\ndata: /, ''))).toEqual(nexts('a')[0]);
      expect(resolved.count).toBe(1);

      // One subscription of the socket completes; the other goes on with the next event.
      socket.send(JSON.stringify({ id: 'a', type: 'complete' }));
      await clock.advance(INTERVAL_MS);
      await until(() => nexts('b').length === 2);
      await sse.next();
      expect(nexts('a')).toHaveLength(1);
      expect(resolved.count).toBe(2);
      socket.close();
      await sse.close();
      await expect.poll(() => running.gateway.subscriptions.keys).toEqual([]);
    } finally {
      await running.stop();
    }
  });
});

describe("a shared run's events and each subscriber's own hooks", () => {
  const series = (target: Gateway, name: string) => metricSeries(target.metrics.registry, name);

  it('masks, counts and logs an error event for each subscriber, and writes the access line and the duration at each one’s end', async () => {
    const lines: string[] = [];
    const clock = new ManualScheduler();
    const config = configOn(h, { LOG_LEVEL: 'info' });
    const logged = createGateway({ config, logger: createLogger('info', { write: (line) => lines.push(line) }), subscriptions: { scheduler: clock } });
    try {
      const subscribers = await Promise.all([1, 2].map(() => rawSse(logged, { zone: 'example.com' })));
      const clean = await Promise.all(subscribers.map((s) => s.next()));
      expect(clean[1]).toBe(clean[0]);

      await h.ns1Control.addFault({ path: '/stats/qps/example.com', status: 503, message: 'maintenance', times: 1 });
      await clock.advance(INTERVAL_MS);
      const failed = await Promise.all(subscribers.map((s) => s.next()));
      expect(failed[1]).toBe(failed[0]);
      const { errors } = JSON.parse(failed[0]!.replace(/^event: next\ndata: /, '')) as { errors: Array<{ extensions: Record<string, unknown> }> };
      expect(errors[0]!.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'NS1', status: 503 });
      // As yoga writes an error: masked, without the extensions that are for the server alone.
      expect(errors[0]!.extensions).not.toHaveProperty('http');
      expect(errors[0]!.extensions).not.toHaveProperty('unexpected');
      expect(await series(logged, 'dnsgraph_graphql_errors_total')).toEqual(['operationName=Anonymous,operationType=subscription,phase=execute 2']);

      await Promise.all(subscribers.map((s) => s.close()));
      await expect.poll(() => logged.subscriptions.keys).toEqual([]);
      const access = lines.map((line) => JSON.parse(line) as { msg?: string; type?: string; errors?: string[] }).filter((l) => l.msg === 'operation');
      expect(access.map((l) => [l.type, l.errors])).toEqual([
        ['subscription', ['UPSTREAM_ERROR']],
        ['subscription', ['UPSTREAM_ERROR']],
      ]);
      expect(await series(logged, 'dnsgraph_graphql_operation_duration_seconds_count')).toEqual(['operationName=Anonymous,operationType=subscription 2']);
    } finally {
      await logged.close();
    }
  });

  it('frees the place of a graphql-ws subscription that completes on its connection', async () => {
    const clock = new ManualScheduler();
    const config = configOn(h, { MAX_SUBSCRIPTIONS_PER_CONNECTION: '1' });
    const running = await startGateway({ ...config, port: 0, host: '127.0.0.1' }, { logger: createLogger('silent'), subscriptions: { scheduler: clock } });
    try {
      const { socket, messages, until } = await protocolSocket(running.url);
      socket.send(JSON.stringify({ type: 'connection_init' }));
      await until(() => messages.some((m) => m.type === 'connection_ack'));
      for (const id of ['a', 'b', 'c']) {
        socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: QPS, variables: { zone: 'example.com' } } }));
        await until(() => messages.some((m) => m.id === id && m.type === 'next'));
        socket.send(JSON.stringify({ id, type: 'complete' }));
        // The place is free once the subscription's hooks have run to its end.
        await expect.poll(() => running.gateway.subscriptions.keys).toEqual([]);
      }
      const nexts = messages.filter((m) => m.type === 'next') as Array<{ payload: { errors?: unknown; data?: { qps?: { zone: string } } } }>;
      expect(nexts.map((m) => m.payload.errors ?? m.payload.data?.qps?.zone)).toEqual(['example.com', 'example.com', 'example.com']);
      socket.close();
    } finally {
      await running.stop();
    }
  });
});
