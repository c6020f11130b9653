import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';

/**
 * Adds the failures resolvers set aside (one provider down while the other answered) to the response's
 * errors, each at the path of the field it concerns, so clients get the data and know what is missing.
 */
export function usePartialFailures(): Plugin<GatewayContext> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        const failures = (args.contextValue as GatewayContext).partialFailures;
        if (!failures || failures.length === 0 || Symbol.asyncIterator in result) return;
        const single = result as ExecutionResult;
        const added = failures.map(({ error, path }) => toGraphQLError(error, { path }) ?? toGraphQLError(new Error(String(error)), { path }));
        setResult({ ...single, errors: [...(single.errors ?? []), ...added.filter((e) => e !== undefined)] });
      },
    }),
  };
}
