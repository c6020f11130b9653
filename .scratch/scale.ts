import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { fromRaw, withSandboxUpstreams } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { NS1_TRANSFER_ADDRESS, ns1SandboxKeys, startNs1Sandbox } from '../src/sandbox/ns1/index.js';
import { buddyNsSandboxCredentials, startBuddyNsSandbox } from '../src/sandbox/buddyns/index.js';
import { attachWebSocketTransport } from '../src/transport/ws.js';
import { createGateway } from '../src/yoga.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const cpu = () => { const { user, system } = process.cpuUsage(); return user + system; };
const mode = process.env.MODE ?? 'sse';
const N = Number(process.env.N ?? 10000);
const T = Number(process.env.T ?? 100);
const INTERVAL = Number(process.env.INTERVAL ?? 5);

const [ns1, buddyns] = await Promise.all([startNs1Sandbox({ port: 0 }), startBuddyNsSandbox({ port: 0 })]);
const ns1Control = new SandboxControlClient(ns1.origin);
const config = withSandboxUpstreams(fromRaw({ LOG_LEVEL: 'silent', NS1_RATE_LIMIT_PER_SECOND: '10000', BUDDYNS_RATE_LIMIT_PER_SECOND: '10000', ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) }), {
  ns1: { endpoint: ns1.baseUrl, apiKey: ns1SandboxKeys().admin, transferAddress: NS1_TRANSFER_ADDRESS },
  buddyns: { endpoint: buddyns.baseUrl, token: buddyNsSandboxCredentials().token },
});
await ns1Control.reset();
await ns1Control.seed({ bulkZones: T });
const zones = Array.from({ length: T }, (_, i) => `bulk-${String(i + 1).padStart(4, '0')}.example`);
const gateway = createGateway({ config, logger: createLogger('silent') });

// in-process fetch subscribers
const worst = new Map<string, number>();
let events = 0;
const record = (topic: number, text: string) => {
  for (const m of text.matchAll(/"sampledAt":"([^"]+)"/g)) {
    events++;
    const key = `${topic}|${m[1]}`;
    const latency = Date.now() - Date.parse(m[1]!);
    if (latency > (worst.get(key) ?? -Infinity)) worst.set(key, latency);
  }
};
const aborts: AbortController[] = [];
async function fetchSub(topic: number) {
  const abort = new AbortController();
  aborts.push(abort);
  const query = `subscription { qps(zone: "${zones[topic]}", intervalSeconds: ${INTERVAL}) { sampledAt } }`;
  const response = await gateway.yoga.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ query }), signal: abort.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => { try { for (;;) { const { value, done } = await reader.read(); if (done) return; record(topic, decoder.decode(value)); } } catch {} })();
}

let child: ReturnType<typeof fork> | undefined;
const ask = (msg: object, type: string) => new Promise<any>((resolve) => { const on = (m: any) => { if (m.type === type) { child!.off('message', on); resolve(m); } }; child!.on('message', on); child!.send(msg); });
let port = 0;
let server: ReturnType<typeof createServer> | undefined;
if (mode !== 'fetch') {
  server = createServer(gateway.yoga as any);
  attachWebSocketTransport(server, gateway);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  child = fork(new URL('./clients.mjs', import.meta.url).pathname, [], { stdio: 'inherit' });
}
const stats = async (clear = false) => mode === 'fetch' ? (() => { const s = { events, worst: [...worst] }; if (clear) worst.clear(); return s; })() : ask({ type: 'stats', clear }, 'stats');

const heapBefore = heap();
let subSession: Session | undefined;
if (process.env.PROFSUB) { subSession = new Session(); subSession.connect(); await subSession.post('Profiler.enable'); await subSession.post('Profiler.start'); }
const cpuBefore = cpu();
const t0 = performance.now();
if (mode === 'fetch') {
  for (let opened = 0; opened < N; opened += 500) {
    const batch = Math.min(500, N - opened);
    await Promise.all(Array.from({ length: batch }, (_, i) => fetchSub((opened + i) % T)));
  }
} else {
  await ask({ type: 'open', port, count: N, topics: T, interval: INTERVAL, transport: mode, zones }, 'opened');
}
while ((await stats()).events < N) await sleep(20);
const subscribeCpu = cpu() - cpuBefore;
const subscribeWall = performance.now() - t0;
if (subSession) { const { profile } = await subSession.post('Profiler.stop'); writeFileSync(process.env.PROFSUB!, JSON.stringify(profile)); }
const heapAfter = heap();
console.log(`mode=${mode} N=${N} T=${T}: heap/sub ${((heapAfter - heapBefore) / N / 1024).toFixed(1)} kB; cpu/subscribe ${(subscribeCpu / N / 1000).toFixed(2)} ms; subscribe wall ${(subscribeWall/1000).toFixed(1)} s; rss ${(process.memoryUsage().rss/1e6).toFixed(0)} MB`);
if (process.env.SNAP) { writeHeapSnapshot(process.env.SNAP); console.log('snapshot written'); }

await sleep(INTERVAL * 1500);
await stats(true);
const e0 = (await stats()).events;
let session: Session | undefined;
if (process.env.PROF) { session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
const c0 = cpu();
await sleep(INTERVAL * 1000 * 3);
const c1 = cpu();
if (session) { const { profile } = await session.post('Profiler.stop'); writeFileSync(process.env.PROF!, JSON.stringify(profile)); }
const s = await stats(true);
const delivered = s.events - e0;
const lat = (s.worst as Array<[string, number]>).map(([, v]) => v).sort((a, b) => a - b);
const starts = (s.worst as Array<[string, number]>).map(([k]) => Date.parse(k.split('|')[1]!) % (INTERVAL * 1000));
const slices = new Array<number>(10).fill(0);
for (const st of starts) slices[Math.floor(st / (INTERVAL * 100))]! += 1;
console.log(`delivered ${delivered} (expected ~${N * 3}); cpu/event ${((c1 - c0) / delivered).toFixed(0)} µs; median worst latency ${lat[Math.floor(lat.length / 2)]} ms; p90 ${lat[Math.floor(lat.length * 0.9)]} max ${lat.at(-1)}; burst ${(Math.max(...slices) / starts.length * 100).toFixed(0)}%`);
if (child) await ask({ type: 'close' }, 'closed');
for (const a of aborts) a.abort();
await gateway.close();
server?.closeAllConnections();
server?.close();
await Promise.all([ns1.close(), buddyns.close()]);
process.exit(0);
