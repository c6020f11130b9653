import { linkedZoneNotGranted } from '../../auth/forbidden.js';
import { canSeeZone } from '../../auth/visible-zones.js';
import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import { forgetBuddyNsZone } from '../../loaders/buddyns.js';
import { forgetNs1Zone } from '../../loaders/ns1-dns.js';
import type { Ns1ZoneWrite } from '../../providers/ns1/zones.js';
import { checkNs1ZoneWrite, toNs1ZoneWrite, type Ns1ZoneArgs } from './zone-input.js';
import type { ProviderId } from '../../providers/upstream-error.js';
import { findZone } from './merge-zones.js';
import { requireBuddyNs, requireNs1 } from '../providers.js';
import type { UnifiedZone } from './unified-zone.js';
import { buddyNsZoneNow, ns1ZoneNow, writePolicy } from '../writes/provider-state.js';
import { runSteps, type WriteStep } from '../writes/write-steps.js';
import { addBuddyNsZone, createNs1Zone, deleteNs1Zone, deleteZoneRemedy } from './zone-write-steps.js';
import { zoneExists } from '../writes/write-outcome-errors.js';

export interface CreateZoneArgs {
  name: string;
  providers: ProviderId[];
  ns1?: Ns1ZoneArgs | null;
  buddyns?: { master?: string | null } | null;
}

/** The master BuddyNS transfers from: given, NS1's transfer address when it transfers from NS1, or none. */
function buddyNsMaster(ctx: GatewayContext, args: CreateZoneArgs, fromNs1: boolean): string {
  const given = args.buddyns?.master ?? undefined;
  if (given !== undefined) return given;
  if (!fromNs1) return '';
  const address = ctx.config.ns1.transferAddress;
  if (!address) {
    throw badInput('input.buddyns.master', 'give the master BuddyNS transfers from, or set NS1_TRANSFER_ADDRESS to use NS1 as the master');
  }
  return address;
}

/** NS1's settings for the new zone; when BuddyNS transfers the zone from NS1, NS1 must be a primary that allows it. */
function ns1Settings(args: CreateZoneArgs, fromNs1: boolean): Ns1ZoneWrite {
  const settings = toNs1ZoneWrite(args.ns1);
  checkNs1ZoneWrite(args.name, settings);
  if (!fromNs1) return settings;
  const why = 'BuddyNS transfers the zone from NS1, so NS1 must be a standard primary that allows transfers';
  if (settings.link !== undefined) throw badInput('input.ns1.link', `${why}, not a linked zone`);
  if (settings.secondary?.enabled) throw badInput('input.ns1.secondary', `${why}, not a secondary`);
  if (settings.primary?.enabled === false) throw badInput('input.ns1.primary.enabled', why);
  settings.primary ??= { enabled: true, secondaries: [] };
  return settings;
}

/** A zone a provider has already is never taken over: creating it again would overwrite or fail halfway. */
async function refuseExisting(name: string, ns1: ReturnType<typeof requireNs1> | undefined, buddyns: ReturnType<typeof requireBuddyNs> | undefined) {
  const [onNs1, onBuddyNs] = await Promise.all([ns1 ? ns1ZoneNow(ns1, name) : null, buddyns ? buddyNsZoneNow(buddyns, name) : null]);
  if (onNs1) throw zoneExists('ns1', name, '; nothing was changed');
  if (onBuddyNs) throw zoneExists('buddyns', name, ` (master ${onBuddyNs.master || 'none'}); nothing was changed`);
}

/**
 * Creates a zone on NS1, BuddyNS or both. On both, NS1 is primary (transfers allowed) and BuddyNS its
 * secondary, created in that order so a secondary never points at a primary that does not exist; when
 * BuddyNS is verified not to have the zone, the NS1 zone is removed again. What cannot be undone is
 * reported as PARTIALLY_APPLIED with the mutation that puts it right.
 */
export async function createZone(ctx: GatewayContext, args: CreateZoneArgs): Promise<UnifiedZone> {
  const providers = [...new Set(args.providers)];
  if (providers.length === 0) throw badInput('input.providers', 'name at least one provider');
  // A record may be a wildcard; a zone is delegated by its exact name.
  if (args.name.startsWith('*')) throw badInput('input.name', `${args.name} is a wildcard, not a zone name`);
  const onNs1 = providers.includes('ns1');
  const onBuddyNs = providers.includes('buddyns');
  if (!onNs1 && args.ns1) throw badInput('input.ns1', 'NS1 settings need NS1 among the providers');
  if (!onBuddyNs && args.buddyns) throw badInput('input.buddyns', 'BuddyNS settings need BUDDYNS among the providers');
  const ns1 = onNs1 ? requireNs1(ctx) : undefined;
  const buddyns = onBuddyNs ? requireBuddyNs(ctx) : undefined;
  // On both providers without a master of its own, BuddyNS transfers the zone from NS1.
  const fromNs1 = onNs1 && onBuddyNs && args.buddyns?.master == null;
  const master = onBuddyNs ? buddyNsMaster(ctx, args, fromNs1) : '';
  const name = args.name;
  const settings = onNs1 ? ns1Settings(args, fromNs1) : undefined;
  // A linked zone answers with the records of the zone it links to: one the token does not grant is refused before anything is read.
  if (settings?.link !== undefined && !canSeeZone(ctx, settings.link)) throw linkedZoneNotGranted(settings.link);
  await refuseExisting(name, ns1, buddyns);

  const steps: WriteStep[] = [];
  if (ns1 && settings) {
    steps.push({
      provider: 'ns1',
      does: `create zone ${name}`,
      done: `created zone ${name}`,
      write: createNs1Zone(ns1, name, settings),
      undo: { does: `delete zone ${name}`, done: `deleted zone ${name} again`, write: deleteNs1Zone(ns1, name) },
      ifStays: { leftOver: { provider: 'ns1', kind: 'zone', name, exists: true }, remedy: deleteZoneRemedy(name, 'NS1') },
    });
  }
  if (buddyns) {
    steps.push({ provider: 'buddyns', does: `add zone ${name}`, done: `added zone ${name}`, write: addBuddyNsZone(buddyns, name, master) });
  }
  try {
    await runSteps({ operation: `createZone ${name}`, steps, check: `{ zone(name: "${name}") { providers health { problems } } }` }, writePolicy(ctx));
  } finally {
    if (ns1) forgetNs1Zone(ns1, name);
    if (buddyns) forgetBuddyNsZone(buddyns, name);
  }
  const zone = await findZone(ctx, name, () => undefined);
  return zone ?? { asciiName: name, onNs1, buddyns: null };
}
