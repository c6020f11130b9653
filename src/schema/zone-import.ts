import type { Ns1ZoneImport } from '../providers/ns1/zone-import.js';
import { findZone } from '../resolvers/merge-zones.js';
import { importZoneFile, zoneImportJob } from '../resolvers/zone-import.js';
import { builder } from './builder.js';
import { ZoneRef } from './zone.js';

export const ZoneImportJobRef = builder.objectRef<Ns1ZoneImport>('ZoneImportJob').implement({
  description: 'An NS1 zone file import: finished at once when synchronous, or a job to follow.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job id to follow with zoneImport, or the zone id of a synchronous import.' }),
    status: t.exposeString('status'),
    percent: t.exposeInt('percent'),
    finished: t.exposeBoolean('finished'),
    responseCode: t.exposeInt('responseCode', { nullable: true, description: "The import's own HTTP status once finished: 200, or 400 for a malformed file." }),
    error: t.exposeString('error', { nullable: true, description: 'Why the import failed, e.g. the line of the zone file at fault.' }),
    warnings: t.exposeStringList('warnings'),
    recordCount: t.exposeInt('recordCount', { nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    zone: t.field({
      type: ZoneRef,
      nullable: true,
      description: 'The imported zone, once the import succeeded.',
      resolve: (job, _a, ctx) => (job.zone && job.responseCode === 200 ? findZone(ctx, job.zone, () => undefined) : null),
    }),
  }),
});

builder.queryField('zoneImport', (t) =>
  t.field({
    type: ZoneImportJobRef,
    nullable: true,
    args: { jobId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => zoneImportJob(ctx, String(args.jobId)),
  }),
);

builder.mutationField('importZoneFile', (t) =>
  t.field({
    type: ZoneImportJobRef,
    description: 'Imports a BIND zone file into NS1 (multipart upload); with async, follow the returned job with zoneImport.',
    args: {
      name: t.arg({ type: 'DomainName', required: true }),
      zoneFile: t.arg({ type: 'File', required: true }),
      async: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_r, args, ctx) => importZoneFile(ctx, args.name, args.zoneFile, args.async ?? false),
  }),
);
