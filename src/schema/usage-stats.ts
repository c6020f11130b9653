import type { Ns1UsageStats } from '../providers/ns1/stats.js';
import { builder } from './builder.js';

const UsagePointRef = builder.objectRef<{ at: Date; queries: number }>('UsagePoint').implement({
  description: 'One point of a usage graph: a time and the queries NS1 counted for it.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'The time of this point, as NS1 gives it.' }),
    queries: t.exposeFloat('queries', { description: 'Queries counted for this point (a count, not a rate).' }),
  }),
});

export const UsageStatsRef = builder.objectRef<Ns1UsageStats>('UsageStats').implement({
  description: 'NS1 query usage over a period, for the account, a zone or a record.',
  fields: (t) => ({
    period: t.exposeString('period', { description: 'The window the figures cover, as NS1 names it: "1h", "24h" or "30d".' }),
    zone: t.field({
      type: 'DomainName',
      nullable: true,
      resolve: (u) => u.zone,
      description: 'The zone these figures are for; null for account-wide figures.',
    }),
    domain: t.field({
      type: 'DomainName',
      nullable: true,
      resolve: (u) => u.domain,
      description: 'The record’s domain, set together with recordType when the figures are for one record.',
    }),
    recordType: t.exposeString('recordType', {
      nullable: true,
      description: 'The record type when the figures are for one record, e.g. "A"; NS1 also reports "NXDOMAIN" for answers to names that do not exist.',
    }),
    records: t.exposeInt('records', {
      nullable: true,
      description: 'Number of records counted; null when NS1 does not report it (per-record figures).',
    }),
    queries: t.exposeFloat('queries', { description: 'Total queries NS1 answered in the period.' }),
    recordsByTier: t.exposeIntList('recordsByTier', { nullable: true, description: 'Static, dynamic, intelligent.' }),
    queriesByTier: t.exposeFloatList('queriesByTier', { nullable: true, description: 'Static, dynamic, intelligent.' }),
    graph: t.field({ type: [UsagePointRef], description: 'Queries over time within the period, oldest first.', resolve: (u) => u.graph }),
    graphByTier: t.field({
      type: t.listRef(t.listRef(UsagePointRef)),
      nullable: true,
      description: 'Queries over time of each billing tier (static, dynamic, intelligent), oldest first; null unless split by tier.',
      resolve: (u) => u.graphByTier,
    }),
  }),
});
