import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/providers/http.js';
import { Ns1Client } from '../../../src/providers/ns1/client.js';
import { ns1Provider } from '../../../src/providers/ns1/provider.js';
import { errorReading } from '../../../src/providers/provider.js';

/**
 * Live Pulsar data in the shape NS1's documentation describes (it gives no example): an object whose every
 * top-level key is a geo, or a geo and region, code.
 */
const DOCUMENTED_LIVE = { US: 61.5, 'US:CA': 48, GB: 83.25, JP: null };

/** What the answer to each path is, as NS1 could send it. */
const answers = new Map<string, unknown>([['/v1/pulsar/apps/a1b2c3/jobs/j1/live', DOCUMENTED_LIVE]]);

let server: Server;
let http: HttpClient;
let client: Ns1Client;

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = answers.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    res.writeHead(answer === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer ?? { message: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  http = new HttpClient({ ...errorReading(ns1Provider), baseUrl, maxRetries: 0 });
  client = new Ns1Client(http, 'a-key', baseUrl);
});
afterAll(async () => {
  await http.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('NS1 answers in the shapes its documentation gives', () => {
  it('reads live Pulsar data keyed by geo and geo:region, a geo without a value kept as null', async () => {
    expect(await client.pulsarData.get('a1b2c3', 'j1')).toEqual([
      { geo: 'US', region: null, value: 61.5 },
      { geo: 'US', region: 'CA', value: 48 },
      { geo: 'GB', region: null, value: 83.25 },
      { geo: 'JP', region: null, value: null },
    ]);
  });
});
