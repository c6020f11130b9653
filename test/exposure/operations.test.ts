import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/logger.js';
import { secretsOf } from '../../src/yoga.js';
import { execute } from '../support/harness.js';
import { useRealModeGateways } from './real-mode-gateway.js';

const gateways = useRealModeGateways();
const start = (env: Record<string, string> = {}) => gateways.start(env);

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    ...((await r.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }),
  }));

describe('trusted documents', () => {
  const ZONES = 'query ZoneNames { zones { name } }';
  const hash = createHash('sha256').update(ZONES).digest('hex');

  it('runs a listed hash over HTTP and WebSocket and refuses raw text and unknown hashes', async () => {
    const manifest = join(mkdtempSync(join(tmpdir(), 'dnsgraph-')), 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [hash]: ZONES }));
    const { url } = await start({ TRUSTED_DOCUMENTS: manifest });

    const listed = await post(url, { documentId: hash });
    expect(listed.errors).toBeUndefined();
    expect((listed.data as { zones: unknown[] }).zones.length).toBeGreaterThan(0);
    const apq = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(apq.errors).toBeUndefined();

    const raw = await post(url, { query: ZONES });
    expect(raw).toMatchObject({ status: 400, errors: [{ extensions: { code: 'PERSISTED_QUERY_ONLY' } }] });
    expect(raw.data).toBeUndefined();
    expect(await post(url, { documentId: 'f'.repeat(64) })).toMatchObject({ errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });

    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const over = (payload: Record<string, unknown>) =>
      new Promise<unknown>((resolve) => client.subscribe(payload as never, { next: resolve, error: resolve, complete: () => undefined }));
    expect(await over({ query: '', documentId: hash })).toMatchObject({ data: { zones: expect.any(Array) } });
    expect(await over({ query: '{ __typename }' })).toMatchObject([{ extensions: { code: 'PERSISTED_QUERY_ONLY' } }]);
    await client.dispose();

    // As Apollo's persisted-query link sends it, with no `query` at all (which graphql-ws's own client will not send):
    // answered, and the socket stays open for the next operation.
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: Array<{ id?: string; type: string; payload?: unknown }> = [];
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as (typeof messages)[number]));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await expect.poll(() => messages.some((m) => m.type === 'connection_ack')).toBe(true);
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { documentId: hash } }));
    socket.send(JSON.stringify({ id: '2', type: 'subscribe', payload: { documentId: 'f'.repeat(64) } }));
    await expect.poll(() => messages.filter((m) => m.type === 'complete' || m.type === 'error').length).toBe(2);
    expect(messages.find((m) => m.id === '1' && m.type === 'next')?.payload).toMatchObject({ data: { zones: expect.any(Array) } });
    expect(messages.find((m) => m.id === '2')).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.close();
  });

  it('runs a listed query by ?documentId= over GET, with the CSRF header, and refuses a listed mutation over GET', async () => {
    const MUTATION = 'mutation Typename { __typename }';
    const mutationHash = createHash('sha256').update(MUTATION).digest('hex');
    const manifest = join(mkdtempSync(join(tmpdir(), 'dnsgraph-')), 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [hash]: ZONES, [mutationHash]: MUTATION }));
    const { url } = await start({ TRUSTED_DOCUMENTS: manifest });
    const get = async (query: string, headers: Record<string, string> = { 'x-graphql-yoga-csrf': 'dashboard' }) => {
      const response = await fetch(`${url}?${query}`, { headers: { accept: 'application/json', ...headers } });
      return { status: response.status, ...((await response.json()) as { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }) };
    };

    const listed = await get(`documentId=${hash}`);
    expect(listed.errors).toBeUndefined();
    expect(listed.status).toBe(200);
    expect((listed.data as { zones: unknown[] }).zones.length).toBeGreaterThan(0);
    expect((await get(`documentId=sha256:${hash}&operationName=ZoneNames&variables=%7B%7D`)).errors).toBeUndefined();

    expect(await get(`documentId=${hash}`, {})).toMatchObject({ status: 403, errors: [{ extensions: { code: 'CSRF_HEADER_REQUIRED' } }] });
    expect(await get(`documentId=${'f'.repeat(64)}`)).toMatchObject({ status: 400, errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
    expect(await get('documentId=')).toMatchObject({ status: 400, errors: [{ extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' } }] });
    expect(await get(`query=${encodeURIComponent(ZONES)}&documentId=${hash}`)).toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'PERSISTED_QUERY_ONLY' } }],
    });
    const mutation = await get(`documentId=${mutationHash}`);
    expect(mutation).toMatchObject({ status: 405, errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    expect(mutation.data).toBeUndefined();
    expect((await post(url, { documentId: mutationHash })).data).toEqual({ __typename: 'Mutation' });
  });
});

