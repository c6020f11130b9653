import { once } from 'node:events';
import type { Socket } from 'node:net';
import { MessageType, stringifyMessage } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/logger.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { configOn } from '../subscriptions/support/gateway.js';
import { ManualScheduler } from '../subscriptions/support/manual-scheduler.js';
import { subscribeSse } from '../subscriptions/support/sse.js';
import { useHarness } from '../support/harness.js';

const QPS = 'subscription ($zone: DomainName) { qps(zone: $zone, intervalSeconds: 10) { qps zone sampledAt } }';
const INTERVAL_MS = 10_000;

const h = useHarness();
const qpsPolls = async (since: number) => (await h.ns1Control.log(since)).routes['GET /stats/qps/:zone'] ?? 0;
let running: RunningGateway | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

interface Received {
  text: string;
  binary: boolean;
  message: { id?: string; type: MessageType; payload?: { data?: { qps?: { zone: string } }; errors?: Array<{ extensions?: Record<string, unknown> }> } };
}

/** A gateway on a real socket whose pollers run on a clock of the test's own. */
async function start(clock: ManualScheduler): Promise<RunningGateway> {
  running = await startGateway({ ...configOn(h), port: 0, host: '127.0.0.1' }, { logger: createLogger('silent'), subscriptions: { scheduler: clock } });
  return running;
}

/** A graphql-transport-ws connection spoken by hand, acknowledged: every frame it receives, as it came. */
async function connection(gateway: RunningGateway) {
  const socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await once(socket, 'open');
  const received: Received[] = [];
  let arrived: () => void = () => undefined;
  socket.on('message', (data: Buffer, binary: boolean) => {
    const text = data.toString();
    received.push({ text, binary, message: JSON.parse(text) as Received['message'] });
    arrived();
  });
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => (arrived = resolve));
  };
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await until(() => received.some((r) => r.message.type === MessageType.ConnectionAck));
  const subscribe = (id: string, zone = 'example.com') => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: QPS, variables: { zone } } }));
  const of = (id: string) => received.filter((r) => r.message.id === id);
  return { socket, received, until, subscribe, of };
}

