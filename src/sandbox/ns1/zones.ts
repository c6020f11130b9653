import { isIP } from 'node:net';
import { json, SandboxHttpError, type Router, type SandboxRequest } from '../kit/index.js';
import { recordActivity } from './activity.js';
import { keyOf, require, zoneVisible } from './auth.js';
import type { DnsRecord, Zone } from './model.js';
import { asciiName } from './names.js';
import { shortRecord } from './record-views.js';
import type { Ns1Context } from './state.js';

const SOA_FIELDS = ['ttl', 'nx_ttl', 'retry', 'refresh', 'expiry'] as const;

export function zoneSummary(zone: Zone) {
  const { serial: _serial, link, secondary, ...rest } = zone;
  return { ...rest, ...(link ? { link } : {}), ...(secondary ? { secondary } : {}), serial: zone.serial };
}

export function zoneRecords(ctx: Ns1Context, zone: Zone): DnsRecord[] {
  if (zone.link) return [];
  return [...ctx.state().records.values()].filter((r) => r.zone === zone.zone).sort((a, b) => a.domain.localeCompare(b.domain) || a.type.localeCompare(b.type));
}

export function zoneDetail(ctx: Ns1Context, zone: Zone) {
  return { ...zoneSummary(zone), records: zoneRecords(ctx, zone).map(shortRecord) };
}

export function findZone(ctx: Ns1Context, req: SandboxRequest, name = req.params.zone): Zone {
  const key = keyOf(req, ctx.state());
  const ascii = asciiName(name, 'zone');
  const zone = ctx.state().zones.get(ascii);
  if (!zone || !zoneVisible(key, ascii)) throw new SandboxHttpError(404, 'zone not found');
  return zone;
}

/** The SOA serial moves on every change to the zone or its records. */
export function bumpSerial(zone: Zone): void {
  zone.serial += 1;
}

function poolFor(ctx: Ns1Context, name: string): string {
  const n = (name.length % 9) + 1;
  return `p0${n}`;
}

function readSoa(body: Record<string, unknown>): Partial<Pick<Zone, (typeof SOA_FIELDS)[number]>> {
  const out: Record<string, number> = {};
  for (const field of SOA_FIELDS) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new SandboxHttpError(400, `${field} must be a non-negative integer`);
    out[field] = value;
  }
  return out;
}

function readPrimary(value: unknown): Zone['primary'] | undefined {
  if (value === undefined) return undefined;
  const primary = value as { enabled?: unknown; secondaries?: unknown };
  if (typeof primary !== 'object' || primary === null) throw new SandboxHttpError(400, 'primary must be an object');
  const secondaries = Array.isArray(primary.secondaries) ? primary.secondaries : [];
  return {
    enabled: Boolean(primary.enabled),
    secondaries: secondaries.map((s: { ip?: unknown; port?: unknown; notify?: unknown; networks?: unknown }) => {
      if (typeof s.ip !== 'string' || isIP(s.ip) === 0) throw new SandboxHttpError(400, `secondary ip ${String(s.ip)} is not an IP address`);
      return {
        ip: s.ip,
        port: typeof s.port === 'number' ? s.port : 53,
        notify: Boolean(s.notify),
        networks: Array.isArray(s.networks) ? (s.networks as number[]) : [0],
      };
    }),
  };
}

function readSecondary(value: unknown): Zone['secondary'] | undefined {
  if (value === undefined) return undefined;
  const s = value as { enabled?: unknown; primary_ip?: unknown; primary_port?: unknown; tsig?: unknown };
  if (typeof s !== 'object' || s === null) throw new SandboxHttpError(400, 'secondary must be an object');
  if (s.enabled && (typeof s.primary_ip !== 'string' || isIP(s.primary_ip) !== 4))
    throw new SandboxHttpError(400, 'secondary.primary_ip must be an IPv4 address');
  return {
    enabled: Boolean(s.enabled),
    primary_ip: String(s.primary_ip ?? ''),
    primary_port: typeof s.primary_port === 'number' ? s.primary_port : 53,
    ...(s.tsig && typeof s.tsig === 'object' ? { tsig: s.tsig as NonNullable<Zone['secondary']>['tsig'] } : {}),
    status: 'pending',
  };
}

