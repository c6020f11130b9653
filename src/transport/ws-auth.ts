import type { IncomingMessage } from 'node:http';
import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { authenticationError, refusalReasonOf } from '../auth/auth-errors.js';
import { authorizationOfRaw } from '../auth/authorization-header.js';
import type { Principal } from '../auth/principal.js';
import type { Gateway } from '../yoga.js';

interface ConnectContext {
  connectionParams?: Readonly<Record<string, unknown>> | undefined;
  extra: { socket: WebSocket; request: IncomingMessage };
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** `Authorization` from the connection params in any case, at the top level or under `headers`; else the upgrade's header. */
function socketAuthorization(ctx: ConnectContext): string | undefined {
  const params = ctx.connectionParams ?? {};
  const nested = params.headers && typeof params.headers === 'object' ? (params.headers as Record<string, unknown>) : {};
  for (const source of [params, nested]) {
    for (const [name, value] of Object.entries(source)) {
      if (name.toLowerCase() === 'authorization' && typeof value === 'string') return value;
    }
  }
  // Every Authorization line of the upgrade: node's `headers` keeps only the first of duplicates.
  return authorizationOfRaw(ctx.extra.request.rawHeaders);
}

/** A WebSocket close reason is at most 123 bytes. */
const closeReason = (message: string) => Buffer.from(message).subarray(0, 123).toString();

/**
 * Authenticates a graphql-ws connection once, in `connection_init`: a missing or bad token closes it with
 * 4401 before any operation runs. When the token expires the socket is closed, ending its subscriptions.
 */
export function createSocketAuth(gateway: Gateway) {
  const principals = new WeakMap<WebSocket, Principal>();
  return {
    async onConnect(ctx: ConnectContext): Promise<boolean> {
      const { socket } = ctx.extra;
      let principal: Principal;
      try {
        principal = await gateway.authenticator.authenticate(socketAuthorization(ctx));
      } catch (error) {
        const refused = authenticationError(error);
        gateway.metrics.countRefusal(refusalReasonOf(refused));
        socket.close(refused.extensions.code === 'UNAUTHENTICATED' ? CloseCode.Unauthorized : 1013, closeReason(refused.message));
        return false;
      }
      principals.set(socket, principal);
      const remaining = principal.expiresAt ? principal.expiresAt.getTime() - gateway.now().getTime() : Infinity;
      if (remaining <= MAX_TIMER_MS) {
        const timer = setTimeout(() => socket.close(CloseCode.Unauthorized, 'Unauthorized: the token has expired'), Math.max(0, remaining));
        socket.once('close', () => clearTimeout(timer));
      }
      return true;
    },
    principalOf: (socket: WebSocket): Principal | undefined => principals.get(socket),
  };
}
