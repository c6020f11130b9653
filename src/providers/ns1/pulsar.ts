import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { graph, jsonObject, seconds } from './fields.js';

const appSchema = z
  .object({
    appid: z.string(),
    name: z.string(),
    active: z.boolean().nullish(),
    browser_wait_millis: z.number().nullish(),
    jobs_per_transaction: z.number().nullish(),
  })
  .transform((a) => ({
    id: a.appid,
    name: a.name,
    active: a.active ?? null,
    browserWaitMillis: a.browser_wait_millis ?? null,
    jobsPerTransaction: a.jobs_per_transaction ?? null,
  }));

const jobSchema = z
  .object({
    jobid: z.string(),
    appid: z.string(),
    name: z.string(),
    typeid: z.string().nullish(),
    active: z.boolean().nullish(),
    community: z.boolean().nullish(),
    config: jsonObject,
  })
  .transform((j) => ({
    id: j.jobid,
    appId: j.appid,
    name: j.name,
    typeId: j.typeid ?? null,
    active: j.active ?? null,
    community: j.community ?? null,
    config: j.config,
  }));

/**
 * GET …/live: one aggregated value per place, each top-level key a geo code ("US") or a geo and region code
 * ("US:CA"), as NS1 documents it.
 */
const liveSchema = z.record(z.string(), z.number().nullable()).transform((byGeo) =>
  Object.entries(byGeo).map(([code, value]) => {
    const at = code.indexOf(':');
    return { geo: at < 0 ? code : code.slice(0, at), region: at < 0 ? null : code.slice(at + 1), value };
  }),
);

const dataSchema = z
  .object({ graph, unit: z.string().nullish() })
  .transform((d) => d.graph.map(([at, value]) => ({ at: new Date(at * 1000), value, unit: d.unit ?? null })));

export type Ns1PulsarApp = z.output<typeof appSchema>;
export type Ns1PulsarJob = z.output<typeof jobSchema>;
export type Ns1PulsarLiveValue = z.output<typeof liveSchema>[number];
export type Ns1PulsarValue = z.output<typeof dataSchema>[number];

export interface PulsarDataOptions {
  start?: Date;
  end?: Date;
  period?: string;
  geo?: string;
  asn?: string;
  agg?: string;
}

const appListSchema = z.array(appSchema);
const jobListSchema = z.array(jobSchema);

/** NS1 Pulsar apps: /pulsar/apps. */
export class Ns1PulsarApps {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1PulsarApp[]> {
    return this.api.call({ method: 'GET', path: '/pulsar/apps' }, appListSchema, 'pulsar apps');
  }

  get(id: string): Promise<Ns1PulsarApp> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', id) }, appSchema, 'pulsar app');
  }
}

/** The jobs of a Pulsar app: /pulsar/apps/:appid/jobs. */
export class Ns1PulsarJobs {
  constructor(private readonly api: ProviderCalls) {}

  list(appId: string): Promise<Ns1PulsarJob[]> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', appId, 'jobs') }, jobListSchema, 'pulsar jobs');
  }

  get(appId: string, jobId: string): Promise<Ns1PulsarJob> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', appId, 'jobs', jobId) }, jobSchema, 'pulsar job');
  }
}

/** What a Pulsar job measured: its live values by geo (`get`) and its history (`list`). */
export class Ns1PulsarData {
  constructor(private readonly api: ProviderCalls) {}

  /** GET /pulsar/apps/:appid/jobs/:jobid/live: the live aggregated value of each geo (or geo and region). */
  get(appId: string, jobId: string): Promise<Ns1PulsarLiveValue[]> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', appId, 'jobs', jobId, 'live') }, liveSchema, 'pulsar live data');
  }

  /** GET /pulsar/apps/:appid/jobs/:jobid/data */
  list(appId: string, jobId: string, options: PulsarDataOptions = {}): Promise<Ns1PulsarValue[]> {
    return this.api.call(
      {
        method: 'GET',
        path: encodePath('pulsar', 'apps', appId, 'jobs', jobId, 'data'),
        query: { start: seconds(options.start), end: seconds(options.end), period: options.period, geo: options.geo, asn: options.asn, agg: options.agg },
      },
      dataSchema,
      'pulsar data',
    );
  }
}
