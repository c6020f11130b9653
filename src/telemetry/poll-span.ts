import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { PollSource } from '../subscriptions/poll-source.js';

const tracer = trace.getTracer('dnsgraph');

/**
 * The same source, each poll in a span of its own: a shared poller serves many subscriptions, so a poll
 * starts its own trace, and its upstream requests are the poll's children.
 */
export function withPollSpan<T>(source: PollSource<T>): PollSource<T> {
  // Keys read provider:account:resource:...; the account part is a fingerprint, and the rest names zones.
  const [provider = 'unknown', , resource = 'poll'] = source.key.split(':');
  return Object.assign(Object.create(source) as PollSource<T>, {
    fetch: (signal: AbortSignal) =>
      tracer.startActiveSpan(
        `subscription.poll ${resource}`,
        { attributes: { 'dnsgraph.provider': provider, 'dnsgraph.poll.resource': resource, 'dnsgraph.poll.interval_ms': source.intervalMs } },
        async (span) => {
          try {
            return await source.fetch(signal);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
  });
}
