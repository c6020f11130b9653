import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator for a dnsgraph front end: typed operations from the client preset, with every
 * custom scalar mapped to what travels in the JSON (`strictScalars` fails the build on a scalar left out).
 * Point `schema` at a running gateway (http://localhost:4000/graphql) or at the SDL the repository ships.
 */
const config: CodegenConfig = {
  schema: '../../generated/schema.client.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: {
        strictScalars: true,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          Decimal: 'string',
          DomainName: 'string',
          EmailAddress: 'string',
          IP: 'string',
          IPv4: 'string',
          // The schema has a type named Record, which would shadow TypeScript's own in the generated file.
          JSON: '{ [key: string]: unknown }',
          JSONObject: '{ [key: string]: unknown }',
          File: 'File',
          // Federation's entity representations: in the schema a running gateway introspects, not in the client SDL.
          _Any: 'unknown',
        },
      },
    },
  },
};

export default config;
