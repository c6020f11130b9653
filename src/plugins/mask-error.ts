import { GraphQLError } from 'graphql';
import { toGraphQLError } from '../errors/to-graphql-error.js';

/**
 * Decides what a client sees of a failure. Provider and gateway errors keep their message and code;
 * errors graphql-js raised about the request itself pass unchanged; anything else is an internal fault,
 * hidden behind a generic message (the operation's access line logs it, with the request id).
 */
export function createMaskError() {
  return (error: unknown, message: string): Error => {
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const original = graphqlError?.originalError ?? error;
    const at = { ...(graphqlError?.path ? { path: graphqlError.path } : {}), ...(graphqlError?.nodes ? { nodes: graphqlError.nodes } : {}) };
    const mapped = toGraphQLError(original, at);
    if (mapped) return mapped;
    if (original instanceof GraphQLError) return original;
    if (graphqlError && !graphqlError.originalError) return graphqlError;
    return new GraphQLError(message, { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
