import type { GatewayContext } from '../context.js';
import { GatewayError } from '../errors/gateway-error.js';
import { forgetNs1Zone, ns1ZoneDetail } from '../loaders/ns1-dns.js';
import { toNs1ZoneWrite, type Ns1ZoneArgs } from './zone-input.js';
import { findZone } from './merge-zones.js';
import { requireNs1 } from './providers.js';
import type { UnifiedZone } from './unified-zone.js';

/** Changes a zone's NS1 settings (SOA values, hostmaster, networks, primary/secondary, meta). */
export async function updateZone(ctx: GatewayContext, name: string, ns1Settings: Ns1ZoneArgs | null | undefined): Promise<UnifiedZone> {
  const ns1 = requireNs1(ctx);
  if (!(await ns1ZoneDetail(ns1, name))) throw new GatewayError('NOT_FOUND', `zone ${name} does not exist on NS1`, { provider: 'ns1' });
  await ns1.ns1.zones.update(name, toNs1ZoneWrite(ns1Settings));
  forgetNs1Zone(ns1, name);
  return (await findZone(ctx, name, () => undefined)) ?? { asciiName: name, onNs1: true, buddyns: null };
}
