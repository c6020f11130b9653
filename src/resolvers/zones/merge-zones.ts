import { canSeeZone } from '../../auth/visible-zones.js';
import { noProviderConfigured, providerNotConfigured } from '../../errors/gateway-error.js';
import type { GatewayContext } from '../../context.js';
import { buddyNsDelegation, buddyNsZone, buddyNsZoneList, buddyNsZoneStatus, type BuddyNsDeps } from '../../loaders/buddyns.js';
import { ns1ZoneDetail, ns1ZoneList, ns1ZoneQps, type Ns1Deps } from '../../loaders/ns1-dns.js';
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

/** Visible zones of a provider's list: only those are sure to be in the answer. */
const visible = (ctx: GatewayContext, zones: ReadonlyArray<{ asciiName: string }>) => zones.filter((zone) => canSeeZone(ctx, zone.asciiName));

/*
 * The per-zone reads the selection will make, started as soon as the provider's list names the zones: their fields
 * ask the same loaders later and find them on the way, rather than waiting for the other provider's list and the merge.
 */
function readAheadOnNs1(ctx: GatewayContext, ns1: Ns1Deps, zones: ReadonlyArray<{ asciiName: string }>, reads: ZoneReads): void {
  for (const { asciiName } of visible(ctx, zones)) {
    if (reads.ns1Detail) ns1ZoneDetail(ns1, asciiName).catch(ignore);
    if (reads.ns1Qps) ns1ZoneQps(ns1, asciiName).catch(ignore);
  }
}

function readAheadOnBuddyNs(ctx: GatewayContext, buddyns: BuddyNsDeps, zones: ReadonlyArray<{ asciiName: string }>, reads: ZoneReads): void {
  if (!reads.buddyNsHealth) return;
  for (const { asciiName } of visible(ctx, zones)) {
    buddyNsZoneStatus(buddyns, asciiName).catch(ignore);
    buddyNsDelegation(buddyns, asciiName).catch(ignore);
  }
}

/** `list`, with `start` run on its zones as soon as it arrives. */
function whenListed<T>(list: Promise<T[]>, start: ((zones: T[]) => void) | undefined): Promise<T[]> {
  if (!start) return list;
  return list.then((zones) => {
    start(zones);
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
  // Every zone of a provider's list is in the answer unless the other provider filters them.
  const readAhead = !reads.namesOnly;
  const [ns1Zones, buddyZones] = await Promise.all([
    settle(
      'ns1',
      ns1 && whenListed(ns1ZoneList(ns1), readAhead && provider !== 'buddyns' ? (zones) => readAheadOnNs1(ctx, ns1, zones, reads) : undefined),
      gaps,
      stale,
    ),
    settle(
      'buddyns',
      buddyns && whenListed(buddyNsZoneList(buddyns), readAhead && provider !== 'ns1' ? (zones) => readAheadOnBuddyNs(ctx, buddyns, zones, reads) : undefined),
      gaps,
      stale,
    ),
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
