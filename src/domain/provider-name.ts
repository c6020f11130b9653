import type { ProviderId } from '../providers/upstream-error.js';

/** How messages name each provider. */
export const PROVIDER_NAME: Record<ProviderId, string> = { ns1: 'NS1', buddyns: 'BuddyNS' };
