// Floors: what a bare node http server and a bare yoga hold per SSE subscriber over real sockets.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPubSub, createSchema, createYoga } from 'graphql-yoga';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const cpu = () => { const { user, system } = process.cpuUsage(); return user + system; };
const mode = process.env.MODE ?? 'node';
const N = Number(process.env.N ?? 10000);
const T = 100;
const INTERVAL = 5;
const zones = Array.from({ length: T }, (_, i) => `z${i}`);

let handler: any;
const topicsTick: Array<() => void> = [];
if (mode === 'node') {
  const byTopic = new Map<string, Set<any>>();
  handler = (req: any, res: any) => {
    let body = '';
    req.on('data', (c: any) => (body += c));
    req.on('end', () => {
      const zone = /zone: \\"([^\\]+)\\"/.exec(body)?.[1] ?? '';
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const set = byTopic.get(zone) ?? new Set();
      byTopic.set(zone, set);
      set.add(res);
      res.write(`event: next\ndata: {"data":{"qps":{"sampledAt":"${new Date().toISOString()}"}}}\n\n`);
      res.on('close', () => set.delete(res));
    });
  };
  for (const z of zones) {
    setTimeout(() => setInterval(() => { const msg = `event: next\ndata: {"data":{"qps":{"sampledAt":"${new Date().toISOString()}"}}}\n\n`; for (const r of byTopic.get(z) ?? []) r.write(msg); }, INTERVAL * 1000), Math.random() * INTERVAL * 1000);
  }
} else {
  const pubsub = createPubSub<Record<string, [string]>>();
  const latest = new Map<string, string>();
  for (const z of zones) {
    setTimeout(() => setInterval(() => { const at = new Date().toISOString(); latest.set(z, at); pubsub.publish(z, at); }, INTERVAL * 1000), Math.random() * INTERVAL * 1000);
  }
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: `type Query { x: Int } type Qps { sampledAt: String } type Subscription { qps(zone: String, intervalSeconds: Int): Qps }`,
      resolvers: { Subscription: { qps: { subscribe: async function* (_: unknown, { zone }: { zone: string }) { yield new Date().toISOString(); yield* pubsub.subscribe(zone); }, resolve: (at: string) => ({ sampledAt: at }) } } },
    }),
    logging: false,
  });
  handler = yoga;
}
const server = createServer(handler);
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as AddressInfo).port;
const child = fork(new URL('./clients.mjs', import.meta.url).pathname, [], { stdio: 'inherit' });
const ask = (msg: object, type: string) => new Promise<any>((resolve) => { const on = (m: any) => { if (m.type === type) { child.off('message', on); resolve(m); } }; child.on('message', on); child.send(msg); });
const h0 = heap();
const c0 = cpu();
await ask({ type: 'open', port, count: N, topics: T, interval: INTERVAL, transport: 'sse', zones }, 'opened');
while ((await ask({ type: 'stats' }, 'stats')).events < N) await sleep(20);
const c1 = cpu();
const h1 = heap();
console.log(`${mode}: heap/sub ${((h1 - h0) / N / 1024).toFixed(1)} kB, cpu/subscribe ${((c1 - c0) / N / 1000).toFixed(3)} ms`);
await sleep(INTERVAL * 1500);
const e0 = (await ask({ type: 'stats', clear: true }, 'stats')).events;
const c2 = cpu();
await sleep(INTERVAL * 3000);
const c3 = cpu();
const s = await ask({ type: 'stats', clear: true }, 'stats');
const lat = (s.worst as Array<[string, number]>).map(([, v]) => v).sort((a, b) => a - b);
console.log(`${mode}: delivered ${s.events - e0}, cpu/event ${((c3 - c2) / (s.events - e0)).toFixed(1)} µs, median worst latency ${lat[Math.floor(lat.length / 2)]} ms`);
await ask({ type: 'close' }, 'closed');
server.closeAllConnections();
process.exit(0);
