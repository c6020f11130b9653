import type { Dispatcher } from 'undici';
import type { Config } from './config.js';
import { buddyNsProvider } from './providers/buddyns/provider.js';
import type { CircuitStateName } from './providers/circuit.js';
import { HttpClient, type HttpClientOptions } from './providers/http.js';
import { ns1Provider } from './providers/ns1/provider.js';
import { errorReading } from './providers/provider.js';
import { routeTemplate } from './providers/route-template.js';
import { createSharedRateBudget } from './providers/shared-rate-budget.js';
import type { Logger } from './logger.js';
import type { GatewayMetrics } from './plugins/use-metrics.js';
import type { CallCells } from './plugins/upstream-call-metrics.js';

const CIRCUIT_STATES: CircuitStateName[] = ['closed', 'open', 'half_open'];

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
  const { resilience } = config;
  const common = (provider: 'ns1' | 'buddyns'): Partial<HttpClientOptions> => {
    const observeCall = callObserver(metrics, provider);
    for (const state of CIRCUIT_STATES) metrics.circuitState.set({ provider, state }, state === 'closed' ? 1 : 0);
    return {
      connections: config.upstream.connections,
      queueSize: resilience.queueSize,
      timeoutMs: config.upstream.timeoutMs,
      maxRetries: config.upstream.retries,
      circuitFailures: resilience.circuitFailures,
      circuitHalfOpenAfterMs: resilience.circuitHalfOpenSeconds * 1000,
      principalShare: resilience.principalRateShare,
      staleIfErrorSeconds: resilience.staleIfErrorSeconds,
      onResponse: ({ method, path, status, durationMs }) => observeCall(method, path, status, durationMs / 1000),
      onCircuitChange: ({ state, lastFailure }) => {
        for (const each of CIRCUIT_STATES) metrics.circuitState.set({ provider, state: each }, each === state ? 1 : 0);
        metrics.circuitTransitions.inc({ provider, state });
        const fields = { provider, state, ...(lastFailure instanceof Error && state !== 'closed' ? { lastFailure: lastFailure.message } : {}) };
        if (state === 'closed') logger.info('upstream circuit closed', fields);
        else logger.warn(`upstream circuit ${state === 'open' ? 'opened' : 'half-open'}`, fields);
      },
      onRefused: ({ reason }) => metrics.upstreamRefused.inc({ provider, reason }),
    };
  };
  const ns1 = new HttpClient({
    ...common('ns1'),
    ...errorReading(ns1Provider),
    baseUrl: config.ns1.endpoint,
    ...budget('ns1', config.ns1.endpoint, config.ns1.ratePerSecond),
    ...(dispatchers.ns1 ? { dispatcher: dispatchers.ns1 } : {}),
  });
  const buddyns = new HttpClient({
    ...common('buddyns'),
    ...errorReading(buddyNsProvider),
    baseUrl: config.buddyns.endpoint,
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

/** Paths remembered with their metric cells; past it the memory starts over. */
const REMEMBERED_PATHS = 10_000;

/** The cells of the calls to one path with one method and status; other methods and statuses of the path follow. */
interface PathCalls {
  method: string;
  status: number;
  cells: CallCells;
  next: PathCalls | undefined;
}

/**
 * Counts an upstream call and records its duration. The cells of each path a dashboard asks for again are
 * remembered, so a call costs one map lookup by its path, not a route template.
 */
function callObserver(metrics: GatewayMetrics, provider: 'ns1' | 'buddyns') {
  const { upstreamCalls } = metrics;
  const byPath = new Map<string, PathCalls>();
  return (method: string, path: string, status: number, seconds: number): void => {
    const first = byPath.get(path);
    let calls = first;
    while (calls && (calls.method !== method || calls.status !== status)) calls = calls.next;
    if (!calls) {
      if (byPath.size >= REMEMBERED_PATHS) byPath.clear();
      calls = { method, status, cells: upstreamCalls.cells(provider, method, routeTemplate(path), status), next: first };
      byPath.set(path, calls);
    }
    upstreamCalls.observe(calls.cells, seconds);
  };
}
