import { once } from 'node:events';
import WebSocket from 'ws';
import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import type { SandboxControlClient } from '../src/sandbox/kit/index.js';
import { startGateway } from '../src/server.js';
import { measureSubscriptions, qpsSubscription, type Arrivals } from './subscriptions-at-scale.js';

/**
 * One graphql-transport-ws connection carrying many subscriptions, read as little as a client can: the
 * samples are found in each message's text, never parsed.
 */
async function connect(url: string, zones: string[], first: number, count: number, arrivals: Arrivals): Promise<WebSocket> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  await once(socket, 'open');
  socket.send(JSON.stringify({ type: 'connection_init' }));
  const [ack] = (await once(socket, 'message')) as [Buffer];
  if (!ack.toString().includes('connection_ack')) throw new Error(`the gateway did not acknowledge the connection: ${ack.toString()}`);
  const topicOf = new Map<string, number>();
  socket.on('message', (data: Buffer) => {
    const text = data.toString();
    const id = /"id":"([^"]+)"/.exec(text)?.[1];
    if (id !== undefined) arrivals.recordText(topicOf.get(id) ?? -1, text);
  });
  for (let i = first; i < first + count; i++) {
    const topic = i % zones.length;
    topicOf.set(String(i), topic);
    socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: qpsSubscription(zones[topic]!) } }));
  }
  return socket;
}

/**
 * The same measures as `subscriptionsAtScale`, over graphql-ws: `connections` real loopback WebSockets to
 * the gateway's own HTTP server, each carrying `subscribers / connections` subscriptions.
 */
export function subscriptionsOverWebSocket(
  config: Config,
  ns1Control: SandboxControlClient,
  subscribers: number,
  topics: number,
  connections: number,
): Promise<string> {
  let url = '';
  return measureSubscriptions(config, ns1Control, subscribers, topics, {
    describe: `graphql-ws subscriptions on ${connections} loopback connections`,
    async gateway(c) {
      const running = await startGateway(
        {
          ...c,
          sandbox: false,
          port: 0,
          host: '127.0.0.1',
          exposure: { ...c.exposure, maxSubscriptionsPerConnection: Math.max(c.exposure.maxSubscriptionsPerConnection, subscribers) },
        },
        { logger: createLogger('silent') },
      );
      url = running.url.replace(/^http/, 'ws');
      return { gateway: running.gateway, stop: () => running.stop() };
    },
    async open(_gateway, zones, count, arrivals) {
      const perConnection = Math.ceil(count / connections);
      const sockets: WebSocket[] = [];
      for (let first = 0; first < count; first += perConnection * 10) {
        const batch = [];
        for (let at = first; at < Math.min(count, first + perConnection * 10); at += perConnection) {
          batch.push(connect(url, zones, at, Math.min(perConnection, count - at), arrivals));
        }
        sockets.push(...(await Promise.all(batch)));
      }
      return () => sockets.forEach((socket) => socket.close());
    },
  });
}
