import type { GraphQLError } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { createMaskError } from '../plugins/mask-error.js';
import type { Gateway } from '../yoga.js';

/** What a client sees of a failure on a socket: the same masking as over HTTP, with no stack trace anywhere. */
export function refusalOf(gateway: Pick<Gateway, 'logger'>): (error: unknown) => GraphQLError {
  const mask = createMaskError();
  return (error) => {
    const refused = mask(error, 'Unexpected error.') as GraphQLError;
    if (refused.extensions.code === 'INTERNAL_SERVER_ERROR') {
      gateway.logger.error('operation over a WebSocket failed', { error: error instanceof Error ? error.message : String(error) });
    }
    return refused;
  };
}

/** Runs an operation, turning a throw into an error result for that operation instead of closing the socket (4500). */
export async function settle(run: () => OperationResult, refusal: (error: unknown) => GraphQLError): Promise<Awaited<OperationResult>> {
  try {
    return await run();
  } catch (error) {
    return { errors: [refusal(error)] };
  }
}
