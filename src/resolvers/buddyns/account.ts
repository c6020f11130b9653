import type { GatewayContext } from '../../context.js';
import { buddyNsZoneList } from '../../loaders/buddyns.js';
import { requireBuddyNs } from '../providers.js';

export async function buddyNsOwner(ctx: GatewayContext) {
  const user = await requireBuddyNs(ctx).buddyns.user.get();
  return { provider: 'buddyns' as const, username: null, name: null, email: user.email, lastAccessAt: null };
}

export const buddyNsService = (ctx: GatewayContext) => requireBuddyNs(ctx).buddyns.service.get();
export const buddyNsZonesInUse = async (ctx: GatewayContext) => (await buddyNsZoneList(requireBuddyNs(ctx))).length;
