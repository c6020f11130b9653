import type { ProviderId } from '../providers/upstream-error.js';

export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'PROVIDER_NOT_CONFIGURED'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'UPSTREAM_ERROR'
  | 'CONFLICT'
  | 'PARTIALLY_APPLIED'
  | 'OUTCOME_UNKNOWN';

/** An error the gateway itself decides on (bad input, a missing provider, a write that failed half-way). */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    readonly details: { provider?: ProviderId; field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export const badInput = (field: string, message: string): GatewayError => new GatewayError('BAD_USER_INPUT', `${field}: ${message}`, { field });

/** Neither provider has credentials for this request: an empty answer would look like an account without zones. */
export const noProviderConfigured = (): GatewayError =>
  new GatewayError(
    'PROVIDER_NOT_CONFIGURED',
    'No provider is configured: set NS1_API_KEY and/or BUDDYNS_TOKEN (or, with CREDENTIALS=caller, send X-NS1-Key and/or X-BuddyNS-Token)',
  );

export const providerNotConfigured = (provider: ProviderId): GatewayError =>
  new GatewayError(
    'PROVIDER_NOT_CONFIGURED',
    provider === 'ns1'
      ? 'NS1 is not configured: set NS1_API_KEY (or, with CREDENTIALS=caller, send X-NS1-Key)'
      : 'BuddyNS is not configured: set BUDDYNS_TOKEN, or BUDDYNS_USER and BUDDYNS_PASSWORD (or, with CREDENTIALS=caller, send X-BuddyNS-Token)',
    { provider },
  );
