import { composeServices } from '@apollo/composition';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { useApolloFederation } from '@envelop/apollo-federation';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countUpstreamCalls, useHarness } from '../../support/harness.js';
import { createOwnershipSubgraph } from './ownership-subgraph.js';
import { servingSdlWithoutSecurity } from './without-security-directives.js';

const OWNERSHIP_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Zone @key(fields: "name") { name: DomainName! owner: OwningTeam }
  scalar DomainName
  type OwningTeam { name: String! onCall: String! }
  type Service @key(fields: "id") { id: ID! name: String! zone: Zone! }
  type Query { services: [Service!]! }
`;

const h = useHarness();
let supergraph: ReturnType<typeof createYoga>;
let gateway: ApolloGateway;

async function query<T>(source: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const res = await supergraph.fetch('http://supergraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source, variables }),
  });
  return (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
}

beforeAll(async () => {
  const ownership = createOwnershipSubgraph();
  const subgraphs: Record<string, { fetch: typeof fetch }> = {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- yoga's fetch is bound to its server
    'http://dns.subgraph/graphql': { fetch: servingSdlWithoutSecurity(h.gateway.yoga.fetch as typeof fetch) },
    'http://ownership.subgraph/graphql': ownership as unknown as { fetch: typeof fetch },
  };
  gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: [
        { name: 'dns', url: 'http://dns.subgraph/graphql' },
        { name: 'ownership', url: 'http://ownership.subgraph/graphql' },
      ],
    }),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        fetcher: ((input: string, init: RequestInit) => subgraphs[String(url)]!.fetch(input, init)) as never,
      }),
  });
  await gateway.load();
  supergraph = createYoga({ plugins: [useApolloFederation({ gateway })], logging: false });
});

afterAll(async () => {
  await gateway.stop();
});

describe('dnsgraph as a subgraph of a company supergraph', () => {
  it('resolves a query from dnsgraph zones into the foreign subgraph’s field', async () => {
    const { data, errors } = await query<{ zones: Array<{ name: string; owner: { name: string } | null }> }>('{ zones { name owner { name onCall } } }');
    expect(errors).toBeUndefined();
    expect(data?.zones.find((z) => z.name === 'example.com')).toEqual({ name: 'example.com', owner: { name: 'web-platform', onCall: 'alice' } });
    expect(data?.zones.find((z) => z.name === 'buddy-only.io')?.owner).toBeNull();
  });

  it('resolves from the foreign subgraph’s entity into Zone.health and Zone.records', async () => {
    const { data, errors } = await query<{ services: unknown[] }>(
      '{ services { name zone { name providers health { serialsInSync problems } records(type: A) { domain shortAnswers } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.services).toEqual([
      {
        name: 'Shop front',
        zone: {
          name: 'example.com',
          providers: ['NS1', 'BUDDYNS'],
          health: { serialsInSync: true, problems: [] },
          records: [{ domain: 'example.com', shortAnswers: ['192.0.2.10'] }],
        },
      },
      {
        name: 'Book catalogue',
        zone: {
          name: 'bücher.de',
          providers: ['NS1', 'BUDDYNS'],
          health: { serialsInSync: false, problems: ['BuddyNS serial 2024010101 is behind NS1 2024010105'] },
          records: [{ domain: 'bücher.de', shortAnswers: ['192.0.2.20'] }],
        },
      },
    ]);
  });
});

describe('_entities', () => {
  const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name providers } ... on Record { domain type shortAnswers } } }';

  it('resolves 100 Zone representations with one request per distinct upstream resource', async () => {
    const names = ['example.com', 'xn--bcher-kva.de', 'bücher.de', 'ns1-only.com', 'buddy-only.io'];
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Zone', name: names[i % names.length] }));
    const { result, ns1, buddyns } = await countUpstreamCalls(h, () => h.gql<{ _entities: Array<{ name: string }> }>(ENTITIES, { r: representations }));
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toHaveLength(100);
    expect(result.data?._entities[1]).toEqual(result.data?._entities[2]);
    expect(buddyns.counts).toEqual({ 'GET /zone/': 1 });
    expect(ns1.counts).toEqual({
      'GET /zones/example.com': 1,
      'GET /zones/xn--bcher-kva.de': 1,
      'GET /zones/ns1-only.com': 1,
      'GET /zones/buddy-only.io': 1,
    });
  });

  it('answers null for an unknown key without failing the others', async () => {
    const { data, errors } = await h.gql<{ _entities: unknown[] }>(ENTITIES, {
      r: [
        { __typename: 'Zone', name: 'nowhere.example' },
        { __typename: 'Zone', name: 'example.com' },
        { __typename: 'Record', zone: 'example.com', domain: 'example.com', type: 'MX' },
        { __typename: 'Record', zone: 'example.com', domain: 'missing.example.com', type: 'A' },
      ],
    });
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      null,
      { name: 'example.com', providers: ['NS1', 'BUDDYNS'] },
      { domain: 'example.com', type: 'MX', shortAnswers: ['5 mail1.example.com', '10 mail2.example.com'] },
      null,
    ]);
  });
});

describe('_entities with representations that name no entity', () => {
  const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name } } }';

  it('refuses each at its own position as BAD_USER_INPUT, resolves the others, compiled or not, and logs no fault', async () => {
    const representations = [
      { __typename: 'Nope', name: 'x' },
      { __typename: 'Zone', name: 'example.com' },
      { name: 'example.com' },
      'example.com',
      { __typename: 'Team', id: '1' },
    ];
    for (let ask = 0; ask < 3; ask++) {
      const logged = h.logLines.length;
      const { data, errors } = await h.gql<{ _entities: unknown[] }>(ENTITIES, { r: representations });
      expect(data?._entities).toEqual([null, { name: 'example.com' }, null, null, null]);
      expect(errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
        [['_entities', 0], 'BAD_USER_INPUT'],
        [['_entities', 2], 'BAD_USER_INPUT'],
        [['_entities', 3], 'BAD_USER_INPUT'],
        [['_entities', 4], 'BAD_USER_INPUT'],
      ]);
      expect(errors?.[0]?.message).toBe('representations[0]: "Nope" is not an entity of this subgraph');
      expect(h.logLines.slice(logged).filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
    }
  });
});

describe('_entities for NS1 operations', () => {
  it('resolves MonitorJob, DataSource, DataFeed and Invoice by id, batched, with null for unknown ids', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) {
      ... on MonitorJob { jobName: name status { global { status } } }
      ... on DataSource { name }
      ... on DataFeed { name }
      ... on Invoice { amount }
    } }`;
    const representations = [
      { __typename: 'MonitorJob', id: '52a27d4397d5f07003fdbe7b' },
      { __typename: 'MonitorJob', id: '52cae678830f7809ec5c9f6b' },
      { __typename: 'MonitorJob', id: 'nope' },
      { __typename: 'DataSource', id: 'a53252f9e583c6708331a1da' },
      { __typename: 'DataFeed', id: '520533b89f782d5b1a10a851' },
      { __typename: 'DataFeed', id: '520533dc9f782d5b1a10a854' },
      { __typename: 'Invoice', id: '727' },
      { __typename: 'Invoice', id: '655' },
      { __typename: 'Invoice', id: '1' },
    ];
    const { result, ns1 } = await countUpstreamCalls(h, () => h.gql<{ _entities: unknown[] }>(query, { r: representations }));
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      { jobName: 'web-east ping', status: { global: { status: expect.any(String) } } },
      { jobName: 'web-west:443', status: { global: { status: expect.any(String) } } },
      null,
      { name: 'Web servers' },
      { name: 'web-east' },
      { name: 'web-west' },
      { amount: '2400.00' },
      { amount: '1187.35' },
      null,
    ]);
    expect(ns1.counts).toEqual({
      'GET /monitoring/jobs/52a27d4397d5f07003fdbe7b': 1,
      'GET /monitoring/jobs/52cae678830f7809ec5c9f6b': 1,
      'GET /monitoring/jobs/nope': 1,
      'GET /data/sources': 1,
      'GET /account/invoices': 1,
    });
  });
});

