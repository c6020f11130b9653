import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OperationScope } from '../providers/operation-scope.js';
import { metaOnlyDocument } from './meta-only.js';

/**
 * Every query and mutation ends its upstream work by REQUEST_DEADLINE_MS: what is still unfinished then
 * becomes an error at its field and the rest answers. Subscriptions are left alone; each of their polls
 * has a deadline of its own. An operation that runs no resolver (`{ __typename }`) has nothing to end.
 */
export function useRequestDeadline(deadlineMs: number): Plugin<{ scope?: OperationScope }> {
  return {
    onExecute: ({ args }) => {
      if (metaOnlyDocument(args.document as DocumentNode)) return;
      (args.contextValue as { scope?: OperationScope }).scope?.startDeadline(deadlineMs);
    },
  };
}
