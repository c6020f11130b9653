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

describe('linked records', () => {
  const linked = (input: Record<string, unknown>) => create({ domain: 'linked.example.com', answers: [], link: 'example.com', ...input });

  it('refuses a link with configuration of the record’s own, before writing', async () => {
    await expectRefused(linked({ answers: [{ rdata: ['192.0.2.1'] }] }), 'answers');
    await expectRefused(linked({ filters: [{ filter: 'shuffle' }] }), 'filters');
    await expectRefused(linked({ meta: { note: 'x' } }), 'meta');
    await expectRefused(linked({ regions: [{ name: 'r' }] }), 'regions');
  });

  it('refuses a record linked to itself, before writing', async () => {
    await expectRefused(create({ domain: 'self.example.com', answers: [], link: 'self.example.com' }), 'link', /itself/);
  });

  it('refuses a link to a record that does not exist or has another type, with nothing written', async () => {
    await expectRefused(linked({ link: 'nowhere.example.com' }), 'link', /does not exist/);
    await expectRefused(create({ domain: 'linked.example.com', type: 'AAAA', answers: [], link: 'example.com' }), 'link', /same type/);
    await expectRefused(update('example.com', 'MX', { link: 'www.example.com' }), 'link', /same type/);
    expect((await h.gql('{ record(zone: "example.com", domain: "linked.example.com", type: AAAA) { id } }')).data).toEqual({ record: null });
  });

  it('links to an existing record of the same type in another zone', async () => {
    const { data, errors } = await h.gql(
      'mutation { createRecord(input: { zone: "example.com", domain: "l.example.com", type: A, answers: [], link: "www.ns1-only.com" }) { link } }',
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ createRecord: { link: 'www.ns1-only.com' } });
  });

  it('refuses giving a linked record configuration of its own, before writing', async () => {
    const linkedA = (input: Record<string, unknown>) => () =>
      h.gql('mutation ($input: UpdateRecordInput!) { updateRecord(zone: "ns1-only.com", domain: "alias.ns1-only.com", type: A, input: $input) { domain } }', {
        input,
      });
    await expectRefused(linkedA({ answers: [{ rdata: ['192.0.2.1'] }] }), 'answers', /linked to www\.ns1-only\.com/);
    await expectRefused(linkedA({ filters: [{ filter: 'shuffle' }] }), 'filters');
    await expectRefused(linkedA({ meta: { note: 'x' } }), 'meta');
    await expectRefused(linkedA({ regions: [{ name: 'r' }] }), 'regions');
  });

  it('the NS1 sandbox refuses a link to a missing record, to another type, to itself, or with answers', async () => {
    const put = (domain: string, type: string, body: Record<string, unknown>) => ns1Send('PUT', `/zones/example.com/${domain}/${type}`, body);
    expect((await put('l.example.com', 'A', { link: 'nowhere.example.com', answers: [] })).status).toBe(400);
    expect((await put('l.example.com', 'AAAA', { link: 'example.com', answers: [] })).status).toBe(400);
    expect((await put('l.example.com', 'A', { link: 'l.example.com', answers: [] })).status).toBe(400);
    expect((await put('l.example.com', 'A', { link: 'example.com', answers: [], meta: { note: 'x' } })).status).toBe(400);
    expect((await ns1Send('POST', '/zones/ns1-only.com/alias.ns1-only.com/A', { filters: [{ filter: 'shuffle', config: {} }] })).status).toBe(400);
    expect((await put('l.example.com', 'A', { link: 'example.com', answers: [] })).status).toBe(200);
  });
});

