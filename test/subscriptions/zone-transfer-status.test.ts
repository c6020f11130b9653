import { describe, expect, it } from 'vitest';
import { manualClockSetup } from './support/manual-clock-setup.js';
import { subscribeSse } from './support/sse.js';

const WATCH = `subscription ($name: DomainName!) { zoneTransferStatus(name: $name, intervalSeconds: 60) { transferOk lastFailureAt lastSuccessAt } }`;

const setup = manualClockSetup({
  prepare: async (harness) => {
    await harness.buddyControl.freezeClock();
  },
});

const statusRequests = async () => (await setup.harness.buddyControl.log()).routes['GET /zone/:name/status/'] ?? 0;

interface TransferStatus {
  transferOk: boolean;
  lastFailureAt: string | null;
}

describe('zoneTransferStatus subscription', () => {
  it('reports a failing transfer at once, stays quiet while nothing changes, and reports the next failed refresh', async () => {
    const subscriber = await subscribeSse(setup.gateway, WATCH, { name: 'broken-transfer.net' });
    const first = (await subscriber.next())?.data?.zoneTransferStatus as TransferStatus;
    expect(first.transferOk).toBe(false);

    await setup.scheduler.advance(60_000);
    await expect.poll(statusRequests).toBe(2);

    // BuddyNS retries the master every 15 minutes; the next event is that failure, nothing before it.
    await setup.harness.buddyControl.advanceClock(15 * 60);
    await setup.scheduler.advance(60_000);
    const next = (await subscriber.next())?.data?.zoneTransferStatus as TransferStatus;
    expect(next.transferOk).toBe(false);
    expect(Date.parse(next.lastFailureAt!)).toBeGreaterThan(Date.parse(first.lastFailureAt!));
    expect(await statusRequests()).toBe(3);
    await subscriber.close();
  });

  it('reports a zone BuddyNS does not serve as NOT_FOUND from BuddyNS, then completes and polls no more', async () => {
    const subscriber = await subscribeSse(setup.gateway, WATCH, { name: 'ns1-only.com' });
    expect((await subscriber.next())?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'BUDDYNS' });
    await subscriber.completed;
    expect(subscriber.completedByServer).toBe(true);
    expect(setup.scheduler.pending).toBe(0);
    await setup.scheduler.advance(10 * 60_000);
    expect(await statusRequests()).toBe(1);
  });
});
