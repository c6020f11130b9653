import { trace, type ProxyTracerProvider } from '@opentelemetry/api';
import type { Config } from '../config.js';

export interface Tracing {
  /** Sends every finished span now, e.g. before a test reads what the collector received. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces over OTLP, configured by the standard `OTEL_*` variables (endpoint, protocol,
 * headers, sampler, resource), and off unless an OTLP endpoint is set. Only traces: metrics stay at
 * /metrics and logs on stderr. Must start before the gateway sends its first upstream request. The SDK
 * is loaded only then: it takes seconds to import, which a gateway without tracing should not pay.
 */
export async function startTracing(config: Config, env: Record<string, string | undefined> = process.env): Promise<Tracing | undefined> {
  if (!config.tracing) return undefined;
  const [{ NodeSDK }, { upstreamInstrumentation }] = await Promise.all([import('@opentelemetry/sdk-node'), import('./upstream-spans.js')]);
  const sdk = new NodeSDK({
    ...(env.OTEL_SERVICE_NAME ? {} : { serviceName: 'dnsgraph' }),
    instrumentations: [upstreamInstrumentation(config)],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  const provider = () => (trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as { forceFlush?: () => Promise<void> };
  return {
    flush: async () => {
      await provider().forceFlush?.();
    },
    shutdown: () => sdk.shutdown(),
  };
}
