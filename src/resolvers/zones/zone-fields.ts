import type { GatewayContext } from '../../context.js';
import { ns1ZoneDetail } from '../../loaders/ns1-dns.js';
import type { RecordTypeName } from '../../domain/record-types.js';
import type { Ns1RecordSummary, Ns1ZoneDetail } from '../../providers/ns1/zones.js';
import type { Ns1StatsPeriod, Ns1UsageStats } from '../../providers/ns1/stats.js';
import { freshOnly, type NoteStale, type ReportFailure } from '../field-report.js';
import { requireNs1 } from '../providers.js';
import type { UnifiedZone } from './unified-zone.js';

/** The zone's NS1 facet; null when the zone is not on NS1. */
export async function zoneNs1Facet(ctx: GatewayContext, zone: UnifiedZone, stale: NoteStale = freshOnly): Promise<Ns1ZoneDetail | null> {
  return zone.onNs1 ? stale(await ns1ZoneDetail(requireNs1(ctx), zone.asciiName)) : null;
}

/**
 * A zone's records in the short form its NS1 GET lists them in: no request per record. When NS1 does not
 * answer, the zone keeps its place in the answer: no records, and the error at this path.
 */
export async function zoneRecords(
  ctx: GatewayContext,
  zone: UnifiedZone,
  type?: RecordTypeName,
  report?: ReportFailure,
  stale: NoteStale = freshOnly,
): Promise<Ns1RecordSummary[]> {
  if (!zone.onNs1) return [];
  let detail: Ns1ZoneDetail | null;
  try {
    detail = stale(await ns1ZoneDetail(requireNs1(ctx), zone.asciiName));
  } catch (error) {
    if (!report) throw error;
    report(error);
    return [];
  }
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
  return requireNs1(ctx).ns1.usage.list({ zone: zone.asciiName }, options);
}
