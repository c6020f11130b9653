import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { describedCatalogSchema, jsonObject, toDescribed, type Ns1Described } from './ops-schemas.js';

export type Ns1MonitorState = 'up' | 'down' | 'pending';

export interface Ns1RegionStatus {
  region: string;
  status: Ns1MonitorState;
  since: Date | null;
}

export interface Ns1MonitorRule {
  key: string;
  comparison: string;
  value: unknown;
}

export interface Ns1MonitorJob {
  id: string;
  name: string | null;
  jobType: string;
  active: boolean;
  regionScope: string | null;
  regions: string[];
  frequency: number;
  policy: string | null;
  config: Record<string, unknown>;
  rules: Ns1MonitorRule[];
  notifyListId: string | null;
  notifyDelay: number | null;
  notifyRepeat: number | null;
  notifyFailback: boolean | null;
  notifyRegional: boolean | null;
  rapidRecheck: boolean | null;
  notes: string | null;
  status: { global: Ns1RegionStatus; regions: Ns1RegionStatus[] };
}

export interface Ns1MonitorStatusChange {
  jobId: string;
  region: string;
  status: Ns1MonitorState;
  since: Date | null;
}

export interface Ns1MonitorMetrics {
  jobId: string;
  region: string;
  metric: string;
  average: number | null;
  graph: Array<{ at: Date; value: number }>;
}

export interface Ns1MonitorRegion {
  code: string;
  name: string;
  subnets: string[];
}

const state = z.enum(['up', 'down', 'pending']).catch('pending');
const statusEntry = z.object({ since: z.number().nullish(), status: state });

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
  .transform((j): Ns1MonitorJob => {
    const entry = (region: string, s: z.output<typeof statusEntry> | undefined): Ns1RegionStatus => ({
      region,
      status: s?.status ?? 'pending',
      since: s?.since ? new Date(s.since * 1000) : null,
    });
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
        global: entry('global', status.global),
        regions: Object.entries(status)
          .filter(([region]) => region !== 'global')
          .map(([region, s]) => entry(region, s)),
      },
    };
  });

const historySchema = z.array(
  z
    .object({ job: z.string(), region: z.string(), status: state, since: z.number().nullish() })
    .transform((h): Ns1MonitorStatusChange => ({ jobId: h.job, region: h.region, status: h.status, since: h.since ? new Date(h.since * 1000) : null })),
);

const metricsSchema = z.array(
  z.object({
    jobid: z.string(),
    region: z.string(),
    metrics: z.record(z.string(), z.object({ avg: z.number().nullish(), graph: z.array(z.tuple([z.number(), z.number()])).nullish() })),
  }),
);

const regionsSchema = z.array(
  z
    .object({ code: z.string(), name: z.string(), subnets: z.array(z.string()).nullish() })
    .transform((r) => ({ code: r.code, name: r.name, subnets: r.subnets ?? [] })),
);

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
  const body: Record<string, unknown> = {
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
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

export interface HistoryOptions {
  start?: Date;
  end?: Date;
  period?: string;
  limit?: number;
  region?: string;
  exact?: boolean;
}

const seconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);

/** NS1 monitoring: jobs, job types, regions, status history and metrics. */
export class Ns1Monitoring {
  constructor(private readonly api: Ns1Api) {}

  jobs(signal?: AbortSignal): Promise<Ns1MonitorJob[]> {
    return this.api.call({ method: 'GET', path: '/monitoring/jobs', signal }, z.array(jobSchema), 'monitoring job list');
  }

  job(id: string, signal?: AbortSignal): Promise<Ns1MonitorJob> {
    return this.api.call({ method: 'GET', path: encodePath('monitoring', 'jobs', id), signal }, jobSchema, 'monitoring job');
  }

  createJob(input: Ns1MonitorJobWrite): Promise<Ns1MonitorJob> {
    return this.api.call({ method: 'PUT', path: '/monitoring/jobs', json: jobBody(input), retry: false }, jobSchema, 'monitoring job');
  }

  updateJob(id: string, input: Ns1MonitorJobWrite): Promise<Ns1MonitorJob> {
    return this.api.call({ method: 'POST', path: encodePath('monitoring', 'jobs', id), json: jobBody(input) }, jobSchema, 'monitoring job');
  }

  async deleteJob(id: string): Promise<void> {
    await this.api.send({ method: 'DELETE', path: encodePath('monitoring', 'jobs', id) });
  }

  async jobTypes(): Promise<Ns1Described[]> {
    return toDescribed(await this.api.call({ method: 'GET', path: '/monitoring/jobtypes' }, describedCatalogSchema, 'monitoring job types'));
  }

  regions(): Promise<Ns1MonitorRegion[]> {
    return this.api.call({ method: 'GET', path: '/monitoring/regions' }, regionsSchema, 'monitoring regions');
  }

  history(jobId: string | undefined, options: HistoryOptions = {}): Promise<Ns1MonitorStatusChange[]> {
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

  async metrics(jobId: string | undefined, options: { period?: string; metric?: string; region?: string } = {}): Promise<Ns1MonitorMetrics[]> {
    const rows = await this.api.call(
      { method: 'GET', path: jobId ? encodePath('monitoring', 'metrics', jobId) : '/monitoring/metrics', query: options },
      metricsSchema,
      'monitoring metrics',
    );
    return rows.flatMap((row) =>
      Object.entries(row.metrics).map(([metric, m]) => ({
        jobId: row.jobid,
        region: row.region,
        metric,
        average: m.avg ?? null,
        graph: (m.graph ?? []).map(([at, value]) => ({ at: new Date(at * 1000), value })),
      })),
    );
  }
}
