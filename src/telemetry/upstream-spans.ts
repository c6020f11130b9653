import { context, trace, type Span } from '@opentelemetry/api';
import { UndiciInstrumentation, type UndiciRequest } from '@opentelemetry/instrumentation-undici';
import type { Config } from '../config.js';
import type { ProviderId } from '../providers/upstream-error.js';
import { routeTemplate } from './route-template.js';

interface Upstream {
  provider: ProviderId;
  origin: string;
  basePath: string;
}

/**
 * A client span per request to a provider, from undici's diagnostics channels, which also put the W3C
 * `traceparent` on the request. The span names the route template (`GET /zones/:zone`) and the provider;
 * its URL attributes carry the template, never the path or query, which hold names, ids and search terms.
 */
export function upstreamInstrumentation(config: Config): UndiciInstrumentation {
  const upstreams: Upstream[] = (['ns1', 'buddyns'] as const).map((provider) => {
    const url = new URL(config[provider].endpoint);
    return { provider, origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
  });
  const upstreamOf = (request: UndiciRequest) =>
    upstreams.find((u) => u.origin === request.origin && (request.path === u.basePath || request.path.startsWith(`${u.basePath}/`)));
  const described = new WeakMap<UndiciRequest, { provider: ProviderId; route: string; attempt: number }>();
  const attempts = new WeakMap<Span, Map<string, number>>();

  const describe = (request: UndiciRequest) => {
    const upstream = upstreamOf(request);
    if (!upstream) return undefined;
    const route = routeTemplate(upstream.provider, request.path.slice(upstream.basePath.length).split('?')[0] ?? '/');
    // The HTTP client sends a retry as the same method and path from the same operation or poll.
    const parent = trace.getSpan(context.active());
    let sent = parent ? attempts.get(parent) : undefined;
    if (parent && !sent) attempts.set(parent, (sent = new Map<string, number>()));
    const key = `${request.method} ${request.path}`;
    const attempt = (sent?.get(key) ?? 0) + 1;
    sent?.set(key, attempt);
    const description = { provider: upstream.provider, route, attempt, url: `${upstream.origin}${upstream.basePath}${route}` };
    described.set(request, description);
    return description;
  };

  return new UndiciInstrumentation({
    ignoreRequestHook: (request) => !upstreamOf(request),
    startSpanHook: (request) => {
      const d = describe(request);
      if (!d) return {};
      return {
        'url.full': d.url,
        'url.path': d.route,
        'url.query': '',
        'http.route': d.route,
        'dnsgraph.provider': d.provider,
        'dnsgraph.upstream.attempt': d.attempt,
        ...(d.attempt > 1 ? { 'http.request.resend_count': d.attempt - 1 } : {}),
      };
    },
    requestHook: (span, request) => {
      const d = described.get(request);
      if (d) span.updateName(`${request.method} ${d.route}`);
    },
  });
}
