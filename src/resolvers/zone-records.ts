import type { GatewayContext } from '../context.js';
import { ns1ZoneDetail } from '../loaders/ns1-dns.js';
import type { Ns1RecordSummary, Ns1StatsPeriod, Ns1UsageStats, RecordTypeName } from '../providers/ns1/dns-types.js';
import { requireNs1 } from './providers.js';
import type { UnifiedZone } from './unified-zone.js';

/** A zone's records in the short form its NS1 GET lists them in: no request per record. */
export async function zoneRecords(ctx: GatewayContext, zone: UnifiedZone, type?: RecordTypeName): Promise<Ns1RecordSummary[]> {
  if (!zone.onNs1) return [];
  const detail = await ns1ZoneDetail(requireNs1(ctx), zone.asciiName);
  const records = detail?.records ?? [];
  return type ? records.filter((r) => r.type === type) : records;
}

export async function zoneRecord(ctx: GatewayContext, zone: UnifiedZone, domain: string, type: RecordTypeName): Promise<Ns1RecordSummary | null> {
  return (await zoneRecords(ctx, zone, type)).find((r) => r.domain === domain) ?? null;
}

export async function zoneUsage(
  ctx: GatewayContext,
  zone: UnifiedZone,
  options: { period: Ns1StatsPeriod; byTier: boolean; expand: boolean },
): Promise<Ns1UsageStats[]> {
  if (!zone.onNs1) return [];
  return requireNs1(ctx).ns1.stats.usage({ zone: zone.asciiName }, options);
}
