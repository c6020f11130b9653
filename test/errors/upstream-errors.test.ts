import { describe, expect, it } from 'vitest';
import { execute, useHarness } from '../support/harness.js';

const h = useHarness();

const PROFILE = '{ viewer { buddyns { profile { usedTraffic } } } }';

describe('provider failures become GraphQL errors with a code, the provider and its message', () => {
  it('401: a wrong per-request token is UNAUTHENTICATED', async () => {
    const { errors } = await h.gql(PROFILE, undefined, { 'x-buddyns-token': 'not-the-token' });
    expect(errors?.[0]).toMatchObject({ message: 'BuddyNS: Invalid token.', extensions: { code: 'UNAUTHENTICATED', provider: 'BUDDYNS', status: 401 } });
  });

  it('404 is NOT_FOUND with the provider’s message', async () => {
    await h.buddyControl.addFault({ path: '/user/profile', status: 404, message: 'Not found' });
    const { errors } = await h.gql(PROFILE);
    expect(errors?.[0]).toMatchObject({ message: 'BuddyNS: Not found', extensions: { code: 'NOT_FOUND', provider: 'BUDDYNS', status: 404 } });
  });

  it('429 is RATE_LIMITED with the time to wait, and the gateway holds back that credential meanwhile', async () => {
    const gateway = h.gatewayWith({});
    await h.buddyControl.addFault({
      path: '/user/profile',
      status: 429,
      retryAfterSeconds: 300,
      message: 'Request was throttled. Expected available in 300 seconds.',
    });
    const { errors } = await execute(gateway, PROFILE);
    expect(errors?.[0]).toMatchObject({
      message: 'BuddyNS: Request was throttled. Expected available in 300 seconds.',
      extensions: { code: 'RATE_LIMITED', provider: 'BUDDYNS', status: 429, retryAfterSeconds: 300 },
    });
    await h.buddyControl.clearFaults();
    const again = await execute(gateway, PROFILE);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 300 });
    expect((await h.buddyControl.log()).total).toBe(1);
  });

  it('5xx is UPSTREAM_ERROR after the retries', async () => {
    await h.buddyControl.addFault({ path: '/user/profile', status: 502, message: 'Bad Gateway' });
    const { errors } = await h.gql(PROFILE);
    expect(errors?.[0]).toMatchObject({ message: 'BuddyNS: Bad Gateway', extensions: { code: 'UPSTREAM_ERROR', provider: 'BUDDYNS', status: 502 } });
    expect((await h.buddyControl.log()).routes['GET /user/profile/']).toBe(2);
  });

  it('a transient 503 on a read is retried and the query succeeds', async () => {
    await h.buddyControl.addFault({ path: '/user/profile', status: 503, times: 1 });
    const { data, errors } = await h.gql(PROFILE);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ viewer: { buddyns: { profile: { usedTraffic: 1843200 } } } });
  });

  it('a failed write is sent again only after a re-read shows it did not happen', async () => {
    await h.buddyControl.addFault({ path: '/zone', method: 'POST', status: 503 });
    const { errors } = await h.gql('mutation { createZone(input: { name: "w.example", providers: [BUDDYNS] }) { name } }');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'BUDDYNS', status: 503 });
    const calls = (await h.buddyControl.log()).entries.map((e) => `${e.method} ${e.status}`);
    // A read of the zone list that finds no such zone; then, as UPSTREAM_RETRIES is 1 here, two attempts, each followed by a read.
    expect(calls).toEqual(['GET 200', 'POST 503', 'GET 200', 'POST 503', 'GET 200']);
  });

  it('a timeout is UPSTREAM_TIMEOUT', async () => {
    const impatient = h.gatewayWith({ UPSTREAM_TIMEOUT_MS: '200', UPSTREAM_RETRIES: '0' });
    await h.buddyControl.addFault({ path: '/user/profile', latencyMs: 3000 });
    const { errors } = await execute(impatient, PROFILE);
    expect(errors?.[0]).toMatchObject({ message: 'BuddyNS: buddyns did not answer in time', extensions: { code: 'UPSTREAM_TIMEOUT', provider: 'BUDDYNS' } });
    expect(errors?.[0]?.extensions).not.toHaveProperty('status');
  });

  it('a provider that was not asked, or gave no HTTP answer, has no status in the error', async () => {
    const unreachable = h.gatewayWith({ UPSTREAM_RETRIES: '0' }, (config) => ({ ...config, buddyns: { ...config.buddyns, endpoint: 'http://127.0.0.1:1' } }));
    const refused = await execute(unreachable, PROFILE);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'BUDDYNS' });
    expect(refused.errors?.[0]?.extensions).not.toHaveProperty('status');

    const fragile = h.gatewayWith({ UPSTREAM_RETRIES: '0', CIRCUIT_BREAKER_FAILURES: '1', CIRCUIT_BREAKER_HALF_OPEN_SECONDS: '3600' });
    await h.buddyControl.addFault({ path: '/user/profile', status: 503, message: 'maintenance' });
    const failed = await execute(fragile, PROFILE);
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'BUDDYNS', status: 503 });
    const notAsked = await execute(fragile, PROFILE);
    expect(notAsked.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'BUDDYNS', retryAfterSeconds: expect.any(Number) });
    expect(notAsked.errors?.[0]?.extensions).not.toHaveProperty('status');
  });

  it('a malformed body is UPSTREAM_ERROR', async () => {
    await h.buddyControl.addFault({ path: '/user/profile', malformed: true });
    const { errors } = await h.gql(PROFILE);
    expect(errors?.[0]).toMatchObject({
      message: 'BuddyNS: buddyns sent a malformed JSON response',
      extensions: { code: 'UPSTREAM_ERROR', provider: 'BUDDYNS' },
    });
  });
});

describe('per-request credentials', () => {
  it('are refused with FORBIDDEN where the deployment does not allow them', async () => {
    const strict = h.gatewayWith({ ALLOW_REQUEST_CREDENTIALS: 'false' });
    const { errors } = await execute(strict, PROFILE, undefined, { 'x-buddyns-token': 'someone-elses-token' });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(errors?.[0]?.message).toContain('CREDENTIALS=caller');
  });

  it('use the caller’s own NS1 key where allowed, with its permissions', async () => {
    const { data } = await h.gql<{ zones: Array<{ name: string }> }>('{ zones(provider: NS1) { name } }', undefined, {
      'x-ns1-key': 'sandbox-ns1-example-only-key',
    });
    expect(data?.zones.map((z) => z.name)).toEqual(['example.com']);
  });
});
