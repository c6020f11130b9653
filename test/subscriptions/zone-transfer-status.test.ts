import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/yoga.js';
import { startHarness, type Harness } from '../support/harness.js';
import { gatewayOn } from './support/gateway.js';
import { ManualScheduler } from './support/manual-scheduler.js';
import { subscribeSse } from './support/sse.js';

const WATCH = `subscription ($name: DomainName!) { zoneTransferStatus(name: $name, intervalSeconds: 60) { transferOk lastFailureAt lastSuccessAt } }`;

let harness: Harness;
let scheduler: ManualScheduler;
let gateway: Gateway;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(async () => {
  await harness.reset();
  await harness.buddyControl.freezeClock();
  scheduler = new ManualScheduler();
  gateway = gatewayOn(harness, { scheduler });
});
afterEach(() => gateway.close());

const statusRequests = async () => (await harness.buddyControl.log()).routes['GET /zone/:name/status/'] ?? 0;

interface TransferStatus {
  transferOk: boolean;
  lastFailureAt: string | null;
}

describe('zoneTransferStatus subscription', () => {
  it('reports a failing transfer at once, stays quiet while nothing changes, and reports the next failed refresh', async () => {
    const subscriber = await subscribeSse(gateway, WATCH, { name: 'broken-transfer.net' });
    const first = (await subscriber.next())?.data?.zoneTransferStatus as TransferStatus;
    expect(first.transferOk).toBe(false);

    await scheduler.advance(60_000);
    await expect.poll(statusRequests).toBe(2);

    // BuddyNS retries the master every 15 minutes; the next event is that failure, nothing before it.
    await harness.buddyControl.advanceClock(15 * 60);
    await scheduler.advance(60_000);
    const next = (await subscriber.next())?.data?.zoneTransferStatus as TransferStatus;
    expect(next.transferOk).toBe(false);
    expect(Date.parse(next.lastFailureAt!)).toBeGreaterThan(Date.parse(first.lastFailureAt!));
    expect(await statusRequests()).toBe(3);
    await subscriber.close();
  });

  it('reports a zone BuddyNS does not serve as NOT_FOUND from BuddyNS', async () => {
    const subscriber = await subscribeSse(gateway, WATCH, { name: 'ns1-only.com' });
    expect((await subscriber.next())?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'BUDDYNS' });
    await subscriber.close();
  });
});
