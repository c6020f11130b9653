import { parseZone, type DnszDnsRecord } from 'dnsz';
import { json, SandboxHttpError, type Router } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { slice } from './collection.js';
import { keyOf, require, zoneVisible } from './auth.js';
import { RECORD_TYPES, recordKey, type DnsRecord, type RecordType } from './model.js';
import { asciiName } from './names.js';
import { rdataProblem } from './rdata.js';
import type { Ns1Context } from './state.js';
import { bumpSerial, createZoneState, zoneDetail } from './zones.js';

const HOST_FIELDS: Partial<Record<RecordType, number[]>> = {
  ALIAS: [0],
  AFSDB: [1],
  CNAME: [0],
  DNAME: [0],
  MX: [1],
  NAPTR: [5],
  NS: [0],
  PTR: [0],
  RP: [0, 1],
  SRV: [3],
};

const IMPORT_SECONDS = 3;
const JOBS = 'importJobs';

interface ImportJob {
  id: string;
  zone: string;
  sent: number;
  responseCode: number;
  response: unknown;
}

function jobs(ctx: Ns1Context): Map<string, ImportJob> {
  return slice(ctx, JOBS, () => new Map<string, ImportJob>());
}

/** Splits RDATA text into fields, keeping quoted strings whole. */
function fields(content: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(content); m; m = re.exec(content)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? ''));
  return out;
}

function absolute(name: string, origin: string): string {
  if (name === '@') return origin;
  return name.endsWith('.') ? name.slice(0, -1).toLowerCase() : `${name}.${origin}`.toLowerCase();
}

function lineOf(text: string, record: DnszDnsRecord): number {
  const lines = text.split(/\r?\n/);
  const firstToken = fields(record.content)[0] ?? record.content;
  const index = lines.findIndex((line) => new RegExp(`\\b${record.type}\\b`, 'i').test(line) && line.includes(firstToken));
  return index + 1;
}

class ZoneFileError extends SandboxHttpError {}

interface Parsed {
  soa?: { refresh: number; retry: number; expiry: number; nxTtl: number; ttl: number };
  records: Map<string, { domain: string; type: RecordType; ttl: number; answers: string[][] }>;
  warnings: string[];
}

export function parseZoneFile(text: string, zone: string): Parsed {
  let data;
  try {
    data = parseZone(text, { replaceOrigin: zone, defaultTTL: 3600 });
  } catch (error) {
    throw new ZoneFileError(400, `zone file could not be parsed: ${(error as Error).message}`);
  }
  const origin = (data.origin ?? zone).replace(/\.$/, '').toLowerCase();
  const parsed: Parsed = { records: new Map(), warnings: [] };
  for (const record of data.records) {
    const line = lineOf(text, record);
    const fail = (why: string) => new ZoneFileError(400, `zone file error at line ${line}: ${why}`);
    if (!['IN', 'CH', 'HS'].includes(record.class.toUpperCase()))
      throw fail(`unknown class or malformed record "${record.name} ${record.class} ${record.type} ${record.content}"`);
    const type = record.type.toUpperCase();
    const domain = record.name === '@' ? origin : record.name.replace(/\.$/, '').toLowerCase();
    if (domain !== origin && !domain.endsWith(`.${origin}`)) throw fail(`${domain} is outside the zone ${origin}`);
    const parts = fields(record.content);
    if (type === 'SOA') {
      const [, , , refresh, retry, expiry, minimum] = parts.map(Number);
      if ([refresh, retry, expiry, minimum].some((n) => n === undefined || !Number.isFinite(n))) throw fail('malformed SOA record');
      parsed.soa = { refresh: refresh!, retry: retry!, expiry: expiry!, nxTtl: minimum!, ttl: record.ttl };
      continue;
    }
    if (!RECORD_TYPES.includes(type as RecordType)) throw fail(`unsupported record type ${record.type}`);
    const rtype = type as RecordType;
    for (const i of HOST_FIELDS[rtype] ?? []) if (parts[i] !== undefined) parts[i] = absolute(parts[i], origin);
    const problem = rdataProblem(rtype, parts);
    if (problem) throw fail(`invalid ${rtype} record: ${problem}`);
    if (rtype === 'NS' && domain === origin) {
      if (!parsed.warnings.includes('NS records at the zone apex were replaced by the NS1 name servers')) {
        parsed.warnings.push('NS records at the zone apex were replaced by the NS1 name servers');
      }
      continue;
    }
    const key = `${domain}|${rtype}`;
    const entry = parsed.records.get(key) ?? { domain, type: rtype, ttl: record.ttl, answers: [] };
    entry.answers.push(parts);
    parsed.records.set(key, entry);
  }
  return parsed;
}

