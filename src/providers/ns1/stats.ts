import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { graph } from './fields.js';
import type { RecordTypeName } from './record-types.js';

/** The account (nothing given), a zone, or a record (zone, domain and type). */
export interface StatsTarget {
  zone?: string | null | undefined;
  domain?: string | null | undefined;
  type?: RecordTypeName | null | undefined;
}

const targetPath = (area: 'qps' | 'usage', target: StatsTarget) =>
  encodePath('stats', area, ...(target.zone ? [target.zone] : []), ...(target.zone && target.domain && target.type ? [target.domain, target.type] : []));

const qpsSchema = z.object({ qps: z.number() }).transform((b) => b.qps);

const usagePoints = (points: z.output<typeof graph>) => points.map(([at, queries]) => ({ at: new Date(at * 1000), queries }));

const usageListSchema = z.array(
  z
    .object({
      period: z.string(),
      zone: z.string().nullish(),
      domain: z.string().nullish(),
      rectype: z.string().nullish(),
      records: z.number().nullish(),
      queries: z.number(),
      records_by_tier: z.array(z.number()).nullish(),
      queries_by_tier: z.array(z.number()).nullish(),
      graph: graph.nullish(),
      graph_by_tier: z.array(graph).nullish(),
    })
    .transform((u) => ({
      period: u.period,
      zone: u.zone ?? null,
      domain: u.domain ?? null,
      recordType: u.rectype ?? null,
      records: u.records ?? null,
      queries: u.queries,
      recordsByTier: u.records_by_tier ?? null,
      queriesByTier: u.queries_by_tier ?? null,
      graph: usagePoints(u.graph ?? []),
      graphByTier: u.graph_by_tier?.map(usagePoints) ?? null,
    })),
);

export type Ns1UsageStats = z.output<typeof usageListSchema>[number];
export type Ns1StatsPeriod = '1h' | '24h' | '30d';

export interface UsageOptions {
  period?: Ns1StatsPeriod;
  expand?: boolean;
  byTier?: boolean;
}

/** NS1 current queries per second: GET /stats/qps[/:zone[/:domain/:type]]. */
export class Ns1Qps {
  constructor(private readonly api: ProviderCalls) {}

  get(target: StatsTarget, signal?: AbortSignal): Promise<number> {
    return this.api.call({ method: 'GET', path: targetPath('qps', target), signal }, qpsSchema, 'qps');
  }
}

/** NS1 usage: GET /stats/usage[/:zone[/:domain/:type]]. */
export class Ns1Usage {
  constructor(private readonly api: ProviderCalls) {}

  list(target: StatsTarget, options: UsageOptions = {}): Promise<Ns1UsageStats[]> {
    return this.api.call(
      {
        method: 'GET',
        path: targetPath('usage', target),
        // NS1 aggregates across zones and tiers unless told not to, even with expand or by_tier set.
        query: {
          period: options.period,
          expand: options.expand,
          by_tier: options.byTier,
          ...(options.expand || options.byTier ? { aggregate: false } : {}),
        },
      },
      usageListSchema,
      'usage',
    );
  }
}
