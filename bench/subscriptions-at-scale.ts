import type { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { median } from './stats.js';
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
export class Arrivals {
  readonly worst = new Map<string, number>();
  events = 0;

  record(topic: number, sampledAt: string): void {
    this.events++;
    const key = `${topic}|${sampledAt}`;
    const latency = Date.now() - Date.parse(sampledAt);
    if (latency > (this.worst.get(key) ?? -Infinity)) this.worst.set(key, latency);
  }

  /** Records every sample in a chunk of the wire, read as little as a client can. */
  recordText(topic: number, text: string): void {
    for (const match of text.matchAll(/"sampledAt":"([^"]+)"/g)) this.record(topic, match[1]!);
  }
}

export const qpsSubscription = (zone: string) => `subscription { qps(zone: "${zone}", intervalSeconds: ${INTERVAL_SECONDS}) { sampledAt } }`;

/**
 * An SSE subscriber that only notes when each sample arrives: as little client work as a test can do
 * in-process. The body is the Node stream the gateway's HTTP server pipes to the socket, and it is read as
 * that pipe reads it, chunk by chunk from its `data` events, rather than through a WHATWG reader and an
 * async iterator over the stream, which the server never builds.
 */
async function subscribe(gateway: Gateway, topic: number, zone: string, arrivals: Arrivals, aborts: AbortController[]): Promise<void> {
  const abort = new AbortController();
  aborts.push(abort);
  const response = await gateway.yoga.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: qpsSubscription(zone) }),
    signal: abort.signal,
  });
  const body = response.body as unknown as Readable;
  body.on('data', (chunk: Buffer) => arrivals.recordText(topic, chunk.toString()));
  // The benchmark went away from the stream.
  body.on('error', () => undefined);
}

/** How a scenario opens its subscribers on a gateway, and what it says they were. */
export interface SubscriberKind {
  describe: string;
  gateway(config: Config): Promise<{ gateway: Gateway; stop(): Promise<void> }>;
  /** Opens every subscriber, subscriber `i` on zone `i % topics`; returns how to close them all. */
  open(gateway: Gateway, zones: string[], subscribers: number, arrivals: Arrivals): Promise<() => void>;
}

/**
 * Many SSE subscribers over many topics on the system clock: live heap and CPU per subscriber, CPU per
 * delivered event, how long a poll takes to reach its last subscriber, and how evenly polls spread over
 * the interval. The in-process subscribers' own stream reading is included in every figure.
 */
export function subscriptionsAtScale(config: Config, ns1Control: SandboxControlClient, subscribers: number, topics: number): Promise<string> {
  return measureSubscriptions(config, ns1Control, subscribers, topics, {
    describe: 'SSE subscribers',
    gateway: (c) => {
      const gateway = createGateway({ config: c, logger: createLogger('silent') });
      return Promise.resolve({ gateway, stop: () => gateway.close() });
    },
    async open(gateway, zones, count, arrivals) {
      const aborts: AbortController[] = [];
      for (let opened = 0; opened < count; opened += 500) {
        const batch = Math.min(500, count - opened);
        await Promise.all(
          Array.from({ length: batch }, (_, i) => subscribe(gateway, (opened + i) % zones.length, zones[(opened + i) % zones.length]!, arrivals, aborts)),
        );
      }
      return () => aborts.forEach((abort) => abort.abort());
    },
  });
}

export async function measureSubscriptions(
  config: Config,
  ns1Control: SandboxControlClient,
  subscribers: number,
  topics: number,
  kind: SubscriberKind,
): Promise<string> {
  await ns1Control.reset();
  await ns1Control.seed({ bulkZones: topics });
  const zones = Array.from({ length: topics }, (_, i) => `bulk-${String(i + 1).padStart(4, '0')}.example`);
  const served = await kind.gateway(config);
  const { gateway } = served;
  const arrivals = new Arrivals();
  const { lastSeq } = await ns1Control.log();

  const heapBefore = heapAfterGc();
  const cpuBefore = cpuMicros();
  const close = await kind.open(gateway, zones, subscribers, arrivals);
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

  close();
  // Once every subscriber has gone, no poller may reach the provider again, in flight or scheduled.
  while (gateway.subscriptions.keys.length > 0) await sleep(10);
  const { lastSeq: left } = await ns1Control.log();
  await sleep(INTERVAL_SECONDS * 1000 * 1.2);
  const pollsAfterLeaving = (await ns1Control.log(left)).routes['GET /stats/qps/:zone'] ?? 0;
  await served.stop();
  const polls = (await ns1Control.log(lastSeq)).routes['GET /stats/qps/:zone'] ?? 0;
  const rows = [
    '| measure | dnsgraph | bound | ratio |',
    '| --- | ---: | ---: | ---: |',
    `| live heap per subscriber | ${(heapPerSubscriber / 1024).toFixed(1)} kB | 10 kB | ${(heapPerSubscriber / 1024 / 10).toFixed(2)} |`,
    `| CPU per subscribe (with its first event) | ${(subscribeCpu / subscribers / 1000).toFixed(2)} ms | 0.5 ms | ${(subscribeCpu / subscribers / 500).toFixed(2)} |`,
    `| CPU per delivered event | ${perEventMicros.toFixed(0)} µs | 50 µs | ${(perEventMicros / 50).toFixed(2)} |`,
    `| median poll start → last subscriber | ${median(worst).toFixed(0)} ms | 200 ms | ${(median(worst) / 200).toFixed(2)} |`,
    `| upstream polls after the last subscriber left | ${pollsAfterLeaving} | 0 | ${pollsAfterLeaving === 0 ? 'met' : 'missed'} |`,
    `| most polls starting in one tenth of the interval | ${(burst * 100).toFixed(0)} % | lockstep: 100 % | ${burst.toFixed(2)} |`,
  ];
  return `${subscribers} ${kind.describe} of qps over ${topics} zones, ${INTERVAL_SECONDS} s interval, system clock; ${delivered} events in ${MEASURED_INTERVALS} measured intervals, ${polls} upstream polls in all\n\n${rows.join('\n')}\n`;
}