describe('/metrics', () => {
  it('stays bounded after 1,000 requests with distinct query strings and operation names, with no URL or query text in it', async () => {
    const { url } = await start();
    const scrape = async () => (await fetch(url.replace('/graphql', '/metrics'))).text();
    const send = (i: number) => post(`${url}?cachebust=${i}&token=secret${i}`, { query: `query Dashboard${i} { __typename }`, operationName: `Dashboard${i}` });
    const sendRange = async (from: number, to: number) => {
      for (let i = from; i < to; i += 20) await Promise.all(Array.from({ length: 20 }, (_, j) => send(i + j)));
    };
    await sendRange(0, 200);
    const after200 = await scrape();
    await sendRange(200, 1000);
    const after1000 = await scrape();
    // 800 more names and query strings add no series (each would add a dozen lines); counts grow by a
    // digit here and there, and Node's own metrics may add a garbage-collection kind.
    expect(after1000.split('\n').length - after200.split('\n').length).toBeLessThan(40);
    expect(after1000.length - after200.length).toBeLessThan(5_000);
    expect(after1000).not.toMatch(/cachebust|token=|__typename|url=/);
    expect(after1000).toMatch(/operationName="other"/);
    expect(after1000).toContain('nodejs_eventloop_lag_seconds');
    for (const name of after1000.match(/^# TYPE \S+ counter$/gm) ?? []) expect(name).toMatch(/_total counter$/);
    for (const name of after1000.match(/^# TYPE dnsgraph_\S*duration\S* histogram$/gm) ?? []) expect(name).toMatch(/_seconds histogram$/);
  }, 180_000);

  it('is served on METRICS_PORT only, when set', async () => {
    const gateway = await start({ METRICS_PORT: '0' });
    expect((await fetch(gateway.url.replace('/graphql', '/metrics'))).status).not.toBe(200);
    const metrics = await fetch(gateway.metrics!.url);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('dnsgraph_upstream_requests_total');
  });
});

describe('secrets in data', () => {
  it("never returns a notifier's secret, though the provider has it", async () => {
    const created = await gateways.harness.gql<{ createNotificationList: { id: string; notifiers: Array<{ type: string; config: Record<string, unknown> }> } }>(
      `mutation { createNotificationList(input: { name: "on call", notifiers: [
        { type: PAGERDUTY, config: { service_key: "pd-service-key-123456" } },
        { type: SLACK, config: { url: "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX", channel: "#dns" } },
        { type: EMAIL, config: { email: "ops@example.com" } }] }) { id notifiers { type config } } }`,
    );
    expect(created.errors).toBeUndefined();
    const listed = await gateways.harness.gql('{ notificationLists { notifiers { type config } } }');
    for (const answer of [JSON.stringify(created.data), JSON.stringify(listed.data)]) {
      expect(answer).not.toContain('pd-service-key-123456');
      expect(answer).not.toContain('XXXXsecretXXXX');
    }
    expect(created.data?.createNotificationList.notifiers).toEqual([
      { type: 'pagerduty', config: { service_key: '********' } },
      { type: 'slack', config: { url: '********', channel: '#dns' } },
      { type: 'email', config: { email: 'ops@example.com' } },
    ]);
    const stored = await fetch(`${gateways.harness.ns1.baseUrl}/lists/${created.data?.createNotificationList.id}`, {
      headers: { 'x-nsone-key': 'sandbox-ns1-admin-key' },
    });
    expect(await stored.text()).toContain('pd-service-key-123456');
  });

  it('keeps a password inside NS1_ENDPOINT out of invoice links and logs', async () => {
    const withPassword = gateways.harness.gatewayWith({}, (config) => ({
      ...config,
      ns1: { ...config.ns1, endpoint: config.ns1.endpoint.replace('://', '://ops:endpoint-pass-42@') },
    }));
    const { data, errors } = await execute<{ viewer: { ns1: { invoices: Array<{ downloadUrl: string }> } } }>(
      withPassword,
      '{ viewer { ns1 { invoices { downloadUrl } } } }',
    );
    expect(errors).toBeUndefined();
    const links = data!.viewer.ns1.invoices.map((i) => i.downloadUrl);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).not.toMatch(/endpoint-pass-42|ops:/);
    const lines: string[] = [];
    const { config } = withPassword;
    createLogger('debug', { write: (line) => lines.push(line), secrets: () => secretsOf(config) }).warn('NS1 slow', { endpoint: config.ns1.endpoint });
    expect(lines.join('\n')).toContain('NS1 slow');
    expect(lines.join('\n')).not.toContain('endpoint-pass-42');
  });
});

describe('production switches', () => {
  const GRAPHIQL_DISABLED = 'GraphiQL is disabled on this gateway. Its operator can enable it with the GRAPHIQL=true setting.\n';

  it('turns off introspection, field suggestions and GraphiQL when NODE_ENV=production', async () => {
    const { url } = await start({ NODE_ENV: 'production', NS1_API_KEY: 'replaced-by-the-sandbox-key' });
    const introspection = await post(url, { query: '{ __schema { types { name } } }' });
    expect(introspection.data).toBeUndefined();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post(url, { query: '{ zonez { name } }' });
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(page.status).toBe(406);
    expect(await page.text()).toBe(GRAPHIQL_DISABLED);
  });

  it('tells a browser opening /graphql that GraphiQL is off and which setting turns it on, and answers clients as before', async () => {
    const { url } = await start({ GRAPHIQL: 'false' });
    for (const accept of ['text/html', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8']) {
      const page = await fetch(url, { headers: { accept } });
      expect(page.status).toBe(406);
      expect(page.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await page.text()).toBe(GRAPHIQL_DISABLED);
    }
    const query = `${url}?query=${encodeURIComponent('{ __typename }')}`;
    const answer = await fetch(query, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': 'dashboard' } });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
    // A GET that carries an operation runs whatever it accepts besides: JSON is among everything.
    const browserLike = await fetch(query, { headers: { accept: 'text/html,*/*;q=0.8', 'x-graphql-yoga-csrf': 'dashboard' } });
    expect(browserLike.status).toBe(200);
    expect(await browserLike.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await post(url, { query: '{ __typename }' })).data).toEqual({ __typename: 'Query' });
  });

  it('keeps them on in development, with GraphiQL compressed and cacheable', async () => {
    const { url } = await start();
    expect((await post(url, { query: '{ zonez { name } }' })).errors?.[0]?.message).toMatch(/Did you mean "zone/);
    expect((await post(url, { query: '{ __schema { queryType { name } } }' })).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await fetch(url, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    const html = await page.text();
    expect(html).toContain('YogaGraphiQL');
    const etag = page.headers.get('etag');
    expect(page.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const raw = await new Promise<{ encoding?: string; size: number; html: string }>((resolve, reject) => {
      import('node:http').then(
        ({ get }) =>
          get(url, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const body = Buffer.concat(chunks);
              resolve({ encoding: res.headers['content-encoding'], size: body.length, html: gunzipSync(body).toString() });
            });
          }).on('error', reject),
        reject,
      );
    });
    expect(raw.encoding).toBe('gzip');
    expect(raw.size).toBeLessThan(Buffer.byteLength(html) / 3);
    expect(raw.html).toBe(html);
    expect((await fetch(url, { headers: { accept: 'text/html', 'if-none-match': etag! } })).status).toBe(304);
  });

  it("answers GraphiQL's own GET and event-stream requests, which carry the CSRF header, and refuses them without it", async () => {
    const { url } = await start();
    const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('"additionalHeaders":{"x-graphql-yoga-csrf":"graphiql"}');
    const query = `${url}?query=${encodeURIComponent('{ __typename }')}`;
    expect((await fetch(query, { headers: { accept: 'application/json', 'x-graphql-yoga-csrf': 'graphiql' } })).status).toBe(200);
    expect((await fetch(query, { headers: { accept: 'application/json' } })).status).toBe(403);
    const controller = new AbortController();
    const subscription = `${url}?query=${encodeURIComponent('subscription { qps(zone: "example.com", intervalSeconds: 60) { qps } }')}`;
    const stream = await fetch(subscription, { headers: { accept: 'text/event-stream', 'x-graphql-yoga-csrf': 'graphiql' }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    let received = '';
    while (!received.includes('"qps"')) received += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect((await fetch(subscription, { headers: { accept: 'text/event-stream' } })).status).toBe(403);
  });
});
