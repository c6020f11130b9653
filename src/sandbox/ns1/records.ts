import { json, SandboxHttpError, type Router, type SandboxRequest } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { keyOf, require } from './auth.js';
import { RECORD_TYPES, recordKey, type Answer, type DnsRecord, type Filter, type RecordType } from './model.js';
import { asciiName, withinZone } from './names.js';
import { rdataProblem } from './rdata.js';
import { FILTERTYPES, METATYPES } from './catalog.js';
import { fullRecord } from './record-views.js';
import type { Ns1Context, Ns1State } from './state.js';
import { bumpSerial, findZone } from './zones.js';

function recordType(value: string | undefined): RecordType {
  const type = (value ?? '').toUpperCase() as RecordType;
  if (!RECORD_TYPES.includes(type)) throw new SandboxHttpError(400, `unsupported record type ${value}`);
  return type;
}

function readAnswers(state: Ns1State, type: RecordType, value: unknown): Answer[] {
  if (!Array.isArray(value)) throw new SandboxHttpError(400, 'answers must be a list');
  return value.map((raw: unknown, i) => {
    const entry = (raw && typeof raw === 'object' ? raw : {}) as { answer?: unknown; region?: unknown; meta?: unknown };
    const problem = rdataProblem(type, entry.answer);
    if (problem) throw new SandboxHttpError(400, `answers[${i}]: invalid ${type} answer: ${problem}`);
    const meta = entry.meta && typeof entry.meta === 'object' ? (entry.meta as Record<string, unknown>) : undefined;
    return {
      id: state.ids.next(),
      answer: entry.answer as Array<string | number>,
      ...(typeof entry.region === 'string' ? { region: entry.region } : {}),
      ...(meta ? { meta } : {}),
    };
  });
}

function readFilters(value: unknown): Filter[] {
  if (!Array.isArray(value)) throw new SandboxHttpError(400, 'filters must be a list');
  return value.map((f: { filter?: unknown; config?: unknown; disabled?: unknown }) => {
    if (typeof f.filter !== 'string') throw new SandboxHttpError(400, 'each filter needs a filter name');
    if (!(f.filter in FILTERTYPES)) throw new SandboxHttpError(400, `unknown filter ${f.filter}`);
    return { filter: f.filter, config: (f.config as Record<string, unknown>) ?? {}, ...(f.disabled !== undefined ? { disabled: Boolean(f.disabled) } : {}) };
  });
}

function readRegions(value: unknown): DnsRecord['regions'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SandboxHttpError(400, 'regions must be an object');
  const regions = Object.entries(value as Record<string, { meta?: Record<string, unknown> }>);
  if (regions.some(([name]) => name.trim() === '')) throw new SandboxHttpError(400, 'a region needs a name');
  return Object.fromEntries(regions.map(([name, r]) => [name, { meta: r?.meta ?? {} }]));
}

function tierOf(record: Pick<DnsRecord, 'filters' | 'meta' | 'answers'>): number {
  if (record.filters.length === 0) return 1;
  return record.answers.some((a) => Object.values(a.meta ?? {}).some((v) => v && typeof v === 'object' && 'feed' in v)) ? 3 : 2;
}

/** Metadata keys are those of /metatypes; a feed pointer names a feed that exists. */
function checkMeta(ctx: Ns1Context, where: string, meta: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(meta ?? {})) {
    if (!(key in METATYPES)) throw new SandboxHttpError(400, `${where}: unknown metadata type ${key}`);
    if (value && typeof value === 'object' && 'feed' in value && !ctx.feeds?.sourceOf(String(value.feed))) {
      throw new SandboxHttpError(400, `${where}: ${key}: feed ${String(value.feed)} not found`);
    }
  }
}

const given = (value: unknown) =>
  value !== undefined && value !== null && (Array.isArray(value) ? value.length > 0 : typeof value !== 'object' || Object.keys(value).length > 0);

/** A linked record answers with its target's configuration: it is given none of its own. */
function refuseOwnConfiguration(body: Record<string, unknown>): void {
  const own = ['answers', 'regions', 'filters', 'meta'].find((field) => given(body[field]));
  if (own) throw new SandboxHttpError(400, `a linked record cannot have ${own}`);
}

/** A link points at an existing record of the same type, and comes without configuration of the record's own. */
function readLink(state: Ns1State, record: DnsRecord, body: Record<string, unknown>): string {
  const link = asciiName(String(body.link), 'link');
  if (link === record.domain) throw new SandboxHttpError(400, 'a record cannot link to itself');
  refuseOwnConfiguration(body);
  const targets = [...state.records.values()].filter((r) => r.domain === link);
  if (!targets.some((r) => r.type === record.type)) {
    throw new SandboxHttpError(
      400,
      targets.length > 0 ? `linked records must point to a record of the same type (${record.type})` : `link target ${link} not found`,
    );
  }
  return link;
}

