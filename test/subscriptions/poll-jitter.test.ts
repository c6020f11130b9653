import { describe, expect, it } from 'vitest';
import { manualClockSetup } from './support/manual-clock-setup.js';
import { ManualScheduler } from './support/manual-scheduler.js';
import { gatewayOn } from './support/gateway.js';
import { subscribeSse } from './support/sse.js';

const INTERVAL_MS = 10_000;
const zoneQps = (zone: string) => `subscription { qps(zone: "${zone}", intervalSeconds: ${INTERVAL_MS / 1000}) { qps } }`;

/** A hand-driven clock whose pollers take the given phase shifts, in the order they start. */
class JitteredScheduler extends ManualScheduler {
  constructor(private readonly shifts: number[]) {
    super();
  }
  jitterMs(): number {
    return this.shifts.shift() ?? 0;
  }
}

const setup = manualClockSetup();

describe('pollers started together', () => {
  it('spread their polls across the interval instead of polling in one burst', async () => {
    const scheduler = new JitteredScheduler([0.75 * INTERVAL_MS, 0.25 * INTERVAL_MS]);
    const gateway = gatewayOn(setup.harness, { scheduler });
    const qpsCalls = async () => {
      const { counts } = await setup.harness.ns1Control.log();
      return { example: counts['GET /stats/qps/example.com'] ?? 0, ns1Only: counts['GET /stats/qps/ns1-only.com'] ?? 0 };
    };
    const subscribers = [await subscribeSse(gateway, zoneQps('example.com')), await subscribeSse(gateway, zoneQps('ns1-only.com'))];
    await Promise.all(subscribers.map((s) => s.next()));
    expect(await qpsCalls()).toEqual({ example: 1, ns1Only: 1 });

    // The first poller's second poll comes a quarter into the interval, the other's three quarters in.
    await scheduler.advance(0.5 * INTERVAL_MS);
    await subscribers[0]!.next();
    expect(await qpsCalls()).toEqual({ example: 2, ns1Only: 1 });
    await scheduler.advance(0.5 * INTERVAL_MS);
    await subscribers[1]!.next();
    expect(await qpsCalls()).toEqual({ example: 2, ns1Only: 2 });

    // From then on, one poll per interval each, keeping their distance.
    await scheduler.advance(0.5 * INTERVAL_MS);
    await subscribers[0]!.next();
    expect(await qpsCalls()).toEqual({ example: 3, ns1Only: 2 });
    await Promise.all(subscribers.map((s) => s.close()));
    await gateway.close();
  });

  it('keep their phase when the first poll runs late, rather than meeting again where it ran', async () => {
    // A process too busy to run the first poll before three seconds have passed.
    class LateFirstScheduler extends JitteredScheduler {
      private late = true;
      override schedule(delayMs: number, callback: () => void) {
        const delay = this.late ? delayMs + 3_000 : delayMs;
        this.late = false;
        return super.schedule(delay, callback);
      }
    }
    const scheduler = new LateFirstScheduler([0.8 * INTERVAL_MS]);
    const gateway = gatewayOn(setup.harness, { scheduler });
    const polls = async () => (await setup.harness.ns1Control.log()).counts['GET /stats/qps/example.com'] ?? 0;
    const example = await subscribeSse(gateway, zoneQps('example.com'));
    await scheduler.advance(3_000);
    await example.next();
    expect(await polls()).toBe(1);

    // Its phase puts the second poll a fifth into the interval: that moment has passed, so it comes a fifth into
    // the next interval, not at once.
    await scheduler.advance(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await polls()).toBe(1);
    await scheduler.advance(INTERVAL_MS + 0.2 * INTERVAL_MS - 3_001 - 1);
    expect(await polls()).toBe(1);
    await scheduler.advance(1);
    await example.next();
    expect(await polls()).toBe(2);
    await example.close();
    await gateway.close();
  });
});

/** A hand-driven clock with slots as coarse as a quarter of the interval, so that a poll moved into one shows. */
class SlottedScheduler extends ManualScheduler {
  scheduleNear(due: number, intervalMs: number, callback: () => void) {
    const step = intervalMs / 4;
    return this.schedule(Math.round(due / step) * step - this.now(), callback);
  }
}

describe('pollers of one interval started apart', () => {
  it('poll together in the slot nearest to when each is due', async () => {
    const scheduler = new SlottedScheduler();
    const gateway = gatewayOn(setup.harness, { scheduler });
    const qpsCalls = async () => {
      const { counts } = await setup.harness.ns1Control.log();
      return { example: counts['GET /stats/qps/example.com'] ?? 0, ns1Only: counts['GET /stats/qps/ns1-only.com'] ?? 0 };
    };
    const example = await subscribeSse(gateway, zoneQps('example.com'));
    await example.next();
    await scheduler.advance(130);
    const ns1Only = await subscribeSse(gateway, zoneQps('ns1-only.com'));
    await ns1Only.next();
    expect(await qpsCalls()).toEqual({ example: 1, ns1Only: 1 });

    // Due 130 ms apart, both poll in the slot a whole interval after the first.
    await scheduler.advance(INTERVAL_MS - 130);
    await Promise.all([example.next(), ns1Only.next()]);
    expect(await qpsCalls()).toEqual({ example: 2, ns1Only: 2 });

    await Promise.all([example.close(), ns1Only.close()]);
    await gateway.close();
  });

  it('retry a failed poll after exactly its backoff, never in a slot before it', async () => {
    const scheduler = new SlottedScheduler();
    const gateway = gatewayOn(setup.harness, { scheduler });
    const polls = async () => (await setup.harness.ns1Control.log()).counts['GET /stats/qps/example.com'] ?? 0;
    await setup.harness.ns1Control.addFault({ path: '/stats/qps/example.com', status: 503, message: 'maintenance', times: 1 });
    await scheduler.advance(130);
    const example = await subscribeSse(gateway, zoneQps('example.com'));
    expect((await example.next())?.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    expect(await polls()).toBe(1);

    // Twice the interval after the failed poll: the slot before it would have come 130 ms sooner.
    await scheduler.advance(2 * INTERVAL_MS - 1);
    expect(await polls()).toBe(1);
    await scheduler.advance(1);
    expect((await example.next())?.data).toMatchObject({ qps: { qps: expect.any(Number) } });
    expect(await polls()).toBe(2);
    await example.close();
    await gateway.close();
  });

  it('keep their slot when a poll runs late: the next one is due an interval after this one was due, not after it ran', async () => {
    // A process too busy to wake before two seconds into each slot.
    class LateScheduler extends SlottedScheduler {
      override scheduleNear(due: number, intervalMs: number, callback: () => void) {
        const step = intervalMs / 4;
        return this.schedule(Math.round(due / step) * step + 2_000 - this.now(), callback);
      }
    }
    const scheduler = new LateScheduler();
    const gateway = gatewayOn(setup.harness, { scheduler });
    const polls = async () => (await setup.harness.ns1Control.log()).counts['GET /stats/qps/example.com'] ?? 0;
    const example = await subscribeSse(gateway, zoneQps('example.com'));
    await example.next();

    // Each poll comes two seconds into the slot a whole number of intervals after the first, never a slot later.
    await scheduler.advance(2_000);
    for (let poll = 2; poll <= 4; poll++) {
      await scheduler.advance(INTERVAL_MS);
      await expect.poll(polls).toBe(poll);
      await example.next();
    }
    await example.close();
    await gateway.close();
  });
});
