import { randomUUID } from 'node:crypto';
import type { YogaInitialContext } from 'graphql-yoga';

const connections = new WeakMap<object, string>();

/**
 * Who is asking, for fair shares of the providers' budgets. Anonymous for now: one id per WebSocket
 * connection (all its subscriptions together), else one per HTTP request.
 */
export function principalOf(initial: YogaInitialContext): string {
  const socket = (initial as { socket?: unknown }).socket;
  if (!socket || typeof socket !== 'object') return `anonymous:${randomUUID()}`;
  let id = connections.get(socket);
  if (!id) {
    id = `anonymous:${randomUUID()}`;
    connections.set(socket, id);
  }
  return id;
}
