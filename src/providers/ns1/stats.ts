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

  accountQps(signal?: AbortSignal): Promise<number> {
    return this.api.call({ method: 'GET', path: '/stats/qps', signal }, qpsSchema, 'qps');
  }

  zoneQps(zone: string, signal?: AbortSignal): Promise<number> {
    return this.api.call({ method: 'GET', path: encodePath('stats', 'qps', zone), signal }, qpsSchema, 'qps');
  }

  recordQps(zone: string, domain: string, type: RecordTypeName, signal?: AbortSignal): Promise<number> {
    return this.api.call({ method: 'GET', path: encodePath('stats', 'qps', zone, domain, type), signal }, qpsSchema, 'qps');
  }

  usage(target: { zone?: string; domain?: string; type?: RecordTypeName }, options: UsageOptions = {}): Promise<Ns1UsageStats[]> {
    const segments = [
      'stats',
      'usage',
      ...(target.zone ? [target.zone] : []),
      ...(target.zone && target.domain && target.type ? [target.domain, target.type] : []),
    ];
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
