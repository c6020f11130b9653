import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, getGraphQLWSOptions, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createClient, type ExecutionResult } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import { attachWebSocketTransport, type WebSocketTransport } from '../../../src/transport/ws.js';
import { useHarness } from '../../support/harness.js';
import { createOwnershipSubgraph, OWNERSHIP_SDL } from './ownership-subgraph.js';

const DNSGRAPH_SDL = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

// dnsgraph holds no NS1 key of its own: NS1 answers only with the key a caller sends through the router.
const h = useHarness({ without: ['ns1'] });
let dnsServer: Server;
let dnsSockets: WebSocketTransport;
let ownershipServer: Server;
let router: GatewayRuntime;
let routerServer: Server;
let routerSockets: WebSocketServer;
let routerUrl: string;

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- yoga settles every request itself; node has no use for the promise
  dnsServer = createServer(h.gateway.yoga);
  dnsSockets = attachWebSocketTransport(dnsServer, h.gateway);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- yoga settles every request itself; node has no use for the promise
  ownershipServer = createServer(createOwnershipSubgraph());
  const [dnsUrl, ownershipUrl] = await Promise.all([listen(dnsServer), listen(ownershipServer)]);

  const composed = composeServices([
    { name: 'dns', typeDefs: parse(DNSGRAPH_SDL), url: dnsUrl },
    { name: 'ownership', typeDefs: parse(OWNERSHIP_SDL), url: ownershipUrl },
  ]);
  expect(composed.errors ?? []).toEqual([]);

  router = createGatewayRuntime({
    supergraph: composed.supergraphSdl!,
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) =>
        subgraphName === 'dns' ? { 'x-ns1-key': request.headers.get('x-ns1-key'), 'x-buddyns-token': request.headers.get('x-buddyns-token') } : {},
    },
    transportEntries: {
      dns: {
        options: {
          subscriptions: {
            kind: 'ws',
            location: '/graphql',
            options: { connectionParams: { 'x-ns1-key': '{context.headers.x-ns1-key}', 'x-buddyns-token': '{context.headers.x-buddyns-token}' } },
          },
        },
      },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the router settles every request itself; node has no use for the promise
  routerServer = createServer(router);
  routerSockets = new WebSocketServer({ server: routerServer, path: '/graphql' });
  useServer(
    getGraphQLWSOptions(router, (ctx) => {
      // A browser cannot set headers on a WebSocket: its credentials come in the connection params.
      const params = (ctx.connectionParams ?? {}) as Record<string, string>;
      return { request: new Request('http://router/graphql', { headers: params }) };
    }),
    routerSockets,
  );
  routerUrl = await listen(routerServer);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => routerSockets.close(() => resolve()));
  routerServer.closeAllConnections();
  await new Promise<void>((resolve) => routerServer.close(() => resolve()));
  await router.dispose();
  await dnsSockets.close();
  dnsServer.closeAllConnections();
  ownershipServer.closeAllConnections();
  await Promise.all([new Promise((r) => dnsServer.close(r)), new Promise((r) => ownershipServer.close(r))]);
});

async function throughRouter<T>(
  query: string,
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }> {
  const response = await fetch(routerUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

describe('dnsgraph behind Hive Gateway', () => {
  it('answers a query across both subgraphs, with the caller’s NS1 key propagated to dnsgraph', async () => {
    const query = '{ zones { name providers owner { name } ns1 { ttl } } }';
    const { data, errors } = await throughRouter<{
      zones: Array<{ name: string; providers: string[]; owner: { name: string } | null; ns1: { ttl: number } | null }>;
    }>(query, {
      'x-ns1-key': ns1SandboxKeys().admin,
    });
    expect(errors).toBeUndefined();
    const example = data?.zones.find((z) => z.name === 'example.com');
    expect(example).toMatchObject({ providers: ['NS1', 'BUDDYNS'], owner: { name: 'web-platform' }, ns1: { ttl: expect.any(Number) } });
  });

  it('without the caller’s key dnsgraph has no NS1 to ask: the header really travels', async () => {
    const { data } = await throughRouter<{ zones: Array<{ name: string; providers: string[] }> }>('{ zones { name providers } }');
    expect(data?.zones.find((z) => z.name === 'example.com')?.providers).toEqual(['BUDDYNS']);
  });

  it('carries a subscription over WebSocket from the client through the router to dnsgraph, with the key in the connection params', async () => {
    const client = createClient({
      url: routerUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-ns1-key': ns1SandboxKeys().admin },
      lazy: true,
    });
    try {
      const events = client.iterate<{ qps: { qps: number; zone: string } }>({
        query: 'subscription { qps(zone: "example.com", intervalSeconds: 1) { qps zone } }',
      });
      const first = (await events.next()) as IteratorYieldResult<ExecutionResult<{ qps: { qps: number; zone: string } }>>;
      expect(first.value?.errors).toBeUndefined();
      expect(first.value?.data?.qps).toMatchObject({ zone: 'example.com', qps: expect.any(Number) });
      await events.return?.();
    } finally {
      await client.dispose();
    }
  });
});
