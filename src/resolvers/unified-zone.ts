import type { BuddyNsZone } from '../providers/buddyns/types.js';
import type { ProviderId } from '../providers/upstream-error.js';

/** One zone whatever provider serves it: the facets each provider's listing gave. */
export interface UnifiedZone {
  asciiName: string;
  onNs1: boolean;
  buddyns: BuddyNsZone | null;
}

export function providersOf(zone: UnifiedZone): ProviderId[] {
  return [...(zone.onNs1 ? (['ns1'] as const) : []), ...(zone.buddyns ? (['buddyns'] as const) : [])];
}
