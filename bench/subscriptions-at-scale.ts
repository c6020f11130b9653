import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { createGateway, type Gateway } from '../src/yoga.js';

const INTERVAL_SECONDS = 5;
const MEASURED_INTERVALS = 3;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** Poll start → arrival, worst over a sample's subscribers, per topic and sample. */
class Arrivals {
  readonly worst = new Map<string, number>();
  events = 0;

  record(topic: number, sampledAt: string): void {
    this.events++;
    const key = `${topic}|${sampledAt}`;
    const latency = Date.now() - Date.parse(sampledAt);
    if (latency > (this.worst.get(key) ?? -Infinity)) this.worst.set(key, latency);
  }
}

/** An SSE subscriber that only notes when each sample arrives: as little client work as a test can do in-process. */
async function subscribe(gateway: Gateway, topic: number, zone: string, arrivals: Arrivals, aborts: AbortController[]): Promise<void> {
  const abort = new AbortController();
  aborts.push(abort);
  const query = `subscription { qps(zone: "${zone}", intervalSeconds: ${INTERVAL_SECONDS}) { sampledAt } }`;
  const response = await gateway.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query }),
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const text = decoder.decode(value);
        for (const match of text.matchAll(/"sampledAt":"([^"]+)"/g)) arrivals.record(topic, match[1]!);
      }
    } catch {
      // The benchmark went away from the stream.
    }
  })();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Many SSE subscribers over many topics on the system clock: live heap and CPU per subscriber, CPU per
 * delivered event, how long a poll takes to reach its last subscriber, and how evenly polls spread over
 * the interval. The in-process subscribers' own stream reading is included in every figure.
 */
export async function subscriptionsAtScale(config: Config, ns1Control: SandboxControlClient, subscribers: number, topics: number): Promise<string> {
  await ns1Control.reset();
  await ns1Control.seed({ bulkZones: topics });
  const zones = Array.from({ length: topics }, (_, i) => `bulk-${String(i + 1).padStart(4, '0')}.example`);
  const gateway = createGateway({ config, logger: createLogger('silent') });
  const arrivals = new Arrivals();
  const aborts: AbortController[] = [];
  const { lastSeq } = await ns1Control.log();

  const heapBefore = heapAfterGc();
  const cpuBefore = cpuMicros();
  for (let opened = 0; opened < subscribers; opened += 500) {
    const batch = Math.min(500, subscribers - opened);
    await Promise.all(Array.from({ length: batch }, (_, i) => subscribe(gateway, (opened + i) % topics, zones[(opened + i) % topics]!, arrivals, aborts)));
  }
  while (arrivals.events < subscribers) await sleep(10);
  const subscribeCpu = cpuMicros() - cpuBefore;
  const heapPerSubscriber = (heapAfterGc() - heapBefore) / subscribers;

  // Let every poller reach its steady phase, then measure whole intervals.
  await sleep(INTERVAL_SECONDS * 1000 * 1.5);
  arrivals.worst.clear();
  const eventsBefore = arrivals.events;
  const cpuSteady = cpuMicros();
  await sleep(INTERVAL_SECONDS * 1000 * MEASURED_INTERVALS);
  const delivered = arrivals.events - eventsBefore;
  const perEventMicros = (cpuMicros() - cpuSteady) / delivered;
  const worst = [...arrivals.worst.values()];
  const starts = [...arrivals.worst.keys()].map((key) => Date.parse(key.split('|')[1]!) % (INTERVAL_SECONDS * 1000));
  const slices = new Array<number>(10).fill(0);
  for (const start of starts) slices[Math.floor(start / (INTERVAL_SECONDS * 100))]! += 1;
  const burst = Math.max(...slices) / starts.length;

  for (const abort of aborts) abort.abort();
  await gateway.close();
  const polls = (await ns1Control.log(lastSeq)).routes['GET /stats/qps/:zone'] ?? 0;
  const rows = [
    '| measure | dnsgraph | bound | ratio |',
    '| --- | ---: | ---: | ---: |',
    `| live heap per subscriber | ${(heapPerSubscriber / 1024).toFixed(1)} kB | 10 kB | ${(heapPerSubscriber / 1024 / 10).toFixed(2)} |`,
    `| CPU per subscribe (with its first event) | ${(subscribeCpu / subscribers / 1000).toFixed(2)} ms | 0.5 ms | ${(subscribeCpu / subscribers / 500).toFixed(2)} |`,
    `| CPU per delivered event | ${perEventMicros.toFixed(0)} µs | 50 µs | ${(perEventMicros / 50).toFixed(2)} |`,
    `| median poll start → last subscriber | ${median(worst).toFixed(0)} ms | 200 ms | ${(median(worst) / 200).toFixed(2)} |`,
    `| most polls starting in one tenth of the interval | ${(burst * 100).toFixed(0)} % | lockstep: 100 % | ${burst.toFixed(2)} |`,
  ];
  return `${subscribers} SSE subscribers of qps over ${topics} zones, ${INTERVAL_SECONDS} s interval, system clock; ${delivered} events in ${MEASURED_INTERVALS} measured intervals, ${polls} upstream polls in all\n\n${rows.join('\n')}\n`;
}