export function createZoneState(ctx: Ns1Context, name: string, body: Record<string, unknown>): Zone {
  const state = ctx.state();
  const pool = poolFor(ctx, name);
  const networks = Array.isArray(body.networks) ? body.networks.map(Number) : [0];
  const link = typeof body.link === 'string' ? asciiName(body.link, 'link') : undefined;
  if (link) {
    const target = state.zones.get(link);
    if (!target) throw new SandboxHttpError(400, `link target ${link} does not exist`);
    if (target.link) throw new SandboxHttpError(400, 'cannot link to a linked zone');
    const configured = [...SOA_FIELDS, 'primary', 'secondary'].filter((f) => body[f] !== undefined);
    if (configured.length > 0) throw new SandboxHttpError(400, `a linked zone takes no configuration (got ${configured.join(', ')})`);
  }
  const secondary = readSecondary(body.secondary);
  const zone: Zone = {
    id: state.ids.next(),
    zone: name,
    ttl: 3600,
    nx_ttl: 3600,
    retry: 7200,
    refresh: 43200,
    expiry: 1209600,
    ...readSoa(body),
    hostmaster: typeof body.hostmaster === 'string' ? body.hostmaster : `hostmaster@nsone.net`,
    serial: Number(new Date(ctx.clock.now()).toISOString().slice(0, 10).replace(/-/g, '')) * 100 + 1,
    dns_servers: secondary?.enabled || link ? [] : [1, 2, 3, 4].map((n) => `dns${n}.${pool}.nsone.net`),
    networks,
    network_pools: [pool],
    meta: body.meta && typeof body.meta === 'object' ? (body.meta as Record<string, unknown>) : {},
    primary: readPrimary(body.primary) ?? { enabled: false, secondaries: [] },
    ...(secondary ? { secondary } : {}),
    ...(link ? { link } : {}),
  };
  state.zones.set(name, zone);
  if (!secondary?.enabled && !link) {
    const ns: DnsRecord = {
      id: state.ids.next(),
      zone: name,
      domain: name,
      type: 'NS',
      ttl: 3600,
      tier: 1,
      answers: zone.dns_servers.map((server) => ({ id: state.ids.next(), answer: [server] })),
      regions: {},
      meta: {},
      filters: [],
      use_client_subnet: true,
      networks,
    };
    state.records.set(`${name}|${name}|NS`, ns);
  }
  return zone;
}

export function registerZones(router: Router, ctx: Ns1Context): void {
  router.get('/zones', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'dns', 'view_zones');
    const zones = [...ctx.state().zones.values()].filter((z) => zoneVisible(key, z.zone)).sort((a, b) => a.zone.localeCompare(b.zone));
    return json(zones.map(zoneSummary));
  });

  router.get('/zones/:zone', (req) => json(zoneDetail(ctx, findZone(ctx, req))));

  router.put('/zones/:zone', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'dns', 'manage_zones');
    const body = req.json<Record<string, unknown>>();
    const name = asciiName(req.params.zone, 'zone');
    if (typeof body.zone === 'string' && asciiName(body.zone, 'zone') !== name) throw new SandboxHttpError(400, 'zone in body does not match the URL');
    if (!zoneVisible(key, name)) throw new SandboxHttpError(403, `Forbidden: zone ${name} is not allowed for this key`);
    if (ctx.state().zones.has(name)) throw new SandboxHttpError(400, 'zone already exists');
    const zone = createZoneState(ctx, name, body);
    recordActivity(ctx, key, 'create', 'zone', zone.id);
    return json(zoneDetail(ctx, zone));
  });

  router.post('/zones/:zone', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'dns', 'manage_zones');
    const zone = findZone(ctx, req);
    if (zone.link) throw new SandboxHttpError(400, 'linked zones cannot be configured');
    const body = req.json<Record<string, unknown>>();
    if (body.zone !== undefined && asciiName(String(body.zone), 'zone') !== zone.zone) throw new SandboxHttpError(400, 'the zone name cannot be changed');
    Object.assign(zone, readSoa(body));
    if (typeof body.hostmaster === 'string') zone.hostmaster = body.hostmaster;
    if (body.meta && typeof body.meta === 'object') zone.meta = body.meta as Record<string, unknown>;
    const primary = readPrimary(body.primary);
    if (primary) zone.primary = primary;
    const secondary = readSecondary(body.secondary);
    if (secondary) zone.secondary = secondary;
    if (Array.isArray(body.networks)) zone.networks = body.networks.map(Number);
    bumpSerial(zone);
    recordActivity(ctx, key, 'update', 'zone', zone.id);
    return json(zoneDetail(ctx, zone));
  });

  router.delete('/zones/:zone', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'dns', 'manage_zones');
    const zone = findZone(ctx, req);
    const state = ctx.state();
    state.zones.delete(zone.zone);
    for (const [id, record] of state.records) if (record.zone === zone.zone) state.records.delete(id);
    recordActivity(ctx, key, 'delete', 'zone', zone.id);
    return json({});
  });
}
