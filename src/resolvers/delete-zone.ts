import type { GatewayContext } from '../context.js';
import { GatewayError } from '../errors/gateway-error.js';
import { forgetBuddyNsZone } from '../loaders/buddyns.js';
import { forgetNs1Zone } from '../loaders/ns1-dns.js';
import type { ProviderId } from '../providers/upstream-error.js';
import { findZone } from './merge-zones.js';
import { requireBuddyNs, requireNs1 } from './providers.js';
import { providersOf } from './unified-zone.js';

/** Deletes a zone from the named providers, or from every provider that has it. */
export async function deleteZone(ctx: GatewayContext, name: string, providers: ProviderId[] | null | undefined): Promise<boolean> {
  const targets = providers && providers.length > 0 ? [...new Set(providers)] : undefined;
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
    const where = missing.length > 0 ? ` on ${missing.map((p) => (p === 'ns1' ? 'NS1' : 'BuddyNS')).join(' and ')}` : '';
    throw new GatewayError('NOT_FOUND', `zone ${name} does not exist${where}`);
  }
  if (chosen.includes('ns1')) {
    const ns1 = requireNs1(ctx);
    await ns1.ns1.zones.delete(name);
    forgetNs1Zone(ns1, name);
  }
  if (chosen.includes('buddyns')) {
    const buddyns = requireBuddyNs(ctx);
    await buddyns.buddyns.deleteZone(name);
    forgetBuddyNsZone(buddyns, name);
  }
  return true;
}
