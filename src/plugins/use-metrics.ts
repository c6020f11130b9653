import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { useHttpDuration } from './http-duration.js';
import { useOperationMetrics } from './operation-metrics.js';

export interface GatewayMetrics {
  registry: Registry;
  upstreamRequests: Counter<'provider' | 'method' | 'route' | 'status'>;
  upstreamDuration: Histogram<'provider' | 'method' | 'route'>;
  circuitState: Gauge<'provider' | 'state'>;
  circuitTransitions: Counter<'provider' | 'state'>;
  upstreamRefused: Counter<'provider' | 'reason'>;
}

const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    upstreamRequests: new Counter({
      name: 'dnsgraph_upstream_requests_total',
      help: 'Requests sent to a provider, by provider, method, route template and status (0 when no response arrived).',
      labelNames: ['provider', 'method', 'route', 'status'],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'dnsgraph_upstream_request_duration_seconds',
      help: 'Time until a provider answered, by provider, method and route template.',
      labelNames: ['provider', 'method', 'route'],
      buckets: DURATION_BUCKETS,
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

/** Whether any field, argument, input field or enum value of the schema is deprecated. */
function hasDeprecations(schema: GraphQLSchema): boolean {
  return Object.values(schema.getTypeMap()).some((type) => {
    if (isObjectType(type) || isInterfaceType(type)) {
      return Object.values(type.getFields()).some((field) => field.deprecationReason != null || field.args.some((arg) => arg.deprecationReason != null));
    }
    if (isInputObjectType(type)) return Object.values(type.getFields()).some((field) => field.deprecationReason != null);
    if (isEnumType(type)) return type.getValues().some((value) => value.deprecationReason != null);
    return false;
  });
}

/** The registry's metrics in Prometheus' text format, at `endpoint` on the gateway's own port. */
function serveMetrics(registry: Registry, endpoint: string): Plugin {
  return {
    onRequest({ url, fetchAPI, endResponse }) {
      if (url.pathname !== endpoint) return undefined;
      return registry.metrics().then((text) => endResponse(new fetchAPI.Response(text, { headers: { 'Content-Type': registry.contentType } })));
    },
  };
}

/**
 * GraphQL and HTTP metrics under Prometheus conventions, with bounded labels only (operation type, capped
 * operation name, route, status: never a URL or query text). At `/metrics` on the main port unless
 * `serveEndpoint` is false (METRICS_PORT serves them instead).
 */
export function useMetrics(metrics: GatewayMetrics, schema: GraphQLSchema, serveEndpoint = true): Plugin[] {
  const { registry } = metrics;
  return [
    useOperationMetrics(registry, schema, hasDeprecations(schema), DURATION_BUCKETS),
    ...(serveEndpoint ? [serveMetrics(registry, '/metrics')] : []),
    useHttpDuration(registry, DURATION_BUCKETS),
  ];
}
