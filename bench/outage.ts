import type { Config } from '../src/config.js';
import { median } from './stats.js';
import { createLogger } from '../src/logger.js';
import type { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway, type Gateway } from '../src/yoga.js';

const QUERIES_DURING_HANG = 20;
const HEALTHY_RUNS = 5;

async function timed(gateway: Gateway, query: string): Promise<number> {
  const started = performance.now();
  const response = await gateway.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  await response.json();
  return performance.now() - started;
}

/**
 * The dashboard while NS1 hangs (answers nothing), with the default resilience settings: the wall time of
 * the 1st and the 20th query next to the healthy baseline. The 1st pays the timeouts up to the request
 * deadline; once the circuit is open the others answer BuddyNS's data at once.
 */
export async function outageScenario(config: Config, ns1Control: SandboxControlClient, dashboard: string): Promise<string> {
  await ns1Control.reset();
  const gateway = createGateway({ config, logger: createLogger('silent') });
  await timed(gateway, dashboard);
  const healthy = median(await sequence(gateway, dashboard, HEALTHY_RUNS));
  await ns1Control.addFault({ path: '/', latencyMs: 120_000 });
  const during = await sequence(gateway, dashboard, QUERIES_DURING_HANG);
  await ns1Control.reset();
  await gateway.close();
  const first = during[0] ?? 0;
  const last = during[during.length - 1] ?? 0;
  const { requestDeadlineMs, circuitFailures } = config.resilience;
  return [
    `Dashboard during an NS1 hang (REQUEST_DEADLINE_MS=${requestDeadlineMs}, UPSTREAM_TIMEOUT_MS=${config.upstream.timeoutMs}, CIRCUIT_BREAKER_FAILURES=${circuitFailures})`,
    '',
    '| query | wall ms | / healthy |',
    '| --- | ---: | ---: |',
    `| healthy baseline (median of ${HEALTHY_RUNS}) | ${healthy.toFixed(0)} | 1.00 |`,
    `| 1st during the hang | ${first.toFixed(0)} | ${(first / healthy).toFixed(2)} |`,
    `| ${QUERIES_DURING_HANG}th during the hang | ${last.toFixed(0)} | ${(last / healthy).toFixed(2)} |`,
    '',
  ].join('\n');
}

async function sequence(gateway: Gateway, query: string, count: number): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < count; i++) timings.push(await timed(gateway, query));
  return timings;
}
