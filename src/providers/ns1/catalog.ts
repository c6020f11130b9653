import { z } from 'zod';
import type { Ns1Api } from './api.js';

export interface Ns1Network {
  id: number;
  label: string;
  name: string;
}

export interface Ns1MetaType {
  key: string;
  shortDescription: string | null;
  description: string | null;
  category: string | null;
}

export interface Ns1FilterType {
  key: string;
  shortDescription: string | null;
  description: string | null;
  tier: number | null;
  inputs: string[];
  config: Record<string, unknown>;
}

export type Ns1SearchHit = { kind: 'zone'; zone: string } | { kind: 'record'; zone: string; domain: string; type: string };

const networksSchema = z.array(
  z.object({ network_id: z.number(), label: z.string(), name: z.string() }).transform((n) => ({ id: n.network_id, label: n.label, name: n.name })),
);

const describedSchema = z.record(
  z.string(),
  z.object({
    desc: z.string().nullish(),
    shortdesc: z.string().nullish(),
    category: z.string().nullish(),
    tier: z.number().nullish(),
    inputs: z.array(z.string()).nullish(),
    config: z.record(z.string(), z.unknown()).nullish(),
  }),
);

const searchSchema = z.array(
  z
    .object({ zone: z.string(), domain: z.string().nullish(), type: z.string().nullish() })
    .transform((hit): Ns1SearchHit =>
      hit.domain && hit.type ? { kind: 'record', zone: hit.zone, domain: hit.domain, type: hit.type } : { kind: 'zone', zone: hit.zone },
    ),
);

export type Ns1SearchType = 'all' | 'zone' | 'record';

/** NS1's catalogues (networks, metadata types, filter types) and search across zones and records. */
export class Ns1Catalog {
  constructor(private readonly api: Ns1Api) {}

  networks(): Promise<Ns1Network[]> {
    return this.api.call({ method: 'GET', path: '/networks' }, networksSchema, 'network list');
  }

  async metaTypes(): Promise<Ns1MetaType[]> {
    const types = await this.api.call({ method: 'GET', path: '/metatypes' }, describedSchema, 'metadata types');
    return Object.entries(types).map(([key, t]) => ({ key, shortDescription: t.shortdesc ?? null, description: t.desc ?? null, category: t.category ?? null }));
  }

  async filterTypes(): Promise<Ns1FilterType[]> {
    const types = await this.api.call({ method: 'GET', path: '/filtertypes' }, describedSchema, 'filter types');
    return Object.entries(types).map(([key, t]) => ({
      key,
      shortDescription: t.shortdesc ?? null,
      description: t.desc ?? null,
      tier: t.tier ?? null,
      inputs: t.inputs ?? [],
      config: t.config ?? {},
    }));
  }

  search(query: string, options: { max?: number; type?: Ns1SearchType } = {}): Promise<Ns1SearchHit[]> {
    return this.api.call({ method: 'GET', path: '/search', query: { q: query, max: options.max, type: options.type } }, searchSchema, 'search results');
  }
}
