import { accountQps, usage } from '../resolvers/account/stats.js';
import { builder } from './builder.js';
import { StatsPeriodEnum } from './stats-period.js';
import { UsageStatsRef } from './usage-stats.js';

export const StatsRef = builder.objectRef<Record<string, never>>('Stats').implement({
  description: 'Account-wide NS1 traffic.',
  fields: (t) => ({
    qps: t.float({ description: 'Current queries per second across the account.', resolve: (_s, _a, ctx) => accountQps(ctx) }),
    usage: t.field({
      type: [UsageStatsRef],
      args: {
        period: t.arg({ type: StatsPeriodEnum, defaultValue: '24h' }),
        expand: t.arg.boolean({ defaultValue: false, description: 'One entry per zone.' }),
        byTier: t.arg.boolean({ defaultValue: false }),
      },
      resolve: (_s, args, ctx) => usage(ctx, { period: args.period ?? '24h', expand: args.expand ?? false, byTier: args.byTier ?? false }),
      description: 'NS1 query counts for the whole account over the period; with expand, one entry per zone; with byTier, split by billing tier.',
    }),
  }),
});
