import { Pool } from 'undici';
import { median } from './stats.js';
import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { LoggedRequest, RunningSandbox } from '../src/sandbox/kit/index.js';
import { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway, type Gateway } from '../src/yoga.js';

const RUNS = 15;
const ROUNDS = 3;
const SLOW_RUNS = 9;
const LATENCY_MS = 50;

interface Timing {
  /** Median wall-clock time of a run. */
  ms: number;
  /** Process CPU time per run, sandboxes included, which machine load inflates far less than wall-clock times. */
  cpuUs: number;
}

async function timed(runs: number, action: () => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  return { ms: median(times), cpuUs: (used.user + used.system) / runs };
}

async function ask(gateway: Gateway, query: string): Promise<void> {
  const response = await gateway.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
}

interface Upstream {
  sandbox: RunningSandbox;
  headers: Record<string, string>;
}

/** Which of the dashboard's three dependent levels a call belongs to: lists, then per zone, then per record. */
function level(entry: LoggedRequest): number {
  if (entry.route === '/zones' || entry.route === '/zone/') return 0;
  if (entry.route === '/zones/:zone/:domain/:type') return 2;
  return 1;
}

/**
 * The dashboard against the same upstream calls made with nothing but undici (one Pool per origin, the same
 * connections, level after level as the data depends), and against its lower bound with injected latency.
 */
export async function criticalPath(config: Config, query: string, upstreams: { ns1: Upstream; buddyns: Upstream }): Promise<string> {
  const controls = [upstreams.ns1, upstreams.buddyns].map((u) => new SandboxControlClient(u.sandbox.origin));
  await Promise.all(controls.map((c) => c.reset()));
  const gateway = createGateway({ config, logger: createLogger('silent') });
  const seqs = [upstreams.ns1.sandbox.log.summary().lastSeq, upstreams.buddyns.sandbox.log.summary().lastSeq];
  await ask(gateway, query);
  const calls = [upstreams.ns1, upstreams.buddyns].flatMap((u, i) => u.sandbox.log.list(seqs[i]).map((entry) => ({ upstream: u, entry })));
  const connections = config.upstream.connections;
  const pools = new Map([upstreams.ns1, upstreams.buddyns].map((u) => [u, new Pool(u.sandbox.origin, { connections })]));
  const replay = async () => {
    for (let l = 0; l <= 2; l++) {
      await Promise.all(
        calls
          .filter((c) => level(c.entry) === l)
          .map(async ({ upstream, entry }) => {
            const base = new URL(upstream.sandbox.baseUrl).pathname;
            const path = base + entry.path.split('/').map(encodeURIComponent).join('/') + entry.query;
            const response = await pools.get(upstream)!.request({ method: 'GET', path, headers: { accept: 'application/json', ...upstream.headers } });
            JSON.parse(await response.body.text());
          }),
      );
    }
  };
  await timed(3, replay);
  await timed(3, () => ask(gateway, query));
  // Interleaved, so machine load weighs on each side alike.
  const replays: Timing[] = [];
  const dashboards: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    replays.push(await timed(RUNS, replay));
    dashboards.push(await timed(RUNS, () => ask(gateway, query)));
  }
  const [replayMs, dashboardMs] = [replays, dashboards].map((t) => median(t.map((each) => each.ms))) as [number, number];
  const [replayCpu, dashboardCpu] = [replays, dashboards].map((t) => median(t.map((each) => each.cpuUs))) as [number, number];

  // The bound: each level costs one latency per round of requests its busiest origin needs on its connections.
  const rounds = [0, 1, 2].reduce((sum, l) => {
    const perOrigin = [upstreams.ns1, upstreams.buddyns].map((u) => calls.filter((c) => c.upstream === u && level(c.entry) === l).length);
    return sum + Math.max(...perOrigin.map((n) => Math.ceil(n / connections)));
  }, 0);
  await Promise.all(controls.map((c) => c.addFault({ path: '/', latencyMs: LATENCY_MS })));
  const { ms: slowMs } = await timed(SLOW_RUNS, () => ask(gateway, query));
  await Promise.all(controls.map((c) => c.clearFaults()));
  await gateway.close();
  await Promise.all([...pools.values()].map((p) => p.close()));
  const bound = rounds * LATENCY_MS;
  const rows = [
    '| scenario | dnsgraph ms | baseline | baseline ms | ratio (goal) |',
    '| --- | ---: | --- | ---: | ---: |',
    `| dashboard, no added latency | ${dashboardMs.toFixed(1)} | plain undici replay of its ${calls.length} calls | ${replayMs.toFixed(1)} | ${(dashboardMs / replayMs).toFixed(2)} (≤ 1.2) |`,
    `| dashboard, ${LATENCY_MS} ms added per upstream call | ${slowMs.toFixed(0)} | lower bound: ${rounds} rounds × ${LATENCY_MS} ms | ${bound} | ${(slowMs / bound).toFixed(2)} (≤ 1.15) |`,
  ];
  const cpu =
    `CPU per run, sandboxes included: dashboard ${(dashboardCpu / 1000).toFixed(1)} ms, replay ${(replayCpu / 1000).toFixed(1)} ms; ` +
    `the gateway's own ${((dashboardCpu - replayCpu) / 1000).toFixed(1)} ms per dashboard (${((dashboardCpu - replayCpu) / calls.length).toFixed(0)} µs per upstream call)`;
  return `Dashboard critical path, median of ${ROUNDS} interleaved rounds of ${RUNS} runs (${SLOW_RUNS} with latency)\n\n${rows.join('\n')}\n\n${cpu}\n`;
}
