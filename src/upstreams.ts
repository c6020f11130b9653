import type { Dispatcher } from 'undici';
import { recordProviderCall } from './audit/provider-writes.js';
import type { Config } from './config.js';
import { buddyNsErrorMessage, buddyNsFieldErrors } from './providers/buddyns/errors.js';
import { HttpClient, type HttpClientOptions } from './providers/http.js';
import { ns1ErrorMessage } from './providers/ns1/api.js';
import { createSharedRateBudget } from './providers/shared-rate-budget.js';
import type { Logger } from './logger.js';
import type { GatewayMetrics } from './plugins/use-metrics.js';

export interface Upstreams {
  ns1: HttpClient;
  buddyns: HttpClient;
  /** Resolves once the shared rate budget (Redis) answers; at once without Redis. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * One HTTP client (one undici Pool) per upstream origin, shared by every request the gateway serves. With
 * Redis, the per-credential rate budgets are shared by every replica.
 */
export function createUpstreams(
  config: Config,
  metrics: GatewayMetrics,
  logger: Logger,
  dispatchers: { ns1?: Dispatcher; buddyns?: Dispatcher } = {},
): Upstreams {
  const shared = config.redisUrl ? createSharedRateBudget(config.redisUrl, (message, fields) => logger.warn(message, fields)) : undefined;
  const budget = (provider: 'ns1' | 'buddyns', endpoint: string, requests: number): Partial<HttpClientOptions> => {
    const rateLimit = { requests, windowMs: 1000 };
    return shared ? { rateLimit, limiter: shared.limiter(provider, endpoint, rateLimit) } : { rateLimit };
  };
  const common = (provider: 'ns1' | 'buddyns'): Partial<HttpClientOptions> => ({
    connections: config.upstream.connections,
    headersTimeoutMs: config.upstream.timeoutMs,
    bodyTimeoutMs: config.upstream.timeoutMs,
    maxRetries: config.upstream.retries,
    onResponse: ({ method, path, status, durationMs }) => {
      recordProviderCall({ provider, method, path, status });
      metrics.upstreamRequests.inc({ provider, method, status: String(status) });
      metrics.upstreamDuration.observe({ provider, method }, durationMs / 1000);
    },
  });
  const ns1 = new HttpClient({
    ...common('ns1'),
    provider: 'ns1',
    baseUrl: config.ns1.endpoint,
    errorMessage: ns1ErrorMessage,
    ...budget('ns1', config.ns1.endpoint, config.ns1.ratePerSecond),
    ...(dispatchers.ns1 ? { dispatcher: dispatchers.ns1 } : {}),
  });
  const buddyns = new HttpClient({
    ...common('buddyns'),
    provider: 'buddyns',
    baseUrl: config.buddyns.endpoint,
    errorMessage: buddyNsErrorMessage,
    fieldErrors: buddyNsFieldErrors,
    ...budget('buddyns', config.buddyns.endpoint, config.buddyns.ratePerSecond),
    ...(dispatchers.buddyns ? { dispatcher: dispatchers.buddyns } : {}),
  });
  return {
    ns1,
    buddyns,
    ready: shared?.ready ?? Promise.resolve(),
    close: async () => {
      await Promise.all([ns1.close(), buddyns.close(), shared?.close()]);
    },
  };
}
