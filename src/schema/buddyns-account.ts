import type { BuddyNsService } from '../providers/buddyns/account.js';
import { buddyNsOwner, buddyNsService, buddyNsZonesInUse } from '../resolvers/buddyns/account.js';
import { buddyNsProfile } from '../resolvers/buddyns/profile.js';
import { BuddyNsProfileRef } from './buddyns-profile.js';
import { builder } from './builder.js';
import { UserRef } from './user.js';
import { ViewerRef } from './viewer.js';

const BuddyNsServiceRef = builder.objectRef<BuddyNsService>('BuddyNsService').implement({
  description: 'The BuddyNS plan (GET /service/).',
  fields: (t) => ({
    accountType: t.exposeString('accountType', { description: 'The plan, e.g. "free" or "paid".' }),
    numZones: t.exposeInt('numZones', { description: 'BuddyNS num_zones, the zone count of the plan as BuddyNS reports it; compare with zonesInUse.' }),
    zonesInUse: t.int({
      description: 'How many zones the account has on BuddyNS now (the length of GET /zone/).',
      resolve: (_s, _a, ctx) => buddyNsZonesInUse(ctx),
    }),
    trafficQuota: t.exposeFloat('trafficQuota', {
      description: "The plan's traffic allowance as BuddyNS reports it (traffic_quota, in BuddyNS's own unit, which its documentation does not give).",
    }),
    numStats: t.exposeInt('numStats', { description: 'BuddyNS num_stats, as the provider reports it.' }),
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
