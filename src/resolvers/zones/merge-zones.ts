import { canSeeZone } from '../../auth/visible-zones.js';
import { noProviderConfigured, providerNotConfigured } from '../../errors/gateway-error.js';
import type { GatewayContext } from '../../context.js';
import { buddyNsDelegation, buddyNsZone, buddyNsZoneList, buddyNsZoneStatus } from '../../loaders/buddyns.js';
import { ns1ZoneDetail, ns1ZoneList, ns1ZoneQps } from '../../loaders/ns1-dns.js';
import type { BuddyNsZone } from '../../providers/buddyns/zones.js';
import type { ProviderId } from '../../providers/upstream-error.js';
import { freshOnly, type NoteStale, type ProviderGap, type ReportFailure } from '../field-report.js';
import { optionalBuddyNs, optionalNs1 } from '../providers.js';
import type { UnifiedZone } from './unified-zone.js';
import { NAMES_ONLY, type ZoneReads } from './zone-reads.js';

export type { ReportFailure } from '../field-report.js';

/** Asks one provider; its failure is remembered as a gap and leaves undefined. */
async function settle<T>(provider: ProviderId, promise: Promise<T> | undefined, gaps: ProviderGap[], stale: NoteStale): Promise<T | undefined> {
  if (!promise) return undefined;
  try {
    return stale(await promise);
  } catch (error) {
    gaps.push({ provider, error });
    return undefined;
  }
}

/** When NS1 did not answer, a BuddyNS zone that transfers from NS1 is known to be on NS1 still. */
function knownOnNs1(ctx: GatewayContext, gaps: ProviderGap[], zone: BuddyNsZone): boolean {
  const transferAddress = ctx.config.ns1.transferAddress;
  return gaps.some((gap) => gap.provider === 'ns1') && transferAddress !== undefined && zone.master === transferAddress;
}

const onProvider = (zone: UnifiedZone, provider: ProviderId) => (provider === 'ns1' ? zone.onNs1 : zone.buddyns !== null);

const ignore = (): void => undefined;

/**
 * Starts the per-zone reads the selection will make of every zone in one provider's list, as soon as that list
 * arrives: the zones' fields ask the same loaders later and find them on the way, rather than each zone's
 * reads waiting for the other provider's list and the merge. Only for zones sure to be in the answer.
 */
function startZoneReads(ctx: GatewayContext, provider: ProviderId, zones: ReadonlyArray<{ asciiName: string }>, reads: ZoneReads): void {
  const ns1 = provider === 'ns1' ? optionalNs1(ctx) : undefined;
  const buddyns = provider === 'buddyns' ? optionalBuddyNs(ctx) : undefined;
  for (const { asciiName } of zones) {
    if (!canSeeZone(ctx, asciiName)) continue;
    if (ns1 && reads.ns1Detail) ns1ZoneDetail(ns1, asciiName).catch(ignore);
    if (ns1 && reads.ns1Qps) ns1ZoneQps(ns1, asciiName).catch(ignore);
    if (buddyns && reads.buddyNsHealth) {
      buddyNsZoneStatus(buddyns, asciiName).catch(ignore);
      buddyNsDelegation(buddyns, asciiName).catch(ignore);
    }
  }
}

/** One provider's list, the per-zone reads of its zones started as it arrives when all of them will be answered. */
function listed<T extends { asciiName: string }>(
  ctx: GatewayContext,
  provider: ProviderId,
  list: Promise<T[]> | undefined,
  reads: ZoneReads,
  everyZoneAnswered: boolean,
): Promise<T[]> | undefined {
  if (!list || !everyZoneAnswered || reads.namesOnly) return list;
  return list.then((zones) => {
    startZoneReads(ctx, provider, zones, reads);
    return zones;
  });
}

/**
 * Every zone of every configured provider, one entry per name, sorted by name. With `provider`, only the zones
 * that provider has, each still merged (its other provider and its health are those of the whole zone) unless
 * the selection reads nothing but their names, which the one provider's list gives alone.
 */
export async function listZones(
  ctx: GatewayContext,
  provider: ProviderId | undefined,
  report: ReportFailure,
  stale: NoteStale = freshOnly,
  reads: ZoneReads = NAMES_ONLY,
): Promise<UnifiedZone[]> {
  const configured = { ns1: optionalNs1(ctx), buddyns: optionalBuddyNs(ctx) };
  if (!configured.ns1 && !configured.buddyns) throw noProviderConfigured();
  if (provider && !configured[provider]) throw providerNotConfigured(provider);
  const ns1 = provider === 'buddyns' && reads.namesOnly ? undefined : configured.ns1;
  const buddyns = provider === 'ns1' && reads.namesOnly ? undefined : configured.buddyns;
  const gaps: ProviderGap[] = [];
  const [ns1Zones, buddyZones] = await Promise.all([
    settle('ns1', listed(ctx, 'ns1', ns1 && ns1ZoneList(ns1), reads, provider !== 'buddyns'), gaps, stale),
    settle('buddyns', listed(ctx, 'buddyns', buddyns && buddyNsZoneList(buddyns), reads, provider !== 'ns1'), gaps, stale),
  ]);
  for (const gap of gaps) report(gap.error);
  const merged = new Map<string, UnifiedZone>();
  for (const zone of ns1Zones ?? []) merged.set(zone.asciiName, { asciiName: zone.asciiName, onNs1: true, buddyns: null, gaps });
  for (const zone of buddyZones ?? []) {
    const onNs1 = merged.get(zone.asciiName)?.onNs1 ?? knownOnNs1(ctx, gaps, zone);
    merged.set(zone.asciiName, { asciiName: zone.asciiName, onNs1, buddyns: zone, gaps });
  }
  return [...merged.values()]
    .filter((zone) => canSeeZone(ctx, zone.asciiName) && (provider === undefined || onProvider(zone, provider)))
    .sort((a, b) => a.asciiName.localeCompare(b.asciiName));
}

/**
 * One zone by its ASCII name; null when no configured provider has it. When a provider fails and no other
 * has the zone, the failure is the answer: the zone may well exist there.
 */
export async function findZone(ctx: GatewayContext, asciiName: string, report: ReportFailure, stale: NoteStale = freshOnly): Promise<UnifiedZone | null> {
  if (!canSeeZone(ctx, asciiName)) return null;
  const ns1 = optionalNs1(ctx);
  const buddyns = optionalBuddyNs(ctx);
  if (!ns1 && !buddyns) throw noProviderConfigured();
  const gaps: ProviderGap[] = [];
  const [ns1Zone, buddyZone] = await Promise.all([
    settle('ns1', ns1 && ns1ZoneDetail(ns1, asciiName), gaps, stale),
    settle('buddyns', buddyns && buddyNsZone(buddyns, asciiName), gaps, stale),
  ]);
  if (!ns1Zone && !buddyZone) {
    if (gaps[0]) throw gaps[0].error;
    return null;
  }
  for (const gap of gaps) report(gap.error);
  const onNs1 = Boolean(ns1Zone) || (buddyZone ? knownOnNs1(ctx, gaps, buddyZone) : false);
  return { asciiName, onNs1, buddyns: buddyZone ?? null, gaps };
}
