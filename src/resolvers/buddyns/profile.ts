import type { GatewayContext } from '../../context.js';
import { badInput } from '../../errors/gateway-error.js';
import type { BuddyNsProfile, BuddyNsProfileChange } from '../../providers/buddyns/account.js';
import { requireBuddyNs } from '../providers.js';

/** ITU-T E.123 international notation: +, country code, then groups of digits separated by spaces. */
const E123 = /^\+[1-9]\d{0,2}(?: \d{1,8}){1,5}$/;

export const buddyNsProfile = (ctx: GatewayContext) => requireBuddyNs(ctx).buddyns.profile.get();

export async function updateBuddyNsProfile(ctx: GatewayContext, change: BuddyNsProfileChange): Promise<BuddyNsProfile> {
  if (change.mobileNumber !== undefined && change.mobileNumber !== '' && !E123.test(change.mobileNumber.trim())) {
    throw badInput('input.mobileNumber', `"${change.mobileNumber}" is not in ITU-T E.123 international notation, e.g. "+1 555 123 4567"`);
  }
  if (Object.values(change).every((value) => value === undefined || value === null)) throw badInput('input', 'give at least one setting to change');
  // BuddyNS replaces both settings on every change: the one not given is sent as it is now.
  const { profile } = requireBuddyNs(ctx).buddyns;
  const current = await profile.get();
  await profile.replace({
    mobileNumber: change.mobileNumber ?? current.mobileNumber,
    cpanelIntegration: change.cpanelIntegration ?? current.cpanelIntegration,
  });
  return profile.get();
}
