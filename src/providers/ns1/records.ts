import { z } from 'zod';
import { encodePath } from '../http.js';
import type { ProviderCalls } from '../provider-api.js';
import { createWithPut, verifiedDelete } from '../write-retries.js';
import { intOrNull, jsonObject } from './fields.js';
import { recordTypeSchema, type RecordTypeName } from './record-types.js';

const recordSchema = z
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
          meta: jsonObject,
          feeds: z.array(z.object({ source: z.string(), feed: z.string() })).nullish(),
        }),
      )
      .nullish(),
    regions: z.record(z.string(), z.object({ meta: jsonObject }).nullish()).nullish(),
    filters: z.array(z.object({ filter: z.string(), config: jsonObject, disabled: z.boolean().nullish() })).nullish(),
    meta: jsonObject,
  })
  .transform((r) => {
    const answers = (r.answers ?? []).map((a) => ({
      id: a.id ?? null,
      rdata: a.answer.map(String),
      region: a.region ?? null,
      meta: a.meta,
      // A pointer to a feed that no longer exists comes without a source: it feeds nothing, so it is not listed.
      feeds: (a.feeds ?? []).filter((f) => f.source !== '' && f.feed !== ''),
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

export type Ns1Record = z.output<typeof recordSchema>;
export type Ns1Answer = Ns1Record['answers'][number];
export type Ns1FeedPointer = Ns1Answer['feeds'][number];

export interface Ns1RecordWrite {
  ttl?: number;
  answers?: Array<{ rdata: Array<string | number>; region?: string; meta?: Record<string, unknown> }>;
  link?: string;
  regions?: Array<{ name: string; meta?: Record<string, unknown> }>;
  filters?: Array<{ filter: string; config?: Record<string, unknown>; disabled?: boolean }>;
  meta?: Record<string, unknown>;
  useClientSubnet?: boolean;
}

function recordBody(input: Ns1RecordWrite): Record<string, unknown> {
  return {
    ...(input.ttl !== undefined ? { ttl: input.ttl } : {}),
    ...(input.answers !== undefined
      ? { answers: input.answers.map((a) => ({ answer: a.rdata, ...(a.region ? { region: a.region } : {}), ...(a.meta ? { meta: a.meta } : {}) })) }
      : {}),
    ...(input.link !== undefined ? { link: input.link } : {}),
    ...(input.regions !== undefined ? { regions: Object.fromEntries(input.regions.map((r) => [r.name, { meta: r.meta ?? {} }])) } : {}),
    ...(input.filters !== undefined
      ? { filters: input.filters.map((f) => ({ filter: f.filter, config: f.config ?? {}, ...(f.disabled !== undefined ? { disabled: f.disabled } : {}) })) }
      : {}),
    ...(input.meta !== undefined ? { meta: input.meta } : {}),
    ...(input.useClientSubnet !== undefined ? { use_client_subnet: input.useClientSubnet } : {}),
  };
}

/** NS1 records: GET/PUT/POST/DELETE /zones/:zone/:domain/:type. */
export class Ns1Records {
  constructor(private readonly api: ProviderCalls) {}

  get(zone: string, domain: string, type: RecordTypeName): Promise<Ns1Record> {
    return this.api.call({ method: 'GET', path: encodePath('zones', zone, domain, type), staleIfError: true }, recordSchema, 'record');
  }

  create(zone: string, domain: string, type: RecordTypeName, input: Ns1RecordWrite): Promise<Ns1Record> {
    const json = { zone, domain, type, ...recordBody(input), ...(input.answers === undefined && input.link ? { answers: [] } : {}) };
    return this.api.call(createWithPut(encodePath('zones', zone, domain, type), { json }), recordSchema, 'record');
  }

  update(zone: string, domain: string, type: RecordTypeName, input: Ns1RecordWrite): Promise<Ns1Record> {
    return this.api.call({ method: 'POST', path: encodePath('zones', zone, domain, type), json: recordBody(input) }, recordSchema, 'record');
  }

  async delete(zone: string, domain: string, type: RecordTypeName): Promise<void> {
    await this.api.send(verifiedDelete(encodePath('zones', zone, domain, type)));
  }
}
