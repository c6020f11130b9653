import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/providers/http.js';
import { Ns1Client } from '../../../src/providers/ns1/client.js';
import { ns1Provider } from '../../../src/providers/ns1/provider.js';
import { errorReading } from '../../../src/providers/provider.js';

/** A finished import job as NS1's documentation shows it: `result`, and records in their full form without ids. */
const DOCUMENTED_JOB = {
  sent: 1376070394,
  id: 'zIbC9VfrnVtubXfJbM6a',
  type: 'importzonefile',
  result: {
    id: '52052afa9f782d5b1a10a83f',
    zone: 'newzone.com',
    warnings: [],
    records: [
      { id: '52052afa9f782d5b1a10a844', type: 'NS', tier: 1, short_answers: ['dns1.p01.nsone.net'], domain: 'newzone.com' },
      { type: 'A', feeds: [], tier: 1, domain: 'newzone.com', zone: 'newzone.com', answers: [{ id: 'a1', answer: ['1.2.3.4'] }], ttl: 300 },
      { type: 'A', feeds: [], tier: 1, domain: 'www.newzone.com', zone: 'newzone.com', answers: [{ id: 'a2', answer: ['1.2.3.4'] }], ttl: 300 },
    ],
  },
};

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(DOCUMENTED_JOB));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a zone import job as NS1 documents it', () => {
  it('reads a finished job with its zone, record count and warnings', async () => {
    const http = new HttpClient({ ...errorReading(ns1Provider), baseUrl, maxRetries: 0 });
    const client = new Ns1Client(http, 'a-key', baseUrl);
    const job = await client.zoneImports.get('zIbC9VfrnVtubXfJbM6a');
    expect(job).toMatchObject({ id: 'zIbC9VfrnVtubXfJbM6a', zone: 'newzone.com', finished: true, responseCode: 200, recordCount: 3, warnings: [] });
    await http.close();
  });
});
