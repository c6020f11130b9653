import type { Plugin } from 'graphql-yoga';
import { withDeadline } from '../providers/deadline.js';

/**
 * Every query and mutation ends its upstream work by REQUEST_DEADLINE_MS: what is still unfinished then
 * becomes an error at its field and the rest answers. Subscriptions are left alone; each of their polls
 * has a deadline of its own.
 */
export function useRequestDeadline(deadlineMs: number): Plugin {
  return {
    onExecute: ({ executeFn, setExecuteFn }) => {
      setExecuteFn((args) => withDeadline(deadlineMs, (): unknown => executeFn(args)));
    },
  };
}
