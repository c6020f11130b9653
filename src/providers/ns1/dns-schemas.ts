import { z } from 'zod';
import { toUnicodeDomain } from '../../domain/domain-name.js';
import { RECORD_TYPES } from '../../domain/record-types.js';

const meta = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((m) => m ?? {});
const intOrNull = z
  .number()
  .nullish()
  .transform((v) => v ?? null);

export const zoneSummarySchema = z
  .object({
    id: z.string(),
    zone: z.string(),
    ttl: intOrNull,
    refresh: intOrNull,
    retry: intOrNull,
    expiry: intOrNull,
    nx_ttl: intOrNull,
    hostmaster: z.string().nullish(),
    serial: intOrNull,
    dns_servers: z.array(z.string()).nullish(),
    networks: z.array(z.number()).nullish(),
    network_pools: z.array(z.string()).nullish(),
    link: z.string().nullish(),
    primary: z
      .object({
        enabled: z.boolean(),
        secondaries: z
          .array(z.object({ ip: z.string(), port: z.number().nullish(), notify: z.boolean().nullish(), networks: z.array(z.number()).nullish() }))
          .nullish(),
      })
      .nullish(),
    secondary: z
      .object({
        enabled: z.boolean(),
        primary_ip: z.string().nullish(),
        primary_port: z.number().nullish(),
        tsig: z.record(z.string(), z.unknown()).nullish(),
        status: z.string().nullish(),
        last_xfr: z.number().nullish(),
        expired: z.boolean().nullish(),
      })
      .nullish(),
    meta,
  })
  .transform((z) => ({
    id: z.id,
    asciiName: z.zone,
    name: toUnicodeDomain(z.zone),
    ttl: z.ttl,
    refresh: z.refresh,
    retry: z.retry,
    expiry: z.expiry,
    nxTtl: z.nx_ttl,
    hostmaster: z.hostmaster ?? null,
    serial: z.serial,
    dnsServers: z.dns_servers ?? [],
    networks: z.networks ?? [],
    networkPools: z.network_pools ?? [],
    link: z.link ?? null,
    primary: z.primary
      ? {
          enabled: z.primary.enabled,
          secondaries: (z.primary.secondaries ?? []).map((s) => ({ ip: s.ip, port: s.port ?? 53, notify: s.notify ?? false, networks: s.networks ?? [] })),
        }
      : null,
    secondary: z.secondary
      ? {
          enabled: z.secondary.enabled,
          primaryIp: z.secondary.primary_ip ?? null,
          primaryPort: z.secondary.primary_port ?? null,
          tsig: z.secondary.tsig ?? null,
          status: z.secondary.status ?? null,
          lastTransferAt: z.secondary.last_xfr ? new Date(z.secondary.last_xfr * 1000) : null,
          expired: z.secondary.expired ?? null,
        }
      : null,
    meta: z.meta,
  }));

export const recordTypeSchema = z.enum(RECORD_TYPES);

const shortRecordSchema = z.object({
  id: z.string(),
  domain: z.string(),
  type: recordTypeSchema,
  ttl: intOrNull,
  tier: intOrNull,
  short_answers: z.array(z.string()).nullish(),
  link: z.string().nullish(),
});

export const zoneDetailSchema = z
  .object({ records: z.array(shortRecordSchema).nullish() })
  .passthrough()
  .transform((body, ctx) => {
    const summary = zoneSummarySchema.safeParse(body);
    if (!summary.success) {
      for (const issue of summary.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return {
      ...summary.data,
      records: (body.records ?? []).map((r) => ({
        id: r.id,
        zone: summary.data.asciiName,
        domain: r.domain,
        type: r.type,
        ttl: r.ttl,
        tier: r.tier,
        shortAnswers: r.short_answers ?? [],
        link: r.link ?? null,
      })),
    };
  });

export const zoneListSchema = z.array(zoneSummarySchema);

export const recordSchema = z
  .object({
    id: z.string(),
    zone: z.string(),
    domain: z.string(),
    type: recordTypeSchema,
    ttl: intOrNull,
    tier: intOrNull,
    link: z.string().nullish(),
    use_client_subnet: z.boolean().nullish(),
    networks: z.array(z.number()).nullish(),
    answers: z
      .array(
        z.object({
          id: z.string().nullish(),
          answer: z.array(z.union([z.string(), z.number()])),
          region: z.string().nullish(),
          meta,
          feeds: z.array(z.object({ source: z.string(), feed: z.string() })).nullish(),
        }),
      )
      .nullish(),
    regions: z.record(z.string(), z.object({ meta }).nullish()).nullish(),
    filters: z.array(z.object({ filter: z.string(), config: meta, disabled: z.boolean().nullish() })).nullish(),
    meta,
  })
  .transform((r) => {
    const answers = (r.answers ?? []).map((a) => ({
      id: a.id ?? null,
      rdata: a.answer.map(String),
      region: a.region ?? null,
      meta: a.meta,
      feeds: a.feeds ?? [],
    }));
    return {
      id: r.id,
      zone: r.zone,
      domain: r.domain,
      type: r.type,
      ttl: r.ttl,
      tier: r.tier,
      link: r.link ?? null,
      useClientSubnet: r.use_client_subnet ?? null,
      networks: r.networks ?? [],
      shortAnswers: answers.map((a) => a.rdata.join(' ')),
      answers,
      regions: Object.entries(r.regions ?? {}).map(([name, region]) => ({ name, meta: region?.meta ?? {} })),
      filters: (r.filters ?? []).map((f) => ({ filter: f.filter, config: f.config, disabled: f.disabled ?? null })),
      meta: r.meta,
    };
  });

export const qpsSchema = z.object({ qps: z.number() }).transform((b) => b.qps);

export const usageListSchema = z.array(
  z
    .object({
      period: z.string(),
      zone: z.string().nullish(),
      domain: z.string().nullish(),
      rectype: z.string().nullish(),
      records: z.number().nullish(),
      queries: z.number(),
      records_by_tier: z.array(z.number()).nullish(),
      queries_by_tier: z.array(z.number()).nullish(),
      graph: z.array(z.tuple([z.number(), z.number()])).nullish(),
    })
    .transform((u) => ({
      period: u.period,
      zone: u.zone ?? null,
      domain: u.domain ?? null,
      recordType: u.rectype ?? null,
      records: u.records ?? null,
      queries: u.queries,
      recordsByTier: u.records_by_tier ?? null,
      queriesByTier: u.queries_by_tier ?? null,
      graph: (u.graph ?? []).map(([at, queries]) => ({ at: new Date(at * 1000), queries })),
    })),
);
