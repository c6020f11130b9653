import { RequestCache } from '@pothos/plugin-scope-auth';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Pothos' scope-auth keeps each operation's scope answers in a WeakMap entry keyed by the operation's context,
 * and the entry's value points back at that context. A young-generation collection keeps the values of a
 * long-lived WeakMap whatever their keys, so such an entry kept the whole context (its loaders and every upstream
 * answer they hold) alive past the response, copied from collection to collection until a full one. The entry is
 * dropped once the operation's last result is out: at once for a single result, at the end of an incremental
 * (@defer, @stream) one. A subscription's context lives as long as the subscription, and is left alone.
 */
export function useScopeCacheRelease(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ args, result }) => {
        const release = () => RequestCache.clearForContext(args.contextValue);
        if (isAsyncIterable(result)) return { onEnd: release };
        release();
        return undefined;
      },
    }),
  };
}
