import { GatewayError, type GatewayErrorCode } from '../errors/gateway-error.js';
import { UpstreamError, type UpstreamErrorInit } from '../providers/upstream-error.js';

/**
 * Why a poll failed, as plain data: it travels through Redis to other replicas and becomes the same
 * typed error there, so every subscriber sees the same `extensions.code`.
 */
export type PollFailure =
  | ({ kind: 'upstream' } & UpstreamErrorInit)
  | { kind: 'gateway'; code: GatewayErrorCode; message: string; details: Record<string, unknown> }
  | { kind: 'internal'; message: string };

/** What one poll of a shared poller produced: a value, or a failure that subscribers see as an error event. */
export type PollEvent<T> = {
  /** Increases with every event of a key, across replicas, so a replica never delivers one twice. */
  seq: number;
  /** When the poll began (ms since the epoch). */
  at: number;
  /** Nothing will change after this event: polling stops and streams complete. */
  final: boolean;
} & ({ value: T } | { failure: PollFailure });

export const isFailure = <T>(event: PollEvent<T>): event is Extract<PollEvent<T>, { failure: PollFailure }> => 'failure' in event;

export function toPollFailure(error: unknown): PollFailure {
  if (error instanceof UpstreamError) {
    return {
      kind: 'upstream',
      provider: error.provider,
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    };
  }
  if (error instanceof GatewayError) return { kind: 'gateway', code: error.code, message: error.message, details: error.details };
  return { kind: 'internal', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/** A poll failed for a reason that is neither the provider's nor the gateway's decision: masked as internal. */
export class UnexpectedPollError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnexpectedPollError';
  }
}

/** The typed error a failure stands for, as a resolver would have thrown it. */
export function fromPollFailure(failure: PollFailure): Error {
  switch (failure.kind) {
    case 'upstream':
      return new UpstreamError(failure);
    case 'gateway':
      return new GatewayError(failure.code, failure.message, failure.details);
    case 'internal':
      return new UnexpectedPollError(failure.message);
  }
}

/** A provider not answering, or answering with a failure of its own: a timeout, a 5xx, its circuit open after them. */
function isOutage(failure: PollFailure & { kind: 'upstream' }): boolean {
  return (
    failure.code === 'UPSTREAM_TIMEOUT' ||
    failure.code === 'UPSTREAM_UNAVAILABLE' ||
    (failure.code === 'UPSTREAM_ERROR' && (failure.status === 0 || failure.status >= 500))
  );
}

/**
 * The same trouble again (same code from the same provider, or the same provider's outage going on, its circuit
 * opening included): subscribers have heard of it already.
 */
export function sameFailure(a: PollFailure, b: PollFailure): boolean {
  if (a.kind === 'upstream' && b.kind === 'upstream') {
    return a.provider === b.provider && ((a.code === b.code && a.status === b.status) || (isOutage(a) && isOutage(b)));
  }
  if (a.kind === 'gateway' && b.kind === 'gateway') return a.code === b.code;
  return a.kind === b.kind && a.message === b.message;
}
