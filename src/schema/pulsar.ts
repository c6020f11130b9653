import { z } from 'zod';
import type { Ns1PulsarApp, Ns1PulsarJob } from '../providers/ns1/pulsar.js';
import * as account from '../resolvers/account.js';
import { builder } from './builder.js';
import { idRule } from './permissions.js';
import { writeOnlySecrets } from '../resolvers/write-only.js';

const PulsarPointRef = builder.objectRef<{ at: Date; value: number; unit: string | null }>('PulsarPoint').implement({
  fields: (t) => ({ at: t.expose('at', { type: 'DateTime' }), value: t.exposeFloat('value'), unit: t.exposeString('unit', { nullable: true }) }),
});

const PulsarJobRef = builder.objectRef<Ns1PulsarJob>('PulsarJob').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    appId: t.exposeID('appId'),
    name: t.exposeString('name'),
    typeId: t.exposeString('typeId', { nullable: true }),
    active: t.exposeBoolean('active', { nullable: true }),
    community: t.exposeBoolean('community', { nullable: true }),
    config: t.field({ type: 'JSONObject', nullable: true, description: 'Secrets (keys, tokens, passwords, webhook URLs) are write-only: they read as \"********\".', resolve: (j) => writeOnlySecrets(j.config) }),
    live: t.field({ type: PulsarPointRef, resolve: (j, _a, ctx) => account.pulsarLive(ctx, j.appId, j.id) }),
    data: t.field({
      type: [PulsarPointRef],
      args: {
        period: t.arg.string({ validate: z.enum(['1h', '24h', '30d']) }),
        agg: t.arg.string({ validate: z.enum(['p50', 'p75', 'p90', 'p95', 'p99', 'avg']) }),
        geo: t.arg.string(),
        asn: t.arg.string(),
        start: t.arg({ type: 'DateTime' }),
        end: t.arg({ type: 'DateTime' }),
      },
      resolve: (j, args, ctx) => account.pulsarData(ctx, j.appId, j.id, args),
    }),
  }),
});

const PulsarAppRef = builder.objectRef<Ns1PulsarApp>('PulsarApp').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    active: t.exposeBoolean('active', { nullable: true }),
    browserWaitMillis: t.exposeInt('browserWaitMillis', { nullable: true }),
    jobsPerTransaction: t.exposeInt('jobsPerTransaction', { nullable: true }),
    jobs: t.field({ type: [PulsarJobRef], resolve: (a, _x, ctx) => account.pulsarJobs(ctx, a.id) }),
  }),
});

const PulsarRef = builder.objectRef<Record<string, never>>('Pulsar').implement({
  description: 'NS1 Pulsar real-user measurement.',
  fields: (t) => ({
    apps: t.field({ type: [PulsarAppRef], resolve: (_p, _a, ctx) => account.pulsarApps(ctx) }),
    app: t.field({ type: PulsarAppRef, nullable: true, args: { id: t.arg.id({ required: true, validate: idRule }) }, resolve: (_p, a, ctx) => account.pulsarApp(ctx, String(a.id)) }),
  }),
});

builder.queryField('pulsar', (t) => t.field({ type: PulsarRef, nullable: true, description: 'Null when NS1 is not configured.', resolve: (_r, _a, ctx) => (ctx.ns1 ? {} : null) }));
