import type { YogaInitialContext } from 'graphql-yoga';
import type { AuditLog } from './audit/audit-log.js';
import type { Authenticator } from './auth/authenticator.js';
import { rawHeadersOf } from './auth/authorization-header.js';
import type { Principal } from './auth/principal.js';
import { principalOfRequest, untilExpiry } from './auth/request-principal.js';
import { authenticatedPrincipal } from './plugins/use-auth.js';
import type { Config } from './config.js';
import { defineLazily } from './lazy-property.js';
import { LoaderRegistry } from './loaders/registry.js';
import type { Logger } from './logger.js';
import { BuddyNsClient } from './providers/buddyns/client.js';
import type { HttpClient } from './providers/http.js';
import { Ns1Client } from './providers/ns1/client.js';
import { OperationScope } from './providers/operation-scope.js';
import { credentialFingerprints, requestCredentials } from './request-credentials.js';
import type { SubscriptionHub } from './subscriptions/hub.js';

/** What a gateway instance holds for its whole life: configuration, logger and one HTTP client per upstream. */
export interface GatewayDeps {
  config: Config;
  logger: Logger;
  http: { ns1: HttpClient; buddyns: HttpClient };
  /** The shared pollers subscriptions join. */
  subscriptions: SubscriptionHub;
  authenticator: Authenticator;
  audit: AuditLog;
  /** The clock tokens are checked against. */
  now?: () => Date;
}

export interface GatewayContext {
  /** Who is asking, with the scopes and zones their token grants (everything where authentication is off). */
  principal: Principal;
  audit: AuditLog;
  config: Config;
  logger: Logger;
  /** NS1 bound to the credential in use, absent when none is configured. */
  ns1: Ns1Client | undefined;
  /** BuddyNS bound to the credential in use, absent when none is configured. */
  buddyns: BuddyNsClient | undefined;
  loaders: LoaderRegistry;
  /** Failures of one provider that still let the operation answer with the other's data, with their paths. */
  partialFailures: PartialFailure[];
  /** The gateway's shared pollers, which subscriptions join rather than polling for themselves. */
  subscriptions: SubscriptionHub;
  /** Aborts when the client goes away: subscriptions end with it. */
  signal: AbortSignal;
  /** The operation's deadline and what it sent upstream, shared with its provider clients. */
  scope: OperationScope;
}

export interface PartialFailure {
  error: unknown;
  path: ReadonlyArray<string | number>;
}

/** Marks the context of an operation that came over a WebSocket rather than through yoga's HTTP pipeline. */
export const WEBSOCKET_TRANSPORT = 'graphql-transport-ws';

export const overWebSocket = (context: object): boolean => (context as { transport?: unknown }).transport === WEBSOCKET_TRANSPORT;

/**
 * Defines `key` on the context so that `create` runs on first read, not for every request: an operation
 * such as `{ __typename }` never builds a provider client. yoga merges a factory's result with
 * `Object.assign`, which would read a getter on it, so the property goes on the context itself.
 */
const lazily = <K extends keyof GatewayContext>(context: object, key: K, create: () => GatewayContext[K]): void => defineLazily(context, key, create);

/** The clients of the request's credentials (see `requestCredentials`), and its own loaders. */
export function createContextFactory(deps: GatewayDeps) {
  const { config } = deps;
  const fingerprints = credentialFingerprints(config);
  // `logger` is the request's own, which `useRequestLog` puts on the context; defining it here as well would
  // have that plugin redefine it, and a redefined property turns the context into a slow dictionary object.
  const contextOf = (initial: YogaInitialContext, principal: Principal): Omit<GatewayContext, 'ns1' | 'buddyns' | 'logger' | 'signal'> => {
    // Read now, so refused credentials fail the request before it runs.
    const { ns1Key, buddyns: buddyCredential } = requestCredentials(config, initial.request.headers);
    // An anonymous HTTP request is one operation, and the next is another principal: a share would only slow its own fan-out.
    const sharer = principal.authenticated || overWebSocket(initial) ? principal.id : undefined;
    const scope = new OperationScope();
    lazily(initial, 'ns1', () => (ns1Key ? new Ns1Client(deps.http.ns1, ns1Key, config.ns1.endpoint, sharer, scope, fingerprints.ns1(ns1Key)) : undefined));
    lazily(initial, 'buddyns', () =>
      buddyCredential
        ? new BuddyNsClient(deps.http.buddyns, buddyCredential, config.buddyns.endpoint, sharer, scope, fingerprints.buddyns(buddyCredential))
        : undefined,
    );
    // Only subscriptions read it, and a request's signal is made on first read.
    lazily(initial, 'signal', () =>
      // A WebSocket closes with 4401 when the token expires (ws-auth); ending its operations first would read as a normal completion.
      overWebSocket(initial) ? initial.request.signal : untilExpiry(initial.request.signal, principal, deps.now),
    );
    return {
      principal,
      scope,
      audit: deps.audit,
      config,
      loaders: new LoaderRegistry(),
      partialFailures: [],
      subscriptions: deps.subscriptions,
    };
  };
  return (initial: YogaInitialContext & { principal?: Principal }): GatewayContext | Promise<GatewayContext> => {
    // A WebSocket authenticates once, when it connects; HTTP and SSE with every request (in `useAuth`).
    const known = initial.principal ?? authenticatedPrincipal(initial.request);
    if (known) return contextOf(initial, known) as GatewayContext;
    return principalOfRequest(deps.authenticator, initial.request, deps.logger, rawHeadersOf(initial)).then(
      (principal) => contextOf(initial, principal) as GatewayContext,
    );
  };
}
