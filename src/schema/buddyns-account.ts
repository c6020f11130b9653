import type { BuddyNsProfile, BuddyNsService } from '../providers/buddyns/types.js';
import { buddyNsOwner, buddyNsProfile, buddyNsService } from '../resolvers/buddyns-account.js';
import { builder } from './builder.js';
import { UserRef } from './user.js';
import { ViewerRef } from './viewer.js';

export const BuddyNsProfileRef = builder.objectRef<BuddyNsProfile>('BuddyNsProfile').implement({
  fields: (t) => ({
    usedTraffic: t.exposeFloat('usedTraffic', { description: 'Queries served this period.' }),
    estimatedTraffic: t.exposeFloat('estimatedTraffic', { description: 'Queries expected by the end of the period.' }),
    mobileNumber: t.exposeString('mobileNumber', { description: 'ITU-T E.123, e.g. "+1 555 123 4567".' }),
    cpanelIntegration: t.exposeBoolean('cpanelIntegration'),
  }),
});

const BuddyNsServiceRef = builder.objectRef<BuddyNsService>('BuddyNsService').implement({
  fields: (t) => ({
    accountType: t.exposeString('accountType'),
    numZones: t.exposeInt('numZones'),
    trafficQuota: t.exposeFloat('trafficQuota'),
    numStats: t.exposeInt('numStats'),
  }),
});

const BuddyNsAccountRef = builder.objectRef<Record<string, never>>('BuddyNsAccount').implement({
  description: 'The BuddyNS account behind the credentials in use.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (_a, _args, ctx) => buddyNsOwner(ctx) }),
    profile: t.field({ type: BuddyNsProfileRef, resolve: (_a, _args, ctx) => buddyNsProfile(ctx) }),
    service: t.field({ type: BuddyNsServiceRef, resolve: (_a, _args, ctx) => buddyNsService(ctx) }),
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
