import { z } from 'zod';
import type { Ns1PulsarApp, Ns1PulsarJob, Ns1PulsarLiveValue } from '../providers/ns1/pulsar.js';
import { pulsarApp, pulsarApps, pulsarData, pulsarJobs, pulsarLive } from '../resolvers/account/pulsar.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';
import { builder } from './builder.js';
import { idRule } from './input-rules.js';

const PulsarPointRef = builder.objectRef<{ at: Date; value: number; unit: string | null }>('PulsarPoint').implement({
  description: 'One Pulsar measurement: a time, a value and its unit.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the value was measured, as NS1 gives it.' }),
    value: t.exposeFloat('value', { description: 'The measured value, in unit.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'The unit of value, as NS1 names it; null when NS1 gives none.' }),
  }),
});

const PulsarLiveValueRef = builder.objectRef<Ns1PulsarLiveValue>('PulsarLiveValue').implement({
  description: 'The live aggregated value of a Pulsar job in one geo, or in one region of a geo.',
  fields: (t) => ({
    geo: t.exposeString('geo', { description: 'The geo code the value is for, as NS1 names it, e.g. "US".' }),
    region: t.exposeString('region', {
      nullable: true,
      description: 'The region within the geo when NS1 keys the value by geo and region ("US:CA" gives "CA"); null for a whole geo.',
    }),
    value: t.exposeFloat('value', { nullable: true, description: 'The live aggregated value; null when NS1 has none for this place.' }),
  }),
});

const PulsarJobRef = builder.objectRef<Ns1PulsarJob>('PulsarJob').implement({
  description: 'A Pulsar job: one real-user measurement of a Pulsar app.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the job.' }),
    appId: t.exposeID('appId', { description: 'Id of the Pulsar app the job belongs to.' }),
    name: t.exposeString('name', { description: 'Display name of the job.' }),
    typeId: t.exposeString('typeId', { nullable: true, description: 'The kind of measurement, as NS1 names it; null when NS1 does not say.' }),
    active: t.exposeBoolean('active', { nullable: true, description: 'Whether the job collects data; null when NS1 does not say.' }),
    community: t.exposeBoolean('community', {
      nullable: true,
      description: 'Whether NS1 marks the job as a community job; null when NS1 does not say.',
    }),
    config: t.field({
      type: 'JSONObject',
      nullable: true,
      resolve: (j) => writeOnlySecrets(j.config),
      description: 'The job’s configuration, as NS1 sends it. Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as "********".',
    }),
    live: t.field({
      type: [PulsarLiveValueRef],
      resolve: (j, _a, ctx) => pulsarLive(ctx, j.appId, j.id),
      description: 'The live aggregated values (GET …/live), one per geo or geo and region NS1 reports: one NS1 request per job.',
    }),
    data: t.field({
      type: [PulsarPointRef],
      args: {
        period: t.arg.string({ description: '"1h", "24h" or "30d".', validate: z.enum(['1h', '24h', '30d']) }),
        agg: t.arg.string({
          description: 'Aggregation: "p50", "p75", "p90", "p95", "p99" or "avg".',
          validate: z.enum(['p50', 'p75', 'p90', 'p95', 'p99', 'avg']),
        }),
        geo: t.arg.string({ description: 'Only this geo code, as NS1 names it.' }),
        asn: t.arg.string({ description: 'Only this autonomous system number.' }),
        start: t.arg({ type: 'DateTime', description: 'Only values after this time.' }),
        end: t.arg({ type: 'DateTime', description: 'Only values before this time.' }),
      },
      resolve: (j, args, ctx) => pulsarData(ctx, j.appId, j.id, args),
      description: 'Historical values of the job, filtered by period or start/end, aggregation, geo and ASN.',
    }),
  }),
});

const PulsarAppRef = builder.objectRef<Ns1PulsarApp>('PulsarApp').implement({
  description: 'A Pulsar app: a container of Pulsar jobs, permissions and configuration defaults.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'NS1’s id of the app.' }),
    name: t.exposeString('name', { description: 'Display name of the app.' }),
    active: t.exposeBoolean('active', { nullable: true, description: 'Whether the app is active; null when NS1 does not say.' }),
    browserWaitMillis: t.exposeInt('browserWaitMillis', {
      nullable: true,
      description: 'The app’s browser wait (NS1 browser_wait_millis), in milliseconds; null when NS1 does not say.',
    }),
    jobsPerTransaction: t.exposeInt('jobsPerTransaction', {
      nullable: true,
      description: 'Jobs per transaction (NS1 jobs_per_transaction); null when NS1 does not say.',
    }),
    jobs: t.field({
      type: [PulsarJobRef],
      resolve: (a, _x, ctx) => pulsarJobs(ctx, a.id),
      description: 'The app’s jobs: one NS1 request per app.',
    }),
  }),
});

export const PulsarRef = builder.objectRef<Record<string, never>>('Pulsar').implement({
  description: 'NS1 Pulsar real-user measurement.',
  fields: (t) => ({
    apps: t.field({ type: [PulsarAppRef], description: 'Every Pulsar app of the account.', resolve: (_p, _a, ctx) => pulsarApps(ctx) }),
    app: t.field({
      type: PulsarAppRef,
      nullable: true,
      args: { id: t.arg.id({ required: true, validate: idRule }) },
      resolve: (_p, a, ctx) => pulsarApp(ctx, String(a.id)),
      description: 'One Pulsar app by id; null when NS1 does not have it.',
    }),
  }),
});