describe('a change with nothing in it', () => {
  it('refuses an update that changes nothing, before calling NS1', async () => {
    const { ns1 } = await expectRefused(update('example.com', 'A', {}), 'input', /at least one field/);
    expect(ns1.total).toBe(0);
    await expectRefused(update('example.com', 'A', { ttl: null, answers: null }), 'input');
  });

  it('clears the record metadata when meta is given as null', async () => {
    await h.gql('mutation { updateRecord(zone: "example.com", domain: "example.com", type: A, input: { meta: { note: "x" } }) { id } }');
    const { data, errors } = await h.gql('mutation { updateRecord(zone: "example.com", domain: "example.com", type: A, input: { meta: null }) { meta } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ updateRecord: { meta: null } });
  });
});

describe('size limits', () => {
  const strings = Array.from({ length: 300 }, () => 'x'.repeat(250));

  it('refuses an answer whose RDATA is over 65535 bytes, to create or change', async () => {
    await expectRefused(create({ domain: 'big.example.com', type: 'TXT', answers: [{ rdata: strings }] }), 'answers[0].rdata', /65535 bytes/);
    await expectRefused(update('example.com', 'TXT', { answers: [{ rdata: ['ok'] }, { rdata: strings }] }), 'answers[1].rdata');
  });

  it('refuses metadata over 64 kB, to create or change', async () => {
    const meta = { note: 'x'.repeat(70_000) };
    await expectRefused(create({ domain: 'big.example.com', answers: [{ rdata: ['192.0.2.1'] }], meta }), 'meta', /65536 bytes/);
    await expectRefused(update('example.com', 'A', { answers: [{ rdata: ['192.0.2.1'], meta }] }), 'answers[0].meta');
    await expectRefused(update('example.com', 'A', { regions: [{ name: 'r', meta }] }), 'regions[0].meta');
  });

  it('the NS1 sandbox refuses TXT RDATA over 65535 bytes', async () => {
    expect((await ns1Send('PUT', '/zones/example.com/big.example.com/TXT', { answers: [{ answer: strings }] })).status).toBe(400);
  });
});

describe('metadata types, filters and feeds', () => {
  it('refuses a metadata key or filter NS1 does not know, before writing', async () => {
    await expectRefused(create({ domain: 'm.example.com', answers: [{ rdata: ['192.0.2.1'] }], meta: { colour: 'red' } }), 'meta.colour', /metadata type/);
    await expectRefused(update('example.com', 'A', { answers: [{ rdata: ['192.0.2.1'], meta: { upness: true } }] }), 'answers[0].meta.upness');
    await expectRefused(update('example.com', 'A', { regions: [{ name: 'r', meta: { continent: 'EU' } }] }), 'regions[0].meta.continent');
    await expectRefused(update('example.com', 'A', { filters: [{ filter: 'shuffle' }, { filter: 'random_pick' }] }), 'filters[1].filter', /NS1 filter/);
  });

  it('refuses a feed pointer without a feed id, before calling NS1', async () => {
    const { ns1 } = await expectRefused(
      create({ domain: 'm.example.com', answers: [{ rdata: ['192.0.2.1'], meta: { up: { feed: '' } } }] }),
      'answers[0].meta.up',
    );
    expect(ns1.total).toBe(0);
  });

  it('keeps NS1’s refusal of a pointer to a feed that does not exist as BAD_USER_INPUT, with nothing written', async () => {
    const { result } = await countUpstreamCalls(h, () =>
      h.gql(CREATE, {
        input: { zone: 'example.com', domain: 'm.example.com', type: 'A', answers: [{ rdata: ['192.0.2.1'], meta: { up: { feed: 'no-such-feed' } } }] },
      }),
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', provider: 'NS1', status: 400 });
    expect((await h.gql('{ record(zone: "example.com", domain: "m.example.com", type: A) { id } }')).data).toEqual({ record: null });
  });

  it('the NS1 sandbox refuses unknown metadata types and filters', async () => {
    expect((await ns1Send('POST', '/zones/example.com/example.com/A', { meta: { colour: 'red' } })).status).toBe(400);
    expect((await ns1Send('POST', '/zones/example.com/example.com/A', { filters: [{ filter: 'random_pick', config: {} }] })).status).toBe(400);
  });
});
