import { GraphQLError } from 'graphql';
import { GatewayError } from '../errors/gateway-error.js';
import { UpstreamError } from '../providers/upstream-error.js';

/** Who a failure is down to: the caller (bad input, a refused credential), a provider, or the gateway itself. */
export type Blame = 'caller' | 'provider' | 'gateway';

export interface ClassifiedError {
  code: string;
  blame: Blame;
  /** One line, for gateway faults only: the caller's own mistakes need no more than their code. */
  detail?: string;
}

const PROVIDER_CODES = new Set(['UPSTREAM_ERROR', 'UPSTREAM_TIMEOUT', 'RATE_LIMITED']);

export function classifyError(error: unknown): ClassifiedError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof UpstreamError) {
    // A provider's 4xx other than 429 answers something the caller sent (a bad key, a missing zone).
    const callerCaused = original.status >= 400 && original.status < 500 && original.status !== 429;
    return { code: original.code, blame: callerCaused ? 'caller' : 'provider' };
  }
  if (original instanceof GatewayError) return { code: original.code, blame: original.code === 'UPSTREAM_ERROR' ? 'provider' : 'caller' };
  if (original instanceof GraphQLError) {
    const code = typeof original.extensions?.code === 'string' ? original.extensions.code : undefined;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return { code, blame: PROVIDER_CODES.has(code) ? 'provider' : 'caller' };
    // graphql-js's own complaints about the request (unknown field, bad variable) carry no original error.
    if (!code && !original.originalError) return { code: 'GRAPHQL_VALIDATION_FAILED', blame: 'caller' };
  }
  const detail = original instanceof Error ? `${original.name}: ${original.message}` : String(original);
  return { code: 'INTERNAL_SERVER_ERROR', blame: 'gateway', detail: detail.split('\n')[0] };
}

/** The level an operation's line is logged at: its worst failure decides. */
export function levelFor(errors: ClassifiedError[]): 'info' | 'warn' | 'error' {
  if (errors.some((e) => e.blame === 'gateway')) return 'error';
  if (errors.some((e) => e.blame === 'provider')) return 'warn';
  return 'info';
}
