import { describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';
import { ns1SandboxKeys } from '../../../src/sandbox/ns1/index.js';

const h = useHarness();

const SOURCE = 'a53252f9e583c6708331a1da';
const EAST = '520533b89f782d5b1a10a851';

describe('data sources and feeds', () => {
  it('lists source types, sources with feeds, and each feed’s destination record', async () => {
    const { data, errors } = await h.gql<{
      dataSourceTypes: Array<{ key: string }>;
      dataSources: Array<{ feeds: Array<{ name: string; destinations: Array<{ record: { domain: string; type: string } }> }> }>;
    }>(
      '{ dataSourceTypes { key shortDescription feedConfig } dataSources { id name sourceType status feeds { id name config destinations { destType record { domain type } } source { name } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.dataSourceTypes.map((t) => t.key)).toEqual(expect.arrayContaining(['nsone_v1', 'cloudwatch']));
    expect(data?.dataSources).toEqual([
      {
        id: SOURCE,
        name: 'Web servers',
        sourceType: 'nsone_v1',
        status: 'ok',
        feeds: [
          {
            id: EAST,
            name: 'web-east',
            config: { label: 'web-east' },
            destinations: [{ destType: 'answer', record: { domain: 'www.ns1-only.com', type: 'A' } }],
            source: { name: 'Web servers' },
          },
          {
            id: '520533dc9f782d5b1a10a854',
            name: 'web-west',
            config: { label: 'web-west' },
            destinations: [{ destType: 'answer', record: { domain: 'www.ns1-only.com', type: 'A' } }],
            source: { name: 'Web servers' },
          },
        ],
      },
    ]);
  });

  it('costs one request per distinct resource for all sources with feeds and destination records', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () => h.gql('{ dataSources { feeds { destinations { record { domain answers { rdata } } } } } }'));
    expect(result.errors).toBeUndefined();
    const routes = ns1.routes;
    expect(routes['GET /data/sources']).toBe(1);
    expect(routes['GET /zones']).toBe(1);
    expect(routes['GET /zones/:zone/:domain/:type']).toBe(1);
    expect(Object.values(ns1.counts).every((n) => n === 1)).toBe(true);
  });

  it('follows a record’s feed pointers to their feeds', async () => {
    const { data } = await h.gql(
      '{ record(zone: "ns1-only.com", domain: "www.ns1-only.com", type: A) { answers { feeds { source feed dataFeed { name source { sourceType } } } } } }',
    );
    expect(data).toEqual({
      record: {
        answers: [
          { feeds: [{ source: SOURCE, feed: EAST, dataFeed: { name: 'web-east', source: { sourceType: 'nsone_v1' } } }] },
          { feeds: [{ source: SOURCE, feed: '520533dc9f782d5b1a10a854', dataFeed: { name: 'web-west', source: { sourceType: 'nsone_v1' } } }] },
        ],
      },
    });
  });

  it('publishes data, and the answers pointing at the feed show it on the next query', async () => {
    const publish = await h.gql('mutation ($s: ID!, $d: JSONObject!) { publishFeedData(sourceId: $s, data: $d) }', {
      s: SOURCE,
      d: { 'web-east': { up: false } },
    });
    expect(publish.data).toEqual({ publishFeedData: true });
    const { data } = await h.gql<{ record: { answers: Array<{ meta: Record<string, unknown> }> } }>(
      '{ record(zone: "ns1-only.com", domain: "www.ns1-only.com", type: A) { answers { meta } } }',
    );
    expect(data?.record.answers[0]?.meta.up).toBe(false);
    expect((await h.gql('query ($s: ID!, $f: ID!) { dataFeed(sourceId: $s, id: $f) { data } }', { s: SOURCE, f: EAST })).data).toEqual({
      dataFeed: { data: { up: false } },
    });
  });

  it('creates, updates and deletes a source and a feed', async () => {
    const source = await h.gql<{ createDataSource: { id: string } }>(
      'mutation { createDataSource(input: { name: "api", sourceType: "nsone_v1" }) { id name sourceType } }',
    );
    const sourceId = source.data!.createDataSource.id;
    const feed = await h.gql<{ createDataFeed: { id: string } }>(
      'mutation ($s: ID!) { createDataFeed(sourceId: $s, input: { name: "api-1", config: { label: "api-1" } }) { id name } }',
      { s: sourceId },
    );
    expect(feed.errors).toBeUndefined();
    const feedId = feed.data!.createDataFeed.id;
    expect(
      (await h.gql('mutation ($s: ID!, $f: ID!) { updateDataFeed(sourceId: $s, id: $f, input: { name: "api-one" }) { name } }', { s: sourceId, f: feedId }))
        .data,
    ).toEqual({ updateDataFeed: { name: 'api-one' } });
    expect((await h.gql('mutation ($s: ID!) { updateDataSource(id: $s, input: { name: "apis" }) { name feeds { name } } }', { s: sourceId })).data).toEqual({
      updateDataSource: { name: 'apis', feeds: [{ name: 'api-one' }] },
    });
    expect((await h.gql('mutation ($s: ID!, $f: ID!) { deleteDataFeed(sourceId: $s, id: $f) }', { s: sourceId, f: feedId })).data).toEqual({
      deleteDataFeed: true,
    });
    expect((await h.gql('mutation ($s: ID!) { deleteDataSource(id: $s) }', { s: sourceId })).data).toEqual({ deleteDataSource: true });
    expect((await h.gql('query ($s: ID!) { dataSource(id: $s) { id } }', { s: sourceId })).data).toEqual({ dataSource: null });
  });

  it('keeps NS1’s refusal of a feed without its required config', async () => {
    const { errors } = await h.gql('mutation ($s: ID!) { createDataFeed(sourceId: $s, input: { name: "x" }) { id } }', { s: SOURCE });
    expect(errors?.[0]).toMatchObject({ message: 'NS1: config.label is required for a nsone_v1 feed', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses an empty publish before calling NS1', async () => {
    const { result, ns1 } = await countUpstreamCalls(h, () => h.gql('mutation ($s: ID!) { publishFeedData(sourceId: $s, data: {}) }', { s: SOURCE }));
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(ns1.total).toBe(0);
  });
});

describe('secrets of a data source', () => {
  const upstreamConfig = async (id: string) => {
    const response = await fetch(`${h.ns1.baseUrl}/data/sources/${id}`, { headers: { 'x-nsone-key': ns1SandboxKeys().admin } });
    return ((await response.json()) as { config: Record<string, unknown> }).config;
  };

  it('keeps a secret sent back as it reads, while the option beside it changes', async () => {
    const created = await h.gql<{ createDataSource: { id: string; config: Record<string, unknown> } }>(
      'mutation { createDataSource(input: { name: "monitis", sourceType: "monitis", config: { api_key: "KEEP-ME", secret_key: "OLD" } }) { id config } }',
    );
    const { id, config } = created.data!.createDataSource;
    expect(config).toEqual({ api_key: '********', secret_key: '********' });
    const updated = await h.gql(`mutation { updateDataSource(id: "${id}", input: { config: { api_key: "********", secret_key: "NEW" } }) { config } }`);
    expect(updated.errors).toBeUndefined();
    expect(await upstreamConfig(id)).toEqual({ api_key: 'KEEP-ME', secret_key: 'NEW' });
  });

  it('refuses a mask where no secret is set, before writing', async () => {
    // A cloudwatch source requires no config, so it can hold one secret without the other (a monitis source needs both).
    const created = await h.gql<{ createDataSource: { id: string } }>(
      'mutation { createDataSource(input: { name: "half", sourceType: "cloudwatch", config: { secret_key: "S" } }) { id } }',
    );
    const id = created.data!.createDataSource.id;
    const { result, ns1 } = await countUpstreamCalls(h, () =>
      h.gql(`mutation { updateDataSource(id: "${id}", input: { config: { api_key: "********", secret_key: "S2" } }) { id } }`),
    );
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.config.api_key' });
    expect(Object.keys(ns1.counts).filter((call) => !call.startsWith('GET'))).toEqual([]);
    expect(await upstreamConfig(id)).toEqual({ secret_key: 'S' });
  });
});
