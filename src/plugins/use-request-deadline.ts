import type { DocumentNode } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { OperationScope } from '../providers/operation-scope.js';
import { metaOnlyDocument } from './meta-only.js';

/**
 * Every query and mutation ends its upstream work by REQUEST_DEADLINE_MS: what is still unfinished then
 * becomes an error at its field and the rest answers. Subscriptions are left alone; each of their polls
 * has a deadline of its own. An operation that runs no resolver (`{ __typename }`) has nothing to end.
 * The deadline is released once the operation has answered (after its last increment with `@defer`).
 */
export function useRequestDeadline(deadlineMs: number): Plugin<{ scope?: OperationScope }> {
  return {
    onExecute: ({ args }) => {
      if (metaOnlyDocument(args.document as DocumentNode)) return;
      const scope = (args.contextValue as { scope?: OperationScope }).scope;
      if (!scope) return;
      scope.startDeadline(deadlineMs);
      return {
        onExecuteDone: ({ result }) => {
          if (!isAsyncIterable(result)) return scope.end();
          return { onEnd: () => scope.end() };
        },
      };
    },
  };
}
