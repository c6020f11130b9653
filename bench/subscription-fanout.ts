import type { Config } from '../src/config.js';
import { median } from './stats.js';
import { createLogger } from '../src/logger.js';
import type { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway } from '../src/yoga.js';
import { ManualScheduler } from '../test/subscriptions/support/manual-scheduler.js';
import { subscribeSse } from '../test/subscriptions/support/sse.js';

const SUBSCRIBERS = [1, 100, 1000, 5000];
const INTERVALS = 5;
const INTERVAL_SECONDS = 30;
const ZONE_QPS = `subscription { qps(zone: "example.com", intervalSeconds: ${INTERVAL_SECONDS}) { qps sampledAt } }`;

/**
 * Upstream requests made for `qps` subscribers of one zone over a number of poll intervals, on a clock the
 * benchmark advances: counted from the NS1 sandbox's request log, against one poller per subscriber.
 */
export async function subscriptionFanout(config: Config, ns1Control: SandboxControlClient): Promise<string> {
  const rows = [
    '| subscribers | intervals | upstream requests | one poller each | events delivered | events per request | median ms to deliver a sample to all |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const count of SUBSCRIBERS) {
    await ns1Control.reset();
    const scheduler = new ManualScheduler();
    const gateway = createGateway({ config, logger: createLogger('silent'), subscriptions: { scheduler } });
    const { lastSeq } = await ns1Control.log();
    const subscribers = await Promise.all(Array.from({ length: count }, () => subscribeSse(gateway, ZONE_QPS)));
    await Promise.all(subscribers.map((s) => s.next()));
    const timings: number[] = [];
    for (let i = 1; i < INTERVALS; i++) {
      const started = performance.now();
      await scheduler.advance(INTERVAL_SECONDS * 1000);
      await Promise.all(subscribers.map((s) => s.next()));
      timings.push(performance.now() - started);
    }
    const requests = (await ns1Control.log(lastSeq)).routes['GET /stats/qps/:zone'] ?? 0;
    const delivered = subscribers.reduce((sum, s) => sum + s.received.filter((r) => r.data).length, 0);
    await Promise.all(subscribers.map((s) => s.close()));
    await gateway.close();
    rows.push(
      `| ${count} | ${INTERVALS} | ${requests} | ${count * INTERVALS} | ${delivered} | ${(delivered / requests).toFixed(0)} | ${median(timings).toFixed(0)} |`,
    );
  }
  return `qps subscriptions to one zone, ${INTERVALS} poll intervals each\n\n${rows.join('\n')}\n`;
}
