import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Histogram, type Registry } from 'prom-client';
import { routeOf } from './metric-labels.js';
import { operationOf } from './operation-of.js';

interface HttpTiming {
  started: number;
  /** Known once the request's document parsed: requests refused before that are not observed. */
  operationType?: string;
}

/**
 * `dnsgraph_http_request_duration_seconds`, as the yoga Prometheus plugin observed it (from its place
 * among the plugins to the response, for requests whose document parsed), with one small record per
 * request and no closure or copy of the context.
 */
export function useHttpDuration(registry: Registry, buckets: number[]): Plugin {
  const histogram = new Histogram({
    name: 'dnsgraph_http_request_duration_seconds',
    help: 'Time to answer a GraphQL HTTP request.',
    labelNames: ['method', 'route', 'statusCode', 'operationType'],
    buckets,
    registers: [registry],
  });
  const timings = new WeakMap<Request, HttpTiming>();
  const parsed = ({ result, context }: { result: unknown; context: { request?: Request; params?: { operationName?: string | null } } }) => {
    if (result instanceof Error || !context.request) return;
    const timing = timings.get(context.request);
    if (timing) timing.operationType = operationOf(result as DocumentNode, context.params?.operationName).type;
  };
  return {
    onRequest: ({ request }) => {
      timings.set(request, { started: Date.now() });
    },
    onParse: ({ context }) => ((context as { request?: Request }).request ? parsed : undefined),
    onResponse: ({ request, response }) => {
      const timing = timings.get(request);
      if (timing?.operationType === undefined) return;
      histogram.observe(
        { operationType: timing.operationType, method: request.method, route: routeOf(request.url), statusCode: response.status },
        (Date.now() - timing.started) / 1000,
      );
    },
  };
}
