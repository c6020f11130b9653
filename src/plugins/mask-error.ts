import { GraphQLError, Kind } from 'graphql';
import { toGraphQLError } from '../errors/to-graphql-error.js';

/**
 * An error graphql-js raised about a variable's value before anything ran ("Variable "$name" got invalid value
 * 5; …", "… was not provided."): it stands at the variable's definition and has no path.
 */
const aboutAVariable = (error: GraphQLError): boolean => !error.path && error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION;

/**
 * A request that is not a GraphQL request (BAD_REQUEST: no query, a body that is not JSON, variables that are not an
 * object) keeps its 4xx whatever the client accepts; yoga would answer some of them 200 to a client that accepts
 * application/json. A body that is not JSON comes with the JSON parser's message, which quotes the whole body, up
 * to the body limit: the quote is cut. Both in place: a replaced error would be logged by yoga as the gateway's own.
 */
function asRequestError(error: GraphQLError): GraphQLError {
  if (error.extensions.code !== 'BAD_REQUEST') return error;
  const { http } = error.extensions;
  if (http) http.spec = false;
  const detail = error.extensions.originalError as { message?: unknown } | undefined;
  if (typeof detail?.message === 'string') detail.message = detail.message.replace(/, "[\s\S]*" is not valid JSON$/, '');
  return error;
}

/**
 * Decides what a client sees of a failure. Provider and gateway errors keep their message and code;
 * errors graphql-js raised about the request itself pass unchanged, a variable's with BAD_USER_INPUT; anything
 * else is an internal fault, hidden behind a generic message (the operation's access line logs it, with the
 * request id).
 */
export function createMaskError() {
  return (error: unknown, message: string): Error => {
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const original = graphqlError?.originalError ?? error;
    const at = { ...(graphqlError?.path ? { path: graphqlError.path } : {}), ...(graphqlError?.nodes ? { nodes: graphqlError.nodes } : {}) };
    const mapped = toGraphQLError(original, at);
    if (mapped) return mapped;
    if (graphqlError && aboutAVariable(graphqlError)) {
      return new GraphQLError(graphqlError.message, { nodes: graphqlError.nodes, extensions: { ...graphqlError.extensions, code: 'BAD_USER_INPUT' } });
    }
    if (graphqlError && !graphqlError.originalError) return asRequestError(graphqlError);
    if (original instanceof GraphQLError) return original;
    return new GraphQLError(message, { ...at, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}
