import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientRateLimiter, RateBudgetExhausted } from '../../src/providers/client-rate-limiter.js';
import { HttpClient, UpstreamError, encodePath } from '../../src/providers/http.js';
import { json, Router, SandboxClock, SandboxControlClient, startSandbox, type RunningSandbox } from '../../src/sandbox/kit/index.js';

const SECRET = 'super-secret-key-0123456789';

function echoUpstream(): Parameters<typeof startSandbox>[0] {
  const router = new Router()
    .get('/things/:name', (req) => json({ name: req.params.name, auth: req.headers['x-key'] === SECRET }))
    .post('/things', (req) => json({ created: req.json<{ name: string }>().name }, 201))
    .put('/things/:name', (req) => json({ replaced: req.params.name }))
    .post('/forms', async (req) => json({ fields: Object.fromEntries((await req.form()).entries()) }))
    .get('/limited', () => json({ ok: true }, 200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-period': '1' }));
  return {
    name: 'echo',
    basePath: '/api',
    router,
    clock: new SandboxClock(),
    errorBody: (_status, message) => ({ message }),
    reset: () => undefined,
    describe: () => ({}),
  };
}

function client(upstream: RunningSandbox, overrides: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}): HttpClient {
  return new HttpClient({
    provider: 'ns1',
    baseUrl: upstream.baseUrl,
    errorMessage: (body) => (body as { message?: string } | undefined)?.message,
    retryBaseDelayMs: 1,
    maxRetries: 2,
    ...overrides,
  });
}

describe('HttpClient against a real loopback server', () => {
  let upstream: RunningSandbox;
  let control: SandboxControlClient;
  let http: HttpClient;
  const get = (name: string) => http.send({ method: 'GET', path: encodePath('things', name), headers: { 'x-key': SECRET }, rateKey: 'k' });

  beforeAll(async () => {
    upstream = await startSandbox(echoUpstream());
    control = new SandboxControlClient(upstream.origin);
    http = client(upstream);
  });
  afterAll(async () => {
    await http.close();
    await upstream.close();
  });
  beforeEach(() => control.reset());

  it('sends the path below the base URL with encoded segments and parses the JSON answer', async () => {
    const response = await get('bücher.de');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ name: 'bücher.de', auth: true });
    expect((await control.log()).counts).toEqual({ 'GET /things/bücher.de': 1 });
  });

  it('sends JSON and form bodies as the provider expects them', async () => {
    const created = await http.send({ method: 'POST', path: '/things', json: { name: 'a' }, rateKey: 'k' });
    expect(created.body).toEqual({ created: 'a' });
    const form = await http.send({ method: 'POST', path: '/forms', form: { name: 'b.com', master: '' }, rateKey: 'k' });
    expect(form.body).toEqual({ fields: { name: 'b.com', master: '' } });
  });

  it('retries an idempotent request after a transient 503 and succeeds', async () => {
    await control.addFault({ path: '/things', status: 503, times: 1 });
    const response = await get('x');
    expect(response.status).toBe(200);
    expect((await control.log()).routes['GET /things/:name']).toBe(2);
  });

  it('never retries a POST, which may not be idempotent', async () => {
    await control.addFault({ path: '/things', method: 'POST', status: 503 });
    const error = await http.send({ method: 'POST', path: '/things', json: { name: 'a' }, rateKey: 'k' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', status: 503, message: 'Injected fault' });
    expect((await control.log()).total).toBe(1);
  });

  it('gives up after the retry budget and reports the last status', async () => {
    await control.addFault({ path: '/things', status: 502, message: 'bad gateway upstream' });
    await expect(get('x')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', status: 502, message: 'bad gateway upstream' });
    expect((await control.log()).total).toBe(3);
  });

  it('waits out a short Retry-After on 429 and then succeeds', async () => {
    await control.addFault({ path: '/things', status: 429, retryAfterSeconds: 1, times: 1 });
    const response = await get('x');
    expect(response.status).toBe(200);
    expect((await control.log()).total).toBe(2);
  });

  it('answers RATE_LIMITED at once, without calling again, when Retry-After is longer than it is worth waiting', async () => {
    const own = client(upstream);
    await control.addFault({ path: '/things', status: 429, retryAfterSeconds: 120, message: 'slow down' });
    const error = (await own.send({ method: 'GET', path: '/things/x', rateKey: 'spent' }).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfterSeconds: 120, message: 'slow down' });
    expect((await control.log()).total).toBe(1);

    const next = own.send({ method: 'GET', path: '/things/y', rateKey: 'spent' });
    await expect(next).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120 });
    expect((await control.log()).total).toBe(1);
    await own.close();
  });

  it('maps 401, 403 and 404 to their codes without retrying', async () => {
    for (const [status, code] of [
      [401, 'UNAUTHENTICATED'],
      [403, 'FORBIDDEN'],
      [404, 'NOT_FOUND'],
    ] as const) {
      await control.reset();
      await control.addFault({ path: '/things', status, message: `answer ${status}` });
      await expect(get('x')).rejects.toMatchObject({ code, status, message: `answer ${status}` });
      expect((await control.log()).total).toBe(1);
    }
  });

  it('reports UPSTREAM_TIMEOUT when the upstream is slower than the headers timeout', async () => {
    const impatient = client(upstream, { timeoutMs: 100, maxRetries: 0 });
    await control.addFault({ path: '/things', latencyMs: 3000 });
    await expect(impatient.send({ method: 'GET', path: '/things/x', rateKey: 'k' })).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 0 });
    await impatient.close();
  });

  it('reports a malformed JSON body as UPSTREAM_ERROR instead of crashing', async () => {
    await control.addFault({ path: '/things', malformed: true });
    await expect(get('x')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: 'ns1 sent a malformed JSON response' });
  });

  it('reports a dropped connection as unreachable after retrying', async () => {
    await control.addFault({ path: '/things', drop: true, times: 1 });
    const response = await get('x');
    expect(response.status).toBe(200);
    await control.addFault({ path: '/things', drop: true });
    await expect(get('y')).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', status: 0 });
  });

  it('never puts the credential into an error', async () => {
    await control.addFault({ path: '/things', status: 500 });
    const error = await get('x').catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain(SECRET);
    expect(String((error as Error).stack)).not.toContain(SECRET);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('holds requests back when the provider reports the budget is spent', async () => {
    const paced = client(upstream);
    await paced.send({ method: 'GET', path: '/limited', rateKey: 'spent' });
    const limiter = (paced as unknown as { limiter: ClientRateLimiter }).limiter;
    await expect.poll(() => limiter.acquire('spent', 0).catch((error: unknown) => error)).toBeInstanceOf(RateBudgetExhausted);
    await expect(limiter.acquire('other-credential', 0)).resolves.toBeUndefined();
    await paced.close();
  });
});