function applyConfig(ctx: Ns1Context, state: Ns1State, record: DnsRecord, body: Record<string, unknown>): void {
  if (body.link !== undefined && body.link !== null) {
    record.link = readLink(state, record, body);
    record.answers = [];
  } else if (record.link) {
    refuseOwnConfiguration(body);
  }
  if (body.answers !== undefined) {
    const answers = readAnswers(state, record.type, body.answers);
    if (answers.length > 0) delete record.link;
    record.answers = answers;
  }
  if (body.ttl !== undefined) {
    if (typeof body.ttl !== 'number' || !Number.isInteger(body.ttl) || body.ttl < 0) throw new SandboxHttpError(400, 'ttl must be a non-negative integer');
    record.ttl = body.ttl;
  }
  if (body.filters !== undefined) record.filters = readFilters(body.filters);
  if (body.regions !== undefined) record.regions = readRegions(body.regions);
  if (body.meta !== undefined) record.meta = (body.meta as Record<string, unknown>) ?? {};
  if (body.use_client_subnet !== undefined) record.use_client_subnet = Boolean(body.use_client_subnet);
  checkMeta(ctx, 'meta', record.meta);
  for (const [name, region] of Object.entries(record.regions)) checkMeta(ctx, `regions.${name}.meta`, region.meta);
  for (const [i, answer] of record.answers.entries()) {
    checkMeta(ctx, `answers[${i}].meta`, answer.meta);
    if (answer.region !== undefined && !(answer.region in record.regions))
      throw new SandboxHttpError(400, `answers[${i}]: region ${answer.region} does not exist`);
  }
  record.tier = tierOf(record);
}

function locate(ctx: Ns1Context, req: SandboxRequest) {
  const zone = findZone(ctx, req);
  const domain = asciiName(req.params.domain, 'domain');
  const type = recordType(req.params.type);
  return { zone, domain, type, key: recordKey(zone.zone, domain, type) };
}

export function registerRecords(router: Router, ctx: Ns1Context): void {
  router.get('/zones/:zone/:domain/:type', (req) => {
    const { key } = locate(ctx, req);
    const record = ctx.state().records.get(key);
    if (!record) throw new SandboxHttpError(404, 'record not found');
    return json(fullRecord(ctx, record));
  });

  router.put('/zones/:zone/:domain/:type', (req) => {
    const apiKey = keyOf(req, ctx.state());
    require(apiKey, 'dns', 'manage_zones');
    const { zone, domain, type, key } = locate(ctx, req);
    const body = req.json<Record<string, unknown>>();
    if (zone.link) throw new SandboxHttpError(400, 'records cannot be added to a linked zone');
    if (!withinZone(domain, zone.zone)) throw new SandboxHttpError(400, `record ${domain} is not within zone ${zone.zone}`);
    if (body.zone !== undefined && asciiName(String(body.zone), 'zone') !== zone.zone) throw new SandboxHttpError(400, 'zone in body does not match the URL');
    if (body.domain !== undefined && asciiName(String(body.domain), 'domain') !== domain)
      throw new SandboxHttpError(400, 'domain in body does not match the URL');
    if (body.type !== undefined && String(body.type).toUpperCase() !== type) throw new SandboxHttpError(400, 'type in body does not match the URL');
    if (ctx.state().records.has(key)) throw new SandboxHttpError(400, 'record already exists');
    if (body.link === undefined && body.answers === undefined) throw new SandboxHttpError(400, 'answers or link is required');
    const record: DnsRecord = {
      id: ctx.state().ids.next(),
      zone: zone.zone,
      domain,
      type,
      ttl: zone.ttl,
      tier: 1,
      answers: [],
      regions: {},
      meta: {},
      filters: [],
      use_client_subnet: true,
      networks: [...zone.networks],
    };
    applyConfig(ctx, ctx.state(), record, body);
    ctx.state().records.set(key, record);
    bumpSerial(zone);
    recordActivity(ctx, apiKey, 'create', 'record', record.id);
    return json(fullRecord(ctx, record));
  });

  router.post('/zones/:zone/:domain/:type', (req) => {
    const apiKey = keyOf(req, ctx.state());
    require(apiKey, 'dns', 'manage_zones');
    const { zone, key } = locate(ctx, req);
    const current = ctx.state().records.get(key);
    if (!current) throw new SandboxHttpError(404, 'record not found');
    // Applied to a copy: a refused change leaves the record as it was.
    const record = structuredClone(current);
    applyConfig(ctx, ctx.state(), record, req.json<Record<string, unknown>>());
    ctx.state().records.set(key, record);
    bumpSerial(zone);
    recordActivity(ctx, apiKey, 'update', 'record', record.id);
    return json(fullRecord(ctx, record));
  });

  router.delete('/zones/:zone/:domain/:type', (req) => {
    const apiKey = keyOf(req, ctx.state());
    require(apiKey, 'dns', 'manage_zones');
    const { zone, key } = locate(ctx, req);
    const record = ctx.state().records.get(key);
    if (!record) throw new SandboxHttpError(404, 'record not found');
    ctx.state().records.delete(key);
    bumpSerial(zone);
    recordActivity(ctx, apiKey, 'delete', 'record', record.id);
    return json({});
  });
}
