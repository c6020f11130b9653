import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { startGateway } from '../src/server.js';
import { realModeConfig, useHarness } from './support/harness.js';

const h = useHarness();

describe('stopping the gateway (SIGTERM)', () => {
  it('answers a query in flight that runs past the first seconds, within its deadline, and reports itself not ready meanwhile', async () => {
    const config = realModeConfig(h, { AUTH_MODE: 'none', REQUEST_DEADLINE_MS: '12000', UPSTREAM_TIMEOUT_MS: '10000' }, false);
    const running = await startGateway({ ...config, port: 0, host: '127.0.0.1' }, { logger: createLogger('silent') });
    // NS1's zone list takes six seconds: longer than a fixed grace of a few seconds, shorter than the deadline.
    await h.ns1Control.addFault({ path: '/zones', method: 'GET', latencyMs: 6_000, times: 1 });
    const answer = fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ zones(provider: NS1) { name } }' }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: { zones: unknown[] }; errors?: unknown } }));
    // The query is on its way to NS1 well before the stop.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = running.stop();
    const ready = await running.gateway.yoga.fetch('http://localhost/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'draining' });
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.zones.length).toBeGreaterThan(0);
    await stopped;
  }, 30_000);
});
