import { describe, expect, it } from 'vitest';
import { ClientRateLimiter, RateBudgetExhausted } from '../../src/providers/client-rate-limiter.js';
import { HttpClient, UpstreamError } from '../../src/providers/http.js';
import { OperationScope } from '../../src/providers/operation-scope.js';
import { useThingsUpstream } from '../support/things-upstream.js';

describe('the rate budget queue', () => {
  it('serves waiters in the order they arrived', async () => {
    // One token at a time, every 5 ms: twelve waiters queue behind the first.
    const limiter = new ClientRateLimiter({ requests: 1, windowMs: 5 });
    const served: number[] = [];
    await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.acquire('account', 10_000).then(() => served.push(i))));
    expect(served).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('refuses at once a wait longer than the bound, counting the waiters ahead', async () => {
    const limiter = new ClientRateLimiter({ requests: 2, windowMs: 1_000 });
    await limiter.acquire('account', 0);
    await limiter.acquire('account', 0);
    // The next two get the next window, within 1 s; the one after them waits for the window after that.
    const queued = [limiter.acquire('account', 1_500), limiter.acquire('account', 1_500)];
    const refused = await limiter.acquire('account', 1_500).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateBudgetExhausted);
    expect((refused as RateBudgetExhausted).waitMs).toBeGreaterThan(1_000);
    await Promise.all(queued);
  });

  it('gives up a waiter whose caller gave up, and serves the next one', async () => {
    const limiter = new ClientRateLimiter({ requests: 1, windowMs: 50 });
    await limiter.acquire('account', 0);
    const controller = new AbortController();
    const abandoned = limiter.acquire('account', 10_000, controller.signal).catch(() => 'abandoned');
    const next = limiter.acquire('account', 10_000).then(() => 'served');
    controller.abort();
    expect(await abandoned).toBe('abandoned');
    expect(await next).toBe('served');
  });
});

describe('after a provider says when to come back', () => {
  it('refuses every later request at once with the time still left, not after waiting out its bound', async () => {
    const limiter = new ClientRateLimiter({ requests: 50, windowMs: 1_000 });
    await limiter.observe('account', { retryAfterSeconds: 30 });
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2_000).unref());
      outcomes.push(await Promise.race([limiter.acquire('account', 3_000).catch((error: unknown) => error), waited]));
    }
    for (const outcome of outcomes) {
      expect(outcome).toBeInstanceOf(RateBudgetExhausted);
      expect((outcome as RateBudgetExhausted).waitMs).toBeGreaterThan(25_000);
    }
  });
});

describe('HttpClient budgets', () => {
  const upstream = useThingsUpstream();

  const client = (overrides: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) =>
    new HttpClient({ provider: 'ns1', baseUrl: upstream.baseUrl, errorMessage: () => undefined, ...overrides });
  const get = (http: HttpClient, principal: string, name = 'x') =>
    http.send({ method: 'GET', path: `/things/${name}`, rateKey: 'account', principal }).then(
      () => 'ok',
      (error: unknown) => (error instanceof UpstreamError ? error.code : String(error)),
    );

  it('a wait that cannot end before the deadline is RATE_LIMITED at once, without an upstream request', async () => {
    const http = client({ rateLimit: { requests: 1, windowMs: 60_000 } });
    expect(await get(http, 'a')).toBe('ok');
    const scope = new OperationScope();
    scope.startDeadline(1_000);
    const error = await http.send({ method: 'GET', path: '/things/y', rateKey: 'account', scope }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, provider: 'ns1' });
    expect((error as UpstreamError).retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect((await upstream.control.log()).total).toBe(1);
    await http.close();
  });

  it('a request whose operation is past its deadline is not sent, and is UPSTREAM_TIMEOUT, not a rate limit', async () => {
    const http = client({ rateLimit: { requests: 10, windowMs: 1_000 } });
    const scope = new OperationScope();
    scope.startDeadline(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const error = await http.send({ method: 'GET', path: '/things/late', rateKey: 'account', scope }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT', provider: 'ns1', message: 'ns1 was not asked: the request deadline had passed' });
    expect((await upstream.control.log()).total).toBe(0);
    await http.close();
  });

  it('one principal stops at its share of the budget while another still gets through', async () => {
    // Ten a minute; a principal may spend half of it.
    const http = client({ rateLimit: { requests: 10, windowMs: 60_000 }, principalShare: 0.5 });
    const greedy = await Promise.all(Array.from({ length: 8 }, (_, i) => get(http, 'greedy', `g${i}`)));
    expect(greedy.filter((o) => o === 'ok')).toHaveLength(5);
    expect(greedy.filter((o) => o === 'RATE_LIMITED')).toHaveLength(3);
    const other = await Promise.all(Array.from({ length: 3 }, (_, i) => get(http, 'other', `o${i}`)));
    expect(other).toEqual(['ok', 'ok', 'ok']);
    expect((await upstream.control.log()).total).toBe(8);
    await http.close();
  });
});
