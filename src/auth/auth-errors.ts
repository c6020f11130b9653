import { GraphQLError } from 'graphql';
import { MalformedAuthorizationError, MissingTokenError } from './authenticator.js';
import { AuthUnavailableError, InvalidTokenError } from './token-verifier.js';

/**
 * A refused token as the whole response: HTTP 401 with `WWW-Authenticate` (RFC 6750), or 503 when the
 * identity provider could not be asked. Anything else is not an authentication failure and is rethrown.
 */
export function authenticationError(error: unknown): GraphQLError {
  if (error instanceof InvalidTokenError) {
    const description = error.message.replace(/"/g, "'");
    const reason = error instanceof MalformedAuthorizationError ? 'invalid_request' : 'invalid_token';
    const challenge =
      error instanceof MissingTokenError ? 'Bearer realm="dnsgraph"' : `Bearer realm="dnsgraph", error="${reason}", error_description="${description}"`;
    return new GraphQLError(`Unauthenticated: ${error.message}`, {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: { 'WWW-Authenticate': challenge } } },
    });
  }
  if (error instanceof AuthUnavailableError) {
    return new GraphQLError('Authentication is unavailable: the identity provider could not be reached', {
      extensions: { code: 'AUTH_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } },
    });
  }
  throw error;
}

/** The `dnsgraph_http_refused_total` reason of an authentication refusal made by `authenticationError`. */
export const refusalReasonOf = (refused: GraphQLError): 'unauthenticated' | 'auth_unavailable' =>
  refused.extensions.code === 'UNAUTHENTICATED' ? 'unauthenticated' : 'auth_unavailable';
