import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface GatewayMetrics {
  registry: Registry;
  upstreamRequests: Counter<'provider' | 'method' | 'status'>;
  upstreamDuration: Histogram<'provider' | 'method'>;
  circuitState: Gauge<'provider' | 'state'>;
  circuitTransitions: Counter<'provider' | 'state'>;
  upstreamRefused: Counter<'provider' | 'reason'>;
}

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  return {
    registry,
    upstreamRequests: new Counter({
      name: 'dnsgraph_upstream_requests_total',
      help: 'Requests sent to a provider, by provider, method and status (0 when no response arrived).',
      labelNames: ['provider', 'method', 'status'],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'dnsgraph_upstream_request_duration_seconds',
      help: 'Time until a provider answered.',
      labelNames: ['provider', 'method'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    circuitState: new Gauge({
      name: 'dnsgraph_upstream_circuit_state',
      help: "1 for the state a provider's circuit breaker is in (closed, open, half_open), 0 for the others.",
      labelNames: ['provider', 'state'],
      registers: [registry],
    }),
    circuitTransitions: new Counter({
      name: 'dnsgraph_upstream_circuit_transitions_total',
      help: "Changes of a provider's circuit breaker, by the state it changed to.",
      labelNames: ['provider', 'state'],
      registers: [registry],
    }),
    upstreamRefused: new Counter({
      name: 'dnsgraph_upstream_refused_total',
      help: 'Requests answered without asking the provider: circuit_open, queue_full or rate_limited.',
      labelNames: ['provider', 'reason'],
      registers: [registry],
    }),
  };
}

/** GraphQL and HTTP metrics from the yoga Prometheus plugin, with the upstream metrics, at `/metrics`. */
export function useMetrics(metrics: GatewayMetrics): Plugin {
  return usePrometheus({
    endpoint: '/metrics',
    registry: metrics.registry,
    metrics: {
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: true,
      graphql_envelop_deprecated_field: true,
      graphql_yoga_http_duration: true,
    },
  });
}
