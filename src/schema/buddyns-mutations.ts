import { setBuddyNsMaster, syncAllZones, syncZone, updateBuddyNsProfile } from '../resolvers/buddyns-writes.js';
import { builder } from './builder.js';
import { BuddyNsProfileRef } from './buddyns-account.js';
import { BuddyNsZoneRef } from './buddyns-zone.js';

const BuddyNsProfileInput = builder.inputType('BuddyNsProfileInput', {
  fields: (t) => ({
    mobileNumber: t.string({ description: 'ITU-T E.123 international notation, e.g. "+1 555 123 4567".' }),
    cpanelIntegration: t.boolean(),
  }),
});

builder.mutationFields((t) => ({
  syncZone: t.boolean({
    description: 'BuddyNS SyncNOW: transfer the zone from its master at once.',
    args: { name: t.arg({ type: 'DomainName', required: true }) },
    resolve: (_root, args, ctx) => syncZone(ctx, args.name),
  }),
  syncAllZones: t.boolean({
    description: 'BuddyNS SyncNOW for every zone.',
    resolve: (_root, _args, ctx) => syncAllZones(ctx),
  }),
  setBuddyNsMaster: t.field({
    type: BuddyNsZoneRef,
    description: "Changes a zone's master on BuddyNS (delete and re-add); a refused master restores the previous one, and a zone that cannot be restored is reported as PARTIALLY_APPLIED.",
    args: { name: t.arg({ type: 'DomainName', required: true }), master: t.arg({ type: 'IP' }) },
    resolve: (_root, args, ctx) => setBuddyNsMaster(ctx, args.name, args.master),
  }),
  updateBuddyNsProfile: t.field({
    type: BuddyNsProfileRef,
    args: { input: t.arg({ type: BuddyNsProfileInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateBuddyNsProfile(ctx, {
        ...(input.mobileNumber != null ? { mobileNumber: input.mobileNumber } : {}),
        ...(input.cpanelIntegration != null ? { cpanelIntegration: input.cpanelIntegration } : {}),
      }),
  }),
}));
