import { json, SandboxHttpError, type Router } from '../kit/index.js';
import { keyOf, require, zoneVisible } from './auth.js';
import { unitHash } from './ids.js';
import { recordKey, type DnsRecord } from './model.js';
import { asciiName } from './names.js';
import type { Ns1Context } from './state.js';
import { findZone } from './zones.js';

const PERIODS: Record<string, number> = { '1h': 3600, '24h': 86_400, '30d': 30 * 86_400 };

/** Queries per second of a record at a time: its own base rate on a slow wave, deterministic per clock. */
export function recordQps(record: Pick<DnsRecord, 'zone' | 'domain' | 'type'>, nowSeconds: number): number {
  const seed = unitHash(`${record.zone}/${record.domain}/${record.type}`);
  const base = 0.5 + seed * 20;
  const minute = Math.floor(nowSeconds / 60);
  const wave = 1 + 0.35 * Math.sin((2 * Math.PI * minute) / 15 + seed * 6.28);
  return Math.round(base * wave * 10) / 10;
}

function sum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;
}

function bool(value: string | null, fallback: boolean): boolean {
  return value === null ? fallback : value === 'true' || value === '1';
}

export function registerStats(router: Router, ctx: Ns1Context): void {
  const visibleRecords = (req: Parameters<typeof keyOf>[0]) => {
    const key = keyOf(req, ctx.state());
    return [...ctx.state().records.values()].filter((r) => zoneVisible(key, r.zone));
  };
  const zoneRecords = (zone: string) => [...ctx.state().records.values()].filter((r) => r.zone === zone);

  router.get('/stats/qps', (req) => {
    require(keyOf(req, ctx.state()), 'dns', 'view_zones');
    return json({ qps: sum(visibleRecords(req).map((r) => recordQps(r, ctx.clock.nowSeconds()))) });
  });

  router.get('/stats/qps/:zone', (req) => {
    const zone = findZone(ctx, req);
    return json({ qps: sum(zoneRecords(zone.zone).map((r) => recordQps(r, ctx.clock.nowSeconds()))) });
  });

  router.get('/stats/qps/:zone/:domain/:type', (req) => {
    const zone = findZone(ctx, req);
    const record = ctx.state().records.get(recordKey(zone.zone, asciiName(req.params.domain, 'domain'), String(req.params.type).toUpperCase()));
    if (!record) throw new SandboxHttpError(404, 'record not found');
    return json({ qps: recordQps(record, ctx.clock.nowSeconds()) });
  });

  const usageOf = (records: DnsRecord[], period: string, labels: Record<string, unknown>, byTier: boolean) => {
    const seconds = PERIODS[period];
    if (!seconds) throw new SandboxHttpError(400, `period must be one of 1h, 24h, 30d`);
    const now = ctx.clock.nowSeconds();
    const points = 12;
    const step = seconds / points;
    const graphOf = (of: DnsRecord[]) => {
      const graph: Array<[number, number]> = [];
      for (let i = points; i >= 1; i--) {
        const at = now - i * step;
        graph.push([Math.floor(at), Math.round(of.reduce((acc, r) => acc + recordQps(r, at), 0) * step)]);
      }
      return graph;
    };
    const total = (graph: Array<[number, number]>) => graph.reduce((acc, [, q]) => acc + q, 0);
    const graph = graphOf(records);
    const tiers = [1, 2, 3].map((tier) => records.filter((r) => r.tier === tier));
    // As documented: [static, dynamic, intelligent], a tier without records an empty graph.
    const tierGraphs = tiers.map((t) => (t.length ? graphOf(t) : []));
    return {
      period,
      ...labels,
      records: records.length,
      queries: total(graph),
      graph,
      ...(byTier
        ? {
            records_by_tier: tiers.map((t) => t.length),
            queries_by_tier: tierGraphs.map(total),
            graph_by_tier: tierGraphs,
          }
        : {}),
    };
  };

  // As documented, a record's usage names the record and carries no record count.
  const recordUsage = (record: DnsRecord, period: string, byTier = false) => {
    const { records: _count, ...usage } = usageOf([record], period, { zone: record.zone, domain: record.domain, rectype: record.type }, byTier);
    return usage;
  };

  router.get('/stats/usage', (req) => {
    require(keyOf(req, ctx.state()), 'dns', 'view_zones');
    const period = req.query.get('period') ?? '24h';
    const records = visibleRecords(req);
    // As documented: aggregate (true unless given) sums across zones and tiers even when expand and by_tier are set.
    const aggregate = bool(req.query.get('aggregate'), true);
    const byTier = !aggregate && bool(req.query.get('by_tier'), false);
    if (!aggregate && bool(req.query.get('expand'), false)) {
      const zones = [...new Set(records.map((r) => r.zone))].sort();
      return json(
        zones.map((zone) =>
          usageOf(
            records.filter((r) => r.zone === zone),
            period,
            { zone },
            byTier,
          ),
        ),
      );
    }
    return json([usageOf(records, period, {}, byTier)]);
  });

  router.get('/stats/usage/:zone', (req) => {
    const zone = findZone(ctx, req);
    const period = req.query.get('period') ?? '24h';
    const records = zoneRecords(zone.zone);
    const aggregate = bool(req.query.get('aggregate'), true);
    const byTier = !aggregate && bool(req.query.get('by_tier'), false);
    if (!aggregate && bool(req.query.get('expand'), false)) {
      return json(records.map((r) => recordUsage(r, period, byTier)));
    }
    return json([usageOf(records, period, { zone: zone.zone }, byTier)]);
  });

  router.get('/stats/usage/:zone/:domain/:type', (req) => {
    const zone = findZone(ctx, req);
    const record = ctx.state().records.get(recordKey(zone.zone, asciiName(req.params.domain, 'domain'), String(req.params.type).toUpperCase()));
    if (!record) throw new SandboxHttpError(404, 'record not found');
    return json([recordUsage(record, req.query.get('period') ?? '24h')]);
  });
}
