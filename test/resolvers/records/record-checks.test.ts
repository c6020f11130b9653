import { describe, expect, it } from 'vitest';
import type { LogSummary } from '../../../src/sandbox/kit/control-client.js';
import { ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';
import { countUpstreamCalls, useHarness, type GraphQLResponse } from '../../support/harness.js';

const h = useHarness();

const CREATE = 'mutation ($input: CreateRecordInput!) { createRecord(input: $input) { domain } }';
const UPDATE =
  'mutation ($domain: DomainName!, $type: RecordType!, $input: UpdateRecordInput!) { updateRecord(zone: "example.com", domain: $domain, type: $type, input: $input) { domain } }';

/** The calls that change something upstream: every method but GET. */
const writes = (log: LogSummary) => Object.entries(log.counts).filter(([call]) => !call.startsWith('GET '));

const refusal = (result: GraphQLResponse) => ({ code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field });

async function expectRefused(action: () => Promise<GraphQLResponse>, field: string, message?: RegExp) {
  const { result, ns1 } = await countUpstreamCalls(h, action);
  expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', field });
  if (message) expect(result.errors?.[0]?.message).toMatch(message);
  expect(writes(ns1)).toEqual([]);
  return { result, ns1 };
}

const update = (domain: string, type: string, input: Record<string, unknown>) => () => h.gql(UPDATE, { domain, type, input });
const create = (input: Record<string, unknown>) => () => h.gql(CREATE, { input: { zone: 'example.com', type: 'A', ...input } });

/** Straight to the NS1 sandbox, as NS1's own API is called. */
const ns1Send = (method: string, path: string, body: unknown) =>
  fetch(`${h.ns1.baseUrl}${path}`, {
    method,
    headers: { 'x-nsone-key': ns1SandboxKeys().admin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const GEO = 'www.ns1-only.com';
const updateGeo = (input: Record<string, unknown>) => () =>
  h.gql('mutation ($input: UpdateRecordInput!) { updateRecord(zone: "ns1-only.com", domain: "www.ns1-only.com", type: A, input: $input) { domain } }', {
    input,
  });

describe('answer regions on a change', () => {
  it('refuses removing the regions the current answers are in, before writing', async () => {
    await expectRefused(updateGeo({ regions: [] }), 'regions', /us-east/);
    const { data } = await h.gql<{ record: { regions: unknown[] } }>(`{ record(zone: "ns1-only.com", domain: "${GEO}", type: A) { regions { name } } }`);
    expect(data?.record.regions).toHaveLength(2);
  });

  it('refuses new answers in a region the record does not have, before writing', async () => {
    await expectRefused(updateGeo({ answers: [{ rdata: ['192.0.2.7'], region: 'north' }] }), 'answers[0].region', /north/);
  });

  it('accepts new answers in the regions the record keeps', async () => {
    const { errors } = await h.gql(
      'mutation { updateRecord(zone: "ns1-only.com", domain: "www.ns1-only.com", type: A, input: { answers: [{ rdata: ["192.0.2.7"], region: "us-west" }] }) { domain } }',
    );
    expect(errors).toBeUndefined();
  });

  it('the NS1 sandbox refuses an answer in a region the record does not have', async () => {
    const res = await ns1Send('POST', '/zones/ns1-only.com/www.ns1-only.com/A', { regions: {} });
    expect(res.status).toBe(400);
    const { data } = await h.gql<{ record: { regions: unknown[] } }>(`{ record(zone: "ns1-only.com", domain: "${GEO}", type: A) { regions { name } } }`);
    expect(data?.record.regions).toHaveLength(2);
  });
});

describe('region names', () => {
  const twice = [
    { name: 'r', meta: { georegion: ['US-EAST'] } },
    { name: 'r', meta: { georegion: ['US-WEST'] } },
  ];

  it('refuses a region given twice rather than keeping only the last, to create or change', async () => {
    await expectRefused(create({ domain: 'geo.example.com', answers: [{ rdata: ['192.0.2.1'], region: 'r' }], regions: twice }), 'regions[1].name', /twice/);
    await expectRefused(update('example.com', 'A', { regions: twice }), 'regions[1].name', /twice/);
  });

  it('refuses a region without a name, to create or change', async () => {
    await expectRefused(create({ domain: 'geo.example.com', answers: [{ rdata: ['192.0.2.1'] }], regions: [{ name: '' }] }), 'regions[0].name');
    await expectRefused(update('example.com', 'A', { regions: [{ name: ' ' }] }), 'regions[0].name');
  });
});
