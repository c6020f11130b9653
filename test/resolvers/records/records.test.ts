import { beforeEach, describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();

const CREATE = 'mutation ($input: CreateRecordInput!) { createRecord(input: $input) { zone domain type shortAnswers answers { rdata } } }';

const VALID: Array<[string, string, string[], string[]]> = [
  ['A', 'a', ['192.0.2.1'], ['198.51.100.256']],
  ['AAAA', 'aaaa', ['2001:db8::1'], ['192.0.2.1']],
  ['ALIAS', '@', ['lb.example.org'], ['not a host!']],
  ['AFSDB', 'afs', ['1', 'afsdb.example.org'], ['one', 'afsdb.example.org']],
  ['CERT', 'cert', ['1', '0', '8', 'MIIBIjANBgkq'], ['1', '0', '300', 'MIIBIjANBgkq']],
  ['CNAME', 'www', ['example.org'], ['bad..name']],
  ['DNAME', 'old', ['example.org'], ['-bad-.example']],
  ['HINFO', 'host', ['INTEL-386', 'LINUX'], ['INTEL-386']],
  ['MX', '@', ['10', 'mail.example.org'], ['mail.example.org']],
  ['NAPTR', 'sip', ['100', '10', 'S', 'SIP+D2U', '', '_sip._udp.example.org'], ['100', '10', 'S!', 'SIP+D2U', '', '_sip._udp.example.org']],
  ['NS', 'sub', ['ns1.example.net'], ['ns1 example net']],
  ['PTR', '4', ['www.example.org'], ['http://www.example.org']],
  ['RP', '@', ['admin.example.org', 'info.example.org'], ['admin.example.org']],
  ['SPF', '@', ['v=spf1 -all'], ['x'.repeat(256)]],
  ['SRV', '_sip._tcp', ['10', '60', '5060', 'sip.example.org'], ['10', '60', '70000', 'sip.example.org']],
  ['TXT', '@', ['hello', 'world'], []],
];

const fqdn = (label: string) => (label === '@' ? 'example.org' : `${label}.example.org`);

describe('records of every type', () => {
  beforeEach(async () => {
    const { errors } = await h.gql('mutation { createZone(input: { name: "example.org", providers: [NS1] }) { name } }');
    expect(errors).toBeUndefined();
  });

  for (const [type, label, good, bad] of VALID) {
    it(`creates a ${type} record with valid RDATA and reads it back`, async () => {
      const { data, errors } = await h.gql(CREATE, { input: { zone: 'example.org', domain: fqdn(label), type, answers: [{ rdata: good }] } });
      expect(errors).toBeUndefined();
      expect(data).toEqual({ createRecord: { zone: 'example.org', domain: fqdn(label), type, shortAnswers: [good.join(' ')], answers: [{ rdata: good }] } });
      const read = await h.gql('query ($d: DomainName!, $t: RecordType!) { record(zone: "example.org", domain: $d, type: $t) { answers { rdata } } }', {
        d: fqdn(label),
        t: type,
      });
      expect(read.data).toEqual({ record: { answers: [{ rdata: good }] } });
    });

    it(`refuses a ${type} record with invalid RDATA before calling NS1`, async () => {
      const { result, ns1 } = await countUpstreamCalls(h, () =>
        h.gql(CREATE, { input: { zone: 'example.org', domain: fqdn(label), type, answers: [{ rdata: bad }] } }),
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^answers\[0\]\.rdata/) });
      expect(result.errors?.[0]?.message).toMatch(/^answers\[0\]\.rdata/);
      expect(ns1.total).toBe(0);
    });
  }

  it('names the field and the value in the message', async () => {
    const { errors } = await h.gql(CREATE, { input: { zone: 'example.org', domain: 'a.example.org', type: 'A', answers: [{ rdata: ['300.1.1.1'] }] } });
    expect(errors?.[0]?.message).toBe('answers[0].rdata[0]: "300.1.1.1" is not an IPv4 address');
  });

  it('refuses a name outside the zone before calling NS1, to create, change or delete', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      Promise.all([
        h.gql(CREATE, { input: { zone: 'example.org', domain: 'www.example.com', type: 'A', answers: [{ rdata: ['192.0.2.1'] }] } }),
        h.gql('mutation { updateRecord(zone: "example.org", domain: "www.example.com", type: A, input: { ttl: 60 }) { id } }'),
        h.gql('mutation { deleteRecord(zone: "example.org", domain: "www.example.com", type: A) }'),
      ]),
    );
    for (const answer of result) expect(answer.errors?.[0]?.message).toBe('domain: www.example.com is not within zone example.org');
    expect(ns1.total).toBe(0);
  });

  it('keeps NS1’s refusal of a duplicate record as BAD_USER_INPUT', async () => {
    const input = { zone: 'example.org', domain: 'a.example.org', type: 'A', answers: [{ rdata: ['192.0.2.1'] }] };
    await h.gql(CREATE, { input });
    const { errors } = await h.gql(CREATE, { input });
    expect(errors?.[0]).toMatchObject({ message: 'NS1: record already exists', extensions: { code: 'BAD_USER_INPUT', provider: 'NS1', status: 400 } });
  });
});

