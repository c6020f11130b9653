import { createCounter, createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { boundedOperationNames, routeOf } from './metric-labels.js';
import { useSubscriptionOperationMetrics } from './subscription-metrics.js';
import { UpstreamCallMetrics } from './upstream-call-metrics.js';

export interface GatewayMetrics {
  registry: Registry;
  /** Requests sent to a provider and their durations. */
  upstreamCalls: UpstreamCallMetrics;
  circuitState: Gauge<'provider' | 'state'>;
  circuitTransitions: Counter<'provider' | 'state'>;
  upstreamRefused: Counter<'provider' | 'reason'>;
  /** Counts a request answered before GraphQL ran: refused by authentication, the Host check, CSRF or the body limit. */
  countRefusal: CountRefusal;
}

/** Why a request was refused before GraphQL ran; a bounded label. */
export const REFUSAL_REASONS = ['unauthenticated', 'auth_unavailable', 'forbidden_host', 'csrf', 'body_too_large'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
export type CountRefusal = (reason: RefusalReason) => void;

const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRefused = new Counter({
    name: 'dnsgraph_http_refused_total',
    help: 'Requests refused before GraphQL ran, by reason: unauthenticated, auth_unavailable, forbidden_host, csrf or body_too_large.',
    labelNames: ['reason'],
    registers: [registry],
  });
  // Every reason from the start, so a rate over it is 0 rather than absent until the first refusal.
  for (const reason of REFUSAL_REASONS) httpRefused.inc({ reason }, 0);
  return {
    countRefusal: (reason) => httpRefused.inc({ reason }),
    registry,
    upstreamCalls: new UpstreamCallMetrics(registry, DURATION_BUCKETS),
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

/**
 * GraphQL and HTTP metrics from the yoga Prometheus plugin, renamed to Prometheus conventions and with
 * bounded labels only (operation type, capped operation name, route, status: never a URL or query text).
 * At `/metrics` on the main port unless `serveEndpoint` is false (METRICS_PORT serves them instead).
 */
export function useMetrics(metrics: GatewayMetrics, schema: GraphQLSchema, serveEndpoint = true): Plugin {
  const { registry } = metrics;
  // Finding deprecated fields walks each document with the schema's type info; a schema without any skips it.
  const deprecations = hasDeprecations(schema);
  const operationName = boundedOperationNames();
  const operation = (params: { operationType?: string; operationName?: string }) => ({
    operationType: params.operationType ?? 'unknown',
    operationName: operationName(params.operationName),
  });
  type OperationParams = { operationType?: string; operationName?: string };
  const operationDuration = createHistogram<'execute' | 'subscribe', 'operationType' | 'operationName', OperationParams>({
    registry,
    histogram: {
      name: 'dnsgraph_graphql_operation_duration_seconds',
      help: 'Time to run a GraphQL operation, from parse to result.',
      labelNames: ['operationType', 'operationName'],
      buckets: DURATION_BUCKETS,
    },
    fillLabelsFn: operation,
    // Subscriptions: see useSubscriptionOperationMetrics.
    phases: ['execute'],
  });
  const errorLabels = (params: OperationParams & { errorPhase?: string }) => ({
    ...operation(params),
    phase: params.errorPhase ?? 'execute',
  });
  const errorResults = createCounter<
    'parse' | 'validate' | 'context' | 'execute' | 'subscribe',
    'operationType' | 'operationName' | 'phase',
    OperationParams & { errorPhase?: string }
  >({
    registry,
    counter: {
      name: 'dnsgraph_graphql_errors_total',
      help: 'Errors in GraphQL results, by phase.',
      labelNames: ['operationType', 'operationName', 'phase'],
    },
    fillLabelsFn: errorLabels,
    phases: ['parse', 'validate', 'context', 'execute'],
  });
  const prometheus = usePrometheus({
    endpoint: serveEndpoint ? '/metrics' : false,
    registry,
    metrics: {
      graphql_envelop_request: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_request_duration: operationDuration,
      graphql_envelop_error_result: errorResults,
      graphql_envelop_deprecated_field: createCounter({
        registry,
        counter: {
          name: 'dnsgraph_graphql_deprecated_fields_total',
          help: 'Deprecated fields selected.',
          labelNames: ['operationName', 'typeName', 'fieldName'],
        },
        fillLabelsFn: (params) => ({
          operationName: operationName(params.operationName),
          typeName: params.deprecationInfo?.typeName ?? '',
          fieldName: params.deprecationInfo?.fieldName ?? '',
        }),
        shouldObserve: (params) => deprecations || params.deprecationInfo !== undefined,
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'dnsgraph_http_request_duration_seconds',
          help: 'Time to answer a GraphQL HTTP request.',
          labelNames: ['method', 'route', 'statusCode', 'operationType'],
          buckets: DURATION_BUCKETS,
        },
        fillLabelsFn: (params, { request, response }: { request: Request; response: Response }) => ({
          operationType: params.operationType ?? 'unknown',
          method: request.method,
          route: routeOf(request.url),
          statusCode: response.status,
        }),
      }),
    },
  });
  // The subscribe phase of both, with less kept per open subscription; added right after the plugin itself.
  const subscriptions = useSubscriptionOperationMetrics({
    duration: operationDuration.histogram,
    errors: errorResults.counter,
    durationLabels: operation,
    errorLabels,
  });
  return {
    ...prometheus,
    onPluginInit(payload) {
      prometheus.onPluginInit?.(payload);
      payload.addPlugin(subscriptions);
    },
  };
}
