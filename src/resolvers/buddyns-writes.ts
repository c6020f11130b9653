import type { GatewayContext } from '../context.js';
import { badInput, GatewayError } from '../errors/gateway-error.js';
import { buddyNsZone, forgetBuddyNsZone } from '../loaders/buddyns.js';
import type { BuddyNsProfile, BuddyNsProfileChange, BuddyNsZone } from '../providers/buddyns/types.js';
import { requireBuddyNs } from './providers.js';

/** ITU-T E.123 international notation: +, country code, then groups of digits separated by spaces. */
const E123 = /^\+[1-9]\d{0,2}(?: \d{1,8}){1,5}$/;

async function existingZone(ctx: GatewayContext, name: string): Promise<BuddyNsZone> {
  const zone = await buddyNsZone(requireBuddyNs(ctx), name);
  if (!zone) throw new GatewayError('NOT_FOUND', `zone ${name} does not exist on BuddyNS`, { provider: 'buddyns' });
  return zone;
}

export async function syncZone(ctx: GatewayContext, name: string): Promise<boolean> {
  const zone = await existingZone(ctx, name);
  const deps = requireBuddyNs(ctx);
  await deps.buddyns.syncZone(zone.asciiName);
  forgetBuddyNsZone(deps, zone.asciiName);
  return true;
}

export async function syncAllZones(ctx: GatewayContext): Promise<boolean> {
  await requireBuddyNs(ctx).buddyns.syncAllZones();
  return true;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * BuddyNS changes a master by deleting the zone and adding it again. When the re-add fails, the zone is
 * added back with its previous master, so a failed change never loses the zone.
 */
export async function setBuddyNsMaster(ctx: GatewayContext, name: string, master: string | null | undefined): Promise<BuddyNsZone> {
  const deps = requireBuddyNs(ctx);
  const previous = await existingZone(ctx, name);
  const next = master ?? '';
  await deps.buddyns.deleteZone(previous.asciiName);
  forgetBuddyNsZone(deps, previous.asciiName);
  try {
    return await deps.buddyns.addZone(previous.asciiName, next);
  } catch (error) {
    const shownPrevious = previous.master || '(none)';
    try {
      await deps.buddyns.addZone(previous.asciiName, previous.master);
    } catch (restoreError) {
      throw new GatewayError(
        'UPSTREAM_ERROR',
        `BuddyNS refused master ${next || '(none)'} (${describe(error)}) and restoring ${previous.name} with its previous master ${shownPrevious} failed too (${describe(restoreError)}): the zone is no longer on BuddyNS; add it again with master ${shownPrevious}`,
        { provider: 'buddyns' },
      );
    }
    throw new GatewayError(
      'UPSTREAM_ERROR',
      `BuddyNS refused master ${next || '(none)'} (${describe(error)}); ${previous.name} was restored with its previous master ${shownPrevious}`,
      { provider: 'buddyns' },
    );
  }
}

export async function updateBuddyNsProfile(ctx: GatewayContext, change: BuddyNsProfileChange): Promise<BuddyNsProfile> {
  if (change.mobileNumber !== undefined && change.mobileNumber !== '' && !E123.test(change.mobileNumber.trim())) {
    throw badInput('input.mobileNumber', `"${change.mobileNumber}" is not in ITU-T E.123 international notation, e.g. "+1 555 123 4567"`);
  }
  return requireBuddyNs(ctx).buddyns.updateProfile(change);
}
