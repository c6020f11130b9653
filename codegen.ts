import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen` first prints the Pothos schema to schema.graphql (scripts/print-schema.ts), then
 * loads that SDL here, which checks it is a valid document, and writes the client-facing copy that
 * front-end teams feed to their own codegen.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'generated/schema.client.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, sort: true },
    },
  },
  hooks: {},
};

export default config;
