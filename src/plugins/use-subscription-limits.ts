import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { overWebSocket } from '../context.js';
import { whenTapEnds } from '../subscriptions/shared-stream.js';

export interface SubscriptionLimits {
  perConnection: number;
  perPrincipal: number;
}

/**
 * The caller whose subscriptions are counted together, where authentication put one on the context. An
 * anonymous caller of an HTTP request is that request alone, with one operation: it has no count to keep.
 */
function principalOf(context: Record<string, unknown>): string | undefined {
  const principal = context.principal;
  if (typeof principal === 'string') return principal;
  if (principal && typeof principal === 'object') {
    const { id, sub, subject, authenticated } = principal as Record<string, unknown>;
    if (authenticated === false && !overWebSocket(context)) return undefined;
    const key = id ?? sub ?? subject;
    if (typeof key === 'string' || typeof key === 'number') return String(key);
  }
  return undefined;
}

/** The connection an operation came on: the WebSocket, or the HTTP socket of an SSE stream. */
function connectionOf(context: Record<string, unknown>): object {
  const req = context.req as { socket?: object } | undefined;
  return (context.socket as object | undefined) ?? req?.socket ?? (context.request as object);
}

const tooMany = (limit: number, scope: string, setting: string) =>
  new GraphQLError(`At most ${limit} subscriptions may be open ${scope} (${setting})`, {
    extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit },
  });

/**
 * Bounds the subscriptions open at once on one connection (MAX_SUBSCRIPTIONS_PER_CONNECTION) and for one
 * signed-in principal across connections (MAX_SUBSCRIPTIONS_PER_PRINCIPAL); one past the bound is answered
 * with an error for that operation only.
 */
export function useSubscriptionLimits(limits: SubscriptionLimits): Plugin {
  // A count per connection, held by the subscriptions that are open on it rather than the connection itself:
  // a subscription that has ended its request's work keeps nothing of the request alive to free its place.
  const perConnection = new WeakMap<object, { open: number }>();
  // One count per principal, whose key every subscription of that principal shares rather than its own copy.
  const perPrincipal = new Map<string, { key: string; open: number }>();
  const countOnConnection = (connection: object) => {
    let count = perConnection.get(connection);
    if (!count) perConnection.set(connection, (count = { open: 0 }));
    return count;
  };
  const countOfPrincipal = (principal: string) => {
    let count = perPrincipal.get(principal);
    if (!count) perPrincipal.set(principal, (count = { key: principal, open: 0 }));
    return count;
  };
  return {
    onSubscribe({ context, setResultAndStopExecution }) {
      const ctx = context as Record<string, unknown>;
      const onConnection = countOnConnection(connectionOf(ctx));
      const principal = principalOf(ctx);
      if (onConnection.open >= limits.perConnection) {
        setResultAndStopExecution({ errors: [tooMany(limits.perConnection, 'on one connection', 'MAX_SUBSCRIPTIONS_PER_CONNECTION')] });
        return;
      }
      if (principal !== undefined && (perPrincipal.get(principal)?.open ?? 0) >= limits.perPrincipal) {
        setResultAndStopExecution({ errors: [tooMany(limits.perPrincipal, 'for one principal', 'MAX_SUBSCRIPTIONS_PER_PRINCIPAL')] });
        return;
      }
      const ofPrincipal = principal === undefined ? undefined : countOfPrincipal(principal);
      onConnection.open++;
      if (ofPrincipal) ofPrincipal.open++;
      let released = false;
      const signal = ctx.signal as AbortSignal | undefined;
      // One closure for every moment the place may be freed, since a subscription keeps its hooks for its whole
      // life: the subscribe's result (a payload with `result`) frees it unless it is a stream, which frees it at
      // its end; the stream's end, a failure and the signal's abort (any other call) free it.
      const settle = (payload?: unknown) => {
        if (payload && typeof payload === 'object' && 'result' in payload) {
          const { result } = payload;
          // A shared run's tap frees the place when it ends or its signal aborts, on the listener it keeps anyway:
          // the subscription keeps no listener of its own on the signal for its whole life.
          if (whenTapEnds(result, settle, true)) {
            signal?.removeEventListener('abort', settle);
            return undefined;
          }
          if (isAsyncIterable(result)) return { onEnd: settle };
        }
        if (released) return undefined;
        released = true;
        // One WebSocket's signal is every subscription's on it: one that ends leaves no listener behind.
        signal?.removeEventListener('abort', settle);
        onConnection.open--;
        if (ofPrincipal && --ofPrincipal.open === 0) perPrincipal.delete(ofPrincipal.key);
        return undefined;
      };
      // Also when the client goes away before the stream starts or ends.
      signal?.addEventListener('abort', settle, { once: true });
      return { onSubscribeResult: settle, onSubscribeError: settle };
    },
  };
}
