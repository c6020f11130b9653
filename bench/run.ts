import { readFileSync } from 'node:fs';
import { median } from './stats.js';
import { fromRaw, withSandboxUpstreams, type Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { buddyNsSandboxCredentials } from '../src/sandbox/buddyns/index.js';
import { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { ns1SandboxKeys } from '../src/sandbox/ns1/index.js';
import { sandboxUpstreams } from '../src/sandbox/upstreams.js';
import { createGateway } from '../src/yoga.js';
import { startSandboxesApart } from './sandbox-process.js';
import { dashboardCost, type DashboardShape } from './dashboard-cost.js';
import { outageScenario } from './outage.js';
import { saturationScenario } from './saturation.js';
import { concurrentDashboards } from './concurrent-dashboards.js';
import { criticalPath, dashboardFromMemory } from './critical-path.js';
import { throughputVersusBareYoga } from './throughput.js';
import { subscriptionFanout } from './subscription-fanout.js';
import { subscriptionsAtScale } from './subscriptions-at-scale.js';
import { subscriptionsOverWebSocket } from './subscriptions-ws.js';

/**
 * Upstream cost of the dashboard query, as counts from the sandboxes' request logs: calls made against
 * distinct resources needed and against a resolver without batching. Then the upstream cost of many
 * subscribers to one live number, and of many identical dashboards at once. Then figures measured side by
 * side with their baseline in the same run (a plain undici replay, a lower bound, bare yoga) and the
 * subscription figures at 10,000 subscribers against their bounds. Times depend on the machine; the ratios
 * are what to compare.
 */
// Read from the project root, since the bench also runs compiled from dist/bench.
const DASHBOARD = readFileSync('test/fixtures/dashboard.graphql', 'utf8');
const SIZES = [0, 50, 200];
const REPEATS = 5;

/** The dashboard asked by ten callers with the same credentials, with the response cache on. */
async function cachedDashboard(config: Config, ns1Control: SandboxControlClient, buddyControl: SandboxControlClient): Promise<string> {
  await Promise.all([ns1Control.reset(), buddyControl.reset()]);
  const gateway = createGateway({ config: { ...config, responseCacheTtlSeconds: 60 }, logger: createLogger('silent') });
  const calls: number[] = [];
  for (let caller = 0; caller < 10; caller++) {
    const [a, b] = await Promise.all([ns1Control.log(), buddyControl.log()]);
    await gateway.yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: DASHBOARD }),
    });
    const [a2, b2] = await Promise.all([ns1Control.log(a.lastSeq), buddyControl.log(b.lastSeq)]);
    calls.push(a2.total + b2.total);
  }
  await gateway.close();
  const total = calls.reduce((sum, n) => sum + n, 0);
  return `Dashboard query asked 10 times with RESPONSE_CACHE_TTL_SECONDS=60 (within its 5 s for live numbers)\n\nupstream calls per ask: ${calls.join(', ')}; ${total} in all, against ${10 * (calls[0] ?? 0)} without the cache\n`;
}

