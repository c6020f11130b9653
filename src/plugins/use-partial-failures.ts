import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.js';
import { toGraphQLError } from '../errors/to-graphql-error.js';
import { staleAnswersOf } from '../resolvers/stale-answers.js';

/**
 * Adds the failures resolvers set aside (one provider down while the other answered) to the response's
 * errors, each at the path of the field it concerns, so clients get the data and know what is missing;
 * and lists in `extensions.stale` the fields answered from a provider's last good response.
 */
export function usePartialFailures(): Plugin<GatewayContext> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result, setResult }) => {
        const failures = (args.contextValue as GatewayContext).partialFailures ?? [];
        const stale = staleAnswersOf(args.contextValue);
        if ((failures.length === 0 && stale.length === 0) || Symbol.asyncIterator in result) return;
        const single = result as ExecutionResult;
        const added = failures.map(({ error, path }) => toGraphQLError(error, { path }) ?? toGraphQLError(new Error(String(error)), { path }));
        setResult({
          ...single,
          ...(added.length > 0 ? { errors: [...(single.errors ?? []), ...added.filter((e) => e !== undefined)] } : {}),
          ...(stale.length > 0 ? { extensions: { ...single.extensions, stale } } : {}),
        });
      },
    }),
  };
}
