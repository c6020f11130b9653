import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut, verifiedDelete } from '../write-retries.js';
import { toUnicodeDomain } from '../../domain/domain-name.js';
import { intOrNull, jsonObject } from './fields.js';
import { recordTypeSchema } from './record-types.js';

const zoneFields = z.object({
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
  meta: jsonObject,
});

const summaryOf = (z: z.output<typeof zoneFields>) => ({
  id: z.id,
  /** ASCII form as NS1 stores it. */
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
});

export const zoneSummarySchema = zoneFields.transform(summaryOf);

const zoneListSchema = z.array(zoneSummarySchema);

const shortRecordSchema = z.object({
  id: z.string(),
  domain: z.string(),
  type: recordTypeSchema,
  ttl: intOrNull,
  tier: intOrNull,
  short_answers: z.array(z.string()).nullish(),
  link: z.string().nullish(),
});

/** A zone with the short form of its records, parsed once. */
export const zoneDetailSchema = zoneFields.extend({ records: z.array(shortRecordSchema).nullish() }).transform((body) => {
  const summary = summaryOf(body);
  // The summary spread last: V8 builds a literal that adds fields after a spread many times slower.
  return {
    records: (body.records ?? []).map((r) => ({
      id: r.id,
      zone: summary.asciiName,
      domain: r.domain,
      type: r.type,
      ttl: r.ttl,
      tier: r.tier,
      shortAnswers: r.short_answers ?? [],
      link: r.link ?? null,
    })),
    ...summary,
  };
});

export type Ns1ZoneSummary = z.output<typeof zoneSummarySchema>;
export type Ns1ZoneDetail = z.output<typeof zoneDetailSchema>;
export type Ns1RecordSummary = Ns1ZoneDetail['records'][number];
export type Ns1SecondaryServer = NonNullable<Ns1ZoneSummary['primary']>['secondaries'][number];

export interface Ns1ZoneWrite {
  ttl?: number;
  refresh?: number;
  retry?: number;
  expiry?: number;
  nxTtl?: number;
  hostmaster?: string;
  link?: string;
  networks?: number[];
  primary?: { enabled: boolean; secondaries: Array<{ ip: string; port?: number; notify?: boolean }> };
  secondary?: { enabled: boolean; primaryIp: string; primaryPort?: number };
  meta?: Record<string, unknown>;
}

function zoneBody(name: string | undefined, input: Ns1ZoneWrite): Record<string, unknown> {
  return {
    ...(name ? { zone: name } : {}),
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(input.refresh !== undefined ? { refresh: input.refresh } : {}),
    ...(input.retry !== undefined ? { retry: input.retry } : {}),
    ...(input.expiry !== undefined ? { expiry: input.expiry } : {}),
    ...(input.nxTtl !== undefined ? { nx_ttl: input.nxTtl } : {}),
    ...(input.hostmaster !== undefined ? { hostmaster: input.hostmaster } : {}),
    ...(input.link !== undefined ? { link: input.link } : {}),
    ...(input.networks !== undefined ? { networks: input.networks } : {}),
    ...(input.meta !== undefined ? { meta: input.meta } : {}),
    ...(input.primary
      ? {
          primary: {
            enabled: input.primary.enabled,
            secondaries: input.primary.secondaries.map((s) => ({ ip: s.ip, port: s.port ?? 53, notify: s.notify ?? false })),
          },
        }
      : {}),
    ...(input.secondary
      ? {
          secondary: {
            enabled: input.secondary.enabled,
            primary_ip: input.secondary.primaryIp,
            ...(input.secondary.primaryPort ? { primary_port: input.secondary.primaryPort } : {}),
          },
        }
      : {}),
  };
}

/** NS1 zones: GET /zones, GET/PUT/POST/DELETE /zones/:zone. Zone names go out in ASCII. */
export class Ns1Zones {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1ZoneSummary[]> {
    return this.api.call({ method: 'GET', path: '/zones', staleIfError: true }, zoneListSchema, 'zone list');
  }

  get(asciiName: string): Promise<Ns1ZoneDetail> {
    return this.api.call({ method: 'GET', path: encodePath('zones', asciiName), staleIfError: true }, zoneDetailSchema, 'zone');
  }

  create(asciiName: string, input: Ns1ZoneWrite): Promise<Ns1ZoneDetail> {
    return this.api.call(createWithPut(encodePath('zones', asciiName), { json: zoneBody(asciiName, input) }), zoneDetailSchema, 'zone');
  }

  update(asciiName: string, input: Ns1ZoneWrite): Promise<Ns1ZoneDetail> {
    return this.api.call({ method: 'POST', path: encodePath('zones', asciiName), json: zoneBody(undefined, input) }, zoneDetailSchema, 'zone');
  }

  async delete(asciiName: string): Promise<void> {
    await this.api.send(verifiedDelete(encodePath('zones', asciiName)));
  }
}
