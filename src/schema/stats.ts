import * as account from '../resolvers/account/users.js';
import { builder } from './builder.js';
import { StatsPeriodEnum, UsageStatsRef } from './usage-stats.js';

const StatsRef = builder.objectRef<Record<string, never>>('Stats').implement({
  description: 'Account-wide NS1 traffic.',
  fields: (t) => ({
    qps: t.float({ description: 'Current queries per second across the account.', resolve: (_s, _a, ctx) => account.accountQps(ctx) }),
    usage: t.field({
      type: [UsageStatsRef],
      args: {
        period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h' }),
        expand: t.arg.boolean({ defaultValue: false, description: 'One entry per zone.' }),
        byTier: t.arg.boolean({ defaultValue: false }),
      },
      resolve: (_s, args, ctx) => account.usage(ctx, { period: args.period ?? '24h', expand: args.expand ?? false, byTier: args.byTier ?? false }),
      description: 'NS1 query counts for the whole account over the period; with expand, one entry per zone; with byTier, split by billing tier.',
    }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: StatsRef,
    resolve: () => ({}),
    description:
      'Account-wide NS1 traffic: queries per second now, and usage over a period. Its fields fail with PROVIDER_NOT_CONFIGURED without NS1 credentials.',
  }),
);
