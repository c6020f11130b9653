import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema } from 'graphql';
import { buildSchema } from './index.js';

/** The federation subgraph SDL, sorted, exactly as committed in schema.graphql. */
export function printSchemaSdl(): string {
  return `${printSubgraphSchema(lexicographicSortSchema(buildSchema())).trim()}\n`;
}
