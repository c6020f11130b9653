import type { BuddyNsZone } from '../../providers/buddyns/zones.js';
import type { ProviderId } from '../../providers/upstream-error.js';
import type { ProviderGap } from '../field-report.js';

/** One zone whatever provider serves it: the facets each provider's listing gave. */
export interface UnifiedZone {
  asciiName: string;
  onNs1: boolean;
  buddyns: BuddyNsZone | null;
  /** Providers that did not answer when the zone was looked up: what they hold of it is unknown. */
  gaps?: ProviderGap[];
}

export function providersOf(zone: UnifiedZone): ProviderId[] {
  return [...(zone.onNs1 ? (['ns1'] as const) : []), ...(zone.buddyns ? (['buddyns'] as const) : [])];
}
