import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';
import { describedCatalogSchema, type Ns1Described } from './described.js';
import { defined, graph, jsonObject, seconds } from './fields.js';

const state = z.enum(['up', 'down', 'pending']).catch('pending');
const statusEntry = z.object({ since: z.number().nullish(), status: state });

const regionStatus = (region: string, s: z.output<typeof statusEntry> | undefined) => ({
  region,
  status: s?.status ?? ('pending' as const),
  since: s?.since ? new Date(s.since * 1000) : null,
});

const jobSchema = z
  .object({
    id: z.string(),
    name: z.string().nullish(),
    job_type: z.string(),
    active: z.boolean().nullish(),
    region_scope: z.string().nullish(),
    regions: z.array(z.string()).nullish(),
    frequency: z.number(),
    policy: z.string().nullish(),
    config: jsonObject,
    rules: z.array(z.object({ key: z.string(), comparison: z.string(), value: z.unknown() })).nullish(),
    notify_list: z.string().nullish(),
    notify_delay: z.number().nullish(),
    notify_repeat: z.number().nullish(),
    notify_failback: z.boolean().nullish(),
    notify_regional: z.boolean().nullish(),
    rapid_recheck: z.boolean().nullish(),
    notes: z.string().nullish(),
    status: z.record(z.string(), statusEntry).nullish(),
  })
  .transform((j) => {
    const status = j.status ?? {};
    return {
      id: j.id,
      name: j.name ?? null,
      jobType: j.job_type,
      active: j.active ?? true,
      regionScope: j.region_scope ?? null,
      regions: j.regions ?? [],
      frequency: j.frequency,
      policy: j.policy ?? null,
      config: j.config,
      rules: (j.rules ?? []).map((r) => ({ key: r.key, comparison: r.comparison, value: r.value })),
      notifyListId: j.notify_list ?? null,
      notifyDelay: j.notify_delay ?? null,
      notifyRepeat: j.notify_repeat ?? null,
      notifyFailback: j.notify_failback ?? null,
      notifyRegional: j.notify_regional ?? null,
      rapidRecheck: j.rapid_recheck ?? null,
      notes: j.notes ?? null,
      status: {
        global: regionStatus('global', status.global),
        regions: Object.entries(status)
          .filter(([region]) => region !== 'global')
          .map(([region, s]) => regionStatus(region, s)),
      },
    };
  });

const historySchema = z.array(
  z
    .object({ job: z.string(), region: z.string(), status: state, since: z.number().nullish() })
    .transform((h) => ({ jobId: h.job, region: h.region, status: h.status, since: h.since ? new Date(h.since * 1000) : null })),
);

const metricsSchema = z
  .array(
    z.object({
      jobid: z.string(),
      region: z.string(),
      metrics: z.record(z.string(), z.object({ avg: z.number().nullish(), graph: graph.nullish() })),
    }),
  )
  .transform((rows) =>
    rows.flatMap((row) =>
      Object.entries(row.metrics).map(([metric, m]) => ({
        jobId: row.jobid,
        region: row.region,
        metric,
        average: m.avg ?? null,
        graph: (m.graph ?? []).map(([at, value]) => ({ at: new Date(at * 1000), value })),
      })),
    ),
  );

const regionsSchema = z.array(
  z
    .object({ code: z.string(), name: z.string(), subnets: z.array(z.string()).nullish() })
    .transform((r) => ({ code: r.code, name: r.name, subnets: r.subnets ?? [] })),
);

export type Ns1MonitorState = z.output<typeof state>;
export type Ns1MonitorJob = z.output<typeof jobSchema>;
export type Ns1RegionStatus = Ns1MonitorJob['status']['global'];
export type Ns1MonitorRule = Ns1MonitorJob['rules'][number];
export type Ns1MonitorStatusChange = z.output<typeof historySchema>[number];
export type Ns1MonitorMetrics = z.output<typeof metricsSchema>[number];
export type Ns1MonitorRegion = z.output<typeof regionsSchema>[number];

