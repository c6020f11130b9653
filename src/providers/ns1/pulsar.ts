import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { jsonObject } from './ops-schemas.js';

export interface Ns1PulsarApp {
  id: string;
  name: string;
  active: boolean | null;
  browserWaitMillis: number | null;
  jobsPerTransaction: number | null;
}

export interface Ns1PulsarJob {
  id: string;
  appId: string;
  name: string;
  typeId: string | null;
  active: boolean | null;
  community: boolean | null;
  config: Record<string, unknown>;
}

const appSchema = z
  .object({
    appid: z.string(),
    name: z.string(),
    active: z.boolean().nullish(),
    browser_wait_millis: z.number().nullish(),
    jobs_per_transaction: z.number().nullish(),
  })
  .transform((a): Ns1PulsarApp => ({
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
  .transform((j): Ns1PulsarJob => ({
    id: j.jobid,
    appId: j.appid,
    name: j.name,
    typeId: j.typeid ?? null,
    active: j.active ?? null,
    community: j.community ?? null,
    config: j.config,
  }));

const liveSchema = z
  .object({ timestamp: z.number(), value: z.number(), unit: z.string().nullish() })
  .transform((l) => ({ at: new Date(l.timestamp * 1000), value: l.value, unit: l.unit ?? null }));

const dataSchema = z
  .object({ graph: z.array(z.tuple([z.number(), z.number()])), unit: z.string().nullish() })
  .transform((d) => d.graph.map(([at, value]) => ({ at: new Date(at * 1000), value, unit: d.unit ?? null })));

export interface PulsarDataOptions {
  start?: Date;
  end?: Date;
  period?: string;
  geo?: string;
  asn?: string;
  agg?: string;
}

/** NS1 Pulsar: apps, their jobs, live values and historical data. */
export class Ns1Pulsar {
  constructor(private readonly api: Ns1Api) {}

  apps(): Promise<Ns1PulsarApp[]> {
    return this.api.call({ method: 'GET', path: '/pulsar/apps' }, z.array(appSchema), 'pulsar apps');
  }

  app(id: string): Promise<Ns1PulsarApp> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', id) }, appSchema, 'pulsar app');
  }

  jobs(appId: string): Promise<Ns1PulsarJob[]> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', appId, 'jobs') }, z.array(jobSchema), 'pulsar jobs');
  }

  job(appId: string, jobId: string): Promise<Ns1PulsarJob> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', appId, 'jobs', jobId) }, jobSchema, 'pulsar job');
  }

  live(appId: string, jobId: string): Promise<{ at: Date; value: number; unit: string | null }> {
    return this.api.call({ method: 'GET', path: encodePath('pulsar', 'apps', appId, 'jobs', jobId, 'live') }, liveSchema, 'pulsar live value');
  }

  data(appId: string, jobId: string, options: PulsarDataOptions = {}): Promise<Array<{ at: Date; value: number; unit: string | null }>> {
    const seconds = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);
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
