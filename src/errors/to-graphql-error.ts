import { GraphQLError, type GraphQLErrorOptions } from 'graphql';
import { UpstreamError } from '../providers/upstream-error.js';
import { PROVIDER_NAME } from '../domain/provider-name.js';
import { GatewayError } from './gateway-error.js';

/** The one place where a failure becomes what a client sees: a message and `extensions.code`. */
export function toGraphQLError(error: unknown, at: Pick<GraphQLErrorOptions, 'path' | 'nodes'> = {}): GraphQLError | undefined {
  if (error instanceof UpstreamError) {
    return new GraphQLError(`${PROVIDER_NAME[error.provider]}: ${error.message}`, {
      ...at,
      extensions: {
        code: error.code,
        provider: error.provider.toUpperCase(),
        // The provider's HTTP status when it answered; none when it was not asked or did not answer.
        ...(error.status > 0 ? { status: error.status } : {}),
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      },
    });
  }
  if (error instanceof GatewayError) {
    const { provider, ...rest } = error.details;
    return new GraphQLError(error.message, {
      ...at,
      extensions: { code: error.code, ...(provider ? { provider: provider.toUpperCase() } : {}), ...rest },
    });
  }
  return undefined;
}