describe('the next messages of a shared run over graphql-ws', () => {
  it('are the very bytes graphql-ws sends, in a text frame, under each subscription’s own id of any length', async () => {
    const clock = new ManualScheduler();
    const gateway = await start(clock);
    const client = await connection(gateway);
    // Ids that need escaping and more than one byte a character, and frames of every length encoding (7, 16 and 64 bits).
    const ids = ['a', `"quoted\\ ü ✓ ${'x'.repeat(150)}`, 'y'.repeat(70_000)];
    for (const id of ids) client.subscribe(id);
    const sse = await subscribeSse(gateway.gateway, QPS, { zone: 'example.com' });

    for (let event = 1; event <= 2; event++) {
      if (event > 1) await clock.advance(INTERVAL_MS);
      const overSse = await sse.next();
      expect(overSse).toMatchObject({ data: { qps: { zone: 'example.com' } } });
      await client.until(() => ids.every((id) => client.of(id).length === event));
      for (const id of ids) {
        const last = client.of(id).at(-1)!;
        expect(last.binary).toBe(false);
        expect(last.text).toBe(stringifyMessage({ id, type: MessageType.Next, payload: overSse! }));
      }
    }
    expect(client.received.filter((r) => r.message.type !== MessageType.ConnectionAck && r.message.type !== MessageType.Next)).toEqual([]);
    client.socket.close();
    await sse.close();
    await expect.poll(() => gateway.gateway.subscriptions.keys).toEqual([]);
  });

  it('of one turn leave a connection in one write: two subscriptions of one poll cost the client one read', async () => {
    const clock = new ManualScheduler();
    const gateway = await start(clock);
    // Every time the gateway's side of a connection hands bytes to the operating system.
    const handOvers: number[] = [];
    gateway.server.on('connection', (wire: Socket) => {
      const count = (frames: number) => handOvers.push(frames);
      const write = wire._write.bind(wire);
      const writev = wire._writev!.bind(wire);
      wire._write = (chunk, encoding, callback) => (count(1), write(chunk, encoding, callback));
      wire._writev = (chunks, callback) => (count(chunks.length), writev(chunks, callback));
    });
    const client = await connection(gateway);
    for (const id of ['a', 'b']) client.subscribe(id);
    await client.until(() => client.of('a').length === 1 && client.of('b').length === 1);

    handOvers.length = 0;
    await clock.advance(INTERVAL_MS);
    await client.until(() => client.of('a').length === 2 && client.of('b').length === 2);
    // Both next messages (a frame header and its bytes each) in one write.
    expect(handOvers).toEqual([4]);
    expect(client.of('a')[1]!.message.payload).toEqual(client.of('b')[1]!.message.payload);
    client.socket.close();
    await expect.poll(() => gateway.gateway.subscriptions.keys).toEqual([]);
  });

  it('keep their order with the error events and the end that graphql-ws sends, each subscription on its own', async () => {
    const clock = new ManualScheduler();
    const gateway = await start(clock);
    const client = await connection(gateway);
    for (const id of ['a', 'b']) client.subscribe(id);
    await client.until(() => client.of('a').length === 1 && client.of('b').length === 1);

    // An upstream failure: masked by each subscriber's own hooks and sent by graphql-ws, between two clean events.
    await h.ns1Control.addFault({ path: '/stats/qps/example.com', status: 503, message: 'maintenance', times: 1 });
    await clock.advance(INTERVAL_MS);
    await client.until(() => client.of('a').length === 2 && client.of('b').length === 2);
    // A failed poll is tried again after twice the interval.
    await clock.advance(2 * INTERVAL_MS);
    await client.until(() => client.of('a').length === 3 && client.of('b').length === 3);

    // One completes; the other goes on alone.
    client.socket.send(JSON.stringify({ id: 'a', type: MessageType.Complete }));
    // Messages are handled in order: once the pong is back, the completion has been.
    client.socket.send(JSON.stringify({ type: MessageType.Ping }));
    await client.until(() => client.received.some((r) => r.message.type === MessageType.Pong));
    await clock.advance(INTERVAL_MS);
    await client.until(() => client.of('b').length === 4);

    const kinds = (id: string) =>
      client.of(id).map(({ message }) => message.payload?.errors?.[0]?.extensions?.code ?? message.payload?.data?.qps?.zone ?? message.type);
    expect(kinds('a')).toEqual(['example.com', 'UPSTREAM_ERROR', 'example.com']);
    expect(kinds('b')).toEqual(['example.com', 'UPSTREAM_ERROR', 'example.com', 'example.com']);
    expect(client.of('a')[1]!.message.payload!.errors![0]!.extensions).not.toHaveProperty('http');
    client.socket.close();
    await expect.poll(() => gateway.gateway.subscriptions.keys).toEqual([]);
  });

  it('stop being written while a reader does not read: it gets the newest events once it reads again, not every one it missed', async () => {
    const clock = new ManualScheduler();
    const gateway = await start(clock);
    const socket = new WebSocket(gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await once(socket, 'open');
    const samples = new Map<string, string[]>();
    socket.on('message', (data: Buffer) => {
      // Only the end of each (large) message is read: the id's first letter and the sample's time.
      const text = data.toString('latin1', 0, 8) + data.toString('latin1', Math.max(8, data.length - 200));
      const at = /"sampledAt":"([^"]+)"/.exec(text)?.[1];
      if (at) samples.set(text[7]!, [...(samples.get(text[7]!) ?? []), at]);
      else samples.set('other', [...(samples.get('other') ?? []), text]);
    });
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await until(() => samples.get('other')?.length === 1);
    // Ids of half a megabyte: each event is a megabyte to write, far more than the kernel's socket buffers hold for long.
    for (const id of ['a', 'b'])
      socket.send(JSON.stringify({ id: id.repeat(512 * 1024), type: 'subscribe', payload: { query: QPS, variables: { zone: 'example.com' } } }));
    await until(() => samples.get('a')?.length === 1 && samples.get('b')?.length === 1);

    socket.pause();
    const events = 160;
    const { lastSeq } = await h.ns1Control.log();
    while ((await qpsPolls(lastSeq)) < events) await clock.advance(INTERVAL_MS);
    const newest = new Date(clock.now() - (clock.now() % INTERVAL_MS)).toISOString();
    socket.resume();
    await until(() => samples.get('a')?.at(-1) === newest && samples.get('b')?.at(-1) === newest);

    for (const id of ['a', 'b']) {
      const received = samples.get(id)!;
      // Some events were dropped, the oldest first: those read are in order and end with the newest.
      expect(received.length).toBeLessThan(events);
      expect([...received].sort()).toEqual(received);
      expect(new Set(received).size).toBe(received.length);
    }
    socket.close();
    await expect.poll(() => gateway.gateway.subscriptions.keys).toEqual([]);

    async function until(done: () => boolean): Promise<void> {
      while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
});
