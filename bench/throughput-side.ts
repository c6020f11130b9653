import { createSchema, createYoga } from 'graphql-yoga';
import { fromRaw, withSandboxUpstreams } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startBuddyNsSandbox } from '../src/sandbox/buddyns/index.js';
import { startNs1Sandbox } from '../src/sandbox/ns1/index.js';
import { sandboxUpstreams } from '../src/sandbox/upstreams.js';
import { createGateway } from '../src/yoga.js';

/** Who serves: bare yoga with `{ __typename }`, or the gateway with `{ __typename }` or a cached small query. */
export type Side = 'bare' | 'typename' | 'cached';

export interface Rate {
  rps: number;
  /** Process CPU time per request, which machine load inflates far less than wall-clock rates. */
  cpuUs: number;
}

/** What the driver asks of a side over IPC: run for `ms` and answer with a Rate, or close and exit. */
export type SideCommand = { run: number } | { close: true };

/** What a side says over IPC: that it is serving, or the Rate of the run it was asked for. */
export type SideReport = { ready: true } | { rate: Rate };

const CALLERS = 20;
const WARM_UP_MS = 3_000;
const MEASURED_MS = 1_000;

type Fetch = (request: Request) => Promise<Response> | Response;

/** Requests per second through yoga.fetch with a fixed number of callers for a fixed time. */
async function throughput(fetch: Fetch, body: string, ms: number): Promise<Rate> {
  const until = performance.now() + ms;
  let done = 0;
  // Declared as an HTTP client declares it, so no side reads the body differently from how it would off a socket.
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  const caller = async () => {
    while (performance.now() < until) {
      const response = await fetch(new Request('http://bench/graphql', { method: 'POST', headers, body }));
      await response.text();
      done++;
    }
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: CALLERS }, caller));
  const used = process.cpuUsage(cpu);
  return { rps: done / ((performance.now() - started) / 1000), cpuUs: (used.user + used.system) / done };
}

async function serve(side: Side): Promise<{ fetch: Fetch; body: string; close(): Promise<void> }> {
  const typename = JSON.stringify({ query: '{ __typename }' });
  if (side === 'bare') {
    const bare = createYoga({ schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }), logging: false, graphiql: false });
    return { fetch: (request) => bare.fetch(request), body: typename, close: () => Promise.resolve() };
  }
  const [ns1, buddyns] = await Promise.all([startNs1Sandbox({ port: 0 }), startBuddyNsSandbox({ port: 0 })]);
  const config = withSandboxUpstreams(fromRaw({ LOG_LEVEL: 'silent' }), sandboxUpstreams(ns1, buddyns));
  const gateway = createGateway({ config: { ...config, responseCacheTtlSeconds: side === 'cached' ? 60 : 0 }, logger: createLogger('silent') });
  return {
    fetch: (request) => gateway.yoga.fetch(request),
    body: side === 'cached' ? JSON.stringify({ query: '{ zones { name providers } }' }) : typename,
    close: async () => {
      await gateway.close();
      await Promise.all([ns1.close(), buddyns.close()]);
    },
  };
}

/**
 * A side in a process of its own, so no side's heap, garbage or JIT state weighs on another's. Forked with
 * IPC it warms up, says it is ready, then runs each slice the driver asks for; run by hand it warms up,
 * measures once and prints the Rate.
 */
async function main(side: Side): Promise<void> {
  const server = await serve(side);
  await throughput(server.fetch, server.body, WARM_UP_MS);
  const send = process.send?.bind(process);
  if (!send) {
    const rate = await throughput(server.fetch, server.body, MEASURED_MS);
    await server.close();
    process.stdout.write(`${JSON.stringify(rate)}\n`);
    return;
  }
  process.on('message', (command: SideCommand) => {
    if ('close' in command) {
      void server.close().then(() => process.disconnect());
      return;
    }
    void throughput(server.fetch, server.body, command.run).then((rate) => send({ rate } satisfies SideReport));
  });
  send({ ready: true } satisfies SideReport);
}

const side = process.argv[2];
if (side === 'bare' || side === 'typename' || side === 'cached') void main(side);
