import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut } from '../write-retries.js';
/**
 * What a finished import answers about its zone, read loosely: NS1 documents its records in their full form, without
 * the ids a zone's own record list has, and the import needs only the name, how many records and the warnings.
 */
const finishedZoneSchema = z.object({
  id: z.string().nullish(),
  zone: z.string(),
  records: z.array(z.unknown()).nullish(),
  warnings: z.array(z.string()).nullish(),
});

const jobSchema = z
  .object({
    id: z.string(),
    type: z.string().nullish(),
    sent: z.number().nullish(),
    zone: z.string().nullish(),
    percent: z.number().nullish(),
    status: z.string().nullish(),
    response: z.unknown().optional(),
    result: z.unknown().optional(),
    response_code: z.number().nullish(),
  })
  .transform((job) => {
    const body = job.response ?? job.result;
    const responseCode = job.response_code ?? (body !== undefined ? 200 : null);
    const finished = responseCode !== null;
    const zone = finished && responseCode === 200 ? finishedZoneSchema.safeParse(body) : undefined;
    const message = body && typeof body === 'object' && 'message' in body ? String(body.message) : null;
    return {
      /** The job id, or the zone id for a synchronous import. */
      id: job.id,
      /** The kind of job, "importzonefile"; absent from a synchronous import's answer. */
      type: job.type ?? null,
      zone: job.zone ?? (zone?.success ? zone.data.zone : null),
      status: job.status ?? (finished ? 'finished' : 'pending'),
      percent: job.percent ?? (finished ? 100 : 0),
      finished,
      /** The HTTP status of the import itself once finished: 200, or 400 for a malformed file. */
      responseCode,
      warnings: zone?.success ? (zone.data.warnings ?? []) : [],
      recordCount: zone?.success ? (zone.data.records?.length ?? 0) : null,
      error: responseCode !== null && responseCode !== 200 ? message : null,
      startedAt: job.sent ? new Date(job.sent * 1000) : null,
    };
  });

export type Ns1ZoneImport = z.output<typeof jobSchema>;

/** NS1 zone file import: PUT /import/zonefile/:zone (multipart), GET /import/zonefile/:jobid. */
export class Ns1ZoneImports {
  constructor(private readonly api: ProviderCalls) {}

  /** Imports a zone file; `asyncImport` answers at once with a job to follow with `get`. */
  async create(zone: string, contents: Uint8Array, fileName: string, asyncImport: boolean): Promise<Ns1ZoneImport> {
    const multipart = new FormData();
    multipart.set('zonefile', new Blob([new Uint8Array(contents)], { type: 'application/octet-stream' }), fileName);
    const path = encodePath('import', 'zonefile', zone);
    if (asyncImport) return this.api.call(createWithPut(path, { query: { async: true }, multipart }), jobSchema, 'zone import job');
    const result = await this.api.call(createWithPut(path, { multipart }), finishedZoneSchema, 'imported zone');
    const recordCount = result.records?.length ?? 0;
    return {
      id: result.id ?? result.zone,
      type: null,
      zone: result.zone,
      status: `Created zone and ${recordCount} records`,
      percent: 100,
      finished: true,
      responseCode: 200,
      warnings: result.warnings ?? [],
      recordCount,
      error: null,
      startedAt: null,
    };
  }

  get(jobId: string, signal?: AbortSignal): Promise<Ns1ZoneImport> {
    return this.api.call({ method: 'GET', path: encodePath('import', 'zonefile', jobId), signal }, jobSchema, 'zone import job');
  }
}
