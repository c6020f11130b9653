import type { GatewayContext } from '../../context.js';
import { PROVIDER_NAME } from '../../domain/provider-name.js';
import { badInput, GatewayError } from '../../errors/gateway-error.js';
import { forgetBuddyNsZone } from '../../loaders/buddyns.js';
import { forgetNs1Zone } from '../../loaders/ns1-dns.js';
import type { ProviderId } from '../../providers/upstream-error.js';
import { findZone } from './merge-zones.js';
import { requireBuddyNs, requireNs1 } from '../providers.js';
import { providersOf } from './unified-zone.js';
import { writePolicy } from '../writes/provider-state.js';
import { runSteps, type WriteStep } from '../writes/write-steps.js';
import { deleteBuddyNsZone, deleteNs1Zone, deleteZoneRemedy } from './zone-write-steps.js';

/** Deletes a zone from the named providers, or from every provider that has it. */
export async function deleteZone(ctx: GatewayContext, name: string, providers: ProviderId[] | null | undefined): Promise<boolean> {
  // An empty list is a choice of no provider, not of every one: a form with every provider unticked deletes nothing.
  if (providers?.length === 0) throw badInput('providers', 'name at least one provider, or leave it out to delete the zone from every provider that has it');
  const targets = providers ? [...new Set(providers)] : undefined;
  for (const provider of targets ?? []) {
    if (provider === 'ns1') requireNs1(ctx);
    else requireBuddyNs(ctx);
  }
  const zone = await findZone(ctx, name, (error) => {
    throw error;
  });
  const present = zone ? providersOf(zone) : [];
  const chosen = targets ?? present;
  const missing = chosen.filter((p) => !present.includes(p));
  if (present.length === 0 || missing.length > 0) {
    const where = missing.length > 0 ? ` on ${missing.map((p) => PROVIDER_NAME[p]).join(' and ')}` : '';
    throw new GatewayError('NOT_FOUND', `zone ${name} does not exist${where}`);
  }
  // The BuddyNS secondary goes first: an NS1 primary left without its secondary still serves the zone,
  // a secondary left without its primary serves stale data until it expires.
  const steps: WriteStep[] = [];
  const buddyns = chosen.includes('buddyns') ? requireBuddyNs(ctx) : undefined;
  const ns1 = chosen.includes('ns1') ? requireNs1(ctx) : undefined;
  if (buddyns) steps.push({ provider: 'buddyns', does: `delete zone ${name}`, done: `deleted zone ${name}`, write: deleteBuddyNsZone(buddyns, name) });
  if (ns1) {
    steps.push({
      provider: 'ns1',
      does: `delete zone ${name}`,
      done: `deleted zone ${name}`,
      write: deleteNs1Zone(ns1, name),
      ifSkipped: { leftOver: { provider: 'ns1', kind: 'zone', name, exists: true }, remedy: deleteZoneRemedy(name, 'NS1') },
    });
  }
  try {
    await runSteps({ operation: `deleteZone ${name}`, steps, check: `{ zone(name: "${name}") { providers } }` }, writePolicy(ctx));
  } finally {
    if (ns1) forgetNs1Zone(ns1, name);
    if (buddyns) forgetBuddyNsZone(buddyns, name);
  }
  return true;
}
