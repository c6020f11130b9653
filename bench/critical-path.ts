import { MockAgent, Pool, type Dispatcher, type Interceptable } from 'undici';
import { median, percentile } from './stats.js';
import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { LoggedRequest } from '../src/sandbox/kit/index.js';
import { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway, type Gateway } from '../src/yoga.js';
import type { SandboxAddress } from './sandbox-process.js';

const RUNS = 10;
const ROUNDS = 30;
const SLOW_RUNS = 9;
const LATENCY_MS = 50;
const MEMORY_RUNS = 100;
/**
 * Runs of each side before any is measured. V8 optimises a function once it has run hot for a while, on a
 * thread beside the main one; the gateway has many times the replay's code, and it is still being compiled
 * a few hundred dashboards in. A gateway serves far more than that in its life, so the figures are taken after.
 */
const WARM_UP_RUNS = 1000;
/** Upstream requests a second the measured gateways may send, and NS1's answers say they may. */
const BUDGET_PER_SECOND = 100_000;

interface Timing {
  /** Median wall-clock time of a run. */
  ms: number;
  /** The bench process's CPU time per run (the sandboxes run in another), which machine load inflates far less than wall-clock times. */
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
  sandbox: SandboxAddress;
  headers: Record<string, string>;
}

/** Which of the dashboard's three dependent levels a call belongs to: lists, then per zone, then per record. */
function level(entry: LoggedRequest): number {
  if (entry.route === '/zones' || entry.route === '/zone/') return 0;
  if (entry.route === '/zones/:zone/:domain/:type') return 2;
  return 1;
}

/** The dashboard's upstream requests as the gateway sends them: origin, path with query, and headers. */
interface SentRequest {
  origin: string;
  path: string;
  headers: Record<string, string>;
}

/** The requests a dispatcher is asked to send, in order. */
function recording(dispatcher: Dispatcher, origin: string, sent: SentRequest[]): Dispatcher {
  return dispatcher.compose((dispatch) => (options, handler) => {
    sent.push({ origin, path: options.path, headers: { ...(options.headers as Record<string, string>) } });
    return dispatch(options, handler);
  });
}

/** Sets the sandboxes' budget to `BUDGET_PER_SECOND` and gives the gateway's settings the same one. */
async function withinBudget(controls: SandboxControlClient[], config: Config): Promise<Config> {
  await Promise.all(controls.map((c) => c.setRateLimit(BUDGET_PER_SECOND, 1)));
  return {
    ...config,
    ns1: { ...config.ns1, ratePerSecond: BUDGET_PER_SECOND },
    buddyns: { ...config.buddyns, ratePerSecond: BUDGET_PER_SECOND },
  };
}

/**
 * The gateway's own CPU per dashboard, without sockets or sandboxes: every upstream answer is served from
 * memory by undici's MockAgent, and the same requests sent straight to those mocks cost what the mocks do.
 * Machine load weighs far less on this figure than on the difference of the two above.
 */
export async function fromMemory(
  config: Config,
  query: string,
  upstreams: Upstream[],
  rounds = ROUNDS,
): Promise<{ dashboardUs: number; mocksUs: number; requests: number }> {
  const sent: SentRequest[] = [];
  // The answers are replayed thousands of times a second, far past the sandbox's 10,000 NS1 requests per 10 s:
  // recorded under its own budget, their rate-limit headers would hold the gateway back by the end of the first
  // rounds. Recorded under a budget per second that the gateway is given too, they say what a provider says to a
  // client within its budget, and the gateway still reads and heeds them on every answer.
  const limits = upstreams.map((u) => new SandboxControlClient(u.sandbox.origin));
  const within = await withinBudget(limits, config);
  const pools = upstreams.map((u) => new Pool(u.sandbox.origin, { connections: config.upstream.connections }));
  const [ns1, buddyns] = upstreams.map((u, i) => recording(pools[i]!, u.sandbox.origin, sent)) as [Dispatcher, Dispatcher];
  const recorder = createGateway({ config: within, logger: createLogger('silent'), dispatchers: { ns1, buddyns } });
  await ask(recorder, query);
  await recorder.close();
  const agent = new MockAgent({ connections: config.upstream.connections });
  agent.disableNetConnect();
  for (const request of sent) {
    const pool = pools[upstreams.findIndex((u) => u.sandbox.origin === request.origin)]!;
    const response = await pool.request({ method: 'GET', path: request.path, headers: request.headers });
    const body = await response.body.text();
    agent
      .get<Interceptable>(request.origin)
      .intercept({ path: request.path, method: 'GET' })
      .reply(response.statusCode, body, { headers: response.headers })
      .persist();
  }
  await Promise.all(pools.map((p) => p.close()));
  await Promise.all(limits.map((c) => c.reset()));
  const mocks = new Map(upstreams.map((u) => [u.sandbox.origin, agent.get<Interceptable>(u.sandbox.origin)]));
  const gateway = createGateway({
    config: within,
    logger: createLogger('silent'),
    dispatchers: { ns1: mocks.get(upstreams[0]!.sandbox.origin)!, buddyns: mocks.get(upstreams[1]!.sandbox.origin)! },
  });
  const straight = () =>
    Promise.all(
      sent.map(async (request) => {
        const response = await mocks.get(request.origin)!.request({ method: 'GET', path: request.path, headers: request.headers });
        JSON.parse(await response.body.text());
      }),
    );
  await timed(MEMORY_RUNS, straight);
  await timed(MEMORY_RUNS, () => ask(gateway, query));
  const dashboards: number[] = [];
  const straights: number[] = [];
  for (let round = 0; round < rounds; round++) {
    straights.push((await timed(MEMORY_RUNS, straight)).cpuUs);
    dashboards.push((await timed(MEMORY_RUNS, () => ask(gateway, query))).cpuUs);
  }
  await gateway.close();
  await agent.close();
  return { dashboardUs: median(dashboards), mocksUs: median(straights), requests: sent.length };
}

