import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/logger.js';
import { startGateway, type RunningGateway } from '../../src/server.js';
import { realModeConfig, useHarness } from '../support/harness.js';

const h = useHarness();

let running: RunningGateway | undefined;
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
  await running?.stop();
  running = undefined;
});

/** A gateway on a real socket whose access lines are kept, as parsed JSON. */
async function start(env: Record<string, string> = {}, allowRequestCredentials = true): Promise<Array<Record<string, unknown>>> {
  const lines: Array<Record<string, unknown>> = [];
  const config = realModeConfig(h, { LOG_LEVEL: 'info', AUTH_MODE: 'none', ...env }, allowRequestCredentials);
  const logger = createLogger('info', { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  running = await startGateway({ ...config, port: 0, host: '127.0.0.1' }, { logger });
  return lines;
}

/** One graphql-ws connection (one socket), opened with its first operation and kept open between operations. */
function connection(connectionParams: Record<string, unknown> = {}): Client {
  const url = running!.url.replace(/^http/, 'ws');
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazyCloseTimeout: 60_000 });
  clients.push(client);
  return client;
}

const once = async (client: Client, query: string): Promise<unknown> => (await client.iterate({ query }).next()).value;

const accessLines = (lines: Array<Record<string, unknown>>) => lines.filter((line) => line.msg === 'operation');

describe('graphql-ws operations on one socket', () => {
  it('carry the id of their connection: the same for every operation on a socket, another for another socket', async () => {
    const lines = await start();
    const first = connection();
    const second = connection();
    expect(await once(first, 'query A { __typename }')).toEqual({ data: { __typename: 'Query' } });
    expect(await once(first, 'query B { __typename }')).toEqual({ data: { __typename: 'Query' } });
    expect(await once(second, 'query C { __typename }')).toEqual({ data: { __typename: 'Query' } });
    await expect.poll(() => accessLines(lines).length).toBe(3);
    const idOf = (operation: string) => accessLines(lines).find((line) => line.operation === operation)?.requestId;
    expect(idOf('A')).toEqual(expect.any(String));
    expect(idOf('B')).toBe(idOf('A'));
    expect(idOf('C')).toEqual(expect.any(String));
    expect(idOf('C')).not.toBe(idOf('A'));
  });

  it('each answer for themselves, though they share the connection request', async () => {
    const lines = await start();
    const socket = connection();
    // An invalid operation fails alone; the next on the same socket runs with a context of its own.
    await expect(once(socket, 'query Invalid($n: Int!) { __typename }')).rejects.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/never used/) as unknown }),
    ]);
    const zones = (await once(socket, '{ zones { name } }')) as { data?: { zones: unknown[] }; errors?: unknown };
    expect(zones.errors).toBeUndefined();
    expect(Array.isArray(zones.data?.zones)).toBe(true);
    await expect.poll(() => accessLines(lines).length).toBe(2);
    const [invalid, valid] = accessLines(lines);
    expect(invalid).toMatchObject({ operation: 'Invalid', errors: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(valid).toMatchObject({ operation: 'anonymous', requestId: invalid!.requestId });
    expect(valid!.errors).toBeUndefined();
    expect((valid!.upstream as Record<string, number>).ns1).toBeGreaterThan(0);
  });
});

