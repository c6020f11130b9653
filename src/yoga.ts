import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import { createAuditLog } from './audit/audit-log.js';
import { createAuthenticator, type Authenticator, type AuthenticatorOptions } from './auth/authenticator.js';
import type { Config } from './config.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { corsPolicy } from './exposure/cors.js';
import { createLogger, type Logger } from './logger.js';
import { yogaLogging } from './logging/yoga-logging.js';
import { createMaskError } from './plugins/mask-error.js';
import { useAuth } from './plugins/use-auth.js';
import { useCompiledExecution } from './plugins/use-compiled-execution.js';
import { useDeferStream } from './plugins/use-defer-stream.js';
import { useDocumentCache } from './plugins/use-document-cache.js';
import { useRequestLog } from './plugins/use-request-log.js';
import { useScopeCacheRelease } from './plugins/use-scope-cache-release.js';
import { useTracing } from './plugins/use-tracing.js';
import { useLimits } from './plugins/use-limits.js';
import { usePartialFailures } from './plugins/use-partial-failures.js';
import { useReadiness } from './plugins/use-readiness.js';
import { useRequestDeadline } from './plugins/use-request-deadline.js';
import { useSharedSubscriptions } from './plugins/use-shared-subscriptions.js';
import { registerSubscriptionMetrics } from './plugins/subscription-metrics.js';
import { createResponseCache } from './plugins/use-response-cache.js';
import { createMetrics, useMetrics, type GatewayMetrics } from './plugins/use-metrics.js';
import { exposurePlugins } from './plugins/use-exposure.js';
import { loadTrustedDocuments, type TrustedDocuments } from './plugins/use-trusted-documents.js';
import { userinfoOf } from './providers/endpoint-url.js';
import { buildSchema } from './schema/index.js';
import { createSubscriptionHub, type SubscriptionHubOptions } from './subscriptions/create-hub.js';
import type { SubscriptionHub } from './subscriptions/hub.js';
import { useSharedSse } from './transport/sse.js';
import { createUpstreams, type Upstreams } from './upstreams.js';

export interface GatewayOptions {
  config: Config;
  logger?: Logger;
  /** Replaces the undici Pool of an upstream, e.g. with a MockAgent in a test. */
  dispatchers?: { ns1?: Dispatcher; buddyns?: Dispatcher };
  /** The shared pollers' clock and lease settings, e.g. a clock a test advances by hand. */
  subscriptions?: SubscriptionHubOptions;
  /** How tokens are checked, e.g. against a clock a test moves. */
  auth?: AuthenticatorOptions;
}

export interface Gateway {
  yoga: YogaServerInstance<Record<string, never>, GatewayContext>;
  config: Config;
  logger: Logger;
  metrics: GatewayMetrics;
  upstreams: Upstreams;
  subscriptions: SubscriptionHub;
  /** TRUSTED_DOCUMENTS' operations by hash: the only ones that run, over HTTP and WebSocket alike. */
  trustedDocuments: TrustedDocuments | undefined;
  /** Who a request or a WebSocket connection is (anonymous where authentication is off). */
  authenticator: Authenticator;
  now: () => Date;
  /** From now on `/readyz` answers 503, so a load balancer sends no new requests while those in flight finish. */
  startDraining(): void;
  /** Ends every subscription, gives up the pollers' leases and closes the upstream connections. */
  close(): Promise<void>;
}

const DEFAULT_QUERY = `# dnsgraph: NS1 and BuddyNS behind one endpoint.
# Run Dashboard: every zone across providers, with its health.
# Run LiveQps: example.com's queries per second, every 5 s.
query Dashboard {
  zones {
    name
    providers
    health {
      serialsInSync
      transferOk
      delegationOk
      problems
    }
  }
}

subscription LiveQps {
  qps(zone: "example.com", intervalSeconds: 5) {
    qps
    sampledAt
  }
}
`;

export function secretsOf(config: Config): string[] {
  const secrets = [config.ns1.apiKey];
  const credential = config.buddyns.credential;
  if (credential?.kind === 'token') secrets.push(credential.token);
  if (credential?.kind === 'basic') secrets.push(credential.password);
  if (config.redisUrl) secrets.push(decodeURIComponent(new URL(config.redisUrl).password));
  secrets.push(...userinfoOf(config.ns1.endpoint), ...userinfoOf(config.buddyns.endpoint));
  return secrets.filter((s): s is string => Boolean(s));
}

/** The gateway as a fetch handler: no socket, so tests call `gateway.yoga.fetch` directly. */
export function createGateway(options: GatewayOptions): Gateway {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel, { secrets: () => secretsOf(config) });
  const metrics = createMetrics();
  const upstreams = createUpstreams(config, metrics, logger, options.dispatchers);
  const subscriptions = createSubscriptionHub(config, logger, options.subscriptions);
  registerSubscriptionMetrics(metrics.registry, subscriptions);
  const responseCache = createResponseCache(config, logger, metrics.registry);
  const trustedDocuments = config.exposure.trustedDocuments ? loadTrustedDocuments(config.exposure.trustedDocuments) : undefined;
  for (const warning of config.startWarnings) logger.warn(warning);
  const now = options.auth?.now ?? (() => new Date());
  const authenticator = createAuthenticator(config, { now });
  const audit = createAuditLog(logger, metrics.registry);
  let closing: Promise<void> | undefined;
  let draining = false;
  const schema = buildSchema();
  const yoga = createYoga<Record<string, never>, GatewayContext>({
    schema,
    context: createContextFactory({ config, logger, http: upstreams, subscriptions, authenticator, audit, now }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    // Served compressed and cacheable by the exposure plugins instead.
    graphiql: false,
    cors: corsPolicy(config.exposure),
    // `useBodyLimit` answers 413 first, by MAX_BODY_BYTES and MAX_UPLOAD_BYTES; yoga's own limit would pipe
    // every body through one more stream to enforce a looser one.
    maxRequestBodySize: false,
    // `useDocumentCache` keeps parsed and validated documents instead.
    parserAndValidationCache: false,
    maskedErrors: { maskError: createMaskError() },
    logging: yogaLogging(logger),
    // Partial failures are added to a result before the response cache sees it, so it never keeps one.
    plugins: [
      // First, so the plugins that wrap the execute function (tracing, response cache) wrap the compiled one.
      useCompiledExecution(),
      ...(config.tracing ? useTracing() : []),
      ...exposurePlugins(config, trustedDocuments, { title: 'dnsgraph', defaultQuery: DEFAULT_QUERY, subscriptionsProtocol: 'SSE' }, metrics.countRefusal),
      useAuth(authenticator, logger, metrics.countRefusal),
      useLimits(config.limits, config.exposure.fieldSuggestions),
      useMetrics(metrics, schema, config.exposure.metricsPort === undefined),
      usePartialFailures(),
      useReadiness(config, upstreams, () => draining),
      useRequestDeadline(config.resilience.requestDeadlineMs),
      useRequestLog(logger),
      useScopeCacheRelease(),
      ...(responseCache?.plugins ?? []),
      useDeferStream(),
      // Last of those that wrap the subscribe function, so one shared run goes through all of them.
      useSharedSubscriptions(config),
      useSharedSse(),
      // After every plugin that adds validation rules.
      useDocumentCache(),
    ],
  });
  return {
    yoga,
    config,
    logger,
    metrics,
    upstreams,
    subscriptions,
    trustedDocuments,
    authenticator,
    now,
    startDraining: () => {
      draining = true;
    },
    close: () =>
      (closing ??= (async () => {
        await subscriptions.close();
        await Promise.all([upstreams.close(), responseCache?.close()]);
      })()),
  };
}
