import type { GatewayContext } from '../../context.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { buddyNsZone, forgetBuddyNsZone } from '../../loaders/buddyns.js';
import type { BuddyNsZone } from '../../providers/buddyns/zones.js';
import { writePolicy } from '../writes/provider-state.js';
import { requireBuddyNs } from '../providers.js';
import { runSteps, type WriteStep } from '../writes/write-steps.js';
import { addBuddyNsZone, addBuddyNsZoneRemedy, deleteBuddyNsZone } from './zone-write-steps.js';

async function existingZone(ctx: GatewayContext, name: string): Promise<BuddyNsZone> {
  const zone = await buddyNsZone(requireBuddyNs(ctx), name);
  if (!zone) throw new GatewayError('NOT_FOUND', `zone ${name} does not exist on BuddyNS`, { provider: 'buddyns' });
  return zone;
}

export async function syncZone(ctx: GatewayContext, name: string): Promise<boolean> {
  const zone = await existingZone(ctx, name);
  const deps = requireBuddyNs(ctx);
  await deps.buddyns.zones.sync(zone.asciiName);
  forgetBuddyNsZone(deps, zone.asciiName);
  return true;
}

export async function syncAllZones(ctx: GatewayContext): Promise<boolean> {
  await requireBuddyNs(ctx).buddyns.zones.syncAll();
  return true;
}

/**
 * BuddyNS changes a master by deleting the zone and adding it again. When the re-add is verified not to
 * have happened, the zone is added back with its previous master; a zone that cannot be restored is
 * reported as PARTIALLY_APPLIED with the mutation that adds it back.
 */
export async function setBuddyNsMaster(ctx: GatewayContext, name: string, master: string | null | undefined): Promise<BuddyNsZone> {
  const deps = requireBuddyNs(ctx);
  const previous = await existingZone(ctx, name);
  const zone = previous.asciiName;
  const next = master ?? '';
  // BuddyNS would drop the zone and transfer it anew: nothing to gain, and it serves nothing until then.
  if (next === previous.master) return previous;
  const steps: WriteStep[] = [
    {
      provider: 'buddyns',
      does: `delete zone ${zone}`,
      done: `deleted zone ${zone}`,
      write: deleteBuddyNsZone(deps, zone),
      undo: {
        does: `add zone ${zone} with its previous master ${previous.master || '(none)'}`,
        done: `restored zone ${zone} with its previous master ${previous.master || '(none)'}`,
        write: addBuddyNsZone(deps, zone, previous.master),
      },
      ifStays: {
        leftOver: { provider: 'buddyns', kind: 'zone', name: zone, exists: false, master: previous.master },
        remedy: addBuddyNsZoneRemedy(zone, previous.master),
      },
    },
    {
      provider: 'buddyns',
      does: `add zone ${zone} with master ${next || '(none)'}`,
      done: `added zone ${zone} with master ${next || '(none)'}`,
      write: addBuddyNsZone(deps, zone, next),
    },
  ];
  try {
    const [, added] = await runSteps(
      { operation: `setBuddyNsMaster ${zone}`, steps, check: `{ zone(name: "${zone}") { buddyns { master } } }` },
      writePolicy(ctx),
    );
    return added as BuddyNsZone;
  } finally {
    forgetBuddyNsZone(deps, zone);
  }
}
