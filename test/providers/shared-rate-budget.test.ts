import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RateBudgetExhausted } from '../../src/providers/client-rate-limiter.js';
import { createSharedRateBudget, type SharedRateBudget } from '../../src/providers/shared-rate-budget.js';
import { useSandboxesAndRedis } from '../support/sandboxes-and-redis.js';
import { freePort } from '../support/redis-server.js';

const backends = useSandboxesAndRedis();

// A slow refill: nothing comes back while a test runs, so every count is exact.
const BUDGET = { requests: 5, windowMs: 60_000 };
const ENDPOINT = 'https://api.nsone.net/v1';

const budgets: SharedRateBudget[] = [];
const warnings: string[] = [];

beforeEach(() => {
  warnings.length = 0;
});
afterEach(async () => {
  await Promise.all(budgets.splice(0).map((b) => b.close()));
});

/** One replica's view of the budget. */
function replica(url = backends.redis.url): Promise<SharedRateBudget> {
  const budget = createSharedRateBudget(url, (message) => warnings.push(message));
  budgets.push(budget);
  return Promise.resolve(budget);
}

const settle = (promise: Promise<void>) =>
  promise.then(
    () => 'granted',
    (error: unknown) => (error instanceof RateBudgetExhausted ? 'exhausted' : String(error)),
  );

describe('rate budget shared through Redis', () => {
  it('lets all replicas together spend one credential’s budget once', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await Promise.all([a.ready, b.ready]);
    const onA = a.limiter('ns1', ENDPOINT, BUDGET);
    const onB = b.limiter('ns1', ENDPOINT, BUDGET);

    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => settle((i % 2 ? onA : onB).acquire('account', 1_000))));
    expect(outcomes.filter((o) => o === 'granted')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'exhausted')).toHaveLength(3);
    // Another credential, or the same key at another endpoint, has a budget of its own.
    expect(await settle(onA.acquire('other-account', 1_000))).toBe('granted');
    expect(await settle(a.limiter('ns1', 'https://staging.example/v1', BUDGET).acquire('account', 1_000))).toBe('granted');
  });

  it('holds every replica back when one of them hears Retry-After', async () => {
    const [a, b] = await Promise.all([replica(), replica()]);
    await Promise.all([a.ready, b.ready]);
    await a.limiter('ns1', ENDPOINT, BUDGET).observe('account', { retryAfterSeconds: 30 });
    const refused = await b
      .limiter('ns1', ENDPOINT, BUDGET)
      .acquire('account', 5_000)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateBudgetExhausted);
    expect((refused as RateBudgetExhausted).waitMs).toBeGreaterThan(25_000);
  });

  it('paces a replica on its own while Redis cannot be reached, and says so once', async () => {
    const away = await replica(`redis://127.0.0.1:${await freePort()}`);
    const limiter = away.limiter('ns1', ENDPOINT, BUDGET);
    const outcomes = await Promise.all(Array.from({ length: 7 }, () => settle(limiter.acquire('account', 1_000))));
    expect(outcomes.filter((o) => o === 'granted')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'exhausted')).toHaveLength(2);
    expect(warnings).toEqual(['shared rate budget unavailable: pacing this replica on its own']);
  });

  it('through the gateway: a 429 on one replica answers RATE_LIMITED on the other without an upstream request', async () => {
    const env = { REDIS_URL: backends.redis.url, UPSTREAM_RETRIES: '0' };
    const a = backends.harness.gatewayWith(env);
    const b = backends.harness.gatewayWith(env);
    const query = async (gateway: typeof a) => {
      const response = await gateway.yoga.fetch('http://dnsgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { qps } }' }),
      });
      return (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    };
    await Promise.all([a.upstreams.ready, b.upstreams.ready]);
    expect((await query(b)).errors).toBeUndefined();
    await backends.harness.ns1Control.addFault({ path: '/stats/qps', status: 429, retryAfterSeconds: 30, times: 1 });

    expect((await query(a)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', provider: 'NS1' });
    const { lastSeq } = await backends.harness.ns1Control.log();
    expect((await query(b)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', provider: 'NS1' });
    expect((await backends.harness.ns1Control.log(lastSeq)).total).toBe(0);
  });
});