describe('updating and deleting records', () => {
  it('updates answers and filters, and the zone listing shows the change', async () => {
    const { data, errors } = await h.gql(
      `mutation { updateRecord(zone: "example.com", domain: "example.com", type: A, input: { answers: [{ rdata: ["192.0.2.99"] }], filters: [{ filter: "shuffle" }], ttl: 120 }) { ttl shortAnswers filters { filter } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ updateRecord: { ttl: 120, shortAnswers: ['192.0.2.99'], filters: [{ filter: 'shuffle' }] } });
    const zone = await h.gql<{ zone: { records: Array<{ shortAnswers: string[] }> } }>('{ zone(name: "example.com") { records(type: A) { shortAnswers } } }');
    expect(zone.data?.zone.records).toEqual([{ shortAnswers: ['192.0.2.99'] }]);
  });

  it('refuses a change to no answers at all, and a new answer in a region the record does not have, before calling NS1', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      Promise.all([
        h.gql('mutation { updateRecord(zone: "example.com", domain: "example.com", type: A, input: { answers: [] }) { id } }'),
        h.gql(CREATE, { input: { zone: 'example.com', domain: 'geo.example.com', type: 'A', answers: [{ rdata: ['192.0.2.1'], region: 'nowhere' }] } }),
      ]),
    );
    expect(result.map((r) => r.errors?.[0]?.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'answers' },
      { code: 'BAD_USER_INPUT', field: 'answers[0].region' },
    ]);
    expect(ns1.total).toBe(0);
  });

  it('sends the host names of RDATA to NS1 in ASCII, as it takes them, when they are given in Unicode', async () => {
    const { data, errors } = await h.gql(CREATE, {
      input: { zone: 'example.com', domain: 'shop.example.com', type: 'MX', answers: [{ rdata: ['10', 'mail.bücher.de'] }] },
    });
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ createRecord: { answers: [{ rdata: ['10', 'mail.xn--bcher-kva.de'] }] } });
  });

  it('refuses an empty ifVersion before calling NS1, rather than answering CONFLICT', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      Promise.all([
        h.gql('mutation { updateRecord(zone: "example.com", domain: "example.com", type: A, input: { ttl: 60 }, ifVersion: "") { id } }'),
        h.gql('mutation { deleteRecord(zone: "example.com", domain: "example.com", type: A, ifVersion: "") }'),
        h.gql('mutation { updateZone(name: "example.com", input: { ns1: { ttl: 60 } }, ifVersion: "") { name } }'),
      ]),
    );
    for (const answer of result) expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result[0]?.errors?.[0]?.message).toContain('give the version you read');
    expect(ns1.total).toBe(0);
  });

  it('answers null, not an empty object, for metadata and filter options that are not there', async () => {
    await h.gql('mutation { updateRecord(zone: "example.com", domain: "example.com", type: A, input: { filters: [{ filter: "shuffle" }], meta: {} }) { id } }');
    const { data } = await h.gql(
      '{ record(zone: "example.com", domain: "example.com", type: A) { meta filters { config } } zone(name: "example.com") { ns1 { meta } } }',
    );
    expect(data).toEqual({ record: { meta: null, filters: [{ config: null }] }, zone: { ns1: { meta: null } } });
  });

  it('deletes a record, then answers NOT_FOUND for it', async () => {
    expect((await h.gql('mutation { deleteRecord(zone: "example.com", domain: "www.example.com", type: CNAME) }')).data).toEqual({ deleteRecord: true });
    const again = await h.gql('mutation { deleteRecord(zone: "example.com", domain: "www.example.com", type: CNAME) }');
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql('{ record(zone: "example.com", domain: "www.example.com", type: CNAME) { id } }')).data).toEqual({ record: null });
  });

  it('creates in an unknown zone: NOT_FOUND, nothing written', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      h.gql(CREATE, { input: { zone: 'nowhere.example', domain: 'a.nowhere.example', type: 'A', answers: [{ rdata: ['192.0.2.1'] }] } }),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(Object.keys(ns1.counts)).toEqual(['GET /zones/nowhere.example']);
  });
});
