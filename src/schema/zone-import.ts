import type { Ns1ZoneImport } from '../providers/ns1/zone-import.js';
import { findZone } from '../resolvers/zones/merge-zones.js';
import { importZoneFile, zoneImportJob } from '../resolvers/zones/zone-import.js';
import { builder } from './builder.js';
import { ZoneRef } from './zone.js';

export const ZoneImportJobRef = builder.objectRef<Ns1ZoneImport>('ZoneImportJob').implement({
  description: 'An NS1 zone file import: finished at once when synchronous, or a job to follow.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job id to follow with zoneImport, or the zone id of a synchronous import.' }),
    status: t.exposeString('status', { description: 'The import’s status as NS1 reports it; "finished" or "pending" when NS1 gives none.' }),
    percent: t.exposeInt('percent', { description: 'How far the import is, 0 to 100.' }),
    finished: t.exposeBoolean('finished', { description: 'Whether the import is over, successfully or not (see responseCode and error).' }),
    responseCode: t.exposeInt('responseCode', { nullable: true, description: "The import's own HTTP status once finished: 200, or 400 for a malformed file." }),
    error: t.exposeString('error', { nullable: true, description: 'Why the import failed, e.g. the line of the zone file at fault.' }),
    warnings: t.exposeStringList('warnings', {
      description: 'Lines of the zone file NS1 imported with a warning; empty until the import succeeded.',
    }),
    recordCount: t.exposeInt('recordCount', { nullable: true, description: 'Records in the imported zone; null until the import succeeded.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When NS1 received the file; null when NS1 does not say.' }),
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
    args: { jobId: t.arg.id({ required: true, description: 'The job id importZoneFile returned with async.' }) },
    resolve: (_r, args, ctx) => zoneImportJob(ctx, String(args.jobId)),
    description: 'An NS1 zone file import by job id, as it stands now; null when NS1 knows no such job. Subscription.zoneImport follows one until it finishes.',
  }),
);

builder.mutationField('importZoneFile', (t) =>
  t.field({
    type: ZoneImportJobRef,
    description: 'Imports a BIND zone file into NS1 (multipart upload); with async, follow the returned job with zoneImport.',
    args: {
      name: t.arg({ type: 'DomainName', required: true, description: 'The zone to import into.' }),
      zoneFile: t.arg({ type: 'File', required: true, description: 'The BIND zone file, at most 10 MiB; an empty file is refused with BAD_USER_INPUT.' }),
      async: t.arg.boolean({ defaultValue: false, description: 'Answer at once with a job to follow instead of waiting for the import.' }),
    },
    resolve: (_r, args, ctx) => importZoneFile(ctx, args.name, args.zoneFile, args.async ?? false),
  }),
);