describe('ClientRateLimiter', () => {
  const refusal = (promise: Promise<void>) =>
    promise.then(
      () => 0,
      (error: unknown) => (error instanceof RateBudgetExhausted ? error.waitMs : -1),
    );

  it('lets a burst of the budget through, then refuses a wait longer than allowed, per credential', async () => {
    const limiter = new ClientRateLimiter({ requests: 3, windowMs: 1000 });
    expect(await Promise.all([1, 2, 3].map(() => refusal(limiter.acquire('a', 0))))).toEqual([0, 0, 0]);
    const wait = await refusal(limiter.acquire('a', 0));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
    expect(await refusal(limiter.acquire('b', 0))).toBe(0);
  });

  it('pauses a credential for Retry-After', async () => {
    const limiter = new ClientRateLimiter({ requests: 100, windowMs: 1000 });
    await limiter.observe('a', { retryAfterSeconds: 2 });
    expect(await refusal(limiter.acquire('a', 0))).toBeGreaterThan(1000);
    expect(await refusal(limiter.acquire('b', 0))).toBe(0);
  });

  it('forgets every credential once its window is over, however many there were', async () => {
    const limiter = new ClientRateLimiter({ requests: 1, windowMs: 50 });
    const keys = Array.from({ length: 2_000 }, (_, i) => `credential-${i}`);
    await Promise.all(keys.map((key) => limiter.acquire(key, 0)));
    const remembered = async () => (await Promise.all(keys.map((key) => limiter.remembers(key)))).filter(Boolean).length;
    expect(await remembered()).toBe(2_000);
    await expect.poll(remembered, { interval: 50, timeout: 5_000 }).toBe(0);
  });
});