describe('graphql-ws credentials in connection params', () => {
  it('refuses a credential that is no header value, naming it without its value, and the socket goes on', async () => {
    const lines = await start();
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')));
    try {
      const socket = connection({ 'X-NS1-Key': 'SUPERSECRETKEY\r\nX-Evil: 1' });
      for (const query of ['{ zones { name } }', '{ __typename }']) {
        await expect(once(socket, query)).rejects.toEqual([
          expect.objectContaining({
            message: expect.stringMatching(/^connectionParams\.X-NS1-Key: is not a valid header value/) as unknown,
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) as unknown,
          }),
        ]);
      }
      expect(JSON.stringify(lines)).not.toContain('SUPERSECRETKEY');
      expect(errors.join('\n')).not.toContain('SUPERSECRETKEY');
      await expect.poll(() => accessLines(lines).length).toBe(2);
      for (const line of accessLines(lines)) expect(line).toMatchObject({ errors: ['BAD_USER_INPUT'], requestId: expect.any(String) as unknown });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('graphql-ws operations refused before they run', () => {
  it('a caller credential refused under CREDENTIALS=server, and a syntax error, each write an access line with their code', async () => {
    const lines = await start({ CREDENTIALS: 'server' }, false);
    const callerToken = 'caller-buddyns-token-5e1d';
    const socket = connection({ 'X-BuddyNS-Token': callerToken });
    await expect(once(socket, 'query Zones { zones { name } }')).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) as unknown }),
    ]);
    await expect(once(socket, 'query Broken { zones {')).rejects.toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Syntax Error/) as unknown }),
    ]);
    await expect.poll(() => accessLines(lines).length).toBe(2);
    const [forbidden, broken] = accessLines(lines);
    expect(forbidden).toMatchObject({ operation: 'Zones', type: 'query', requestId: expect.any(String), errors: ['FORBIDDEN'] });
    expect(broken).toMatchObject({ requestId: forbidden!.requestId, errors: ['GRAPHQL_PARSE_FAILED'] });
    expect(JSON.stringify(lines)).not.toContain(callerToken);
  });

  it('variables nested past MAX_VARIABLES_DEPTH write an access line with their code', async () => {
    const lines = await start({ MAX_VARIABLES_DEPTH: '2' });
    const socket = connection();
    const deep = { a: { b: { c: { d: 1 } } } };
    await expect(socket.iterate({ query: 'query Deep($v: JSON) { __typename }', variables: { v: deep } }).next()).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) as unknown }),
    ]);
    await expect.poll(() => accessLines(lines).length).toBe(1);
    expect(accessLines(lines)[0]).toMatchObject({ errors: ['BAD_USER_INPUT'] });
  });
});

describe('graphql-ws writes and message sizes', () => {
  it('runs a mutation sent over the socket, as a POST would', async () => {
    await start();
    const socket = connection();
    const created = await once(
      socket,
      'mutation { createRecord(input: { zone: "example.com", domain: "ws.example.com", type: A, answers: [{ rdata: ["192.0.2.7"] }] }) { domain shortAnswers } }',
    );
    expect(created).toEqual({ data: { createRecord: { domain: 'ws.example.com', shortAnswers: ['192.0.2.7'] } } });
    const read = await h.gql('{ record(zone: "example.com", domain: "ws.example.com", type: A) { shortAnswers } }');
    expect(read.data).toEqual({ record: { shortAnswers: ['192.0.2.7'] } });
  });

  it('writes errors as HTTP responses do, without the extensions that are for the server alone', async () => {
    await start();
    const socket = connection();
    await expect(once(socket, '{ zonez { name } }')).rejects.toEqual([
      {
        message: expect.stringMatching(/^Cannot query field "zonez"/) as unknown,
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('closes a socket with 1009 on a message past MAX_BODY_BYTES, before it is read whole, even before the connection is acknowledged', async () => {
    const lines = await start({ MAX_BODY_BYTES: '4096' });
    const printed = vi.spyOn(console, 'error');
    const raw = new WebSocket(running!.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve, reject) => raw.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    raw.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(8192) } }));
    expect(await closed).toBe(1009);
    // Told in the gateway's own log, as the client's doing, not printed to the console as an internal error.
    await expect
      .poll(() => lines.filter((line) => line.msg === 'websocket message past MAX_BODY_BYTES refused'))
      .toEqual([expect.objectContaining({ level: 30, code: 'PAYLOAD_TOO_LARGE' })]);
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
    // A message within the limit is served on a socket of its own.
    expect(await once(connection(), '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });
});
