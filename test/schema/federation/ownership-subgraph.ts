import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

/**
 * A company's own subgraph, as a platform team would write it: it extends dnsgraph's Zone with the team
 * that owns it, and contributes a Service entity that points at the Zone it is served from.
 */
export const OWNERSHIP_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Zone @key(fields: "name") {
    name: DomainName!
    owner: OwningTeam
  }

  scalar DomainName

  type OwningTeam {
    name: String!
    onCall: String!
  }

  type Service @key(fields: "id") {
    id: ID!
    name: String!
    zone: Zone!
  }

  type Query {
    services: [Service!]!
  }
`;

const typeDefs = parse(OWNERSHIP_SDL);

const OWNERS: Record<string, { name: string; onCall: string }> = {
  'example.com': { name: 'web-platform', onCall: 'alice' },
  'bücher.de': { name: 'books', onCall: 'bob' },
};

const SERVICES = [
  { id: 'svc-shop', name: 'Shop front', zone: 'example.com' },
  { id: 'svc-books', name: 'Book catalogue', zone: 'bücher.de' },
];

const resolvers = {
  Query: {
    services: () => SERVICES,
  },
  Zone: {
    __resolveReference: (ref: { name: string }) => ({ name: ref.name }),
    owner: (zone: { name: string }) => OWNERS[zone.name] ?? null,
  },
  Service: {
    __resolveReference: (ref: { id: string }) => SERVICES.find((s) => s.id === ref.id) ?? null,
    zone: (service: { zone: string }) => ({ __typename: 'Zone', name: service.zone }),
  },
};

export function createOwnershipSubgraph() {
  return createYoga({
    schema: buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]),
    graphqlEndpoint: '/graphql',
    logging: false,
  });
}
