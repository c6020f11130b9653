import { describe, expect, it } from 'vitest';
import { gatewayOn } from './support/gateway.js';
import { manualClockSetup } from './support/manual-clock-setup.js';
import { subscribeSse, type SseSubscription } from './support/sse.js';

const ZONE_QPS = `subscription ($zone: DomainName, $interval: Int) { qps(zone: $zone, intervalSeconds: $interval) { qps zone sampledAt } }`;
const INTERVAL_SECONDS = 10;

const setup = manualClockSetup();

async function qpsRequests(since = 0): Promise<number> {
  const log = await setup.harness.ns1Control.log(since);
  return Object.entries(log.routes)
    .filter(([route]) => route.startsWith('GET /stats/qps'))
    .reduce((sum, [, n]) => sum + n, 0);
}

const subscribeZone = (zone: string, headers: Record<string, string> = {}) =>
  subscribeSse(setup.gateway, ZONE_QPS, { zone, interval: INTERVAL_SECONDS }, headers);

describe('qps subscription', () => {
  it('serves 1,000 concurrent subscribers of a zone with one upstream request per interval', async () => {
    const subscribers = await Promise.all(Array.from({ length: 1000 }, () => subscribeZone('example.com')));
    const first = await Promise.all(subscribers.map((s) => s.next()));
    expect(first.every((r) => r?.data?.qps && (r.data.qps as { zone: string }).zone === 'example.com')).toBe(true);
    expect(new Set(first.map((r) => (r?.data?.qps as { qps: number }).qps)).size).toBe(1);
    expect(await qpsRequests()).toBe(1);

    await setup.harness.ns1Control.advanceClock(15 * 60);
    await setup.scheduler.advance(INTERVAL_SECONDS * 1000);
    const second = await Promise.all(subscribers.map((s) => s.next()));
    expect(second.every((r) => typeof (r?.data?.qps as { qps?: number } | undefined)?.qps === 'number')).toBe(true);
    expect(await qpsRequests()).toBe(2);

    await setup.scheduler.advance(INTERVAL_SECONDS * 1000);
    await Promise.all(subscribers.map((s) => s.next()));
    expect(await qpsRequests()).toBe(3);

    const metrics = await (await setup.gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(metrics).toMatch(/^dnsgraph_subscribers 1000$/m);
    expect(metrics).toMatch(/^dnsgraph_subscription_keys 1$/m);
    expect(metrics).toMatch(/^dnsgraph_subscription_pollers_leading 1$/m);
    await Promise.all(subscribers.map((s) => s.close()));
    const after = await (await setup.gateway.yoga.fetch('http://dnsgraph.test/metrics')).text();
    expect(after).toMatch(/^dnsgraph_subscribers 0$/m);
  });

  it('never shares a poller between credentials: admin key and a read-only key poll separately', async () => {
    const admin = await Promise.all([subscribeZone('example.com'), subscribeZone('example.com')]);
    const readOnly = await Promise.all([
      subscribeZone('example.com', { 'X-NS1-Key': 'sandbox-ns1-readonly-key' }),
      subscribeZone('example.com', { 'X-NS1-Key': 'sandbox-ns1-readonly-key' }),
    ]);
    const all = [...admin, ...readOnly];
    await Promise.all(all.map((s) => s.next()));
    expect(await qpsRequests()).toBe(2);

    await setup.scheduler.advance(INTERVAL_SECONDS * 1000);
    await Promise.all(all.map((s) => s.next()));
    expect(await qpsRequests()).toBe(4);
    await Promise.all(all.map((s) => s.close()));
  });

  it('stops polling once the last subscriber has gone: no further upstream requests as time passes', async () => {
    const subscribers = await Promise.all([subscribeZone('example.com'), subscribeZone('example.com'), subscribeZone('example.com')]);
    await Promise.all(subscribers.map((s) => s.next()));
    await subscribers[0]?.close();
    await setup.scheduler.advance(INTERVAL_SECONDS * 1000);
    await Promise.all(subscribers.slice(1).map((s) => s.next()));
    expect(await qpsRequests()).toBe(2);

    await Promise.all(subscribers.slice(1).map((s) => s.close()));
    expect(setup.scheduler.pending).toBe(0);
    await setup.scheduler.advance(20 * INTERVAL_SECONDS * 1000);
    expect(await qpsRequests()).toBe(2);
    expect(setup.gateway.subscriptions.keys).toEqual([]);
  });

  it('samples the account without a zone, and one record with domain and type', async () => {
    const account = await subscribeSse(setup.gateway, 'subscription { qps { qps zone domain type } }');
    const record = await subscribeSse(
      setup.gateway,
      'subscription { qps(zone: "example.com", domain: "www.example.com", type: CNAME) { qps zone domain type } }',
    );
    expect((await account.next())?.data?.qps).toMatchObject({ zone: null, domain: null, type: null });
    expect((await record.next())?.data?.qps).toMatchObject({ zone: 'example.com', domain: 'www.example.com', type: 'CNAME' });
    const log = await setup.harness.ns1Control.log();
    expect(log.counts).toMatchObject({ 'GET /stats/qps': 1, 'GET /stats/qps/example.com/www.example.com/CNAME': 1 });
    await Promise.all([account.close(), record.close()]);
  });

  it('refuses an interval below the floor with BAD_USER_INPUT, before any upstream request', async () => {
    const floored = gatewayOn(setup.harness, { scheduler: setup.scheduler, env: { SUBSCRIPTION_MIN_INTERVAL_SECONDS: '5' } });
    const refused = await subscribeSse(floored, ZONE_QPS, { zone: 'example.com', interval: 2 });
    const result = await refused.next();
    expect(result?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result?.errors?.[0]?.message).toMatch(/intervalSeconds: must be a whole number of seconds from 5 to 3600/);
    await refused.completed;
    await floored.close();
    expect(await qpsRequests()).toBe(0);
    expect(setup.scheduler.pending).toBe(0);
  });

  it('refuses a domain without a type, or a record outside its zone, before any upstream request', async () => {
    const cases = [
      'subscription { qps(zone: "example.com", domain: "www.example.com") { qps } }',
      'subscription { qps(domain: "www.example.com", type: A) { qps } }',
      'subscription { qps(zone: "example.com", domain: "www.example.net", type: A) { qps } }',
    ];
    for (const query of cases) {
      const refused = await subscribeSse(setup.gateway, query);
      expect((await refused.next())?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await qpsRequests()).toBe(0);
  });

  it('reports an NS1 outage as an error in the stream, which stays open and resumes when NS1 recovers', async () => {
    const subscriber: SseSubscription = await subscribeZone('example.com');
    await subscriber.next();
    await setup.harness.ns1Control.addFault({ path: '/stats/qps/example.com', status: 503, message: 'maintenance', times: 1 });

    await setup.scheduler.advance(INTERVAL_SECONDS * 1000);
    const failed = await subscriber.next();
    expect(failed?.data).toBeNull();
    expect(failed?.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', provider: 'NS1', status: 503 });

    // Backing off: the next poll waits two intervals.
    await setup.scheduler.advance(INTERVAL_SECONDS * 1000);
    expect(await qpsRequests()).toBe(2);
    await setup.scheduler.advance(INTERVAL_SECONDS * 1000);
    const recovered = await subscriber.next();
    expect(recovered?.errors).toBeUndefined();
    expect(recovered?.data?.qps).toMatchObject({ zone: 'example.com' });
    expect(await qpsRequests()).toBe(3);
    await subscriber.close();
  });

  it('answers PROVIDER_NOT_CONFIGURED for a gateway without NS1, before any poll', async () => {
    const withoutNs1 = gatewayOn(setup.harness, {
      scheduler: setup.scheduler,
      adjust: (config) => ({ ...config, ns1: { endpoint: config.ns1.endpoint, ratePerSecond: config.ns1.ratePerSecond } }),
    });
    const refused = await subscribeSse(withoutNs1, ZONE_QPS, { zone: 'example.com', interval: INTERVAL_SECONDS });
    expect((await refused.next())?.errors?.[0]?.extensions?.code).toBe('PROVIDER_NOT_CONFIGURED');
    await withoutNs1.close();
    expect(await qpsRequests()).toBe(0);
  });

  it('reports a zone NS1 does not have as NOT_FOUND, then completes and polls no more', async () => {
    const subscriber = await subscribeZone('no-such-zone.example');
    expect((await subscriber.next())?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'NS1' });
    await subscriber.completed;
    expect(subscriber.completedByServer).toBe(true);
    expect(setup.scheduler.pending).toBe(0);
    await setup.scheduler.advance(10 * INTERVAL_SECONDS * 1000);
    expect(await qpsRequests()).toBe(1);
  });
});
