import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();

const ZONE_FILE = `$ORIGIN imported.example.
$TTL 300
@	SOA	ns1.imported.example. hostmaster.imported.example. 2024070101 43200 7200 1209600 3600
@	NS	ns1
@	NS	ns2
@	A	192.0.2.1
www	A	192.0.2.1
www	A	192.0.2.2
@	MX	10 mail
txt	TXT	"hello world" "second string"
`;

const IMPORT = `mutation ($file: File!, $async: Boolean) {
  importZoneFile(name: "imported.example", zoneFile: $file, async: $async) { id type status finished responseCode error warnings recordCount zone { name providers } }
}`;

/** A GraphQL multipart request (the spec yoga implements), as Apollo Upload client sends it: with its preflight-forcing header. */
async function upload(contents: string, asyncImport: boolean) {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: IMPORT, variables: { file: null, async: asyncImport } }));
  form.set('map', JSON.stringify({ 0: ['variables.file'] }));
  form.set('0', new File([contents], 'imported.example.zone', { type: 'text/plain' }));
  const res = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
  return (await res.json()) as {
    data?: { importZoneFile: Record<string, unknown> } | null;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}

describe('zone file import', () => {
  it('imports synchronously, with warnings, and the records are there', async () => {
    const { data, errors } = await upload(ZONE_FILE, false);
    expect(errors).toBeUndefined();
    expect(data?.importZoneFile).toMatchObject({
      type: null,
      finished: true,
      responseCode: 200,
      error: null,
      warnings: ['NS records at the zone apex were replaced by the NS1 name servers'],
      recordCount: 5,
      zone: { name: 'imported.example', providers: ['NS1'] },
    });
    const zone = await h.gql<{ zone: { records: Array<{ domain: string; type: string; shortAnswers: string[] }> } }>(
      '{ zone(name: "imported.example") { records { domain type shortAnswers } } }',
    );
    expect(zone.data?.zone.records).toContainEqual({ domain: 'www.imported.example', type: 'A', shortAnswers: ['192.0.2.1', '192.0.2.2'] });
    expect(zone.data?.zone.records).toContainEqual({ domain: 'imported.example', type: 'MX', shortAnswers: ['10 mail.imported.example'] });
    expect(zone.data?.zone.records).toContainEqual({ domain: 'txt.imported.example', type: 'TXT', shortAnswers: ['hello world second string'] });
  });

  it('imports asynchronously: a pending job that zoneImport follows to completion', async () => {
    await h.ns1Control.freezeClock();
    const started = await upload(ZONE_FILE, true);
    expect(started.data?.importZoneFile).toMatchObject({ type: 'importzonefile', finished: false, responseCode: null, zone: null });
    const jobId = String(started.data?.importZoneFile.id);
    const FOLLOW = 'query ($id: ID!) { zoneImport(jobId: $id) { finished status percent responseCode recordCount zone { name } } }';
    expect((await h.gql(FOLLOW, { id: jobId })).data).toMatchObject({ zoneImport: { finished: false } });
    await h.ns1Control.advanceClock(5);
    expect((await h.gql(FOLLOW, { id: jobId })).data).toEqual({
      zoneImport: { finished: true, status: 'Created zone and 5 records', percent: 100, responseCode: 200, recordCount: 5, zone: { name: 'imported.example' } },
    });
  });

  it('refuses a malformed zone file with the line at fault', async () => {
    const { data, errors } = await upload(`$ORIGIN imported.example.\n$TTL 300\nwww A 192.0.2.1\nbad A 999.1.1.1\n`, false);
    expect(data).toBeNull();
    expect(errors?.[0]).toMatchObject({
      message: 'NS1: zone file error at line 4: invalid A record: 999.1.1.1 is not a valid IPv4 address',
      extensions: { code: 'BAD_USER_INPUT', provider: 'NS1' },
    });
  });

  it('reports a failed asynchronous import through its job', async () => {
    await h.ns1Control.freezeClock();
    const started = await upload('www IN BOGUS nonsense\n', true);
    await h.ns1Control.advanceClock(5);
    const { data } = await h.gql('query ($id: ID!) { zoneImport(jobId: $id) { finished responseCode error } }', { id: started.data?.importZoneFile.id });
    expect(data).toEqual({ zoneImport: { finished: true, responseCode: 400, error: 'zone file error at line 1: unsupported record type BOGUS' } });
  });

  it('refuses a zone NS1 already has with CONFLICT before the upload, its records untouched', async () => {
    const form = new FormData();
    const query = 'mutation ($f: File!) { importZoneFile(name: "example.com", zoneFile: $f) { id } }';
    form.set('operations', JSON.stringify({ query, variables: { f: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new File(['$ORIGIN example.com.\n$TTL 60\nwww A 10.0.0.1\n'], 'example.com.zone'));
    const RECORD = '{ record(zone: "example.com", domain: "example.com", type: A) { ttl shortAnswers filters { filter } } }';
    const before = (await h.gql(RECORD)).data;
    expect(before).toMatchObject({ record: { ttl: expect.any(Number) } });
    const { result, ns1 } = await countUpstreamCalls(h, async () => {
      const res = await h.gateway.yoga.fetch('http://dnsgraph.test/graphql', { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
      return (await res.json()) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', provider: 'NS1' });
    expect(Object.keys(ns1.counts).filter((route) => !route.startsWith('GET '))).toEqual([]);
    expect((await h.gql(RECORD)).data).toEqual(before);
  });

  it('answers null for an unknown job', async () => {
    expect((await h.gql('{ zoneImport(jobId: "nope") { id } }')).data).toEqual({ zoneImport: null });
  });
});
