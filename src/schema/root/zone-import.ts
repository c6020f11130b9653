import { importZoneFile, zoneImportJob } from '../../resolvers/zones/zone-import.js';
import { builder } from '../builder.js';
import { ZoneImportJobRef } from '../zone-import.js';

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
