import type { GatewayContext } from '../context.js';
import { buddyNsDelegation, buddyNsZoneStatus } from '../loaders/buddyns.js';
import { ns1ZoneDetail } from '../loaders/ns1-dns.js';
import { assessHealth, type ZoneHealth } from './assess-health.js';
import { optionalBuddyNs, optionalNs1 } from './providers.js';
import type { UnifiedZone } from './unified-zone.js';

export async function zoneHealth(ctx: GatewayContext, zone: UnifiedZone): Promise<ZoneHealth> {
  const ns1 = zone.onNs1 ? optionalNs1(ctx) : undefined;
  const buddyns = zone.buddyns ? optionalBuddyNs(ctx) : undefined;
  const [detail, status, delegation] = await Promise.all([
    ns1 ? ns1ZoneDetail(ns1, zone.asciiName) : null,
    buddyns ? buddyNsZoneStatus(buddyns, zone.asciiName) : null,
    buddyns ? buddyNsDelegation(buddyns, zone.asciiName) : null,
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
  });
}
