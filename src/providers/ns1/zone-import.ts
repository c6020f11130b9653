import { z } from 'zod';
import { encodePath } from '../http.js';
import type { Ns1Api } from './api.js';
import { zoneDetailSchema } from './dns-schemas.js';

export interface Ns1ZoneImport {
  /** The job id, or the zone id for a synchronous import. */
  id: string;
  zone: string | null;
  status: string;
  percent: number;
  finished: boolean;
  /** The HTTP status of the import itself once finished: 200, or 400 for a malformed file. */
  responseCode: number | null;
  warnings: string[];
  recordCount: number | null;
  error: string | null;
  startedAt: Date | null;
}

const finishedZoneSchema = zoneDetailSchema.and(z.object({ warnings: z.array(z.string()).nullish() }));

const jobSchema = z
  .object({
    id: z.string(),
    sent: z.number().nullish(),
    zone: z.string().nullish(),
    percent: z.number().nullish(),
    status: z.string().nullish(),
    response: z.unknown().optional(),
    result: z.unknown().optional(),
    response_code: z.number().nullish(),
  })
  .transform((job): Ns1ZoneImport => {
    const body = job.response ?? job.result;
    const responseCode = job.response_code ?? (body !== undefined ? 200 : null);
    const finished = responseCode !== null;
    const zone = finished && responseCode === 200 ? finishedZoneSchema.safeParse(body) : undefined;
    const message = body && typeof body === 'object' && 'message' in body ? String(body.message) : null;
    return {
      id: job.id,
      zone: job.zone ?? (zone?.success ? zone.data.asciiName : null),
      status: job.status ?? (finished ? 'finished' : 'pending'),
      percent: job.percent ?? (finished ? 100 : 0),
      finished,
      responseCode,
      warnings: zone?.success ? (zone.data.warnings ?? []) : [],
      recordCount: zone?.success ? zone.data.records.length : null,
      error: responseCode !== null && responseCode !== 200 ? message : null,
      startedAt: job.sent ? new Date(job.sent * 1000) : null,
    };
  });

/** NS1 zone file import: PUT /import/zonefile/:zone (multipart), GET /import/zonefile/:jobid. */
export class Ns1ZoneImports {
  constructor(private readonly api: Ns1Api) {}

  async importZoneFile(zone: string, contents: Uint8Array, fileName: string, asyncImport: boolean): Promise<Ns1ZoneImport> {
    const form = new FormData();
    form.set('zonefile', new Blob([new Uint8Array(contents)], { type: 'application/octet-stream' }), fileName);
    const path = encodePath('import', 'zonefile', zone);
    if (asyncImport) return this.api.call({ method: 'PUT', path, query: { async: true }, multipart: form, retry: false }, jobSchema, 'zone import job');
    const result = await this.api.call({ method: 'PUT', path, multipart: form, retry: false }, finishedZoneSchema, 'imported zone');
    return {
      id: result.id,
      zone: result.asciiName,
      status: `Created zone and ${result.records.length} records`,
      percent: 100,
      finished: true,
      responseCode: 200,
      warnings: result.warnings ?? [],
      recordCount: result.records.length,
      error: null,
      startedAt: null,
    };
  }

  job(jobId: string, signal?: AbortSignal): Promise<Ns1ZoneImport> {
    return this.api.call({ method: 'GET', path: encodePath('import', 'zonefile', jobId), signal }, jobSchema, 'zone import job');
  }
}
