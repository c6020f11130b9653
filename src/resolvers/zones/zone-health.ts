import type { GatewayContext } from '../../context.js';
import { buddyNsDelegation, buddyNsZoneStatus } from '../../loaders/buddyns.js';
import { ns1ZoneDetail } from '../../loaders/ns1-dns.js';
import type { ProviderId } from '../../providers/upstream-error.js';
import { assessHealth, type ZoneHealth } from './assess-health.js';
import type { ProviderGap, ReportFailure } from '../field-report.js';
import { optionalBuddyNs, optionalNs1 } from '../providers.js';
import type { UnifiedZone } from './unified-zone.js';

/**
 * A zone's health from whatever answered. A provider that did not (when the zone was listed, or now) makes
 * the health incomplete and is named among its problems; a failed lookup leaves its field null, with the
 * error at that field's path.
 */
export async function zoneHealth(ctx: GatewayContext, zone: UnifiedZone, report: ReportFailure = () => undefined): Promise<ZoneHealth> {
  const ns1 = zone.onNs1 ? optionalNs1(ctx) : undefined;
  const buddyns = zone.buddyns ? optionalBuddyNs(ctx) : undefined;
  const gaps: ProviderGap[] = [...(zone.gaps ?? [])];
  const ask = async <T>(provider: ProviderId, lookup: Promise<T> | null, field: string): Promise<T | null> => {
    try {
      return await lookup;
    } catch (error) {
      gaps.push({ provider, error });
      report(error, field);
      return null;
    }
  };
  const [detail, status, delegation] = await Promise.all([
    ask('ns1', ns1 ? ns1ZoneDetail(ns1, zone.asciiName) : null, 'serialNs1'),
    ask('buddyns', buddyns ? buddyNsZoneStatus(buddyns, zone.asciiName) : null, 'transferOk'),
    ask('buddyns', buddyns ? buddyNsDelegation(buddyns, zone.asciiName) : null, 'delegationOk'),
  ]);
  return assessHealth({
    ns1Serial: detail?.serial,
    onNs1: zone.onNs1,
    buddyns: zone.buddyns,
    status,
    delegation,
    ns1TransferAddress: ctx.config.ns1.transferAddress,
    ns1Primary: detail?.primary?.enabled ?? false,
    configured: { ns1: Boolean(optionalNs1(ctx)), buddyns: Boolean(optionalBuddyNs(ctx)) },
    gaps,
  });
}
