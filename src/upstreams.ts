import type { Dispatcher } from 'undici';
import type { Config } from './config.js';
import { buddyNsErrorMessage, buddyNsFieldErrors } from './providers/buddyns/errors.js';
import { HttpClient, type HttpClientOptions } from './providers/http.js';
import { ns1ErrorMessage } from './providers/ns1/api.js';
import type { GatewayMetrics } from './plugins/use-metrics.js';

export interface Upstreams {
  ns1: HttpClient;
  buddyns: HttpClient;
  close(): Promise<void>;
}

/** One HTTP client (one undici Pool) per upstream origin, shared by every request the gateway serves. */
export function createUpstreams(
  config: Config,
  metrics: GatewayMetrics,
  dispatchers: { ns1?: Dispatcher; buddyns?: Dispatcher } = {},
): Upstreams {
  const common = (provider: 'ns1' | 'buddyns'): Partial<HttpClientOptions> => ({
    connections: config.upstream.connections,
    headersTimeoutMs: config.upstream.timeoutMs,
    bodyTimeoutMs: config.upstream.timeoutMs,
    maxRetries: config.upstream.retries,
    onResponse: ({ method, status, durationMs }) => {
      metrics.upstreamRequests.inc({ provider, method, status: String(status) });
      metrics.upstreamDuration.observe({ provider, method }, durationMs / 1000);
    },
  });
  const ns1 = new HttpClient({
    ...common('ns1'),
    provider: 'ns1',
    baseUrl: config.ns1.endpoint,
    errorMessage: ns1ErrorMessage,
    rateLimit: { requests: config.ns1.ratePerSecond, windowMs: 1000 },
    ...(dispatchers.ns1 ? { dispatcher: dispatchers.ns1 } : {}),
  });
  const buddyns = new HttpClient({
    ...common('buddyns'),
    provider: 'buddyns',
    baseUrl: config.buddyns.endpoint,
    errorMessage: buddyNsErrorMessage,
    fieldErrors: buddyNsFieldErrors,
    rateLimit: { requests: config.buddyns.ratePerSecond, windowMs: 1000 },
    ...(dispatchers.buddyns ? { dispatcher: dispatchers.buddyns } : {}),
  });
  return {
    ns1,
    buddyns,
    close: async () => {
      await Promise.all([ns1.close(), buddyns.close()]);
    },
  };
}