/** The dashboard's upstream cost at growing account sizes. */
async function dashboardAtSizes(config: Config, ns1Control: SandboxControlClient, buddyControl: SandboxControlClient): Promise<string> {
  const gateway = createGateway({ config, logger: createLogger('silent') });
  const rows: string[] = [];
  rows.push('| extra zones | NS1 zones | BuddyNS zones | records | upstream calls | distinct resources | naive calls | naive / actual | median ms |');
  rows.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of SIZES) {
    await Promise.all([ns1Control.reset(), buddyControl.reset()]);
    if (size > 0) await Promise.all([ns1Control.seed({ bulkZones: size }), buddyControl.seed({ bulkZones: size })]);
    const timings: number[] = [];
    let calls = 0;
    let shape: DashboardShape | undefined;
    for (let i = 0; i < REPEATS; i++) {
      const [a, b] = await Promise.all([ns1Control.log(), buddyControl.log()]);
      const started = performance.now();
      const response = await gateway.yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: DASHBOARD }),
      });
      const body = (await response.json()) as { data: DashboardShape; errors?: unknown[] };
      timings.push(performance.now() - started);
      if (body.errors) throw new Error(`dashboard query failed: ${JSON.stringify(body.errors)}`);
      const [a2, b2] = await Promise.all([ns1Control.log(a.lastSeq), buddyControl.log(b.lastSeq)]);
      calls = a2.total + b2.total;
      shape = body.data;
    }
    const cost = dashboardCost(shape!);
    rows.push(
      `| ${size} | ${cost.ns1Zones} | ${cost.buddyNsZones} | ${cost.records} | ${calls} | ${cost.distinct.total} | ${cost.naive.total} | ${(cost.naive.total / calls).toFixed(2)} | ${median(timings).toFixed(0)} |`,
    );
  }
  await gateway.close();
  await Promise.all([ns1Control.reset(), buddyControl.reset()]);
  return `Dashboard query (test/fixtures/dashboard.graphql), ${REPEATS} runs per size\n\n${rows.join('\n')}\n`;
}

/**
 * Runs every scenario, or only those named on the command line (`npm run bench -- throughput subscriptions`).
 */
async function main(): Promise<void> {
  const sandboxes = await startSandboxesApart();
  const { ns1, buddyns } = sandboxes;
  const ns1Control = new SandboxControlClient(ns1.origin);
  const buddyControl = new SandboxControlClient(buddyns.origin);
  const upstreams = sandboxUpstreams(ns1, buddyns);
  const config = withSandboxUpstreams(fromRaw({ LOG_LEVEL: 'silent', NS1_RATE_LIMIT_PER_SECOND: '10000', BUDDYNS_RATE_LIMIT_PER_SECOND: '10000' }), upstreams);
  const defaults = withSandboxUpstreams(fromRaw({ LOG_LEVEL: 'silent' }), upstreams);
  const sandboxCalls = {
    ns1: { sandbox: ns1, headers: { 'x-nsone-key': ns1SandboxKeys().admin } },
    buddyns: { sandbox: buddyns, headers: { authorization: `Token ${buddyNsSandboxCredentials().token}` } },
  };
  const scenarios: Record<string, () => Promise<string>> = {
    dashboard: () => dashboardAtSizes(config, ns1Control, buddyControl),
    cached: () => cachedDashboard(config, ns1Control, buddyControl),
    fanout: () => subscriptionFanout({ ...config, upstream: { ...config.upstream, retries: 0 } }, ns1Control),
    outage: () => outageScenario(config, ns1Control, DASHBOARD),
    saturation: () => saturationScenario(defaults, buddyControl, ns1Control),
    concurrent: () => concurrentDashboards(config, DASHBOARD, ns1Control, buddyControl),
    'critical-path': () => criticalPath(config, DASHBOARD, sandboxCalls),
    throughput: () => throughputVersusBareYoga(),
    subscriptions: () => subscriptionsAtScale(config, ns1Control, 10_000, 100),
    'subscriptions-ws': () => subscriptionsOverWebSocket(config, ns1Control, 10_000, 100, 100),
  };
  // Run only when named: a longer measurement of what another scenario prints, for profiling.
  const onDemand: Record<string, () => Promise<string>> = {
    'dashboard-from-memory': () => dashboardFromMemory(config, DASHBOARD, sandboxCalls),
  };
  const wanted = process.argv.slice(2);
  const named = { ...scenarios, ...onDemand };
  const unknown = wanted.filter((name) => !(name in named));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(named).join(', ')}`);
  for (const [name, run] of Object.entries(wanted.length > 0 ? named : scenarios)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    await Promise.all([ns1Control.reset(), buddyControl.reset()]);
    process.stdout.write(`\n${await run()}`);
  }
  await sandboxes.close();
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