describe('composition', () => {
  const ours = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');

  it('composes with the committed subgraph SDL', () => {
    const result = composeServices([
      { name: 'dns', typeDefs: parse(ours), url: 'http://dns' },
      { name: 'ownership', typeDefs: parse(OWNERSHIP_SDL), url: 'http://ownership' },
    ]);
    expect(result.errors).toBeUndefined();
  });

  it('carries the scopes of its fields into the supergraph for a router to enforce', () => {
    expect(ours).toMatch(/\): \[Zone!\]! @requiresScopes\(scopes: \[\["dns:read"\]\]\)/);
    const result = composeServices([
      { name: 'dns', typeDefs: parse(ours), url: 'http://dns' },
      { name: 'ownership', typeDefs: parse(OWNERSHIP_SDL), url: 'http://ownership' },
    ]);
    expect(result.supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/requiresScopes/v0.1", for: SECURITY)');
    expect(result.supergraphSdl).toMatch(/createZone\([^)]*input: CreateZoneInput!\s*\): Zone! .*@requiresScopes\(scopes: \[\["dns:write"\]\]\)/);
  });

  it('fails when a key field of Zone is renamed, so a rename cannot slip through', () => {
    const renamed = ours.replace('@key(fields: "name")', '@key(fields: "zoneName")');
    const result = composeServices([
      { name: 'dns', typeDefs: parse(renamed), url: 'http://dns' },
      { name: 'ownership', typeDefs: parse(OWNERSHIP_SDL), url: 'http://ownership' },
    ]);
    expect(renamed).not.toBe(ours);
    expect(result.errors?.map((e) => e.message)).toEqual([expect.stringContaining('On type "Zone", for @key(fields: "zoneName")')]);
  });
});
