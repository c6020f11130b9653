import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';

const h = useHarness();

describe('NS1 catalogues and search', () => {
  it('lists networks, metadata types and filter types', async () => {
    const { data, errors } = await h.gql<{ networks: unknown[]; metaTypes: Array<{ key: string }>; filterTypes: Array<{ key: string; inputs: string[] }> }>(
      '{ networks { id label name } metaTypes { key shortDescription category } filterTypes { key tier inputs config } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.networks).toContainEqual({ id: 0, label: 'NSONE', name: 'NSONE Global Network' });
    expect(data?.metaTypes.map((m) => m.key)).toEqual(expect.arrayContaining(['up', 'georegion']));
    expect(data?.filterTypes.find((f) => f.key === 'up')?.inputs).toEqual(['up']);
  });

  it('finds zones and records, each resolved to its full type', async () => {
    const { data, errors } = await h.gql<{ search: Array<Record<string, unknown>> }>(
      '{ search(query: "example.com", max: 20) { __typename ... on Zone { name providers } ... on Record { domain type shortAnswers } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.search[0]).toEqual({ __typename: 'Zone', name: 'example.com', providers: ['NS1', 'BUDDYNS'] });
    expect(data?.search).toContainEqual({
      __typename: 'Record',
      domain: 'example.com',
      type: 'MX',
      shortAnswers: ['5 mail1.example.com', '10 mail2.example.com'],
    });
  });

  it('finds an IDN zone by the Unicode name the API shows, as by its ASCII form', async () => {
    const find = async (query: string) =>
      (await h.gql<{ search: unknown[] }>(`{ search(query: "${query}") { __typename ... on Zone { name } ... on Record { domain } } }`)).data?.search;
    const ascii = await find('xn--bcher-kva');
    expect(ascii).toContainEqual({ __typename: 'Zone', name: 'bücher.de' });
    expect(await find('bücher')).toEqual(ascii);
    expect(await find('bücher.de')).toEqual(ascii);
  });

  it('restricts to records and honours max', async () => {
    const { data } = await h.gql<{ search: Array<{ __typename: string }> }>('{ search(query: "ns1-only", type: RECORD, max: 3) { __typename } }');
    expect(data?.search).toHaveLength(3);
    expect(new Set(data?.search.map((s) => s.__typename))).toEqual(new Set(['Record']));
  });

  it('refuses an empty query or a max out of range before calling NS1', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () => h.gql('{ a: search(query: " ") { __typename } }'));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('must not be empty');
    const second = await countUpstreamCalls(h, () => h.gql('{ search(query: "x", max: 0) { __typename } }'));
    expect(second.result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ns1.total + second.ns1.total).toBe(0);
  });
});

describe('search by fragments and without extra reads', () => {
  it('finds an IDN zone by a Unicode fragment of its name', async () => {
    const created = await h.gql('mutation { createZone(input: { name: "müller-qa.de", providers: [NS1] }) { name } }');
    expect(created.errors).toBeUndefined();
    const find = async (query: string) =>
      (await h.gql<{ search: unknown[] }>(`{ search(query: "${query}", type: ZONE) { __typename ... on Zone { name } } }`)).data?.search;
    expect(await find('müller')).toEqual([{ __typename: 'Zone', name: 'müller-qa.de' }]);
    expect(await find('ücher')).toEqual([{ __typename: 'Zone', name: 'bücher.de' }]);
    expect(await find('MÜLLER-qa')).toEqual([{ __typename: 'Zone', name: 'müller-qa.de' }]);
  });

  it('reads no record in full when only its zone, name and type are selected', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      h.gql<{ search: Array<Record<string, unknown>> }>('{ search(query: "example", max: 20) { ... on Record { zone domain type } } }'),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.search).toContainEqual({ zone: 'example.com', domain: 'www.example.com', type: 'CNAME' });
    expect(Object.keys(ns1.counts).filter((call) => /^GET \/zones\/[^/]+\/[^/]+\/[^/]+$/.test(call))).toEqual([]);
  });

  it('still reads the whole record when a field of the full record is selected', async () => {
    const { data } = await h.gql<{ search: Array<Record<string, unknown>> }>(
      '{ search(query: "www.example.com", type: RECORD) { ... on Record { domain answers { rdata } } } }',
    );
    expect(data?.search).toContainEqual({ domain: 'www.example.com', answers: [{ rdata: ['example.com'] }] });
  });
});
