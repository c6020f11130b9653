export type ProviderId = 'ns1' | 'buddyns';

export type UpstreamErrorCode =
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'BAD_USER_INPUT'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  /** Not asked at all: its circuit is open or its queue is full. */
  | 'UPSTREAM_UNAVAILABLE';

export interface UpstreamErrorInit {
  provider: ProviderId;
  status: number;
  code: UpstreamErrorCode;
  message: string;
  retryAfterSeconds?: number;
  /** Field errors as the provider reported them, e.g. `{ master: ['Enter a valid IPv4 or IPv6 address.'] }`. */
  fieldErrors?: Record<string, string[]>;
}

/** A failed call to a provider: its status (0 when no response arrived) and its own message. */
export class UpstreamError extends Error {
  readonly provider: ProviderId;
  readonly status: number;
  readonly code: UpstreamErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly fieldErrors: Record<string, string[]> | undefined;

  constructor(init: UpstreamErrorInit) {
    super(init.message);
    this.name = 'UpstreamError';
    this.provider = init.provider;
    this.status = init.status;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.fieldErrors = init.fieldErrors;
  }
}

export function codeForStatus(status: number): UpstreamErrorCode {
  if (status === 400 || status === 409 || status === 422) return 'BAD_USER_INPUT';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 504) return 'UPSTREAM_TIMEOUT';
  return 'UPSTREAM_ERROR';
}
