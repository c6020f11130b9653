import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ns1Answering, type AnsweringNs1 } from '../../support/ns1-answering.js';

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

let ns1: AnsweringNs1;

beforeAll(async () => {
  ns1 = await ns1Answering((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(DOCUMENTED_JOB));
  });
});
afterAll(() => ns1.close());

describe('a zone import job as NS1 documents it', () => {
  it('reads a finished job with its zone, record count and warnings', async () => {
    const job = await ns1.client.zoneImports.get('zIbC9VfrnVtubXfJbM6a');
    expect(job).toMatchObject({ id: 'zIbC9VfrnVtubXfJbM6a', zone: 'newzone.com', finished: true, responseCode: 200, recordCount: 3, warnings: [] });
  });
});
