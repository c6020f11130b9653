import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Dispatcher } from 'undici';
import type { Config } from './config.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { createLogger, type Logger } from './logger.js';
import { yogaLogging } from './logging/yoga-logging.js';
import { watchUpstreamCalls } from './logging/upstream-calls.js';
import { createMaskError } from './plugins/mask-error.js';
import { useRequestLog } from './plugins/use-request-log.js';
import { useTracing } from './plugins/use-tracing.js';
import { useLimits } from './plugins/use-limits.js';
import { usePartialFailures } from './plugins/use-partial-failures.js';
import { registerSubscriptionMetrics } from './plugins/subscription-metrics.js';
import { createResponseCache } from './plugins/use-response-cache.js';
import { createMetrics, useMetrics, type GatewayMetrics } from './plugins/use-metrics.js';
import { buildSchema } from './schema/index.js';
import { createSubscriptionHub, type SubscriptionHubOptions } from './subscriptions/create-hub.js';
import type { SubscriptionHub } from './subscriptions/hub.js';
import { createUpstreams, type Upstreams } from './upstreams.js';

export interface GatewayOptions {
  config: Config;
  logger?: Logger;
  /** Replaces the undici Pool of an upstream, e.g. with a MockAgent in a test. */
  dispatchers?: { ns1?: Dispatcher; buddyns?: Dispatcher };
  /** The shared pollers' clock and lease settings, e.g. a clock a test advances by hand. */
  subscriptions?: SubscriptionHubOptions;
}

export interface Gateway {
  yoga: YogaServerInstance<Record<string, never>, GatewayContext>;
  config: Config;
  logger: Logger;
  metrics: GatewayMetrics;
  upstreams: Upstreams;
  subscriptions: SubscriptionHub;
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
  let closing: Promise<void> | undefined;
  const yoga = createYoga<Record<string, never>, GatewayContext>({
    schema: buildSchema(),
    context: createContextFactory({ config, logger, http: upstreams, subscriptions }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/healthz',
    landingPage: false,
    graphiql: config.graphiql ? { title: 'dnsgraph', defaultQuery: DEFAULT_QUERY, subscriptionsProtocol: 'SSE' } : false,
    renderGraphiQL,
    maskedErrors: { maskError: createMaskError() },
    logging: yogaLogging(logger),
    // Partial failures are added to a result before the response cache sees it, so it never keeps one.
    plugins: [
      ...(config.tracing ? useTracing() : []),
      useLimits(config.limits),
      useMetrics(metrics),
      usePartialFailures(),
      useRequestLog(logger),
      ...(responseCache?.plugins ?? []),
      useDeferStream(),
    ],
  });
  const stopWatchingUpstreamCalls = watchUpstreamCalls({ ns1: config.ns1.endpoint, buddyns: config.buddyns.endpoint });
  return {
    yoga,
    config,
    logger,
    metrics,
    upstreams,
    subscriptions,
    close: () =>
      (closing ??= (async () => {
        stopWatchingUpstreamCalls();
        await subscriptions.close();
        await Promise.all([upstreams.close(), responseCache?.close()]);
      })()),
  };
}
