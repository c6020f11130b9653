import type { Ns1UsageStats } from '../providers/ns1/dns-types.js';
import { builder } from './builder.js';

export const StatsPeriodEnum = builder.enumType('StatsPeriod', {
  values: {
    HOUR: { value: '1h', description: 'The last hour.' },
    DAY: { value: '24h', description: 'The last 24 hours.' },
    MONTH: { value: '30d', description: 'The last 30 days.' },
  } as const,
});

const UsagePointRef = builder.objectRef<{ at: Date; queries: number }>('UsagePoint').implement({
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    queries: t.exposeFloat('queries'),
  }),
});

export const UsageStatsRef = builder.objectRef<Ns1UsageStats>('UsageStats').implement({
  description: 'NS1 query usage over a period, for the account, a zone or a record.',
  fields: (t) => ({
    period: t.exposeString('period'),
    zone: t.field({ type: 'DomainName', nullable: true, resolve: (u) => u.zone }),
    domain: t.field({ type: 'DomainName', nullable: true, resolve: (u) => u.domain }),
    recordType: t.exposeString('recordType', { nullable: true }),
    records: t.exposeInt('records', { nullable: true }),
    queries: t.exposeFloat('queries'),
    recordsByTier: t.exposeIntList('recordsByTier', { nullable: true, description: 'Static, dynamic, intelligent.' }),
    queriesByTier: t.exposeFloatList('queriesByTier', { nullable: true, description: 'Static, dynamic, intelligent.' }),
    graph: t.field({ type: [UsagePointRef], resolve: (u) => u.graph }),
  }),
});
