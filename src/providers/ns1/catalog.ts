import { z } from 'zod';
import type { ProviderCalls } from '../provider-api.js';

const networksSchema = z.array(
  z.object({ network_id: z.number(), label: z.string(), name: z.string() }).transform((n) => ({ id: n.network_id, label: n.label, name: n.name })),
);

const catalogEntry = z.object({
  desc: z.string().nullish(),
  shortdesc: z.string().nullish(),
  category: z.string().nullish(),
  tier: z.number().nullish(),
  inputs: z.array(z.string()).nullish(),
  config: z.record(z.string(), z.unknown()).nullish(),
});

const metaTypesSchema = z
  .record(z.string(), catalogEntry)
  .transform((types) =>
    Object.entries(types).map(([key, t]) => ({ key, shortDescription: t.shortdesc ?? null, description: t.desc ?? null, category: t.category ?? null })),
  );

const filterTypesSchema = z.record(z.string(), catalogEntry).transform((types) =>
  Object.entries(types).map(([key, t]) => ({
    key,
    shortDescription: t.shortdesc ?? null,
    description: t.desc ?? null,
    tier: t.tier ?? null,
    inputs: t.inputs ?? [],
    config: t.config ?? {},
  })),
);

export type Ns1SearchHit = { kind: 'zone'; zone: string } | { kind: 'record'; zone: string; domain: string; type: string };

const searchSchema = z.array(
  z
    .object({ zone: z.string(), domain: z.string().nullish(), type: z.string().nullish() })
    .transform((hit): Ns1SearchHit =>
      hit.domain && hit.type ? { kind: 'record', zone: hit.zone, domain: hit.domain, type: hit.type } : { kind: 'zone', zone: hit.zone },
    ),
);

export type Ns1Network = z.output<typeof networksSchema>[number];
export type Ns1MetaType = z.output<typeof metaTypesSchema>[number];
export type Ns1FilterType = z.output<typeof filterTypesSchema>[number];
export type Ns1SearchType = 'all' | 'zone' | 'record';

/** NS1's networks: GET /networks. */
export class Ns1Networks {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1Network[]> {
    return this.api.call({ method: 'GET', path: '/networks' }, networksSchema, 'network list');
  }
}

/** The metadata NS1 knows for answers, regions and records: GET /metatypes. */
export class Ns1MetaTypes {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1MetaType[]> {
    return this.api.call({ method: 'GET', path: '/metatypes' }, metaTypesSchema, 'metadata types');
  }
}

/** The filters a record's filter chain may use: GET /filtertypes. */
export class Ns1FilterTypes {
  constructor(private readonly api: ProviderCalls) {}

  list(): Promise<Ns1FilterType[]> {
    return this.api.call({ method: 'GET', path: '/filtertypes' }, filterTypesSchema, 'filter types');
  }
}

/** Search across zones and records: GET /search. */
export class Ns1Search {
  constructor(private readonly api: ProviderCalls) {}

  list(query: string, options: { max?: number; type?: Ns1SearchType } = {}): Promise<Ns1SearchHit[]> {
    return this.api.call({ method: 'GET', path: '/search', query: { q: query, max: options.max, type: options.type } }, searchSchema, 'search results');
  }
}
