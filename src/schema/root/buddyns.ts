import { updateBuddyNsProfile } from '../../resolvers/buddyns/profile.js';
import { setBuddyNsMaster, syncAllZones, syncZone } from '../../resolvers/zones/buddyns-secondary.js';
import { BuddyNsProfileInput, BuddyNsProfileRef } from '../buddyns-profile.js';
import { BuddyNsZoneRef } from '../buddyns-zone.js';
import { builder } from '../builder.js';

builder.mutationFields((t) => ({
  syncZone: t.boolean({
    description: 'BuddyNS SyncNOW: transfer the zone from its master at once.',
    args: { name: t.arg({ type: 'DomainName', required: true, description: 'The zone on BuddyNS; NOT_FOUND when BuddyNS does not have it.' }) },
    resolve: (_root, args, ctx) => syncZone(ctx, args.name),
  }),
  syncAllZones: t.boolean({
    description: 'BuddyNS SyncNOW for every zone.',
    resolve: (_root, _args, ctx) => syncAllZones(ctx),
  }),
  setBuddyNsMaster: t.field({
    type: BuddyNsZoneRef,
    description:
      "Changes a zone's master on BuddyNS (delete and re-add); a refused master restores the previous one, and a zone that cannot be restored is reported as PARTIALLY_APPLIED.",
    args: { name: t.arg({ type: 'DomainName', required: true }), master: t.arg({ type: 'IP' }) },
    resolve: (_root, args, ctx) => setBuddyNsMaster(ctx, args.name, args.master),
  }),
  updateBuddyNsProfile: t.field({
    type: BuddyNsProfileRef,
    args: { input: t.arg({ type: BuddyNsProfileInput, required: true, description: 'The changes.' }) },
    resolve: (_root, { input }, ctx) =>
      updateBuddyNsProfile(ctx, {
        ...(input.mobileNumber != null ? { mobileNumber: input.mobileNumber } : {}),
        ...(input.cpanelIntegration != null ? { cpanelIntegration: input.cpanelIntegration } : {}),
      }),
    description:
      'Changes the BuddyNS profile and returns it as BuddyNS now has it. A mobile number not in E.123 notation is refused with BAD_USER_INPUT before BuddyNS is called.',
  }),
}));
