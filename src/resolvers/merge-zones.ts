import { canSeeZone } from '../auth/visible-zones.js';
import type { GatewayContext } from '../context.js';
import { buddyNsZone, buddyNsZoneList } from '../loaders/buddyns.js';
import { ns1ZoneDetail, ns1ZoneList } from '../loaders/ns1-dns.js';
import type { ProviderId } from '../providers/upstream-error.js';
import { optionalBuddyNs, optionalNs1 } from './providers.js';
import type { UnifiedZone } from './unified-zone.js';

/** Where a provider's failure goes when the other provider's data is still worth answering with. */
export type ReportFailure = (error: unknown) => void;

async function settle<T>(promise: Promise<T> | undefined, report: ReportFailure): Promise<T | undefined> {
  if (!promise) return undefined;
  try {
    return await promise;
  } catch (error) {
    report(error);
    return undefined;
  }
}

/** Every zone of every configured provider, one entry per name, sorted by name. */
export async function listZones(ctx: GatewayContext, provider: ProviderId | undefined, report: ReportFailure): Promise<UnifiedZone[]> {
  const ns1 = provider === 'buddyns' ? undefined : optionalNs1(ctx);
  const buddyns = provider === 'ns1' ? undefined : optionalBuddyNs(ctx);
  const [ns1Zones, buddyZones] = await Promise.all([settle(ns1 && ns1ZoneList(ns1), report), settle(buddyns && buddyNsZoneList(buddyns), report)]);
  const merged = new Map<string, UnifiedZone>();
  for (const zone of ns1Zones ?? []) merged.set(zone.asciiName, { asciiName: zone.asciiName, onNs1: true, buddyns: null });
  for (const zone of buddyZones ?? []) {
    const existing = merged.get(zone.asciiName);
    merged.set(zone.asciiName, { asciiName: zone.asciiName, onNs1: existing?.onNs1 ?? false, buddyns: zone });
  }
  return [...merged.values()].filter((zone) => canSeeZone(ctx, zone.asciiName)).sort((a, b) => a.asciiName.localeCompare(b.asciiName));
}

/** One zone by its ASCII name; null when no configured provider has it. */
export async function findZone(ctx: GatewayContext, asciiName: string, report: ReportFailure): Promise<UnifiedZone | null> {
  if (!canSeeZone(ctx, asciiName)) return null;
  const ns1 = optionalNs1(ctx);
  const buddyns = optionalBuddyNs(ctx);
  const [ns1Zone, buddyZone] = await Promise.all([
    settle(ns1 && ns1ZoneDetail(ns1, asciiName), report),
    settle(buddyns && buddyNsZone(buddyns, asciiName), report),
  ]);
  if (!ns1Zone && !buddyZone) return null;
  return { asciiName, onNs1: Boolean(ns1Zone), buddyns: buddyZone ?? null };
}
