import { setTimeout as sleep } from 'node:timers/promises';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startGateway } from '../../src/server.js';
import type { Gateway } from '../../src/yoga.js';
import { execute, useHarness } from '../support/harness.js';
import { configOn, gatewayOn } from './support/gateway.js';
import { ManualScheduler } from './support/manual-scheduler.js';
import { subscribeSse } from './support/sse.js';

const ZONE_QPS = 'subscription { qps(zone: "example.com", intervalSeconds: 10) { qps } }';
// One NS1 request per second: after a query has spent it, the first poll waits for the budget.
const SLOW_BUDGET = { NS1_RATE_LIMIT_PER_SECOND: '1' };

const harness = useHarness();

const qpsRequests = async () => (await harness.ns1Control.log()).routes['GET /stats/qps/:zone'] ?? 0;

async function spendBudget(gateway: Gateway): Promise<void> {
  const { errors } = await execute(gateway, '{ zones { name } }');
  expect(errors).toBeUndefined();
}

/** The poll was waiting for its turn when its only subscriber left: once that turn has long come, nothing went upstream. */
async function expectNoPollWentUpstream(scheduler: ManualScheduler, gateway: Gateway): Promise<void> {
  await expect.poll(() => gateway.subscriptions.keys).toEqual([]);
  expect(scheduler.pending).toBe(0);
  await sleep(1_500);
  expect(await qpsRequests()).toBe(0);
}

describe('a poller that stops aborts its poll in flight', () => {
  it('over SSE: the last subscriber leaves while the first poll waits for the rate budget, and it never goes upstream', async () => {
    const scheduler = new ManualScheduler();
    const gateway = gatewayOn(harness, { scheduler, env: SLOW_BUDGET });
    await spendBudget(gateway);
    const subscriber = await subscribeSse(gateway, ZONE_QPS);
    await expect.poll(() => gateway.subscriptions.load.polling).toBe(1);
    await sleep(100);
    await subscriber.close();
    await expectNoPollWentUpstream(scheduler, gateway);
    await gateway.close();
  });

  it('over graphql-ws: the same when the client unsubscribes', async () => {
    const scheduler = new ManualScheduler();
    const running = await startGateway({ ...configOn(harness, SLOW_BUDGET), port: 0, host: '127.0.0.1' }, { subscriptions: { scheduler } });
    const client = createClient({ url: running.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    try {
      await spendBudget(running.gateway);
      const unsubscribe = client.subscribe({ query: ZONE_QPS }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      await expect.poll(() => running.gateway.subscriptions.load.polling).toBe(1);
      await sleep(100);
      unsubscribe();
      await expectNoPollWentUpstream(scheduler, running.gateway);
    } finally {
      await client.dispose();
      await running.stop();
    }
  });
});
