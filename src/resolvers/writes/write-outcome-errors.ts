import { PROVIDER_NAME } from '../../domain/provider-name.js';
import { describeError } from '../../errors/describe-error.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { UpstreamError, type ProviderId } from '../../providers/upstream-error.js';

/** An object whose state the failed operation left other than the caller asked for. */
export interface LeftOver {
  provider: ProviderId;
  kind: 'zone' | 'record' | 'apiKey';
  name: string;
  /** true: it exists and should not; false: it is missing and should exist. */
  exists: boolean;
  master?: string;
}

/** What is left over when a step stays in place, and the mutation that puts it right. */
export interface Remains {
  leftOver: LeftOver;
  remedy: string;
}

function byProvider(entries: Array<{ provider: ProviderId; text: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = { NS1: [], BUDDYNS: [] };
  for (const { provider, text } of entries) out[provider.toUpperCase()]?.push(text);
  return out;
}

const leftOverExtension = (l: LeftOver) => ({
  provider: l.provider.toUpperCase(),
  kind: l.kind,
  name: l.name,
  exists: l.exists,
  ...(l.master !== undefined ? { master: l.master } : {}),
});

function describeLeftOver(l: LeftOver): string {
  const where = `${l.kind === 'apiKey' ? 'API key' : l.kind} ${l.name} on ${PROVIDER_NAME[l.provider]}`;
  return l.exists ? `${where} exists` : `${where} is missing${l.master !== undefined ? ` (master ${l.master || 'none'})` : ''}`;
}

/** Some steps happened and could not be undone: the caller learns exactly what is there and what to run. */
export function partiallyApplied(
  operation: string,
  story: string,
  applied: Array<{ provider: ProviderId; text: string }>,
  remains: Remains[],
  failure?: unknown,
): GatewayError {
  const remedy = remains.map((r) => r.remedy).join('\n');
  return new GatewayError(
    'PARTIALLY_APPLIED',
    `${operation} was only partly applied: ${story}. Left over: ${remains.map((r) => describeLeftOver(r.leftOver)).join('; ')}. To finish, run: ${remedy}`,
    { applied: byProvider(applied), leftOver: remains.map((r) => leftOverExtension(r.leftOver)), remedy, ...providerDetails(failure) },
  );
}

/** A write whose answer was lost and whose effect could not be read back either. */
export function outcomeUnknown(
  operation: string,
  unknownStep: { provider: ProviderId; text: string },
  error: unknown,
  readError: unknown,
  applied: Array<{ provider: ProviderId; text: string }>,
  check: string,
): GatewayError {
  return new GatewayError(
    'OUTCOME_UNKNOWN',
    `${operation}: whether ${PROVIDER_NAME[unknownStep.provider]} did ${unknownStep.text} is unknown (${describeError(error)}), and reading it back failed too (${describeError(readError)}); nothing was undone. Check with: ${check}`,
    { provider: unknownStep.provider, applied: byProvider(applied), unknown: unknownStep.text, remedy: check },
  );
}

/** What the provider said of a failed step: its status and field errors, as a direct call would report them. */
export function providerDetails(error: unknown): { status?: number; fieldErrors?: Record<string, string[]> } {
  if (!(error instanceof UpstreamError) || error.status === 0) return {};
  return { status: error.status, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
}

/** The code a verified failure keeps: the provider's refusal of bad input stays BAD_USER_INPUT. */
export function failureCode(error: unknown): 'BAD_USER_INPUT' | 'UPSTREAM_ERROR' | 'FORBIDDEN' | 'UNAUTHENTICATED' {
  if (error instanceof UpstreamError && (error.code === 'BAD_USER_INPUT' || error.code === 'FORBIDDEN' || error.code === 'UNAUTHENTICATED')) return error.code;
  return 'UPSTREAM_ERROR';
}

export function conflict(message: string, currentVersion: string | null): GatewayError {
  return new GatewayError('CONFLICT', message, { currentVersion });
}

/** A zone a provider already has, refused before anything is written: `detail` says what that means here. */
export function zoneExists(provider: ProviderId, name: string, detail: string): GatewayError {
  return new GatewayError('CONFLICT', `zone ${name} already exists on ${PROVIDER_NAME[provider]}${detail}`, { provider });
}
