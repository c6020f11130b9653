import type { BuddyNsProfile, BuddyNsService } from '../providers/buddyns/types.js';
import { buddyNsOwner, buddyNsProfile, buddyNsService } from '../resolvers/buddyns-account.js';
import { builder } from './builder.js';
import { UserRef } from './user.js';
import { ViewerRef } from './viewer.js';

export const BuddyNsProfileRef = builder.objectRef<BuddyNsProfile>('BuddyNsProfile').implement({
  description: 'The BuddyNS account profile: traffic this period, contact number, cPanel integration.',
  fields: (t) => ({
    usedTraffic: t.exposeFloat('usedTraffic', { description: 'Queries served this period.' }),
    estimatedTraffic: t.exposeFloat('estimatedTraffic', { description: 'Queries expected by the end of the period.' }),
    mobileNumber: t.exposeString('mobileNumber', { description: 'ITU-T E.123, e.g. "+1 555 123 4567".' }),
    cpanelIntegration: t.exposeBoolean('cpanelIntegration', { description: 'Whether the BuddyNS cPanel integration is turned on for the account.' }),
  }),
});

const BuddyNsServiceRef = builder.objectRef<BuddyNsService>('BuddyNsService').implement({
  description: 'The BuddyNS service the account subscribes to, and its limits.',
  fields: (t) => ({
    accountType: t.exposeString('accountType', { description: 'The BuddyNS account type, as BuddyNS names it, e.g. "paid".' }),
    numZones: t.exposeInt('numZones', { description: 'Number of zones on the account.' }),
    trafficQuota: t.exposeFloat('trafficQuota', { description: 'The traffic quota of the service, in queries (compare profile.usedTraffic).' }),
    numStats: t.exposeInt('numStats', { description: 'The num_stats figure of the BuddyNS service, as BuddyNS reports it.' }),
  }),
});

const BuddyNsAccountRef = builder.objectRef<Record<string, never>>('BuddyNsAccount').implement({
  description: 'The BuddyNS account behind the credentials in use.',
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      resolve: (_a, _args, ctx) => buddyNsOwner(ctx),
      description: 'The account owner, as a User with provider BUDDYNS (e-mail only).',
    }),
    profile: t.field({
      type: BuddyNsProfileRef,
      resolve: (_a, _args, ctx) => buddyNsProfile(ctx),
      description: 'Traffic used and expected this period, mobile number, cPanel integration.',
    }),
    service: t.field({
      type: BuddyNsServiceRef,
      resolve: (_a, _args, ctx) => buddyNsService(ctx),
      description: 'Account type, zone count and traffic quota.',
    }),
  }),
});

builder.objectField(ViewerRef, 'buddyns', (t) =>
  t.field({
    type: BuddyNsAccountRef,
    nullable: true,
    description: 'Null when no BuddyNS credentials are configured.',
    resolve: (_viewer, _args, ctx) => (ctx.buddyns ? {} : null),
  }),
);
