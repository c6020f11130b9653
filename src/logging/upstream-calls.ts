import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { ProviderId } from '../providers/upstream-error.js';

export type UpstreamCalls = Partial<Record<ProviderId, number>>;

const scope = new AsyncLocalStorage<UpstreamCalls>();

/** Runs an operation so that every upstream request it makes, retries included, is counted in `calls`. */
export function countingUpstreamCalls<T>(calls: UpstreamCalls, run: () => T): T {
  return scope.run(calls, run);
}

/**
 * Watches undici's `undici:request:create` channel, which publishes in the caller's async context, and
 * counts each request against the operation that made it, by the provider its origin belongs to.
 */
export function watchUpstreamCalls(endpoints: Record<ProviderId, string>): () => void {
  const origins = Object.entries(endpoints).map(([provider, endpoint]) => [new URL(endpoint).origin, provider as ProviderId] as const);
  const onCreate = (message: unknown) => {
    const calls = scope.getStore();
    if (!calls) return;
    const origin = (message as { request?: { origin?: unknown } }).request?.origin;
    const provider = origins.find(([o]) => o === String(origin))?.[1];
    if (provider) calls[provider] = (calls[provider] ?? 0) + 1;
  };
  diagnostics.subscribe('undici:request:create', onCreate);
  return () => diagnostics.unsubscribe('undici:request:create', onCreate);
}
