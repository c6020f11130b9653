import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

export interface SubscriptionLimits {
  perConnection: number;
  perPrincipal: number;
}

/** The signed-in caller, where authentication put one on the context. */
function principalOf(context: Record<string, unknown>): string | undefined {
  const principal = context.principal;
  if (typeof principal === 'string') return principal;
  if (principal && typeof principal === 'object') {
    const { id, sub, subject } = principal as Record<string, unknown>;
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
  const perConnection = new WeakMap<object, number>();
  const perPrincipal = new Map<string, number>();
  return {
    onSubscribe({ context, setResultAndStopExecution }) {
      const ctx = context as Record<string, unknown>;
      const connection = connectionOf(ctx);
      const principal = principalOf(ctx);
      const onConnection = perConnection.get(connection) ?? 0;
      const ofPrincipal = principal === undefined ? 0 : (perPrincipal.get(principal) ?? 0);
      if (onConnection >= limits.perConnection) {
        setResultAndStopExecution({ errors: [tooMany(limits.perConnection, 'on one connection', 'MAX_SUBSCRIPTIONS_PER_CONNECTION')] });
        return;
      }
      if (principal !== undefined && ofPrincipal >= limits.perPrincipal) {
        setResultAndStopExecution({ errors: [tooMany(limits.perPrincipal, 'for one principal', 'MAX_SUBSCRIPTIONS_PER_PRINCIPAL')] });
        return;
      }
      perConnection.set(connection, onConnection + 1);
      if (principal !== undefined) perPrincipal.set(principal, ofPrincipal + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        perConnection.set(connection, (perConnection.get(connection) ?? 1) - 1);
        if (principal === undefined) return;
        const left = (perPrincipal.get(principal) ?? 1) - 1;
        if (left > 0) perPrincipal.set(principal, left);
        else perPrincipal.delete(principal);
      };
      // Also when the client goes away before the stream starts or ends.
      (ctx.signal as AbortSignal | undefined)?.addEventListener('abort', release, { once: true });
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            release();
            return undefined;
          }
          return { onEnd: release };
        },
        onSubscribeError: release,
      };
    },
  };
}
