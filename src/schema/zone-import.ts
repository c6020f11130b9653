import type { Ns1ZoneImport } from '../providers/ns1/zone-import.js';
import { findZone } from '../resolvers/zones/merge-zones.js';
import { builder } from './builder.js';
import { ZoneRef } from './zone.js';

export const ZoneImportJobRef = builder.objectRef<Ns1ZoneImport>('ZoneImportJob').implement({
  description: 'An NS1 zone file import: finished at once when synchronous, or a job to follow.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job id to follow with zoneImport, or the zone id of a synchronous import.' }),
    type: t.exposeString('type', { nullable: true, description: 'The kind of job as NS1 names it, "importzonefile"; null for a synchronous import.' }),
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
