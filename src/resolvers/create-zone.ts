import { isIP } from 'node:net';
import type { GatewayContext } from '../context.js';
import { badInput, GatewayError } from '../errors/gateway-error.js';
import { forgetBuddyNsZone } from '../loaders/buddyns.js';
import { forgetNs1Zone } from '../loaders/ns1-dns.js';
import type { Ns1ZoneWrite } from '../providers/ns1/dns-types.js';
import { toNs1ZoneWrite, type Ns1ZoneArgs } from './zone-input.js';
import { UpstreamError, type ProviderId } from '../providers/upstream-error.js';
import { findZone } from './merge-zones.js';
import { requireBuddyNs, requireNs1 } from './providers.js';
import type { UnifiedZone } from './unified-zone.js';

export interface CreateZoneArgs {
  name: string;
  providers: ProviderId[];
  ns1?: Ns1ZoneArgs | null;
  buddyns?: { master?: string | null } | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The master BuddyNS transfers from: given, NS1's transfer address when NS1 is primary, or none. */
function buddyNsMaster(ctx: GatewayContext, args: CreateZoneArgs, onNs1: boolean): string {
  const given = args.buddyns?.master ?? undefined;
  if (given !== undefined) {
    if (isIP(given) === 0) throw badInput('input.buddyns.master', `"${given}" is not an IP address`);
    return given;
  }
  if (!onNs1) return '';
  const address = ctx.config.ns1.transferAddress;
  if (!address) {
    throw badInput('input.buddyns.master', 'give the master BuddyNS transfers from, or set NS1_TRANSFER_ADDRESS to use NS1 as the master');
  }
  return address;
}

/**
 * Creates a zone on NS1, BuddyNS or both. On both, NS1 is primary (transfers allowed) and BuddyNS its
 * secondary; when BuddyNS refuses, the NS1 zone is removed again so nothing is left half-made.
 */
export async function createZone(ctx: GatewayContext, args: CreateZoneArgs): Promise<UnifiedZone> {
  const providers = [...new Set(args.providers)];
  if (providers.length === 0) throw badInput('input.providers', 'name at least one provider');
  const onNs1 = providers.includes('ns1');
  const onBuddyNs = providers.includes('buddyns');
  if (!onNs1 && args.ns1) throw badInput('input.ns1', 'NS1 settings need NS1 among the providers');
  if (!onBuddyNs && args.buddyns) throw badInput('input.buddyns', 'BuddyNS settings need BUDDYNS among the providers');
  const ns1 = onNs1 ? requireNs1(ctx) : undefined;
  const buddyns = onBuddyNs ? requireBuddyNs(ctx) : undefined;
  const master = onBuddyNs ? buddyNsMaster(ctx, args, onNs1) : '';

  if (ns1) {
    const settings: Ns1ZoneWrite = toNs1ZoneWrite(args.ns1);
    if (onBuddyNs && !settings.primary && !settings.secondary && !settings.link) settings.primary = { enabled: true, secondaries: [] };
    await ns1.ns1.zones.create(args.name, settings);
    forgetNs1Zone(ns1, args.name);
  }
  if (buddyns) {
    try {
      await buddyns.buddyns.addZone(args.name, master);
      forgetBuddyNsZone(buddyns, args.name);
    } catch (error) {
      if (!ns1) throw error;
      const undo = await ns1.ns1.zones.delete(args.name).then(
        () => `the NS1 zone ${args.name} was removed again`,
        (undoError: unknown) => `removing the NS1 zone ${args.name} again failed too (${describe(undoError)}); delete it by hand`,
      );
      forgetNs1Zone(ns1, args.name);
      throw new GatewayError(
        error instanceof UpstreamError && error.code === 'BAD_USER_INPUT' ? 'BAD_USER_INPUT' : 'UPSTREAM_ERROR',
        `BuddyNS refused the zone (${describe(error)}); ${undo}`,
        { provider: 'buddyns', ...(error instanceof UpstreamError ? { status: error.status } : {}) },
      );
    }
  }
  const zone = await findZone(ctx, args.name, () => undefined);
  return zone ?? { asciiName: args.name, onNs1, buddyns: null };
}