function applyImport(ctx: Ns1Context, zoneName: string, parsed: Parsed) {
  const state = ctx.state();
  if (state.zones.has(zoneName)) throw new SandboxHttpError(400, 'zone already exists');
  const zone = createZoneState(ctx, zoneName, {});
  if (parsed.soa) Object.assign(zone, { refresh: parsed.soa.refresh, retry: parsed.soa.retry, expiry: parsed.soa.expiry, nx_ttl: parsed.soa.nxTtl });
  for (const entry of parsed.records.values()) {
    const record: DnsRecord = {
      id: state.ids.next(),
      zone: zone.zone,
      domain: entry.domain,
      type: entry.type,
      ttl: entry.ttl,
      tier: 1,
      answers: entry.answers.map((answer) => ({ id: state.ids.next(), answer })),
      regions: {},
      meta: {},
      filters: [],
      use_client_subnet: true,
      networks: [...zone.networks],
    };
    state.records.set(recordKey(zone.zone, entry.domain, entry.type), record);
  }
  bumpSerial(zone);
  return { ...zoneDetail(ctx, zone), warnings: parsed.warnings };
}

function jobView(ctx: Ns1Context, job: ImportJob) {
  const elapsed = ctx.clock.nowSeconds() - job.sent;
  const finished = elapsed >= IMPORT_SECONDS;
  const base = { sent: job.sent, id: job.id, type: 'importzonefile', zone: job.zone };
  if (!finished) {
    const percent = Math.min(90, Math.round((Math.max(0, elapsed) / IMPORT_SECONDS) * 100) + 20);
    return { ...base, percent, status: percent < 50 ? 'Creating zone' : 'Creating records' };
  }
  const records = (job.response as { records?: unknown[] } | undefined)?.records?.length ?? 0;
  return {
    ...base,
    percent: 100,
    status: job.responseCode === 200 ? `Created zone and ${records} records` : 'Failed',
    response: job.response,
    response_code: job.responseCode,
  };
}

export function registerZoneFileImport(router: Router, ctx: Ns1Context): void {
  router.put('/import/zonefile/:zone', async (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'dns', 'manage_zones');
    const zone = asciiName(req.params.zone, 'zone');
    if (!zoneVisible(key, zone)) throw new SandboxHttpError(403, `Forbidden: zone ${zone} is not allowed for this key`);
    const form = await req.form();
    const file = form.get('zonefile');
    if (!file || typeof file === 'string') throw new SandboxHttpError(400, 'multipart field zonefile is required');
    const text = await file.text();
    const asyncImport = req.query.get('async') === 'true';
    if (!asyncImport) {
      const result = applyImport(ctx, zone, parseZoneFile(text, zone));
      recordActivity(ctx, key, 'create', 'zone', result.id);
      return json(result);
    }
    const job: ImportJob = { id: ctx.state().ids.next().slice(0, 20), zone, sent: ctx.clock.nowSeconds(), responseCode: 200, response: undefined };
    try {
      job.response = applyImport(ctx, zone, parseZoneFile(text, zone));
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      job.responseCode = error.status;
      job.response = { message: error.message };
    }
    jobs(ctx).set(job.id, job);
    // As documented, the answer to the upload is the job alone: sent, id, type, percent and status.
    const { zone: _zone, ...started } = jobView(ctx, job);
    return json(started);
  });

  router.get('/import/zonefile/:jobid', (req) => {
    keyOf(req, ctx.state());
    const job = jobs(ctx).get(req.params.jobid ?? '');
    if (!job) throw new SandboxHttpError(404, 'import job not found');
    return json(jobView(ctx, job));
  });
}