/**
 * The dashboard against the same upstream calls made with nothing but undici (one Pool per origin, the same
 * connections, level after level as the data depends), and against its lower bound with injected latency.
 */
export async function criticalPath(config: Config, query: string, upstreams: { ns1: Upstream; buddyns: Upstream }): Promise<string> {
  const controls = [upstreams.ns1, upstreams.buddyns].map((u) => new SandboxControlClient(u.sandbox.origin));
  await Promise.all(controls.map((c) => c.reset()));
  // Hundreds of dashboards in a few seconds, within a budget the gateway's settings and the provider's answers agree on.
  const gateway = createGateway({ config: await withinBudget(controls, config), logger: createLogger('silent') });
  const seqs = await Promise.all(controls.map(async (c) => (await c.log()).lastSeq));
  await ask(gateway, query);
  const logs = await Promise.all(controls.map((c, i) => c.log(seqs[i])));
  const calls = [upstreams.ns1, upstreams.buddyns].flatMap((u, i) => logs[i]!.entries.map((entry) => ({ upstream: u, entry })));
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
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    await replay();
    await ask(gateway, query);
  }
  // Interleaved, so machine load weighs on each side alike.
  const replays: Timing[] = [];
  const dashboards: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    replays.push(await timed(RUNS, replay));
    dashboards.push(await timed(RUNS, () => ask(gateway, query)));
  }
  const [replayMs, dashboardMs] = [replays, dashboards].map((t) => median(t.map((each) => each.ms))) as [number, number];
  // Each round's dashboards against the replays just before them, to show how far machine load moves the ratio.
  const roundRatios = dashboards.map((d, i) => d.ms / replays[i]!.ms);
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
  const memory = await fromMemory(config, query, [upstreams.ns1, upstreams.buddyns]);
  const bound = rounds * LATENCY_MS;
  const rows = [
    '| scenario | dnsgraph ms | baseline | baseline ms | ratio (goal) |',
    '| --- | ---: | --- | ---: | ---: |',
    `| dashboard, no added latency | ${dashboardMs.toFixed(1)} | plain undici replay of its ${calls.length} calls | ${replayMs.toFixed(1)} | ${(dashboardMs / replayMs).toFixed(2)} (≤ 1.2) |`,
    `| dashboard, ${LATENCY_MS} ms added per upstream call | ${slowMs.toFixed(0)} | lower bound: ${rounds} rounds × ${LATENCY_MS} ms | ${bound} | ${(slowMs / bound).toFixed(2)} (≤ 1.15) |`,
  ];
  const cpu =
    `CPU per run in the bench's process (the sandboxes run in their own): dashboard ${(dashboardCpu / 1000).toFixed(1)} ms, replay ${(replayCpu / 1000).toFixed(1)} ms; ` +
    `the gateway's own ${((dashboardCpu - replayCpu) / 1000).toFixed(1)} ms per dashboard (${((dashboardCpu - replayCpu) / calls.length).toFixed(0)} µs per upstream call)`;
  const own =
    `With every upstream answer served from memory (undici MockAgent), CPU per dashboard ${(memory.dashboardUs / 1000).toFixed(2)} ms, ` +
    `the same ${memory.requests} requests sent straight to the mocks ${(memory.mocksUs / 1000).toFixed(2)} ms: ` +
    `the gateway's own ${((memory.dashboardUs - memory.mocksUs) / 1000).toFixed(2)} ms per dashboard`;
  const sorted = [...roundRatios].sort((x, y) => x - y).map((r) => r.toFixed(2));
  const spread =
    `Without added latency, each round's own ratio (its dashboards against the replays just before them): ` +
    `median ${median(roundRatios).toFixed(2)}, quartiles ${percentile(roundRatios, 25).toFixed(2)} and ${percentile(roundRatios, 75).toFixed(2)}; all ${sorted.join(', ')}`;
  return `Dashboard critical path, medians of ${ROUNDS} interleaved rounds of ${RUNS} runs (${SLOW_RUNS} with latency)\n\n${rows.join('\n')}\n\n${spread}\n\n${cpu}\n\n${own}\n`;
}

/** The gateway's own CPU per dashboard alone, over many rounds: the figure to profile. */
export async function dashboardFromMemory(config: Config, query: string, upstreams: { ns1: Upstream; buddyns: Upstream }): Promise<string> {
  const memory = await fromMemory(config, query, [upstreams.ns1, upstreams.buddyns], 20);
  return (
    `Dashboard with every upstream answer served from memory, median of 20 rounds of ${MEMORY_RUNS}: CPU per dashboard ` +
    `${(memory.dashboardUs / 1000).toFixed(2)} ms, the same ${memory.requests} requests straight to the mocks ${(memory.mocksUs / 1000).toFixed(2)} ms, ` +
    `the gateway's own ${((memory.dashboardUs - memory.mocksUs) / 1000).toFixed(2)} ms\n`
  );
}
