import { GraphQLError } from 'graphql';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import type { Logger } from '../logger.js';

/**
 * Decides what a client sees of a failure. Provider and gateway errors keep their message and code;
 * errors graphql-js raised about the request itself pass unchanged; anything else is an internal fault,
 * logged and hidden behind a generic message.
 */
export function createMaskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const original = graphqlError?.originalError ?? error;
    const at = { ...(graphqlError?.path ? { path: graphqlError.path } : {}), ...(graphqlError?.nodes ? { nodes: graphqlError.nodes } : {}) };
    const mapped = toGraphQLError(original, at);
    if (mapped) return mapped;
    if (original instanceof GraphQLError) return original;
    if (graphqlError && !graphqlError.originalError) return graphqlError;
    logger.error('unexpected error while executing an operation', {
      error: original instanceof Error ? `${original.name}: ${original.message}` : String(original),
      path: graphqlError?.path?.join('.'),
    });
    return new GraphQLError(message, { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