export interface Ns1MonitorJobWrite {
  name?: string;
  jobType?: string;
  active?: boolean;
  regionScope?: string;
  regions?: string[];
  frequency?: number;
  policy?: string;
  config?: Record<string, unknown>;
  rules?: Ns1MonitorRule[];
  notifyListId?: string | null;
  notifyDelay?: number;
  notifyRepeat?: number;
  notifyFailback?: boolean;
  notifyRegional?: boolean;
  rapidRecheck?: boolean;
  notes?: string | null;
}

function jobBody(input: Ns1MonitorJobWrite): Record<string, unknown> {
  return defined({
    name: input.name,
    job_type: input.jobType,
    active: input.active,
    region_scope: input.regionScope,
    regions: input.regions,
    frequency: input.frequency,
    policy: input.policy,
    config: input.config,
    rules: input.rules,
    notify_list: input.notifyListId,
    notify_delay: input.notifyDelay,
    notify_repeat: input.notifyRepeat,
    notify_failback: input.notifyFailback,
    notify_regional: input.notifyRegional,
    rapid_recheck: input.rapidRecheck,
    notes: input.notes,
  });
}

export interface HistoryOptions {
  start?: Date;
  end?: Date;
  period?: string;
  limit?: number;
  region?: string;
  exact?: boolean;
}

export interface MetricsOptions {
  period?: string;
  metric?: string;
  region?: string;
}

const jobListSchema = z.array(jobSchema);

/** NS1 monitoring jobs: /monitoring/jobs. */
export class Ns1MonitorJobs {
  constructor(private readonly api: ProviderCalls) {}

  list(signal?: AbortSignal): Promise<Ns1MonitorJob[]> {
    return this.api.call({ method: 'GET', path: '/monitoring/jobs', signal }, jobListSchema, 'monitoring job list');
  }

  get(id: string, signal?: AbortSignal): Promise<Ns1MonitorJob> {
    return this.api.call({ method: 'GET', path: encodePath('monitoring', 'jobs', id), signal }, jobSchema, 'monitoring job');
  }

  create(input: Ns1MonitorJobWrite): Promise<Ns1MonitorJob> {
    return this.api.call(createWithPut('/monitoring/jobs', { json: jobBody(input) }), jobSchema, 'monitoring job');
  }

  update(id: string, input: Ns1MonitorJobWrite): Promise<Ns1MonitorJob> {
    return this.api.call({ method: 'POST', path: encodePath('monitoring', 'jobs', id), json: jobBody(input) }, jobSchema, 'monitoring job');
  }

  async delete(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('monitoring', 'jobs', id) });
  }
}

/** The kinds of monitoring job NS1 runs: GET /monitoring/jobtypes. */
export class Ns1MonitorJobTypes {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1Described[]> {
    return this.api.call({ method: 'GET', path: '/monitoring/jobtypes' }, describedCatalogSchema, 'monitoring job types');
  }
}

/** Where NS1 monitors from: GET /monitoring/regions. */
export class Ns1MonitorRegions {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1MonitorRegion[]> {
    return this.api.call({ method: 'GET', path: '/monitoring/regions' }, regionsSchema, 'monitoring regions');
  }
}

/** Status changes of every job, or of one: GET /monitoring/history[/:jobid]. */
export class Ns1MonitorHistory {
  constructor(private readonly api: ProviderCalls) {}

  list(jobId: string | undefined, options: HistoryOptions = {}): Promise<Ns1MonitorStatusChange[]> {
    return this.api.call(
      {
        method: 'GET',
        path: jobId ? encodePath('monitoring', 'history', jobId) : '/monitoring/history',
        query: {
          start: seconds(options.start),
          end: seconds(options.end),
          period: options.period,
          limit: options.limit,
          region: options.region,
          exact: options.exact,
        },
      },
      historySchema,
      'monitoring history',
    );
  }
}

/** Metrics of every job, or of one, per region and metric: GET /monitoring/metrics[/:jobid]. */
export class Ns1MonitorMetricSeries {
  constructor(private readonly api: ProviderCalls) {}

  list(jobId: string | undefined, options: MetricsOptions = {}): Promise<Ns1MonitorMetrics[]> {
    return this.api.call(
      { method: 'GET', path: jobId ? encodePath('monitoring', 'metrics', jobId) : '/monitoring/metrics', query: { ...options } },
      metricsSchema,
      'monitoring metrics',
    );
  }
}
