import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { qpsSchema, usageListSchema } from './dns-schemas.js';
import type { Ns1StatsPeriod, Ns1UsageStats, RecordTypeName } from './dns-types.js';

export interface UsageOptions {
  period?: Ns1StatsPeriod;
  expand?: boolean;
  aggregate?: boolean;
  byTier?: boolean;
}

/** NS1 stats: current QPS and usage for the account, a zone or a record. */
export class Ns1Stats {
  constructor(private readonly api: Ns1Api) {}

  accountQps(): Promise<number> {
    return this.api.call({ method: 'GET', path: '/stats/qps' }, qpsSchema, 'qps');
  }

  zoneQps(zone: string): Promise<number> {
    return this.api.call({ method: 'GET', path: encodePath('stats', 'qps', zone) }, qpsSchema, 'qps');
  }

  recordQps(zone: string, domain: string, type: RecordTypeName): Promise<number> {
    return this.api.call({ method: 'GET', path: encodePath('stats', 'qps', zone, domain, type) }, qpsSchema, 'qps');
  }

  usage(target: { zone?: string; domain?: string; type?: RecordTypeName }, options: UsageOptions = {}): Promise<Ns1UsageStats[]> {
    const segments = ['stats', 'usage', ...(target.zone ? [target.zone] : []), ...(target.zone && target.domain && target.type ? [target.domain, target.type] : [])];
    return this.api.call(
      {
        method: 'GET',
        path: encodePath(...segments),
        query: { period: options.period, expand: options.expand, aggregate: options.aggregate, by_tier: options.byTier },
      },
      usageListSchema,
      'usage',
    );
  }
}
